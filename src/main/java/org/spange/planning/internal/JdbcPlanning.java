package org.spange.planning.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;

import org.spange.access.AuditLog;
import org.spange.area.AreaHierarchy;
import org.spange.area.AreaId;
import org.spange.area.AreaQueries;
import org.spange.conference.Conferences;
import org.spange.indicator.Indicator;
import org.spange.indicator.IndicatorCatalog;
import org.spange.indicator.IndicatorValue;
import org.spange.indicator.IndicatorValues;
import org.spange.indicator.Period;
import org.spange.indicator.Polarity;
import org.spange.network.ActorOrganization;
import org.spange.network.Networks;
import org.spange.network.Viewer;
import org.spange.offer.OfferCatalog;
import org.spange.planning.CycleStage;
import org.spange.planning.Direction;
import org.spange.planning.Evaluation;
import org.spange.planning.Goal;
import org.spange.planning.GoalDeletion;
import org.spange.planning.GoalProgress;
import org.spange.planning.Guideline;
import org.spange.planning.IndicatorTarget;
import org.spange.planning.InvalidPlanningException;
import org.spange.planning.InvalidPlanningException.Problem;
import org.spange.planning.Measure;
import org.spange.planning.MeasureStatus;
import org.spange.planning.Planning;
import org.spange.planning.StatusChange;
import org.spange.planning.TargetProgress;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** The planning cycle on PostgreSQL (schema {@code planning}). */
@Service
class JdbcPlanning implements Planning {

	private static final int SHORT = 200;
	private static final int LONG = 4000;

	private final JdbcClient jdbc;
	private final TransactionTemplate tx;
	private final AuditLog audit;
	private final AreaQueries areas;
	private final IndicatorCatalog indicators;
	private final IndicatorValues values;
	private final OfferCatalog offers;
	private final Conferences conferences;
	private final Networks networks;

	JdbcPlanning(JdbcClient jdbc, TransactionTemplate tx, AuditLog audit, AreaQueries areas,
			IndicatorCatalog indicators, IndicatorValues values, OfferCatalog offers, Conferences conferences,
			Networks networks) {
		this.conferences = conferences;
		this.networks = networks;
		this.jdbc = jdbc;
		this.tx = tx;
		this.audit = audit;
		this.areas = areas;
		this.indicators = indicators;
		this.values = values;
		this.offers = offers;
	}

	// guidelines

	private static final String GUIDELINE = "select id, body, area_id, title, text, resolved_on, demo from planning.guideline";

	private static Guideline guideline(ResultSet rs, int row) throws SQLException {
		return new Guideline(rs.getLong("id"), rs.getString("body"), (Long) rs.getObject("area_id"),
				rs.getString("title"), rs.getString("text"), rs.getObject("resolved_on", LocalDate.class),
				rs.getBoolean("demo"));
	}

	@Override
	public List<Guideline> guidelines() {
		return jdbc.sql(GUIDELINE + " order by resolved_on, id").query(JdbcPlanning::guideline).list();
	}

	@Override
	public Optional<Guideline> guideline(long id) {
		return jdbc.sql(GUIDELINE + " where id = ?").param(id).query(JdbcPlanning::guideline).optional();
	}

	@Override
	public Guideline createGuideline(Guideline g) {
		check(guidelineProblems(g));
		return tx.execute(status -> {
			long id = jdbc.sql("""
					insert into planning.guideline (body, area_id, title, text, resolved_on, demo)
					values (?, ?, ?, ?, ?, ?) returning id""")
				.params(g.body().strip(), g.areaId(), g.title().strip(), g.text().strip(), g.resolvedOn(), g.isDemo())
				.query(Long.class).single();
			audit.record("planning.guideline.create", "guideline", Long.toString(id), Map.of("title", g.title()));
			return guideline(id).orElseThrow();
		});
	}

	@Override
	public Guideline updateGuideline(long id, Guideline g) {
		guideline(id).orElseThrow(() -> new NoSuchElementException("No guideline " + id));
		check(guidelineProblems(g));
		return tx.execute(status -> {
			jdbc.sql("""
					update planning.guideline set body = ?, area_id = ?, title = ?, text = ?, resolved_on = ?,
					updated_at = now() where id = ?""")
				.params(g.body().strip(), g.areaId(), g.title().strip(), g.text().strip(), g.resolvedOn(), id)
				.update();
			audit.record("planning.guideline.update", "guideline", Long.toString(id), Map.of("title", g.title()));
			return guideline(id).orElseThrow();
		});
	}

	private List<Problem> guidelineProblems(Guideline g) {
		List<Problem> problems = new ArrayList<>();
		text(problems, "body", g.body(), true, SHORT);
		text(problems, "title", g.title(), true, SHORT);
		text(problems, "text", g.text(), true, LONG);
		if (g.resolvedOn() == null) {
			problems.add(new Problem("resolvedOn", "required", "The date of resolution is required"));
		} else if (g.resolvedOn().getYear() < 1900 || g.resolvedOn().isAfter(LocalDate.now().plusYears(1))) {
			problems.add(new Problem("resolvedOn", "date.range", "The date of resolution is implausible"));
		}
		if (g.areaId() != null && !areaExists(g.areaId())) {
			problems.add(new Problem("areaId", "area.unknown", "No area " + g.areaId()));
		}
		return problems;
	}

