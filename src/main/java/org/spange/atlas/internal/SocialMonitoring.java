package org.spange.atlas.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.spange.access.AuditLog;
import org.spange.area.AreaId;
import org.spange.area.AreaQueries;
import org.spange.area.AreaSummary;
import org.spange.atlas.AlertCondition;
import org.spange.atlas.IndexDefinition;
import org.spange.atlas.MonitoringSetup;
import org.spange.atlas.SocialIndex;
import org.spange.atlas.SocialIndex.Component;
import org.spange.atlas.Typology;
import org.spange.atlas.TypologyDefinition;
import org.spange.indicator.IndicatorCatalog;
import org.spange.indicator.IndicatorValue;
import org.spange.indicator.IndicatorValues;
import org.spange.indicator.IndicatorValuesComputed;
import org.spange.indicator.Period;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

/**
 * Social indexes and typologies: their definitions (checked on save, audited) and their results, computed from the
 * current indicator values whenever they are asked for.
 */
@Service
public class SocialMonitoring implements MonitoringSetup {

	/** A definition that cannot be saved: every problem, in English. */
	public static class InvalidDefinition extends IllegalArgumentException {
		private static final long serialVersionUID = 1L;
		private final transient List<String> problems;

		InvalidDefinition(List<String> problems) {
			super(String.join("; ", problems));
			this.problems = List.copyOf(problems);
		}

		public List<String> problems() {
			return problems;
		}
	}

	/** The index for the areas of its level in one period. */
	public record IndexView(IndexDefinition definition, Period period, Period comparedPeriod, List<AreaSummary> areas,
			SocialIndex.Result result) {
	}

	/** One type: its name, size and mean of every indicator (raw values) against the whole region. */
	public record TypeProfile(int type, String name, int size, double[] means) {
	}

	/** The typology in one period, and how areas moved since the previous period. */
	public record TypologyView(TypologyDefinition definition, Period period, List<AreaSummary> areas,
			Typology.Result result, List<TypeProfile> profiles, double[] regionMeans, Period previousPeriod,
			int[][] transitions, List<AreaSummary> leftOut) {
	}

	private final JdbcClient jdbc;
	private final JsonMapper json;
	private final IndicatorCatalog catalog;
	private final IndicatorValues values;
	private final AreaQueries areas;
	private final AuditLog audit;
	private final AlertEngine alerts;

	SocialMonitoring(JdbcClient jdbc, JsonMapper json, IndicatorCatalog catalog, IndicatorValues values,
			AreaQueries areas, AuditLog audit, AlertEngine alerts) {
		this.alerts = alerts;
		this.jdbc = jdbc;
		this.json = json;
		this.catalog = catalog;
		this.values = values;
		this.areas = areas;
		this.audit = audit;
	}

	// definitions

	@Override
	public boolean hasAlertRule(String name) {
		return alerts.rules(false).stream().anyMatch(r -> r.name().equals(name));
	}

	@Override
	public void createAlertRule(String name, String subjectKey, String schemeKey, String levelKey,
			AlertCondition condition, double threshold, int periods) {
		AlertEngine.Rule rule = alerts.create(name, subjectKey, schemeKey, levelKey, condition, threshold, periods);
		if (condition == AlertCondition.CLASS_CHANGED) {
			index(subjectKey).ifPresent(d -> {
				List<Period> known = indexPeriods(d);
				if (!known.isEmpty()) {
					classChanges(rule, d, known.get(known.size() - 1));
				}
			});
		}
	}

	/** Early warning on indexes: when values of an index's indicators are computed, areas whose class changed. */
	@EventListener
	void onComputed(IndicatorValuesComputed event) {
		for (AlertEngine.Rule rule : alerts.rules(true)) {
			if (rule.condition() != AlertCondition.CLASS_CHANGED) {
				continue;
			}
			index(rule.subjectKey()).filter(d -> d.components().stream().anyMatch(c -> event.keys().contains(c.key())))
				.ifPresent(d -> event.periods().forEach(p -> classChanges(rule, d, p)));
		}
	}

