package org.spange.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.spange.SpangeTest;
import org.spange.area.AreaQueries;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The network review: members answer once, anonymously (the answer table has no user, person or time), non-members
 * neither answer nor see, nothing of the results shows below the threshold or while the round is open, and above it
 * the means are right. Through the pages and the service.
 */
@SpangeTest
class NetworkReviewTest {

	private static final Viewer PLANNER = new Viewer("planung", true, false);
	private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Vienna"));

	@Autowired
	Networks networks;

	@Autowired
	NetworkReviews reviews;

	@Autowired
	AreaQueries areas;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	/** The test network with four more current members beside its coordinator and member: six can answer. */
	record Setup(NetworkTestData d, List<Person> members) {
	}

	Setup setup() {
		var d = NetworkTestData.create(networks, areas);
		List<Person> members = new ArrayList<>(List.of(d.coordinator(), d.member()));
		for (int i = 1; i <= 4; i++) {
			Person p = networks.createPerson(new Person(null, "Reviewmitglied " + i + " " + d.suffix() + " (fiktiv)",
					null, null, List.of(), null, null, null, null, Instant.now().minusSeconds(60), "Test", "v1",
					"nt-review-" + i + "-" + d.suffix()));
			networks.addMember(d.network().id(), p.id(), Membership.Role.MEMBER, LocalDate.of(2025, 1, 1), null);
			members.add(p);
		}
		return new Setup(d, members);
	}

	private ReviewRound open(Setup s) {
		return reviews.open(s.d().network().id(), "Runde " + s.d().suffix(), TODAY.minusDays(1), TODAY.plusDays(10),
				PLANNER);
	}

	private static Map<ReviewFactor, Integer> scores(int... values) {
		Map<ReviewFactor, Integer> m = new EnumMap<>(ReviewFactor.class);
		for (ReviewFactor f : ReviewFactor.values()) {
			m.put(f, values[f.ordinal()]);
		}
		return m;
	}

	private static MockHttpServletRequestBuilder answer(long round, int score) {
		MockHttpServletRequestBuilder post = post("/networks/reviews/" + round + "/answers").with(csrf());
		for (ReviewFactor f : ReviewFactor.values()) {
			post = post.param(f.name(), Integer.toString(score));
		}
		return post;
	}