	// goals

	private static final String GOAL = "select id, area_id, parent_id, title, description from planning.goal";

	private Goal goalRow(ResultSet rs) throws SQLException {
		long id = rs.getLong("id");
		return new Goal(id, rs.getLong("area_id"), (Long) rs.getObject("parent_id"), rs.getString("title"),
				rs.getString("description"), null, null);
	}

	/** Rows with their guidelines and targets, in two more queries for the whole list. */
	private List<Goal> complete(List<Goal> rows) {
		if (rows.isEmpty()) {
			return rows;
		}
		List<Long> ids = rows.stream().map(Goal::id).toList();
		Map<Long, List<Long>> guidelines = new HashMap<>();
		jdbc.sql("select goal_id, guideline_id from planning.goal_guideline where goal_id in (:ids) order by guideline_id")
			.param("ids", ids)
			.query((rs, n) -> guidelines.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2)))
			.list();
		Map<Long, List<IndicatorTarget>> targets = new HashMap<>();
		jdbc.sql("""
				select goal_id, indicator_key, baseline_period, baseline_value, target_value, target_period, direction
				from planning.indicator_target where goal_id in (:ids) order by goal_id, rank""")
			.param("ids", ids)
			.query((rs, n) -> targets.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
				.add(new IndicatorTarget(rs.getString(2), rs.getString(3), rs.getDouble(4), rs.getDouble(5),
						rs.getString(6), Direction.valueOf(rs.getString(7)))))
			.list();
		return rows.stream().map(g -> new Goal(g.id(), g.areaId(), g.parentId(), g.title(), g.description(),
				guidelines.get(g.id()), targets.get(g.id()))).toList();
	}

	@Override
	public List<Goal> goals() {
		List<Goal> rows = jdbc.sql(GOAL + " order by title, id").query((rs, n) -> goalRow(rs)).list();
		return complete(rows);
	}

	@Override
	public Optional<Goal> goal(long id) {
		return complete(jdbc.sql(GOAL + " where id = ?").param(id).query((rs, n) -> goalRow(rs)).list()).stream()
			.findFirst();
	}

	@Override
	public List<Goal> children(long goalId) {
		return complete(jdbc.sql(GOAL + " where parent_id = ? order by title, id").param(goalId)
			.query((rs, n) -> goalRow(rs)).list());
	}

	@Override
	public Goal createGoal(Goal goal) {
		Goal checked = checkGoal(null, goal);
		return tx.execute(status -> {
			long id = jdbc.sql("""
					insert into planning.goal (area_id, parent_id, title, description) values (?, ?, ?, ?)
					returning id""")
				.params(checked.areaId(), checked.parentId(), checked.title(), checked.description())
				.query(Long.class).single();
			writeLinks(id, checked);
			audit.record("planning.goal.create", "goal", Long.toString(id),
					Map.of("title", checked.title(), "targets", checked.targets().size()));
			return goal(id).orElseThrow();
		});
	}

	@Override
	public Goal updateGoal(long id, Goal goal) {
		goal(id).orElseThrow(() -> new NoSuchElementException("No goal " + id));
		Goal checked = checkGoal(id, goal);
		return tx.execute(status -> {
			jdbc.sql("""
					update planning.goal set area_id = ?, parent_id = ?, title = ?, description = ?, updated_at = now()
					where id = ?""")
				.params(checked.areaId(), checked.parentId(), checked.title(), checked.description(), id).update();
			jdbc.sql("delete from planning.goal_guideline where goal_id = ?").param(id).update();
			jdbc.sql("delete from planning.indicator_target where goal_id = ?").param(id).update();
			writeLinks(id, checked);
			audit.record("planning.goal.update", "goal", Long.toString(id),
					Map.of("title", checked.title(), "targets", checked.targets().size()));
			return goal(id).orElseThrow();
		});
	}

	private void writeLinks(long id, Goal goal) {
		for (Long guideline : new LinkedHashSet<>(goal.guidelineIds())) {
			jdbc.sql("insert into planning.goal_guideline (goal_id, guideline_id) values (?, ?)").params(id, guideline)
				.update();
		}
		int rank = 0;
		for (IndicatorTarget t : goal.targets()) {
			jdbc.sql("""
					insert into planning.indicator_target (goal_id, rank, indicator_key, baseline_period, baseline_value,
					target_value, target_period, direction) values (?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(id, rank++, t.indicatorKey(), t.baselinePeriod(), t.baselineValue(), t.targetValue(),
						t.targetPeriod(), t.direction().name())
				.update();
		}
	}

	/** Every problem of a goal, or the goal as it will be stored (stripped, baselines and directions filled in). */
	private Goal checkGoal(Long id, Goal g) {
		List<Problem> problems = new ArrayList<>();
		text(problems, "title", g.title(), true, SHORT);
		text(problems, "description", g.description(), false, LONG);
		boolean areaKnown = g.areaId() != null && areaExists(g.areaId());
		if (g.areaId() == null) {
			problems.add(new Problem("areaId", "required", "The area is required"));
		} else if (!areaKnown) {
			problems.add(new Problem("areaId", "area.unknown", "No area " + g.areaId()));
		}
		if (g.guidelineIds().isEmpty()) {
			problems.add(new Problem("guidelineIds", "guideline.required", "At least one guideline is required"));
		}
		for (Long guideline : g.guidelineIds()) {
			if (guideline == null || guideline(guideline).isEmpty()) {
				problems.add(new Problem("guidelineIds", "guideline.unknown", "No guideline " + guideline));
				break;
			}
		}
		if (g.parentId() != null) {
			Optional<Goal> parent = goal(g.parentId());
			if (parent.isEmpty()) {
				problems.add(new Problem("parentId", "goal.unknown", "No goal " + g.parentId()));
			} else if (id != null && reachesUp(g.parentId(), id)) {
				problems.add(new Problem("parentId", "goal.cycle",
						"Goal " + g.parentId() + " is this goal or below it: that would make a cycle"));
			} else if (areaKnown && !contains(parent.get().areaId(), g.areaId())) {
				problems.add(new Problem("parentId", "goal.parentArea",
						"The parent goal's area must contain or equal this goal's area"));
			}
		}
		List<IndicatorTarget> targets = new ArrayList<>();
		Set<String> keys = new HashSet<>();
		for (int i = 0; i < g.targets().size(); i++) {
			targets.add(checkTarget(problems, "targets[" + i + "].", g.targets().get(i), areaKnown ? g.areaId() : null,
					keys));
		}
		check(problems);
		return new Goal(id, g.areaId(), g.parentId(), g.title().strip(), blankToNull(g.description()),
				g.guidelineIds(), targets);
	}

	private IndicatorTarget checkTarget(List<Problem> problems, String prefix, IndicatorTarget t, Long areaId,
			Set<String> keys) {
		Optional<Indicator> indicator = Optional.empty();
		if (t.indicatorKey() == null || t.indicatorKey().isBlank()) {
			problems.add(new Problem(prefix + "indicatorKey", "required", "The indicator is required"));
		} else {
			indicator = indicators.indicator(t.indicatorKey().strip());
			if (indicator.isEmpty()) {
				problems.add(new Problem(prefix + "indicatorKey", "indicator.unknown",
						"No indicator '" + t.indicatorKey() + "'"));
			} else if (!keys.add(indicator.get().key())) {
				problems.add(new Problem(prefix + "indicatorKey", "indicator.twice",
						"The indicator has a target already"));
			}
		}
		Optional<Period> baselinePeriod = period(problems, prefix + "baselinePeriod", t.baselinePeriod());
		Optional<Period> targetPeriod = period(problems, prefix + "targetPeriod", t.targetPeriod());
		if (baselinePeriod.isPresent() && targetPeriod.isPresent()
				&& targetPeriod.get().compareTo(baselinePeriod.get()) <= 0) {
			problems.add(new Problem(prefix + "targetPeriod", "period.order",
					"The target period must come after the baseline period"));
		}
		Double baseline = t.baselineValue();
		if (baseline == null && indicator.isPresent() && baselinePeriod.isPresent() && areaId != null) {
			IndicatorValue value = values.values(indicator.get().key(), baselinePeriod.get(), List.of(new AreaId(areaId)))
				.get(new AreaId(areaId));
			baseline = value == null ? null : value.value();
		}
		if (baseline == null && indicator.isPresent() && baselinePeriod.isPresent()) {
			problems.add(new Problem(prefix + "baselineValue", "baseline.missing",
					"There is no computed value for the area in the baseline period: enter the baseline value"));
		} else if (baseline != null && !Double.isFinite(baseline)) {
			problems.add(new Problem(prefix + "baselineValue", "number", "Not a number"));
		}
		if (t.targetValue() == null) {
			problems.add(new Problem(prefix + "targetValue", "required", "The target value is required"));
		} else if (!Double.isFinite(t.targetValue())) {
			problems.add(new Problem(prefix + "targetValue", "number", "Not a number"));
		}
		Direction direction = t.direction();
		if (direction == null && indicator.isPresent()) {
			direction = indicator.get().polarity() == Polarity.HIGHER_IS_WORSE ? Direction.DECREASE
					: Direction.INCREASE;
		}
		if (baseline != null && t.targetValue() != null && direction != null) {
			if (direction == Direction.INCREASE && !(t.targetValue() > baseline)) {
				problems.add(new Problem(prefix + "targetValue", "target.notAbove",
						"To increase, the target value must lie above the baseline value " + baseline));
			} else if (direction == Direction.DECREASE && !(t.targetValue() < baseline)) {
				problems.add(new Problem(prefix + "targetValue", "target.notBelow",
						"To decrease, the target value must lie below the baseline value " + baseline));
			}
		}
		return new IndicatorTarget(indicator.map(Indicator::key).orElse(t.indicatorKey()),
				baselinePeriod.map(Period::toString).orElse(null), baseline, t.targetValue(),
				targetPeriod.map(Period::toString).orElse(null), direction);
	}

	private static Optional<Period> period(List<Problem> problems, String field, String text) {
		if (text == null || text.isBlank()) {
			problems.add(new Problem(field, "required", "The period is required"));
			return Optional.empty();
		}
		Optional<Period> period = Period.tryParse(text);
		if (period.isEmpty()) {
			problems.add(new Problem(field, "period.invalid", "Not a period: expected 2024, 2024-Q1 or 2024-03"));
		}
		return period;
	}

	/** Whether walking up the parents from {@code start} meets {@code goalId} (start itself included). */
	private boolean reachesUp(long start, long goalId) {
		Set<Long> seen = new HashSet<>();
		Long current = start;
		while (current != null && seen.add(current)) {
			if (current == goalId) {
				return true;
			}
			current = jdbc.sql("select parent_id from planning.goal where id = ?").param(current)
				.query((rs, n) -> (Long) rs.getObject(1)).optional().orElse(null);
		}
		return false;
	}

	/** Whether {@code outer} equals {@code inner} or is one of its ancestors in any scheme. */
	boolean contains(long outer, long inner) {
		if (outer == inner) {
			return true;
		}
		Map<String, Map<Long, Long>> parents = new HashMap<>();
		for (AreaHierarchy.Member m : areas.hierarchy().members()) {
			if (m.parent() != null) {
				parents.computeIfAbsent(m.schemeKey(), k -> new HashMap<>()).put(m.area().value(), m.parent().value());
			}
		}
		for (Map<Long, Long> scheme : parents.values()) {
			Set<Long> seen = new HashSet<>();
			Long current = scheme.get(inner);
			while (current != null && seen.add(current)) {
				if (current == outer) {
					return true;
				}
				current = scheme.get(current);
			}
		}
		return false;
	}

	// measures

	private static final String MEASURE = """
			select id, title, description, responsible, partners, area_id, start_date, end_date, status, cost_estimate,
			       responsible_actor_id
			from planning.measure""";

	private static Measure measureRow(ResultSet rs) throws SQLException {
		return new Measure(rs.getLong("id"), rs.getString("title"), rs.getString("description"),
				rs.getString("responsible"), rs.getString("partners"), rs.getLong("area_id"),
				rs.getObject("start_date", LocalDate.class), rs.getObject("end_date", LocalDate.class),
				MeasureStatus.valueOf(rs.getString("status")), rs.getBigDecimal("cost_estimate"), null, null, null,
				(Long) rs.getObject("responsible_actor_id"), null);
	}

	private List<Measure> completeMeasures(List<Measure> rows) {
		if (rows.isEmpty()) {
			return rows;
		}
		List<Long> ids = rows.stream().map(Measure::id).toList();
		Map<Long, List<Long>> goals = links("select measure_id, goal_id from planning.measure_goal", ids);
		Map<Long, List<Long>> linkedOffers = links("select measure_id, offer_id from planning.measure_offer", ids);
		Map<Long, List<Long>> decisions = links("select measure_id, decision_id from planning.measure_decision", ids);
		Map<Long, List<Long>> partners = links("select measure_id, actor_id from planning.measure_partner", ids);
		return rows.stream().map(m -> new Measure(m.id(), m.title(), m.description(), m.responsible(), m.partners(),
				m.areaId(), m.startDate(), m.endDate(), m.status(), m.costEstimate(), goals.get(m.id()),
				linkedOffers.get(m.id()), decisions.get(m.id()), m.responsibleActorId(), partners.get(m.id())))
			.toList();
	}

	private Map<Long, List<Long>> links(String sql, List<Long> ids) {
		Map<Long, List<Long>> links = new HashMap<>();
		jdbc.sql(sql + " where measure_id in (:ids) order by 2").param("ids", ids)
			.query((rs, n) -> links.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2)))
			.list();
		return links;
	}

	@Override
	public List<Measure> measures() {
		return completeMeasures(jdbc.sql(MEASURE + " order by end_date, title, id").query((rs, n) -> measureRow(rs))
			.list());
	}

	@Override
	public Optional<Measure> measure(long id) {
		return completeMeasures(jdbc.sql(MEASURE + " where id = ?").param(id).query((rs, n) -> measureRow(rs)).list())
			.stream().findFirst();
	}

	@Override
	public List<Measure> measuresOf(long goalId) {
		return completeMeasures(jdbc.sql(MEASURE
				+ " where id in (select measure_id from planning.measure_goal where goal_id = ?) order by end_date, title, id")
			.param(goalId).query((rs, n) -> measureRow(rs)).list());
	}

	@Override
	public List<Measure> measuresOfActor(long actorId) {
		return completeMeasures(jdbc.sql(MEASURE + """
				 where responsible_actor_id = :actor
				    or id in (select measure_id from planning.measure_partner where actor_id = :actor)
				order by end_date, title, id""")
			.param("actor", actorId).query((rs, n) -> measureRow(rs)).list());
	}

	@Override
	public List<Measure> overdue(LocalDate today) {
		return completeMeasures(jdbc.sql(MEASURE
				+ " where end_date < ? and status not in ('DONE', 'STOPPED') order by end_date, title, id")
			.param(today).query((rs, n) -> measureRow(rs)).list());
	}

	@Override
	public Measure createMeasure(Measure m) {
		check(measureProblems(m));
		return tx.execute(status -> {
			long id = jdbc.sql("""
					insert into planning.measure (title, description, responsible, partners, area_id, start_date,
					end_date, status, cost_estimate, responsible_actor_id)
					values (?, ?, ?, ?, ?, ?, ?, 'PLANNED', ?, ?) returning id""")
				.params(m.title().strip(), blankToNull(m.description()), blankToNull(m.responsible()),
						blankToNull(m.partners()), m.areaId(), m.startDate(), m.endDate(), m.costEstimate(),
						m.responsibleActorId())
				.query(Long.class).single();
			writeMeasureLinks(id, m);
			jdbc.sql("insert into planning.status_change (measure_id, from_status, to_status, actor, note) values (?, null, 'PLANNED', ?, null)")
				.params(id, audit.currentActor()).update();
			audit.record("planning.measure.create", "measure", Long.toString(id), Map.of("title", m.title()));
			return measure(id).orElseThrow();
		});
	}

	@Override
	public Measure updateMeasure(long id, Measure m) {
		measure(id).orElseThrow(() -> new NoSuchElementException("No measure " + id));
		check(measureProblems(m));
		return tx.execute(status -> {
			jdbc.sql("""
					update planning.measure set title = ?, description = ?, responsible = ?, partners = ?, area_id = ?,
					start_date = ?, end_date = ?, cost_estimate = ?, responsible_actor_id = ?, updated_at = now()
					where id = ?""")
				.params(m.title().strip(), blankToNull(m.description()), blankToNull(m.responsible()),
						blankToNull(m.partners()), m.areaId(), m.startDate(), m.endDate(), m.costEstimate(),
						m.responsibleActorId(), id)
				.update();
			jdbc.sql("delete from planning.measure_goal where measure_id = ?").param(id).update();
			jdbc.sql("delete from planning.measure_offer where measure_id = ?").param(id).update();
			jdbc.sql("delete from planning.measure_decision where measure_id = ?").param(id).update();
			jdbc.sql("delete from planning.measure_partner where measure_id = ?").param(id).update();
			writeMeasureLinks(id, m);
			audit.record("planning.measure.update", "measure", Long.toString(id), Map.of("title", m.title()));
			return measure(id).orElseThrow();
		});
	}

	private void writeMeasureLinks(long id, Measure m) {
		for (Long goal : new LinkedHashSet<>(m.goalIds())) {
			jdbc.sql("insert into planning.measure_goal (measure_id, goal_id) values (?, ?)").params(id, goal).update();
		}
		for (Long offer : new LinkedHashSet<>(m.offerIds())) {
			jdbc.sql("insert into planning.measure_offer (measure_id, offer_id) values (?, ?)").params(id, offer)
				.update();
		}
		for (Long decision : new LinkedHashSet<>(m.decisionIds())) {
			jdbc.sql("insert into planning.measure_decision (measure_id, decision_id) values (?, ?)")
				.params(id, decision).update();
		}
		for (Long actor : new LinkedHashSet<>(m.partnerActorIds())) {
			jdbc.sql("insert into planning.measure_partner (measure_id, actor_id) values (?, ?)").params(id, actor)
				.update();
		}
	}

	/** Who reads the linked decisions: the signed-in user, or the system (all) outside a request. */
	private static Viewer viewer() {
		Viewer viewer = Viewer.of(SecurityContextHolder.getContext().getAuthentication());
		return viewer.loggedIn() ? viewer : new Viewer("system", true, true);
	}

	private List<Problem> measureProblems(Measure m) {
		List<Problem> problems = new ArrayList<>();
		text(problems, "title", m.title(), true, SHORT);
		text(problems, "description", m.description(), false, LONG);
		text(problems, "responsible", m.responsible(), false, SHORT);
		text(problems, "partners", m.partners(), false, 1000);
		actorProblems(problems, m);
		if (m.areaId() == null) {
			problems.add(new Problem("areaId", "required", "The area is required"));
		} else if (!areaExists(m.areaId())) {
			problems.add(new Problem("areaId", "area.unknown", "No area " + m.areaId()));
		}
		if (m.startDate() == null) {
			problems.add(new Problem("startDate", "required", "The start date is required"));
		}
		if (m.endDate() == null) {
			problems.add(new Problem("endDate", "required", "The end date is required"));
		} else if (m.startDate() != null && m.endDate().isBefore(m.startDate())) {
			problems.add(new Problem("endDate", "date.order", "The end date must not lie before the start date"));
		}
		BigDecimal cost = m.costEstimate();
		if (cost != null && (cost.signum() < 0 || cost.scale() > 2 || cost.precision() - cost.scale() > 12)) {
			problems.add(new Problem("costEstimate", "cost.invalid",
					"The cost estimate is an amount in EUR, at least 0, with at most two decimals"));
		}
		if (m.goalIds().isEmpty()) {
			problems.add(new Problem("goalIds", "goal.required", "At least one goal is required"));
		}
		for (Long goal : m.goalIds()) {
			if (goal == null || goal(goal).isEmpty()) {
				problems.add(new Problem("goalIds", "goal.unknown", "No goal " + goal));
				break;
			}
		}
		for (Long offer : m.offerIds()) {
			if (offer == null || offers.offer(offer).isEmpty()) {
				problems.add(new Problem("offerIds", "offer.unknown", "No offer " + offer));
				break;
			}
		}
		Viewer viewer = m.decisionIds().isEmpty() ? null : viewer();
		for (Long decision : m.decisionIds()) {
			if (decision == null || conferences.decision(decision, viewer).isEmpty()) {
				problems.add(new Problem("decisionIds", "decision.unknown", "No decision " + decision));
				break;
			}
		}
		return problems;
	}

	/**
	 * The actor organisations must exist in the network module; someone must be responsible (an organisation or a
	 * free text), and the responsible organisation is no partner at the same time.
	 */
	private void actorProblems(List<Problem> problems, Measure m) {
		if (m.responsibleActorId() == null && blankToNull(m.responsible()) == null) {
			problems.add(new Problem("responsible", "responsible.required",
					"Choose the responsible organisation or name who is responsible as free text"));
		}
		if (m.responsibleActorId() == null && m.partnerActorIds().isEmpty()) {
			return;
		}
		Set<Long> known = new HashSet<>();
		for (ActorOrganization o : networks.organizations()) {
			known.add(o.id());
		}
		if (m.responsibleActorId() != null && !known.contains(m.responsibleActorId())) {
			problems.add(new Problem("responsibleActorId", "actor.unknown",
					"No actor organisation " + m.responsibleActorId()));
		}
		for (Long partner : m.partnerActorIds()) {
			if (partner == null || !known.contains(partner)) {
				problems.add(new Problem("partnerActorIds", "actor.unknown", "No actor organisation " + partner));
				return;
			}
		}
		if (m.responsibleActorId() != null && m.partnerActorIds().contains(m.responsibleActorId())) {
			problems.add(new Problem("partnerActorIds", "actor.responsibleAsPartner",
					"The responsible organisation cannot be a partner as well"));
		}
	}

	@Override
	public Measure changeStatus(long measureId, MeasureStatus to, String note) {
		return tx.execute(status -> {
			MeasureStatus from = jdbc.sql("select status from planning.measure where id = ? for update")
				.param(measureId).query((rs, n) -> MeasureStatus.valueOf(rs.getString(1))).optional()
				.orElseThrow(() -> new NoSuchElementException("No measure " + measureId));
			List<Problem> problems = new ArrayList<>();
			if (to == null) {
				problems.add(new Problem("status", "required", "The new status is required"));
			} else if (!from.next().contains(to)) {
				problems.add(new Problem("status", "status.transition", from.isFinal()
						? "The measure is " + from + ", which is final: its status cannot change"
						: "A measure cannot go from " + from + " to " + to + "; allowed: " + from.next()));
			}
			text(problems, "note", note, false, 2000);
			check(problems);
			jdbc.sql("update planning.measure set status = ?, updated_at = now() where id = ?")
				.params(to.name(), measureId).update();
			jdbc.sql("insert into planning.status_change (measure_id, from_status, to_status, actor, note) values (?, ?, ?, ?, ?)")
				.params(measureId, from.name(), to.name(), audit.currentActor(), blankToNull(note)).update();
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("from", from.name());
			details.put("to", to.name());
			audit.record("planning.measure.status", "measure", Long.toString(measureId), details);
			return measure(measureId).orElseThrow();
		});
	}

	@Override
	public List<StatusChange> history(long measureId) {
		return jdbc.sql("""
				select from_status, to_status, actor, changed_at, note from planning.status_change
				where measure_id = ? order by id""")
			.param(measureId)
			.query((rs, n) -> new StatusChange(
					rs.getString(1) == null ? null : MeasureStatus.valueOf(rs.getString(1)),
					MeasureStatus.valueOf(rs.getString(2)), rs.getString(3), rs.getTimestamp(4).toInstant(),
					rs.getString(5)))
			.list();
	}

	// evaluations

	@Override
	public List<Evaluation> evaluations(long measureId) {
		return jdbc.sql("""
				select id, measure_id, worked, did_not_work, evaluated_on, author from planning.evaluation
				where measure_id = ? order by evaluated_on, id""")
			.param(measureId)
			.query((rs, n) -> new Evaluation(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
					rs.getObject(5, LocalDate.class), rs.getString(6)))
			.list();
	}

	@Override
	public Evaluation addEvaluation(long measureId, Evaluation e) {
		measure(measureId).orElseThrow(() -> new NoSuchElementException("No measure " + measureId));
		List<Problem> problems = new ArrayList<>();
		text(problems, "worked", e.worked(), false, LONG);
		text(problems, "didNotWork", e.didNotWork(), false, LONG);
		if (blankToNull(e.worked()) == null && blankToNull(e.didNotWork()) == null) {
			problems.add(new Problem("worked", "evaluation.empty", "Say what worked or what did not"));
		}
		if (e.evaluatedOn() == null) {
			problems.add(new Problem("evaluatedOn", "required", "The date is required"));
		} else if (e.evaluatedOn().isAfter(LocalDate.now())) {
			problems.add(new Problem("evaluatedOn", "date.future", "The date lies in the future"));
		}
		check(problems);
		String author = blankToNull(e.author()) == null ? audit.currentActor() : e.author().strip();
		return tx.execute(status -> {
			long id = jdbc.sql("""
					insert into planning.evaluation (measure_id, worked, did_not_work, evaluated_on, author)
					values (?, ?, ?, ?, ?) returning id""")
				.params(measureId, blankToNull(e.worked()), blankToNull(e.didNotWork()), e.evaluatedOn(), author)
				.query(Long.class).single();
			audit.record("planning.evaluation.create", "measure", Long.toString(measureId),
					Map.of("evaluation", id));
			return new Evaluation(id, measureId, blankToNull(e.worked()), blankToNull(e.didNotWork()),
					e.evaluatedOn(), author);
		});
	}

	// checks

	@Override
	public List<Problem> check(Guideline guideline) {
		return guidelineProblems(guideline);
	}

	@Override
	public List<Problem> check(Long id, Goal goal) {
		try {
			checkGoal(id, goal);
			return List.of();
		} catch (InvalidPlanningException e) {
			return e.problems();
		}
	}

	@Override
	public List<Problem> check(Measure measure) {
		return measureProblems(measure);
	}

	// progress

	@Override
	public GoalProgress progress(long goalId) {
		Goal goal = goal(goalId).orElseThrow(() -> new NoSuchElementException("No goal " + goalId));
		return progress(goal, new HashSet<>(), new HashMap<>());
	}

	/** {@code visited} guards against a cycle the database might still hold; {@code latest} caches periods. */
	private GoalProgress progress(Goal goal, Set<Long> visited, Map<String, Optional<Period>> latest) {
		visited.add(goal.id());
		List<Measure> own = measuresOf(goal.id());
		int done = (int) own.stream().filter(m -> m.status() == MeasureStatus.DONE).count();
		List<TargetProgress> targets = new ArrayList<>();
		for (IndicatorTarget t : goal.targets()) {
			Optional<Period> period = latest.computeIfAbsent(t.indicatorKey(),
					k -> values.periods(k).stream().reduce((a, b) -> b));
			Double current = null;
			if (period.isPresent()) {
				IndicatorValue value = values.values(t.indicatorKey(), period.get(), List.of(new AreaId(goal.areaId())))
					.get(new AreaId(goal.areaId()));
				current = value == null ? null : value.value();
			}
			targets.add(new TargetProgress(t, period.orElse(null), current,
					TargetProgress.progress(t.baselineValue(), t.targetValue(), current)));
		}
		List<GoalProgress> children = new ArrayList<>();
		Map<Long, Boolean> all = new HashMap<>();
		own.forEach(m -> all.put(m.id(), m.status() == MeasureStatus.DONE));
		for (Goal child : children(goal.id())) {
			if (visited.contains(child.id())) {
				continue;
			}
			GoalProgress p = progress(child, visited, latest);
			children.add(p);
			subtreeMeasures(p, all);
		}
		int totalDone = (int) all.values().stream().filter(Boolean::booleanValue).count();
		return new GoalProgress(goal, own.size(), done, all.size(), totalDone, targets, children);
	}

	private void subtreeMeasures(GoalProgress p, Map<Long, Boolean> all) {
		measuresOf(p.goal().id()).forEach(m -> all.put(m.id(), m.status() == MeasureStatus.DONE));
		p.children().forEach(c -> subtreeMeasures(c, all));
	}

	// deletion

	@Override
	public List<Goal> goalsOf(long guidelineId) {
		return complete(jdbc.sql(GOAL
				+ " where id in (select goal_id from planning.goal_guideline where guideline_id = ?) order by title, id")
			.param(guidelineId).query((rs, n) -> goalRow(rs)).list());
	}

	@Override
	public void deleteGuideline(long id) {
		Guideline g = guideline(id).orElseThrow(() -> new NoSuchElementException("No guideline " + id));
		tx.executeWithoutResult(status -> {
			// locked, so that no goal can link it between the check and the delete
			jdbc.sql("select id from planning.guideline where id = ? for update").param(id).query(Long.class).single();
			List<Goal> goals = goalsOf(id);
			if (!goals.isEmpty()) {
				throw new InvalidPlanningException(List.of(new Problem("goals", "guideline.inUse",
						"Goals serve this guideline: " + String.join(", ", goals.stream().map(Goal::title).toList()))));
			}
			jdbc.sql("delete from planning.guideline where id = ?").param(id).update();
			audit.record("planning.guideline.delete", "guideline", Long.toString(id), Map.of("title", g.title()));
		});
	}

	@Override
	public GoalDeletion goalDeletion(long id) {
		Goal goal = goal(id).orElseThrow(() -> new NoSuchElementException("No goal " + id));
		List<Measure> removed = new ArrayList<>();
		List<Measure> unlinked = new ArrayList<>();
		for (Measure m : measuresOf(id)) {
			(m.goalIds().size() == 1 ? removed : unlinked).add(m);
		}
		int evaluations = removed.isEmpty() ? 0 : jdbc.sql(
				"select count(*) from planning.evaluation where measure_id in (:ids)")
			.param("ids", removed.stream().map(Measure::id).toList()).query(Integer.class).single();
		return new GoalDeletion(goal, children(id), removed, unlinked, goal.targets().size(), evaluations);
	}

	@Override
	public void deleteGoal(long id) {
		tx.executeWithoutResult(status -> {
			jdbc.sql("select id from planning.goal where id = ? for update").param(id).query(Long.class).optional()
				.orElseThrow(() -> new NoSuchElementException("No goal " + id));
			GoalDeletion d = goalDeletion(id);
			if (d.blocked()) {
				throw new InvalidPlanningException(List.of(new Problem("children", "goal.hasChildren",
						"The goal has sub-goals: " + String.join(", ", d.children().stream().map(Goal::title).toList()))));
			}
			for (Measure m : d.removed()) {
				removeMeasure(m.id());
			}
			jdbc.sql("delete from planning.measure_goal where goal_id = ?").param(id).update();
			jdbc.sql("delete from planning.indicator_target where goal_id = ?").param(id).update();
			jdbc.sql("delete from planning.goal_guideline where goal_id = ?").param(id).update();
			jdbc.sql("delete from planning.goal where id = ?").param(id).update();
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("title", d.goal().title());
			details.put("measuresDeleted", d.removed().stream().map(Measure::id).toList());
			details.put("measuresUnlinked", d.unlinked().stream().map(Measure::id).toList());
			details.put("targets", d.targets());
			details.put("evaluations", d.evaluations());
			audit.record("planning.goal.delete", "goal", Long.toString(id), details);
		});
	}

	@Override
	public void deleteMeasure(long id) {
		Measure m = measure(id).orElseThrow(() -> new NoSuchElementException("No measure " + id));
		tx.executeWithoutResult(status -> {
			int evaluations = removeMeasure(id);
			audit.record("planning.measure.delete", "measure", Long.toString(id),
					Map.of("title", m.title(), "evaluations", evaluations));
		});
	}

	/** Deletes a measure with its history, evaluations and links; returns how many evaluations went with it. */
	private int removeMeasure(long id) {
		jdbc.sql("delete from planning.status_change where measure_id = ?").param(id).update();
		int evaluations = jdbc.sql("delete from planning.evaluation where measure_id = ?").param(id).update();
		// goal, offer, decision and partner links cascade
		jdbc.sql("delete from planning.measure where id = ?").param(id).update();
		return evaluations;
	}

	// the planning cycle

	@Override
	public List<CycleStage.Row> cycle() {
		return jdbc.sql("""
				with areas as (select area_id from planning.goal union select area_id from planning.measure),
				goals as (select g.area_id, count(*) as goals,
				                 count(*) filter (where exists (select 1 from planning.indicator_target t
				                                                where t.goal_id = g.id)) as targets
				          from planning.goal g group by g.area_id),
				measures as (select m.area_id,
				                    count(*) filter (where m.status = 'PLANNED') as planned,
				                    count(*) filter (where m.status = 'RUNNING') as running,
				                    count(*) filter (where m.status = 'DONE') as done,
				                    count(*) filter (where m.status = 'STOPPED') as stopped,
				                    sum((select count(*) from planning.evaluation e where e.measure_id = m.id)) as evaluations
				             from planning.measure m group by m.area_id)
				select a.area_id, coalesce(g.goals, 0), coalesce(g.targets, 0), coalesce(m.planned, 0),
				       coalesce(m.running, 0), coalesce(m.done, 0), coalesce(m.stopped, 0), coalesce(m.evaluations, 0)
				from areas a left join goals g on g.area_id = a.area_id left join measures m on m.area_id = a.area_id
				order by a.area_id""")
			.query((rs, n) -> new CycleStage.Row(rs.getLong(1), rs.getInt(2), rs.getInt(3), rs.getInt(4),
					rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getInt(8)))
			.list();
	}

	// helpers

	private boolean areaExists(long id) {
		return areas.area(new AreaId(id)).isPresent();
	}

	private static void text(List<Problem> problems, String field, String value, boolean required, int max) {
		if (value == null || value.isBlank()) {
			if (required) {
				problems.add(new Problem(field, "required", field + " is required"));
			}
		} else if (value.strip().length() > max) {
			problems.add(new Problem(field, "tooLong", field + " is longer than " + max + " characters"));
		}
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

	private static void check(List<Problem> problems) {
		if (!problems.isEmpty()) {
			throw new InvalidPlanningException(problems);
		}
	}
}