	/** Raises an alert for every area whose status class in period p differs from the period before. */
	int classChanges(AlertEngine.Rule rule, IndexDefinition d, Period p) {
		List<Period> periods = indexPeriods(d);
		int at = periods.indexOf(p);
		if (at < 1) {
			return 0;
		}
		Period before = periods.get(at - 1);
		Optional<IndexView> now = computeIndex(d, p);
		Optional<IndexView> then = computeIndex(d, before);
		if (now.isEmpty() || then.isEmpty()) {
			return 0;
		}
		int raised = 0;
		List<SocialIndex.AreaResult> a = now.get().result().areas();
		List<SocialIndex.AreaResult> b = then.get().result().areas();
		for (int i = 0; i < a.size(); i++) {
			if (a.get(i).statusClass() != null && b.get(i).statusClass() != null
					&& a.get(i).statusClass() != b.get(i).statusClass()) {
				raised += alerts.raise(rule, now.get().areas().get(i).id(), p, a.get(i).status(), before,
						b.get(i).status());
			}
		}
		return raised;
	}

	public List<IndexDefinition> indexes() {
		return jdbc.sql("select definition::text from atlas.social_index order by key").query(String.class).list()
			.stream().map(s -> json.readValue(s, IndexDefinition.class)).toList();
	}

	@Override
	public Optional<IndexDefinition> index(String key) {
		return jdbc.sql("select definition::text from atlas.social_index where key = ?").param(key)
			.query(String.class).optional().map(s -> json.readValue(s, IndexDefinition.class));
	}

	@Override
	@Transactional
	public IndexDefinition saveIndex(IndexDefinition d) {
		List<String> problems = new ArrayList<>();
		common(d.key(), d.nameDe(), d.nameEn(), d.schemeKey(), d.levelKey(), problems);
		if (d.components().isEmpty()) {
			problems.add("An index needs at least one indicator");
		}
		d.components().forEach(c -> known(c.key(), problems));
		if (d.populationKey() != null && catalog.variable(d.populationKey()).isEmpty()) {
			problems.add("There is no variable '" + d.populationKey() + "' for the population");
		}
		if (d.dynamicsPeriods() < 1 || d.dynamicsPeriods() > 30) {
			problems.add("The dynamics compare over 1 to 30 periods");
		}
		if (!problems.isEmpty()) {
			throw new InvalidDefinition(problems);
		}
		write("social_index", d.key(), d.nameDe(), d.nameEn(), d);
		return d;
	}

	public List<TypologyDefinition> typologies() {
		return jdbc.sql("select definition::text from atlas.typology order by key").query(String.class).list()
			.stream().map(s -> json.readValue(s, TypologyDefinition.class)).toList();
	}

	@Override
	public Optional<TypologyDefinition> typology(String key) {
		return jdbc.sql("select definition::text from atlas.typology where key = ?").param(key)
			.query(String.class).optional().map(s -> json.readValue(s, TypologyDefinition.class));
	}

	@Override
	@Transactional
	public TypologyDefinition saveTypology(TypologyDefinition d) {
		List<String> problems = new ArrayList<>();
		common(d.key(), d.nameDe(), d.nameEn(), d.schemeKey(), d.levelKey(), problems);
		if (d.indicatorKeys().size() < 2) {
			problems.add("A typology needs at least two indicators");
		}
		d.indicatorKeys().forEach(k -> known(k, problems));
		if (d.minTypes() < 2 || d.maxTypes() < d.minTypes() || d.maxTypes() > 12) {
			problems.add("The number of types lies between 2 and 12, the smallest first");
		}
		if (!problems.isEmpty()) {
			throw new InvalidDefinition(problems);
		}
		write("typology", d.key(), d.nameDe(), d.nameEn(), d);
		return d;
	}

	@Transactional
	public void nameType(String typologyKey, int type, String name) {
		String clean = name == null ? "" : name.strip();
		if (clean.isEmpty()) {
			jdbc.sql("delete from atlas.typology_type_name where typology_key = ? and type_no = ?")
				.params(typologyKey, type).update();
		} else {
			jdbc.sql("""
					insert into atlas.typology_type_name (typology_key, type_no, name) values (?, ?, ?)
					on conflict (typology_key, type_no) do update set name = excluded.name""")
				.params(typologyKey, type, clean.length() > 200 ? clean.substring(0, 200) : clean).update();
		}
		audit.record("atlas.typology.name", "typology", typologyKey, Map.of("type", type, "name", clean));
	}

	/** Inserts or replaces a definition in its table ({@code social_index} or {@code typology}), audited. */
	private void write(String table, String key, String nameDe, String nameEn, Object definition) {
		jdbc.sql("insert into atlas." + table + """
				 (key, name_de, name_en, definition, updated_by) values (?, ?, ?, cast(? as jsonb), ?)
				on conflict (key) do update set name_de = excluded.name_de, name_en = excluded.name_en,
				  definition = excluded.definition, updated_by = excluded.updated_by, updated_at = now()""")
			.params(key, nameDe, nameEn, json.writeValueAsString(definition), audit.currentActor()).update();
		audit.record("atlas." + table + ".save", table, key, Map.of("name", nameDe));
	}