	private MockHttpServletResponse as(Person p, MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request.with(user(p.username()).roles("PROVIDER"))).andReturn().getResponse();
	}

	private long answers(long round) {
		return jdbc.sql("select count(*) from network.review_answer where round_id = ?").param(round)
			.query(Long.class).single();
	}

	@Test
	void aMemberAnswersOnceOnly() throws Exception {
		Setup s = setup();
		ReviewRound round = open(s);
		Person member = s.d().member();
		assertThat(as(member, get("/networks/reviews/" + round.id())).getContentAsString())
			.contains("Ihre Einschätzung", "name=\"IDENTIFICATION\"");
		var first = as(member, answer(round.id(), 4).param("comment", "Gut so."));
		assertThat(first.getStatus()).isEqualTo(302);
		var second = as(member, answer(round.id(), 1));
		assertThat(second.getStatus()).isEqualTo(409);
		assertThat(second.getContentAsString())
			.contains("Sie haben in dieser Runde bereits geantwortet; jede Person antwortet einmal.")
			.doesNotContain("name=\"IDENTIFICATION\"");
		assertThat(answers(round.id())).isEqualTo(1);
		assertThatThrownBy(() -> reviews.answer(round.id(), scores(3, 3, 3, 3, 3, 3, 3), null,
				NetworkTestData.user(member))).isInstanceOf(AlreadyAnsweredException.class);
		assertThat(answers(round.id())).isEqualTo(1);
	}

	@Test
	void badAnswersAreRefusedByFactorAndWriteNothing() throws Exception {
		Setup s = setup();
		ReviewRound round = open(s);
		var response = as(s.d().member(), post("/networks/reviews/" + round.id() + "/answers").with(csrf())
			.param("IDENTIFICATION", "6").param("TRUST", "drei").param("GIVE_AND_TAKE", "3")
			.param("comment", "Behalten"));
		assertThat(response.getStatus()).isEqualTo(422);
		assertThat(response.getContentAsString()).contains("Identifikation mit dem Netzwerk: Bitte eine Stufe von 1 bis 5",
				"Vertrauen: Bitte eine Stufe von 1 bis 5", "Behalten").doesNotContain("Geben und Nehmen: Bitte");
		assertThat(answers(round.id())).isZero();
		assertThat(reviews.hasAnswered(NetworkTestData.user(s.d().member()), round.id())).isFalse();
	}

	@Test
	void nonMembersNeitherAnswerNorSee() throws Exception {
		Setup s = setup();
		ReviewRound round = open(s);
		for (Person p : List.of(s.d().outsider(), s.d().former())) {
			assertThat(as(p, get("/networks/" + s.d().network().id() + "/reviews")).getStatus()).isEqualTo(403);
			assertThat(as(p, get("/networks/reviews/" + round.id())).getStatus()).isEqualTo(403);
			assertThat(as(p, answer(round.id(), 5)).getStatus()).isEqualTo(403);
			// and the network page offers them no link that would end there
			assertThat(as(p, get("/networks/" + s.d().network().id())).getContentAsString())
				.doesNotContain("/networks/" + s.d().network().id() + "/reviews");
		}
		assertThat(as(s.d().member(), get("/networks/" + s.d().network().id())).getContentAsString())
			.contains("/networks/" + s.d().network().id() + "/reviews");
		// a planner sees, but is no member and so does not answer
		var planner = mvc.perform(get("/networks/reviews/" + round.id()).with(user("planung").roles("PLANNER")))
			.andReturn().getResponse();
		assertThat(planner.getStatus()).isEqualTo(200);
		assertThat(planner.getContentAsString()).doesNotContain("name=\"IDENTIFICATION\"");
		assertThat(mvc.perform(answer(round.id(), 5).with(user("planung").roles("PLANNER"))).andReturn().getResponse()
			.getStatus()).isEqualTo(403);
		// a member may not open rounds; the coordinator may
		assertThat(as(s.d().member(), post("/networks/" + s.d().network().id() + "/reviews").with(csrf())
			.param("title", "Versuch").param("opensOn", TODAY.toString()).param("closesOn", TODAY.toString()))
			.getStatus()).isEqualTo(403);
		var opened = as(s.d().coordinator(), post("/networks/" + s.d().network().id() + "/reviews").with(csrf())
			.param("title", "Von der Koordination").param("opensOn", TODAY.toString())
			.param("closesOn", TODAY.plusDays(3).toString()));
		assertThat(opened.getStatus()).isEqualTo(302);
		assertThat(answers(round.id())).isZero();
	}

	@Test
	void aBadRoundIsRefusedByField() throws Exception {
		Setup s = setup();
		long before = jdbc.sql("select count(*) from network.review_round").query(Long.class).single();
		var response = mvc.perform(post("/networks/" + s.d().network().id() + "/reviews").with(csrf())
			.with(user("planung").roles("PLANNER")).param("title", "").param("opensOn", "2026-05-10")
			.param("closesOn", "2026-05-01")).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(422);
		assertThat(response.getContentAsString()).contains("Bitte einen Titel angeben",
				"Das Ende darf nicht vor dem Beginn liegen.");
		assertThat(jdbc.sql("select count(*) from network.review_round").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void belowTheThresholdNothingShows() throws Exception {
		Setup s = setup();
		ReviewRound round = open(s);
		for (int i = 0; i < 4; i++) {
			reviews.answer(round.id(), scores(1, 2, 3, 4, 5, 1, 2), "Geheime Anmerkung " + i,
					NetworkTestData.user(s.members().get(i)));
		}
		reviews.close(round.id(), PLANNER);
		ReviewResult result = reviews.result(round.id(), PLANNER);
		assertThat(result.shown()).isFalse();
		assertThat(result.hidden()).isEqualTo(ReviewResult.Hidden.TOO_FEW);
		assertThat(result.factors()).isEmpty();
		assertThat(result.comments()).isEmpty();
		assertThat(result.needed()).isEqualTo(1);
		String body = as(s.d().member(), get("/networks/reviews/" + round.id())).getContentAsString();
		assertThat(body).contains("Noch keine Ergebnisse: Es fehlen 1 Antwort(en). Bisher 4 von mindestens 5 Antworten.")
			.doesNotContain("result-table", "class=\"num mean\"", "Geheime Anmerkung", "Mittelwert");
		assertThat(reviews.trend(s.d().network().id(), PLANNER)).isEmpty();
	}

	@Test
	void aboveTheThresholdTheMeansAreRightButOnlyOnceTheRoundHasEnded() throws Exception {
		Setup s = setup();
		ReviewRound round = open(s);
		int[][] given = { { 5, 4, 3, 2, 1, 1, 2 }, { 4, 4, 3, 2, 1, 2, 2 }, { 3, 4, 3, 2, 1, 3, 2 },
				{ 4, 4, 3, 2, 1, 4, 2 }, { 1, 4, 3, 2, 1, 5, 5 } };
		for (int i = 0; i < given.length; i++) {
			reviews.answer(round.id(), scores(given[i]), i == 0 ? "Mehr Austausch bitte." : null,
					NetworkTestData.user(s.members().get(i)));
		}
		// enough answers, but still open: nobody could tell one answer from the next look
		ReviewResult open = reviews.result(round.id(), NetworkTestData.user(s.d().member()));
		assertThat(open.hidden()).isEqualTo(ReviewResult.Hidden.STILL_OPEN);
		assertThat(open.factors()).isEmpty();
		assertThat(as(s.d().member(), get("/networks/reviews/" + round.id())).getContentAsString())
			.contains("Die Runde läuft noch (5 Antworten)").doesNotContain("result-table", "Mehr Austausch");

		assertThat(as(s.d().member(), post("/networks/reviews/" + round.id() + "/close").with(csrf())).getStatus())
			.isEqualTo(403);
		assertThat(as(s.d().coordinator(), post("/networks/reviews/" + round.id() + "/close").with(csrf()))
			.getStatus()).isEqualTo(302);
		ReviewResult result = reviews.result(round.id(), NetworkTestData.user(s.d().member()));
		assertThat(result.shown()).isTrue();
		assertThat(result.answers()).isEqualTo(5);
		assertThat(result.factors().get(ReviewFactor.IDENTIFICATION).mean()).isCloseTo(17 / 5.0, within(1e-12));
		assertThat(result.factors().get(ReviewFactor.IDENTIFICATION).distribution()).containsExactly(1, 0, 1, 2, 1);
		assertThat(result.factors().get(ReviewFactor.GIVE_AND_TAKE).mean()).isEqualTo(4.0);
		assertThat(result.factors().get(ReviewFactor.TRANSPARENCY).mean()).isEqualTo(3.0);
		assertThat(result.factors().get(ReviewFactor.CONFLICT_PREVENTION).mean()).isCloseTo(13 / 5.0, within(1e-12));
		assertThat(result.comments()).containsExactly("Mehr Austausch bitte.");
		String body = as(s.d().member(), get("/networks/reviews/" + round.id())).getContentAsString();
		assertThat(body).contains("result-table", "3,40", "2,60", "Mehr Austausch bitte.");
		// no more answers after the end
		assertThatThrownBy(() -> reviews.answer(round.id(), scores(3, 3, 3, 3, 3, 3, 3), null,
				NetworkTestData.user(s.members().get(5)))).isInstanceOf(InvalidNetworkInputException.class);
		// and the trend carries the round
		assertThat(reviews.trend(s.d().network().id(), PLANNER)).singleElement()
			.satisfies(p -> assertThat(p.means().get(ReviewFactor.IDENTIFICATION)).isCloseTo(3.4, within(1e-12)));
		assertThat(as(s.d().member(), get("/networks/" + s.d().network().id() + "/reviews")).getContentAsString())
			.contains("trend-table", "3,40");
	}

	@Test
	void answersCarryNoReferenceToAPersonAndTheRespondentsNoTime() {
		List<String> answerColumns = jdbc.sql("""
				select column_name from information_schema.columns
				where table_schema = 'network' and table_name = 'review_answer' order by column_name""")
			.query(String.class).list();
		assertThat(answerColumns).containsExactlyInAnyOrder("id", "round_id", "identification", "give_and_take",
				"trust", "continuity", "coordination", "transparency", "conflict_prevention", "comment");
		// the key is random, not a sequence that would give away the order of answering
		assertThat(jdbc.sql("""
				select data_type from information_schema.columns
				where table_schema = 'network' and table_name = 'review_answer' and column_name = 'id'""")
			.query(String.class).single()).isEqualTo("uuid");
		assertThat(jdbc.sql("""
				select column_name from information_schema.columns
				where table_schema = 'network' and table_name = 'review_respondent'""")
			.query(String.class).list()).containsExactlyInAnyOrder("round_id", "person_id");
	}

	@Test
	void theConflictProcedureIsAgreedByCoordinatorsAndShownOnTheNetworkPage() throws Exception {
		Setup s = setup();
		long network = s.d().network().id();
		assertThat(as(s.d().member(), post("/networks/" + network + "/conflict-procedure").with(csrf())
			.param("procedure", "Versuch").param("agreedOn", "2026-01-01")).getStatus()).isEqualTo(403);
		var bad = as(s.d().coordinator(), post("/networks/" + network + "/conflict-procedure").with(csrf())
			.param("procedure", " ").param("agreedOn", TODAY.plusDays(5).toString()));
		assertThat(bad.getStatus()).isEqualTo(422);
		assertThat(bad.getContentAsString()).contains("Bitte das Verfahren beschreiben",
				"Bitte das Datum der Vereinbarung angeben (nicht in der Zukunft).");
		assertThat(reviews.conflictProcedure(network)).isEmpty();
		assertThat(as(s.d().coordinator(), post("/networks/" + network + "/conflict-procedure").with(csrf())
			.param("procedure", "Erst direkt sprechen, dann Koordination " + s.d().suffix())
			.param("agreedOn", "2026-01-01")).getStatus()).isEqualTo(302);
		assertThat(as(s.d().outsider(), get("/networks/" + network)).getContentAsString())
			.contains("Vereinbartes Konfliktverfahren", "Erst direkt sprechen, dann Koordination " + s.d().suffix(),
					"vereinbart am 01.01.2026");
	}
}
