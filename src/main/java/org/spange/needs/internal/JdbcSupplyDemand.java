package org.spange.needs.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

import org.spange.access.AuditLog;
import org.spange.area.AreaHierarchy;
import org.spange.area.AreaId;
import org.spange.area.AreaQueries;
import org.spange.area.AreaSummary;
import org.spange.indicator.IndicatorCatalog;
import org.spange.indicator.IndicatorValue;
import org.spange.indicator.IndicatorValues;
import org.spange.indicator.Period;
import org.spange.needs.AreaSupply;
import org.spange.needs.DemandProjections;
import org.spange.needs.InvalidSupplyCategoryException;
import org.spange.needs.InvalidSupplyCategoryException.Problem;
import org.spange.needs.ProjectedDemand;
import org.spange.needs.ProjectedSupplyReport;
import org.spange.needs.ProjectionScenario;
import org.spange.needs.SupplyCategory;
import org.spange.needs.SupplyDemand;
import org.spange.needs.SupplyPoint;
import org.spange.needs.SupplyReport;
import org.spange.offer.FieldOfAction;
import org.spange.offer.Offer;
import org.spange.offer.OfferCatalog;
import org.spange.offer.OfferPage;
import org.spange.offer.OfferQuery;
import org.spange.offer.OfferSearch;
import org.spange.offer.TargetGroup;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class JdbcSupplyDemand implements SupplyDemand {

	private static final String COLUMNS = "id, key, name, field_of_action, target_group, min_age, max_age, demand_key, "
			+ "target_per_1000, target_source";
	private static final int PAGE = 500;

	private final JdbcClient jdbc;
	private final OfferCatalog offers;
	private final OfferSearch search;
	private final AreaQueries areas;
	private final IndicatorCatalog indicators;
	private final IndicatorValues values;
	private final DemandProjections projections;
	private final AuditLog audit;

	JdbcSupplyDemand(JdbcClient jdbc, OfferCatalog offers, OfferSearch search, AreaQueries areas, IndicatorCatalog indicators,
			IndicatorValues values, DemandProjections projections, AuditLog audit) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.projections = projections;
		this.offers = offers;
		this.search = search;
		this.areas = areas;
		this.indicators = indicators;
		this.values = values;
	}

	@Override
	public List<SupplyCategory> categories() {
		return jdbc.sql("select " + COLUMNS + " from needs.supply_category order by name, key")
			.query(JdbcSupplyDemand::category)
			.list();
	}

	@Override
	public Optional<SupplyCategory> category(String key) {
		return jdbc.sql("select " + COLUMNS + " from needs.supply_category where key = ?")
			.param(key)
			.query(JdbcSupplyDemand::category)
			.optional();
	}

	private static SupplyCategory category(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new SupplyCategory(rs.getLong("id"), rs.getString("key"), rs.getString("name"),
				rs.getString("field_of_action"), rs.getString("target_group"), (Integer) rs.getObject("min_age"),
				(Integer) rs.getObject("max_age"), rs.getString("demand_key"), rs.getBigDecimal("target_per_1000"),
				rs.getString("target_source"));
	}

	@Override
	public List<Problem> check(SupplyCategory c) {
		List<Problem> problems = new ArrayList<>();
		if (c.key() == null || !c.key().matches("[a-z0-9-]{1,60}")) {
			problems.add(new Problem("key", "needs.error.key", "The key must be 1–60 of a–z, 0–9 and -"));
		}
		if (blank(c.name()) || c.name().strip().length() > 200) {
			problems.add(new Problem("name", "needs.error.name", "A name of 1–200 characters is required"));
		}
		if (blank(c.fieldOfAction()) && blank(c.targetGroup())) {
			problems.add(new Problem("fieldOfAction", "needs.error.filter",
					"Choose a field of action, a target group or both"));
		}
		if (!blank(c.fieldOfAction()) && offers.fieldsOfAction().stream().map(FieldOfAction::key)
			.noneMatch(c.fieldOfAction()::equals)) {
			problems.add(new Problem("fieldOfAction", "needs.error.unknownField", "Unknown field of action"));
		}
		if (!blank(c.targetGroup()) && offers.targetGroups().stream().map(TargetGroup::key)
			.noneMatch(c.targetGroup()::equals)) {
			problems.add(new Problem("targetGroup", "needs.error.unknownGroup", "Unknown target group"));
		}
		if (c.minAge() != null && (c.minAge() < 0 || c.minAge() > 120)) {
			problems.add(new Problem("minAge", "needs.error.age", "An age is a whole number from 0 to 120"));
		}
		if (c.maxAge() != null && (c.maxAge() < 0 || c.maxAge() > 120)) {
			problems.add(new Problem("maxAge", "needs.error.age", "An age is a whole number from 0 to 120"));
		}
		else if (c.minAge() != null && c.maxAge() != null && c.minAge() > c.maxAge()) {
			problems.add(new Problem("maxAge", "needs.error.ageOrder", "The upper age is below the lower age"));
		}
		if (blank(c.demandKey())
				|| indicators.variable(c.demandKey()).isEmpty() && indicators.indicator(c.demandKey()).isEmpty()) {
			problems.add(new Problem("demandKey", "needs.error.demand",
					"Choose a variable or indicator of the target population"));
		}
		if (c.targetPer1000() == null || c.targetPer1000().signum() <= 0
				|| c.targetPer1000().compareTo(BigDecimal.valueOf(1000)) > 0 || c.targetPer1000().scale() > 2) {
			problems.add(new Problem("targetPer1000", "needs.error.target",
					"The target is a number above 0 and up to 1,000 places per 1,000, at most two decimals"));
		}
		if (blank(c.targetSource()) || c.targetSource().strip().length() > 1000) {
			problems.add(new Problem("targetSource", "needs.error.source",
					"Say where the target comes from (1–1,000 characters)"));
		}
		return problems;
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}

	private static String strip(String s) {
		return blank(s) ? null : s.strip();
	}

	@Override
	@Transactional
	public SupplyCategory save(SupplyCategory c, String username) {
		List<Problem> problems = check(c);
		if (!problems.isEmpty()) {
			throw new InvalidSupplyCategoryException(problems);
		}
		Optional<SupplyCategory> before = category(c.key());
		jdbc.sql("""
				insert into needs.supply_category (key, name, field_of_action, target_group, min_age, max_age,
				    demand_key, target_per_1000, target_source, updated_by)
				values (:key, :name, :field, :group, :minAge, :maxAge, :demand, :target, :source, :user)
				on conflict (key) do update set name = excluded.name, field_of_action = excluded.field_of_action,
				    target_group = excluded.target_group, min_age = excluded.min_age, max_age = excluded.max_age,
				    demand_key = excluded.demand_key, target_per_1000 = excluded.target_per_1000,
				    target_source = excluded.target_source, updated_by = excluded.updated_by, updated_at = now()
				""")
			.param("key", c.key())
			.param("name", c.name().strip())
			.param("field", strip(c.fieldOfAction()))
			.param("group", strip(c.targetGroup()))
			.param("minAge", c.minAge())
			.param("maxAge", c.maxAge())
			.param("demand", c.demandKey())
			.param("target", c.targetPer1000())
			.param("source", c.targetSource().strip())
			.param("user", username)
			.update();
		SupplyCategory saved = category(c.key()).orElseThrow();
		// the target's history: a new entry whenever the target or its source changes
		if (before.isEmpty() || before.get().targetPer1000().compareTo(saved.targetPer1000()) != 0
				|| !before.get().targetSource().equals(saved.targetSource())) {
			jdbc.sql("""
					insert into needs.supply_category_target (category_id, target_per_1000, target_source, changed_by)
					values (?, ?, ?, ?)""")
				.params(saved.id(), saved.targetPer1000(), saved.targetSource(), username)
				.update();
		}
		audit.record(before.isEmpty() ? "needs.category.create" : "needs.category.update", "supply_category",
				saved.key(), Map.of("targetPer1000", saved.targetPer1000().toPlainString()));
		return saved;
	}

	@Override
	public List<Dependent> dependents(String key) {
		// stored accessibility results name the category they were computed for
		long runs = jdbc.sql("select count(*) from needs.access_run where category = ?").param(key).query(Long.class)
			.single();
		return runs == 0 ? List.of() : List.of(new Dependent("needs.dependent.accessRuns", runs));
	}

	@Override
	@Transactional
	public boolean delete(String key, String username) {
		List<Dependent> dependents = dependents(key);
		if (!dependents.isEmpty()) {
			throw new IllegalStateException("Category " + key + " is still used: " + dependents);
		}
		boolean deleted = jdbc.sql("delete from needs.supply_category where key = ?").param(key).update() > 0;
		if (deleted) {
			audit.record("needs.category.delete", "supply_category", key, Map.of());
		}
		return deleted;
	}

	@Override
	public List<TargetChange> targetHistory(String key) {
		return jdbc.sql("""
				select t.target_per_1000, t.target_source, t.changed_by, t.changed_at
				from needs.supply_category_target t join needs.supply_category c on c.id = t.category_id
				where c.key = ? order by t.changed_at desc, t.id desc""")
			.param(key)
			.query((rs, row) -> new TargetChange(rs.getBigDecimal(1), rs.getString(2), rs.getString(3),
					rs.getTimestamp(4).toInstant()))
			.list();
	}

	@Override
	public List<Period> periods(String categoryKey) {
		return category(categoryKey).map(c -> values.periods(c.demandKey())).orElse(List.of());
	}

	@Override
	public SupplyReport report(String categoryKey, Period period, String schemeKey, String levelKey) {
		SupplyCategory category = category(categoryKey)
			.orElseThrow(() -> new NoSuchElementException("No category " + categoryKey));
		Period chosen = period;
		if (chosen == null) {
			List<Period> periods = values.periods(category.demandKey());
			chosen = periods.isEmpty() ? null : periods.get(periods.size() - 1);
		}
		LinkedHashMap<AreaId, String> shown = shown(schemeKey, levelKey);
		Map<AreaId, Double> demand = demand(category, chosen, shown);
		Supply supply = supply(category, schemeKey);
		return SupplyCalculator.report(category, chosen, schemeKey, levelKey, supply.offers(), supply.locationArea(),
				supply.parents(), shown, demand);
	}

	@Override
	public ProjectedSupplyReport projection(String categoryKey, long scenarioId, int year, String schemeKey,
			String levelKey) {
		SupplyCategory category = category(categoryKey)
			.orElseThrow(() -> new NoSuchElementException("No category " + categoryKey));
		ProjectionScenario scenario = projections.scenario(scenarioId)
			.orElseThrow(() -> new NoSuchElementException("No scenario " + scenarioId));
		LinkedHashMap<AreaId, String> shown = shown(schemeKey, levelKey);
		Map<AreaId, ProjectedDemand> projected = projections.project(scenarioId, category.demandKey(), year,
				schemeKey);
		Map<AreaId, Double> now = new HashMap<>();
		Map<AreaId, Double> then = new HashMap<>();
		for (AreaId a : shown.keySet()) {
			ProjectedDemand p = projected.get(a);
			if (p != null && p.base() != null) {
				now.put(a, p.base());
			}
			if (p != null && p.projected() != null) {
				then.put(a, p.projected());
			}
		}
		Supply supply = supply(category, schemeKey);
		SupplyReport nowReport = SupplyCalculator.report(category, scenario.basePeriod(), schemeKey, levelKey,
				supply.offers(), supply.locationArea(), supply.parents(), shown, now);
		SupplyReport thenReport = SupplyCalculator.report(category, Period.year(year), schemeKey, levelKey,
				supply.offers(), supply.locationArea(), supply.parents(), shown, then);
		List<ProjectedSupplyReport.Comparison> rows = new ArrayList<>();
		for (int i = 0; i < nowReport.areas().size(); i++) {
			AreaSupply n = nowReport.areas().get(i);
			rows.add(new ProjectedSupplyReport.Comparison(n, thenReport.areas().get(i), projected.get(n.area())));
		}
		return new ProjectedSupplyReport(scenario, year, nowReport, thenReport, rows,
				new ProjectedSupplyReport.Comparison(nowReport.region(), thenReport.region(), null));
	}

	private LinkedHashMap<AreaId, String> shown(String schemeKey, String levelKey) {
		LinkedHashMap<AreaId, String> shown = new LinkedHashMap<>();
		for (AreaSummary a : areas.areas(schemeKey, levelKey)) {
			shown.put(a.id(), a.name());
		}
		return shown;
	}

	private Map<AreaId, Double> demand(SupplyCategory category, Period period, LinkedHashMap<AreaId, String> shown) {
		Map<AreaId, Double> demand = new HashMap<>();
		if (period != null && !shown.isEmpty()) {
			for (Map.Entry<AreaId, IndicatorValue> e : values.values(category.demandKey(), period, shown.keySet())
				.entrySet()) {
				if (!e.getValue().missing()) {
					demand.put(e.getKey(), e.getValue().value());
				}
			}
		}
		return demand;
	}

	/** The offers of a category with where their locations are, and the scheme's parents. */
	private record Supply(List<Offer> offers, Map<Long, Long> locationArea, Map<AreaId, AreaId> parents) {
	}

	private Supply supply(SupplyCategory category, String schemeKey) {
		Map<AreaId, AreaId> parents = new HashMap<>();
		for (AreaHierarchy.Member m : areas.hierarchy().members()) {
			if (m.schemeKey().equals(schemeKey) && m.parent() != null) {
				parents.put(m.area(), m.parent());
			}
		}
		OfferQuery query = query(category);
		List<Offer> matching = matching(category, query);
		Map<Long, Long> locationArea = new HashMap<>();
		for (OfferSearch.OfferMarker m : search.markers(query, true)) {
			if (m.areaId() != null) {
				locationArea.put(m.locationId(), m.areaId());
			}
		}
		return new Supply(matching, locationArea, parents);
	}

	/** The inventory's own search narrows by field and group; the age band is checked by {@link #matching}. */
	private static OfferQuery query(SupplyCategory category) {
		return new OfferQuery(null, null, strip(category.targetGroup()), null, strip(category.fieldOfAction()), null,
				null, null, null, null, null, null, null, false, null);
	}

	private List<Offer> matching(SupplyCategory category, OfferQuery query) {
		List<Offer> matching = new ArrayList<>();
		for (int page = 0;; page++) {
			OfferPage<Offer> p = search.search(query, page, PAGE);
			p.items().stream().filter(o -> SupplyCalculator.matches(category, o)).forEach(matching::add);
			if (p.items().isEmpty() || (long) (page + 1) * p.size() >= p.total()) {
				break;
			}
		}
		return matching;
	}

	@Override
	public List<SupplyPoint> supplyPoints(String categoryKey) {
		SupplyCategory category = category(categoryKey)
			.orElseThrow(() -> new NoSuchElementException("No category " + categoryKey));
		OfferQuery query = query(category);
		Map<Long, Offer> offers = new HashMap<>();
		matching(category, query).forEach(o -> offers.put(o.id(), o));
		List<SupplyPoint> points = new ArrayList<>();
		// confidential points too: they are computed with, never shown
		for (OfferSearch.OfferMarker m : search.markers(query, true)) {
			Offer offer = offers.get(m.offerId());
			if (offer == null || m.latitude() == null || m.longitude() == null) {
				continue;
			}
			double capacity = offer.capacityPlaces() == null || offer.capacityPlaces() <= 0 ? 1
					: offer.capacityPlaces();
			points.add(new SupplyPoint(m.offerId() + "@" + m.locationId(), m.longitude(), m.latitude(), capacity,
					category.key()));
		}
		points.sort(java.util.Comparator.comparing(SupplyPoint::id));
		return List.copyOf(points);
	}
}