	private void common(String key, String nameDe, String nameEn, String scheme, String level, List<String> problems) {
		if (key == null || !key.matches("[a-z0-9_-]{1,60}")) {
			problems.add("The key must be 1–60 lower-case letters, digits, '-' or '_'");
		}
		if (nameDe == null || nameDe.isBlank() || nameEn == null || nameEn.isBlank()) {
			problems.add("A German and an English name are required");
		}
		if (areas.scheme(scheme).isEmpty()) {
			problems.add("There is no scheme '" + scheme + "'");
		} else if (areas.levelsOf(scheme).stream().noneMatch(l -> l.key().equals(level))) {
			problems.add("The scheme '" + scheme + "' has no level '" + level + "'");
		}
	}

	private void known(String key, List<String> problems) {
		if (catalog.indicator(key).isEmpty() && catalog.variable(key).isEmpty()) {
			problems.add("There is no indicator or variable '" + key + "'");
		}
	}

	// results

	/** The periods in which every one of the keys has values, in order. */
	List<Period> commonPeriods(List<String> keys) {
		TreeSet<Period> common = null;
		for (String key : keys) {
			TreeSet<Period> p = new TreeSet<>(values.periods(key));
			if (common == null) {
				common = p;
			} else {
				common.retainAll(p);
			}
		}
		return common == null ? List.of() : new ArrayList<>(common);
	}

	public List<Period> indexPeriods(IndexDefinition d) {
		return commonPeriods(d.components().stream().map(Component::key).toList());
	}

	/** @param period null for the latest period with values of every indicator */
	public Optional<IndexView> computeIndex(IndexDefinition d, Period period) {
		List<Period> periods = indexPeriods(d);
		if (periods.isEmpty()) {
			return Optional.empty();
		}
		Period p = period != null && periods.contains(period) ? period : periods.get(periods.size() - 1);
		int at = periods.indexOf(p);
		Period compared = at >= d.dynamicsPeriods() ? periods.get(at - d.dynamicsPeriods()) : null;
		List<AreaSummary> listed = areas.areas(d.schemeKey(), d.levelKey());
		List<AreaId> ids = listed.stream().map(AreaSummary::id).toList();
		Map<String, double[]> latest = new HashMap<>();
		Map<String, double[]> earlier = compared == null ? null : new HashMap<>();
		for (Component c : d.components()) {
			latest.put(c.key(), column(c.key(), p, ids));
			if (earlier != null) {
				earlier.put(c.key(), column(c.key(), compared, ids));
			}
		}
		double[] population;
		if (d.populationKey() == null) {
			population = new double[ids.size()];
			Arrays.fill(population, Double.POSITIVE_INFINITY);
		} else {
			population = column(d.populationKey(), latestUpTo(d.populationKey(), p), ids);
		}
		SocialIndex.Result result = SocialIndex.compute(new SocialIndex.Input(
				ids.stream().map(AreaId::value).toList(), d.components(), latest, earlier, population,
				d.populationKey() == null ? 0 : d.minPopulation(), d.method(), d.cutoffs()));
		return Optional.of(new IndexView(d, p, compared, listed, result));
	}

	/** The population of the period, or of the latest period before it (a census year, say). */
	private Period latestUpTo(String key, Period period) {
		Period best = null;
		for (Period q : values.periods(key)) {
			if (q.compareTo(period) <= 0) {
				best = q;
			}
		}
		return best == null ? period : best;
	}

	private double[] column(String key, Period period, List<AreaId> ids) {
		Map<AreaId, IndicatorValue> found = values.values(key, period, ids);
		double[] out = new double[ids.size()];
		for (int i = 0; i < out.length; i++) {
			IndicatorValue v = found.get(ids.get(i));
			out[i] = v == null || v.value() == null ? Double.NaN : v.value();
		}
		return out;
	}

	public List<Period> typologyPeriods(TypologyDefinition d) {
		return commonPeriods(d.indicatorKeys());
	}

