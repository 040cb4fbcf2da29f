package org.spange.network.internal;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.stream.Collectors;

import org.spange.access.AuditLog;
import org.spange.network.AlreadyAnsweredException;
import org.spange.network.ConflictProcedure;
import org.spange.network.InvalidNetworkInputException;
import org.spange.network.NetworkReviews;
import org.spange.network.Networks;
import org.spange.network.ReviewFactor;
import org.spange.network.ReviewResult;
import org.spange.network.ReviewRound;
import org.spange.network.Viewer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional
class JdbcNetworkReviews implements NetworkReviews {

	/** the answer table's column per factor */
	private static final Map<ReviewFactor, String> COLUMN = Collections.unmodifiableMap(
			java.util.Arrays.stream(ReviewFactor.values())
				.collect(Collectors.toMap(f -> f, f -> f.name().toLowerCase(Locale.ROOT), (a, b) -> a,
						() -> new EnumMap<>(ReviewFactor.class))));
	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;
	private final AuditLog audit;
	private final Networks networks;
	private final int minAnswers;

	JdbcNetworkReviews(JdbcClient jdbc, AuditLog audit, Networks networks,
			@Value("${spange.network.review.min-answers:5}") int minAnswers) {
		if (minAnswers < 1) {
			throw new IllegalArgumentException("spange.network.review.min-answers must be at least 1");
		}
		this.jdbc = jdbc;
		this.audit = audit;
		this.networks = networks;
		this.minAnswers = minAnswers;
	}

	@Override
	public int minAnswers() {
		return minAnswers;
	}

	@Override
	@Transactional(readOnly = true)
	public boolean maySee(Viewer viewer, long networkId) {
		return viewer.loggedIn()
				&& (viewer.planner() || networks.networksOf(viewer.username()).contains(networkId));
	}

	@Override
	@Transactional(readOnly = true)
	public boolean mayManage(Viewer viewer, long networkId) {
		return viewer.loggedIn() && (viewer.planner() || networks.coordinates(viewer.username(), networkId));
	}

	private void requireNetwork(long networkId) {
		if (networks.network(networkId).isEmpty()) {
			throw new NoSuchElementException("network " + networkId);
		}
	}

	@Override
	public ReviewRound open(long networkId, String title, LocalDate opensOn, LocalDate closesOn, Viewer viewer) {
		requireNetwork(networkId);
		if (!mayManage(viewer, networkId)) {
			throw new SecurityException("coordinators and planners only");
		}
		Map<String, String> problems = new LinkedHashMap<>();
		String t = title == null ? null : title.strip();
		if (t == null || t.isEmpty() || t.length() > 200) {
			problems.put("title", "nreview.check.title");
		}
		if (opensOn == null) {
			problems.put("opensOn", "nreview.check.opensOn");
		}
		if (closesOn == null) {
			problems.put("closesOn", "nreview.check.closesOn");
		} else if (opensOn != null && closesOn.isBefore(opensOn)) {
			problems.put("closesOn", "nreview.check.closesOn.beforeOpen");
		} else if (closesOn.isBefore(today())) {
			problems.put("closesOn", "nreview.check.closesOn.past");
		}
		if (!problems.isEmpty()) {
			throw new InvalidNetworkInputException(problems);
		}
		long id = jdbc.sql("""
				insert into network.review_round (network_id, title, opens_on, closes_on) values (?, ?, ?, ?)
				returning id""").params(networkId, t, opensOn, closesOn).query(Long.class).single();
		audit.record("network.review.open", "network.review_round", Long.toString(id),
				Map.of("network", networkId, "title", t));
		return new ReviewRound(id, networkId, t, opensOn, closesOn, false, 0);
	}

	@Override
	public void close(long roundId, Viewer viewer) {
		ReviewRound round = find(roundId).orElseThrow(() -> new NoSuchElementException("review round " + roundId));
		if (!mayManage(viewer, round.networkId())) {
			throw new SecurityException("coordinators and planners only");
		}
		jdbc.sql("""
				update network.review_round set closed = true,
				    closes_on = greatest(opens_on, least(closes_on, ?)) where id = ?""")
			.params(today(), roundId).update();
		audit.record("network.review.close", "network.review_round", Long.toString(roundId), Map.of());
	}

	private static final String ROUND_SQL = """
			select r.id, r.network_id, r.title, r.opens_on, r.closes_on, r.closed,
			       (select count(*) from network.review_respondent s where s.round_id = r.id) as answers
			from network.review_round r""";

	private static ReviewRound round(ResultSet rs) throws SQLException {
		return new ReviewRound(rs.getLong("id"), rs.getLong("network_id"), rs.getString("title"),
				rs.getObject("opens_on", LocalDate.class), rs.getObject("closes_on", LocalDate.class),
				rs.getBoolean("closed"), rs.getInt("answers"));
	}

	private Optional<ReviewRound> find(long roundId) {
		return jdbc.sql(ROUND_SQL + " where r.id = ?").param(roundId).query((rs, i) -> round(rs)).optional();
	}

	@Override
	@Transactional(readOnly = true)
	public List<ReviewRound> rounds(long networkId, Viewer viewer) {
		requireNetwork(networkId);
		if (!maySee(viewer, networkId)) {
			throw new SecurityException("members and planners only");
		}
		return jdbc.sql(ROUND_SQL + " where r.network_id = ? order by r.opens_on desc, r.id desc").param(networkId)
			.query((rs, i) -> round(rs)).list();
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<ReviewRound> round(long roundId, Viewer viewer) {
		Optional<ReviewRound> round = find(roundId);
		if (round.isPresent() && !maySee(viewer, round.get().networkId())) {
			throw new SecurityException("members and planners only");
		}
		return round;
	}

	/** The viewer's person if it is a current member of the network. */
	private Optional<Long> memberPerson(Viewer viewer, long networkId) {
		if (!viewer.loggedIn() || !networks.networksOf(viewer.username()).contains(networkId)) {
			return Optional.empty();
		}
		return networks.personOf(viewer.username());
	}

	@Override
	@Transactional(readOnly = true)
	public boolean hasAnswered(Viewer viewer, long roundId) {
		Optional<Long> person = networks.personOf(viewer.username());
		return person.isPresent() && jdbc.sql("""
				select count(*) from network.review_respondent where round_id = ? and person_id = ?""")
			.params(roundId, person.get()).query(Long.class).single() > 0;
	}

	@Override
	@Transactional(readOnly = true)
	public boolean mayAnswer(Viewer viewer, long roundId) {
		Optional<ReviewRound> round = find(roundId);
		return round.isPresent() && round.get().openOn(today())
				&& memberPerson(viewer, round.get().networkId()).isPresent() && !hasAnswered(viewer, roundId);
	}

	@Override
	public void answer(long roundId, Map<ReviewFactor, Integer> scores, String comment, Viewer viewer) {
		ReviewRound round = find(roundId).orElseThrow(() -> new NoSuchElementException("review round " + roundId));
		Long person = memberPerson(viewer, round.networkId())
			.orElseThrow(() -> new SecurityException("current members only"));
		Map<String, String> problems = new LinkedHashMap<>();
		if (!round.openOn(today())) {
			problems.put("round", "nreview.check.notOpen");
		}
		for (ReviewFactor f : ReviewFactor.values()) {
			Integer score = scores == null ? null : scores.get(f);
			if (score == null || score < 1 || score > 5) {
				problems.put(f.name(), "nreview.check.score");
			}
		}
		String c = comment == null || comment.isBlank() ? null : comment.strip();
		if (c != null && c.length() > 2000) {
			problems.put("comment", "nreview.check.comment");
		}
		if (!problems.isEmpty()) {
			throw new InvalidNetworkInputException(problems);
		}
		// who has answered first (the primary key refuses a second answer, also under concurrency) ...
		int inserted = jdbc.sql("""
				insert into network.review_respondent (round_id, person_id) values (?, ?) on conflict do nothing""")
			.params(roundId, person).update();
		if (inserted == 0) {
			throw new AlreadyAnsweredException(roundId);
		}
		// ... then the answer, with nothing that points back to the person: no user, no time, a random key. Not
		// audited either: the respondent row is the record that this member has answered.
		List<Object> values = new ArrayList<>();
		values.add(roundId);
		for (ReviewFactor f : ReviewFactor.values()) {
			values.add(scores.get(f));
		}
		values.add(c);
		jdbc.sql("insert into network.review_answer (round_id, "
				+ String.join(", ", COLUMN.values()) + ", comment) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(values).update();
	}

	@Override
	@Transactional(readOnly = true)
	public ReviewResult result(long roundId, Viewer viewer) {
		ReviewRound round = round(roundId, viewer)
			.orElseThrow(() -> new NoSuchElementException("review round " + roundId));
		int answers = round.answers();
		if (answers < minAnswers) {
			return new ReviewResult(round, answers, minAnswers, ReviewResult.Hidden.TOO_FEW, null, null);
		}
		if (!round.finishedOn(today())) {
			return new ReviewResult(round, answers, minAnswers, ReviewResult.Hidden.STILL_OPEN, null, null);
		}
		Map<ReviewFactor, ReviewResult.FactorResult> factors = new EnumMap<>(ReviewFactor.class);
		for (var e : COLUMN.entrySet()) {
			// the column name comes from the enum, never from input
			List<Integer> counts = new ArrayList<>(List.of(0, 0, 0, 0, 0));
			jdbc.sql("select " + e.getValue() + ", count(*) from network.review_answer where round_id = ? group by 1")
				.param(roundId).query(rs -> {
					counts.set(rs.getInt(1) - 1, rs.getInt(2));
				});
			int n = counts.stream().mapToInt(Integer::intValue).sum();
			double sum = 0;
			for (int i = 0; i < 5; i++) {
				sum += (i + 1) * counts.get(i);
			}
			factors.put(e.getKey(), new ReviewResult.FactorResult(n == 0 ? 0 : sum / n, counts));
		}
		List<String> comments = new ArrayList<>(jdbc.sql(
				"select comment from network.review_answer where round_id = ? and comment is not null")
			.param(roundId).query(String.class).list());
		Collections.shuffle(comments, RANDOM);
		return new ReviewResult(round, answers, minAnswers, null, factors, comments);
	}

	@Override
	@Transactional(readOnly = true)
	public List<TrendPoint> trend(long networkId, Viewer viewer) {
		List<ReviewRound> rounds = new ArrayList<>(rounds(networkId, viewer));
		Collections.reverse(rounds);
		List<TrendPoint> points = new ArrayList<>();
		for (ReviewRound r : rounds) {
			ReviewResult result = result(r.id(), viewer);
			if (result.shown()) {
				Map<ReviewFactor, Double> means = new EnumMap<>(ReviewFactor.class);
				result.factors().forEach((f, fr) -> means.put(f, fr.mean()));
				points.add(new TrendPoint(r, means));
			}
		}
		return points;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<ConflictProcedure> conflictProcedure(long networkId) {
		return jdbc.sql("select text, agreed_on from network.conflict_procedure where network_id = ?")
			.param(networkId)
			.query((rs, i) -> new ConflictProcedure(networkId, rs.getString(1), rs.getObject(2, LocalDate.class)))
			.optional();
	}

	@Override
	public ConflictProcedure agreeConflictProcedure(long networkId, String text, LocalDate agreedOn, Viewer viewer) {
		requireNetwork(networkId);
		if (!mayManage(viewer, networkId)) {
			throw new SecurityException("coordinators and planners only");
		}
		Map<String, String> problems = new LinkedHashMap<>();
		String t = text == null ? null : text.strip();
		if (t == null || t.isEmpty() || t.length() > 4000) {
			problems.put("procedure", "nreview.check.procedure");
		}
		if (agreedOn == null || agreedOn.isAfter(today())) {
			problems.put("agreedOn", "nreview.check.agreedOn");
		}
		if (!problems.isEmpty()) {
			throw new InvalidNetworkInputException(problems);
		}
		jdbc.sql("""
				insert into network.conflict_procedure (network_id, text, agreed_on, updated_by) values (?, ?, ?, ?)
				on conflict (network_id) do update set text = excluded.text, agreed_on = excluded.agreed_on,
				    updated_by = excluded.updated_by""")
			.params(networkId, t, agreedOn, viewer.username()).update();
		audit.record("network.conflictProcedure.agree", "network.network", Long.toString(networkId),
				Map.of("agreedOn", agreedOn.toString()));
		return new ConflictProcedure(networkId, t, agreedOn);
	}

	private static LocalDate today() {
		return LocalDate.now(JdbcNetworks.VIENNA);
	}
}