	/** @param period null for the latest period with values of every indicator */
	public Optional<TypologyView> computeTypology(TypologyDefinition d, Period period) {
		List<Period> periods = typologyPeriods(d);
		if (periods.isEmpty()) {
			return Optional.empty();
		}
		Period p = period != null && periods.contains(period) ? period : periods.get(periods.size() - 1);
		List<AreaSummary> listed = areas.areas(d.schemeKey(), d.levelKey());
		List<AreaId> ids = listed.stream().map(AreaSummary::id).toList();
		double[][] byIndicator = new double[d.indicatorKeys().size()][];
		for (int j = 0; j < byIndicator.length; j++) {
			byIndicator[j] = column(d.indicatorKeys().get(j), p, ids);
		}
		List<AreaSummary> kept = new ArrayList<>();
		List<AreaSummary> leftOut = new ArrayList<>();
		List<double[]> rows = new ArrayList<>();
		for (int i = 0; i < ids.size(); i++) {
			double[] row = new double[byIndicator.length];
			boolean complete = true;
			for (int j = 0; j < row.length; j++) {
				row[j] = byIndicator[j][i];
				complete &= Double.isFinite(row[j]);
			}
			if (complete) {
				kept.add(listed.get(i));
				rows.add(row);
			} else {
				leftOut.add(listed.get(i));
			}
		}
		if (kept.size() < 3) {
			return Optional.empty();
		}
		double[][] raw = rows.toArray(double[][]::new);
		double[][] z = Typology.standardise(raw);
		int hi = Math.min(d.maxTypes(), kept.size() - 1);
		Typology.Result result = Typology.cluster(z, d.method(), Math.min(d.minTypes(), hi), hi, d.seed());
		Map<Integer, String> names = new HashMap<>();
		jdbc.sql("select type_no, name from atlas.typology_type_name where typology_key = ?").param(d.key())
			.query((rs, i) -> names.put(rs.getInt(1), rs.getString(2))).list();
		int m = raw[0].length;
		double[] region = new double[m];
		for (double[] r : raw) {
			for (int j = 0; j < m; j++) {
				region[j] += r[j] / raw.length;
			}
		}
		List<TypeProfile> profiles = new ArrayList<>();
		for (int t = 0; t < result.k(); t++) {
			double[] means = new double[m];
			int size = 0;
			for (int i = 0; i < raw.length; i++) {
				if (result.types()[i] == t) {
					size++;
					for (int j = 0; j < m; j++) {
						means[j] += raw[i][j];
					}
				}
			}
			for (int j = 0; j < m; j++) {
				means[j] /= Math.max(1, size);
			}
			profiles.add(new TypeProfile(t, names.get(t), size, means));
		}
		// stability: where the areas of the previous period would fall among this period's types, standardised alike
		int at = periods.indexOf(p);
		Period previous = at > 0 ? periods.get(at - 1) : null;
		int[][] transitions = null;
		if (previous != null) {
			transitions = transitions(d, previous, ids, kept, raw, result);
		}
		return Optional.of(new TypologyView(d, p, kept, result, profiles, region, previous, transitions, leftOut));
	}

	private int[][] transitions(TypologyDefinition d, Period previous, List<AreaId> ids, List<AreaSummary> kept,
			double[][] raw, Typology.Result result) {
		int m = raw[0].length;
		double[] mean = new double[m];
		double[] sd = new double[m];
		for (int j = 0; j < m; j++) {
			double[] col = new double[raw.length];
			for (int i = 0; i < raw.length; i++) {
				col[i] = raw[i][j];
			}
			mean[j] = Arrays.stream(col).average().orElse(0);
			double mj = mean[j];
			sd[j] = Math.sqrt(Arrays.stream(col).map(v -> (v - mj) * (v - mj)).sum() / col.length);
		}
		Map<AreaId, Integer> position = new LinkedHashMap<>();
		for (int i = 0; i < ids.size(); i++) {
			position.put(ids.get(i), i);
		}
		double[][] before = new double[d.indicatorKeys().size()][];
		for (int j = 0; j < before.length; j++) {
			before[j] = column(d.indicatorKeys().get(j), previous, ids);
		}
		int k = result.k();
		int[][] moves = new int[k][k];
		for (int i = 0; i < kept.size(); i++) {
			int pos = position.get(kept.get(i).id());
			double[] row = new double[m];
			boolean complete = true;
			for (int j = 0; j < m; j++) {
				double v = before[j][pos];
				complete &= Double.isFinite(v);
				row[j] = sd[j] > 0 ? (v - mean[j]) / sd[j] : 0;
			}
			if (complete) {
				int was = Typology.assign(new double[][] { row }, result.centroids())[0];
				moves[was][result.types()[i]]++;
			}
		}
		return moves;
	}
}
