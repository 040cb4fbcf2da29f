package org.spange.indicator.internal;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;

import org.spange.area.AreaId;
import org.spange.area.AreaQueries;
import org.spange.area.AreasChanged;
import org.spange.indicator.Formula;
import org.spange.indicator.Indicator;
import org.spange.indicator.IndicatorValue;
import org.spange.indicator.IndicatorValues;
import org.spange.indicator.IndicatorValuesComputed;
import org.spange.indicator.ObservationsImported;
import org.spange.indicator.Period;
import org.spange.indicator.Variable;
import org.spange.indicator.Variable.AreaAggregation;
import org.spange.indicator.internal.IndicatorStore.StoredVariable;
import org.spange.indicator.internal.ValueSetStore.ValueSet;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Computes indicators and variable roll-ups for every area of the {@link RollUpTree}, period by period, and keeps
 * them current: after an observation import only the keys and periods touched, after an indicator change that
 * indicator and those built on it, after an area change everything.
 */
@Service
class IndicatorEngine implements IndicatorValues {

	/** Value sets written per batch. */
	private static final int WRITE_BATCH = 64;

	private final IndicatorStore store;
	private final ValueSetStore valueSets;
	private final AreaQueries areas;
	private final JdbcClient jdbc;
	private final TransactionTemplate tx;
	private final ApplicationEventPublisher events;
	private volatile RollUpTree tree;

	IndicatorEngine(IndicatorStore store, ValueSetStore valueSets, AreaQueries areas, JdbcClient jdbc,
			TransactionTemplate tx, ApplicationEventPublisher events) {
		this.events = events;
		this.store = store;
		this.valueSets = valueSets;
		this.areas = areas;
		this.jdbc = jdbc;
		this.tx = tx;
	}

	// reading

	@Override
	public List<Period> periods(String key) {
		return valueSets.periods(key).stream().map(Period::parse).sorted().toList();
	}

	@Override
	public Map<AreaId, IndicatorValue> values(String key, Period period, Collection<AreaId> wanted) {
		Map<AreaId, IndicatorValue> out = new LinkedHashMap<>();
		valueSets.read(key, period.toString()).ifPresent(set -> {
			Map<Long, Integer> positions = new HashMap<>(set.areaIds().length * 2);
			for (int i = 0; i < set.areaIds().length; i++) {
				positions.put(set.areaIds()[i], i);
			}
			for (AreaId area : wanted) {
				Integer i = positions.get(area.value());
				if (i != null) {
					out.put(area, value(area, period, set.values()[i], set.coverage()[i]));
				}
			}
		});
		return out;
	}

	@Override
	public List<IndicatorValue> series(String key, AreaId area) {
		return valueSets.series(key, area.value()).stream()
			.map(p -> value(area, Period.parse(p.period()), p.value(), p.coverage()))
			.sorted((a, b) -> a.period().compareTo(b.period())).toList();
	}

	private static IndicatorValue value(AreaId area, Period period, double value, float coverage) {
		return Double.isNaN(value) ? new IndicatorValue(area, period, null, 0)
				: new IndicatorValue(area, period, value, coverage);
	}

	// triggers

	@EventListener
	void onObservationsImported(ObservationsImported event) {
		Definitions defs = definitions();
		Set<String> keys = defs.dependents(event.variableKeys());
		compute(defs, keys, withYears(event.periods().stream().map(Period::toString).toList()));
	}

	@EventListener
	void onAreasChanged(AreasChanged event) {
		recomputeAll();
	}

	/** After an indicator was saved: it and everything built on it, for every period of its variables. */
	void indicatorChanged(String key) {
		Definitions defs = definitions();
		Set<String> keys = defs.dependents(List.of(key));
		Set<String> variables = new TreeSet<>();
		keys.forEach(k -> variables.addAll(defs.variablesOf(k)));
		compute(defs, keys, periodsOf(defs, variables));
	}

	/** The variables a variable or indicator key rests on (with weights), by key. */
	Set<String> variablesOf(String key) {
		return definitions().variablesOf(key);
	}

	@Override
	public int recomputeAll() {
		return Objects.requireNonNull(tx.execute(status -> {
			Definitions defs = definitions();
			valueSets.deleteAll();
			Set<String> keys = new TreeSet<>(defs.variables.keySet());
			keys.addAll(defs.formulas.keySet());
			return compute(defs, keys, periodsOf(defs, defs.variables.keySet()));
		}));
	}

	// computing

	/** Variables and indicator formulas as they are now. */
	private final class Definitions {
		final Map<String, StoredVariable> variables = new LinkedHashMap<>();
		final Map<String, Formula> formulas = new LinkedHashMap<>();
		private final Map<String, Set<String>> variablesOf = new HashMap<>();

		Definitions() {
			store.variables(false).forEach(v -> variables.put(v.variable().key(), v));
			for (Indicator indicator : store.indicators(false)) {
				formulas.put(indicator.key(), Formula.parse(indicator.formula()));
			}
		}

		/** The variables a key rests on, with the weights of weighted means. */
		Set<String> variablesOf(String key) {
			Set<String> known = variablesOf.get(key);
			if (known != null) {
				return known;
			}
			Set<String> out = new TreeSet<>();
			collect(key, out, new LinkedHashSet<>());
			variablesOf.put(key, out);
			return out;
		}

		private void collect(String key, Set<String> out, Set<String> path) {
			StoredVariable v = variables.get(key);
			if (v != null) {
				out.add(key);
				if (v.variable().weightKey() != null) {
					out.add(v.variable().weightKey());
				}
			} else if (formulas.containsKey(key) && path.add(key)) {
				formulas.get(key).references().forEach(ref -> collect(ref, out, path));
				path.remove(key);
			}
		}

		/** The given keys and every key whose value rests on one of them. */
		Set<String> dependents(Collection<String> changed) {
			Set<String> out = new TreeSet<>();
			for (String key : changed) {
				if (variables.containsKey(key)) {
					out.add(key);
				}
			}
			variables.forEach((key, v) -> {
				if (v.variable().weightKey() != null && changed.contains(v.variable().weightKey())) {
					out.add(key);
				}
			});
			boolean grew = true;
			Set<String> seeds = new TreeSet<>(changed);
			while (grew) {
				grew = false;
				for (Map.Entry<String, Formula> f : formulas.entrySet()) {
					if (!out.contains(f.getKey()) && (seeds.contains(f.getKey())
							|| f.getValue().references().stream().anyMatch(r -> out.contains(r) || seeds.contains(r)))) {
						grew |= out.add(f.getKey());
					}
				}
			}
			return out;
		}
	}

	private Definitions definitions() {
		return new Definitions();
	}

	private RollUpTree tree() {
		RollUpTree current = tree;
		if (current == null || current.version != areas.dataVersion()) {
			current = RollUpTree.of(areas.hierarchy());
			tree = current;
		}
		return current;
	}

	/** The periods with observations of any of these variables: a loose index scan per variable. */
	private List<String> periodsOf(Definitions defs, Collection<String> variableKeys) {
		Set<String> periods = new TreeSet<>();
		for (String key : variableKeys) {
			StoredVariable v = defs.variables.get(key);
			if (v != null) {
				periods.addAll(store.periodTexts(v.id()));
			}
		}
		return withYears(periods);
	}

	/** The periods and the years of the shorter ones: a year is derived from its months, quarters or dates. */
	private static List<String> withYears(Collection<String> periods) {
		Set<String> all = new TreeSet<>(periods);
		for (String p : periods) {
			Period period = Period.parse(p);
			if (period.kind() != Period.Kind.YEAR) {
				all.add(Integer.toString(period.year()));
			}
		}
		return List.copyOf(all);
	}

	/** Computes the keys in the periods and writes their value sets; returns how many were written. */
	private int compute(Definitions defs, Set<String> keys, List<String> periods) {
		if (keys.isEmpty() || periods.isEmpty()) {
			return 0;
		}
		RollUpTree t = tree();
		Set<String> needed = new TreeSet<>();
		keys.forEach(k -> needed.addAll(defs.variablesOf(k)));
		List<String> variableKeys = List.copyOf(needed);
		Map<String, Integer> column = new HashMap<>();
		for (int j = 0; j < variableKeys.size(); j++) {
			column.put(variableKeys.get(j), j);
		}
		// periods shorter than a year, of the variables that have them (usually none): what years are derived from
		Map<String, List<String>> shorter = new HashMap<>();
		for (String key : variableKeys) {
			List<String> texts = store.periodTexts(defs.variables.get(key).id()).stream()
				.filter(p -> Period.parse(p).kind() != Period.Kind.YEAR).toList();
			if (!texts.isEmpty()) {
				shorter.put(key, texts);
			}
		}
		int written = 0;
		List<ValueSet> batch = new ArrayList<>();
		for (String period : periods) {
			double[][] own = observations(defs, variableKeys, period, t, shorter);
			for (String key : keys) {
				ValueSet set = new Computation(defs, t, key, own, column).run(period);
				if (set == null) {
					valueSets.delete(key, period);
					continue;
				}
				batch.add(set);
				if (batch.size() >= WRITE_BATCH) {
					valueSets.write(batch);
					written += batch.size();
					batch.clear();
				}
			}
		}
		valueSets.write(batch);
		events.publishEvent(new IndicatorValuesComputed(List.copyOf(keys),
				periods.stream().map(Period::parse).sorted().toList()));
		return written + batch.size();
	}

	/**
	 * The observed values of the variables in one period, by variable column and tree node; NaN where absent. For a
	 * year without its own observation the value is derived from the shorter periods in it by the variable's time
	 * aggregation: SUM of all 12 months or all 4 quarters (a flow of part of a year is no yearly figure), LAST the
	 * latest value (a stock), MEAN the mean of the finest periods observed.
	 */
	private double[][] observations(Definitions defs, List<String> variableKeys, String period, RollUpTree t,
			Map<String, List<String>> shorter) {
		double[][] own = new double[variableKeys.size()][t.size()];
		Map<Integer, Integer> columnById = new HashMap<>();
		Integer[] ids = new Integer[variableKeys.size()];
		for (int j = 0; j < ids.length; j++) {
			java.util.Arrays.fill(own[j], Double.NaN);
			ids[j] = defs.variables.get(variableKeys.get(j)).id();
			columnById.put(ids[j], j);
		}
		jdbc.sql("""
				select variable_id, area_id, value::float8 from indicator.observation
				where period = :period and variable_id in (:ids) and value is not null""")
			.param("period", period).param("ids", List.of(ids))
			.query((ResultSet rs) -> {
				Integer node = t.index.get(rs.getLong(2));
				if (node != null) {
					own[columnById.get(rs.getInt(1))][node] = rs.getDouble(3);
				}
			});
		Map<Long, List<Sub>> parts = new HashMap<>(); // column × node → observations of shorter periods
		Period asked = Period.parse(period);
		if (asked.kind() == Period.Kind.YEAR) {
			for (int j = 0; j < ids.length; j++) {
				List<String> within = shorter.getOrDefault(variableKeys.get(j), List.of()).stream()
					.filter(p -> Period.parse(p).year() == asked.year()).toList();
				if (within.isEmpty()) {
					continue;
				}
				int column = j;
				jdbc.sql("""
						select area_id, value::float8, period from indicator.observation
						where variable_id = :id and period in (:periods) and value is not null""")
					.param("id", ids[j]).param("periods", within)
					.query((ResultSet rs) -> {
						Integer node = t.index.get(rs.getLong(1));
						if (node != null) {
							parts.computeIfAbsent((long) column * t.size() + node, k -> new ArrayList<>())
								.add(new Sub(Period.parse(rs.getString(3)), rs.getDouble(2)));
						}
					});
			}
		}
		parts.forEach((cell, subs) -> {
			int column = (int) (cell / t.size());
			int node = (int) (cell % t.size());
			if (Double.isNaN(own[column][node])) {
				own[column][node] = aggregate(defs.variables.get(variableKeys.get(column)).variable().timeAggregation(),
						subs);
			}
		});
		return own;
	}

	/** An observation of a period shorter than the year asked for. */
	private record Sub(Period period, double value) {
	}

	static double aggregate(Variable.TimeAggregation how, List<Sub> subs) {
		if (how == Variable.TimeAggregation.LAST) {
			return subs.stream().max((a, b) -> a.period().end().compareTo(b.period().end())).orElseThrow().value();
		}
		// the finest kind observed: months before quarters before reference dates
		Period.Kind finest = subs.stream().map(s -> s.period().kind()).filter(k -> k != Period.Kind.DAY)
			.max(java.util.Comparator.naturalOrder()).orElse(Period.Kind.DAY);
		List<Sub> used = subs.stream().filter(s -> s.period().kind() == finest).toList();
		if (how == Variable.TimeAggregation.MEAN) {
			return used.stream().mapToDouble(Sub::value).average().orElse(Double.NaN);
		}
		int needed = finest == Period.Kind.MONTH ? 12 : finest == Period.Kind.QUARTER ? 4 : -1;
		return used.size() == needed ? used.stream().mapToDouble(Sub::value).sum() : Double.NaN;
	}

	/**
	 * One key in one period over the whole tree. A part counts towards its whole only where the key itself can be
	 * computed for the part, so every variable of a ratio is summed over the same parts.
	 */
	private static final class Computation {
		private final RollUpTree t;
		private final String key;
		private final double[][] own;
		private final Formula formula;
		private final Map<String, Formula> formulas;
		private final int[] columns;
		private final AreaAggregation[] aggregation;
		private final int[] weightOf; // index into columns of the weight, or -1
		private final Map<String, Integer> slot = new HashMap<>();
		/** the variable values of every node: own observation, else the roll-up of its counted parts */
		private final double[][] env;
		private int node;

		Computation(Definitions defs, RollUpTree t, String key, double[][] own, Map<String, Integer> column) {
			this.t = t;
			this.key = key;
			this.own = own;
			this.formulas = defs.formulas;
			this.formula = defs.variables.containsKey(key) ? null : defs.formulas.get(key);
			List<String> vars = List.copyOf(defs.variablesOf(key));
			columns = new int[vars.size()];
			aggregation = new AreaAggregation[vars.size()];
			weightOf = new int[vars.size()];
			for (int j = 0; j < vars.size(); j++) {
				slot.put(vars.get(j), j);
			}
			for (int j = 0; j < vars.size(); j++) {
				Variable v = defs.variables.get(vars.get(j)).variable();
				columns[j] = column.get(vars.get(j));
				aggregation[j] = v.areaAggregation();
				weightOf[j] = v.weightKey() == null ? -1 : slot.get(v.weightKey());
			}
			env = new double[vars.size()][t.size()];
		}

		/** @return null when no area has a value */
		ValueSet run(String period) {
			int n = t.size();
			int m = columns.length;
			double[] value = new double[n];
			int[] partCount = new int[n];
			int[] covered = new int[n];
			double[] sum = new double[m];
			double[] weights = new double[m];
			boolean[] present = new boolean[m];
			boolean any = false;
			for (int k = 0; k < n; k++) {
				int a = t.order[k];
				int[] parts = t.parts[a];
				int partsTotal = 0;
				int partsCovered = 0;
				java.util.Arrays.fill(sum, 0);
				java.util.Arrays.fill(weights, 0);
				java.util.Arrays.fill(present, false);
				for (int c : parts) {
					partsTotal += partCount[c];
					if (Double.isNaN(value[c])) {
						continue;
					}
					partsCovered += covered[c];
					for (int j = 0; j < m; j++) {
						double x = env[j][c];
						if (Double.isNaN(x)) {
							continue;
						}
						switch (aggregation[j]) {
						case SUM -> {
							sum[j] += x;
							present[j] = true;
						}
						case WEIGHTED_MEAN -> {
							double w = env[weightOf[j]][c];
							if (!Double.isNaN(w)) {
								sum[j] += x * w;
								weights[j] += w;
								present[j] = true;
							}
						}
						case NONE -> {
						}
						}
					}
				}
				boolean rolledUp = false;
				for (int j = 0; j < m; j++) {
					double observed = own[columns[j]][a];
					if (!Double.isNaN(observed)) {
						env[j][a] = observed;
					} else if (present[j] && (aggregation[j] == AreaAggregation.SUM || weights[j] > 0)) {
						env[j][a] = aggregation[j] == AreaAggregation.SUM ? sum[j] : sum[j] / weights[j];
						rolledUp = true;
					} else {
						env[j][a] = Double.NaN;
					}
				}
				node = a;
				value[a] = evaluate();
				boolean known = !Double.isNaN(value[a]);
				any |= known;
				partCount[a] = parts.length == 0 ? 1 : partsTotal;
				covered[a] = !known ? 0 : rolledUp ? partsCovered : partCount[a];
			}
			if (!any) {
				return null;
			}
			float[] coverage = new float[n];
			for (int a = 0; a < n; a++) {
				coverage[a] = partCount[a] == 0 ? 0f : (float) covered[a] / partCount[a];
			}
			return new ValueSet(key, period, t.ids, value, coverage);
		}

		private double evaluate() {
			if (formula == null) {
				return env[slot.get(key)][node];
			}
			OptionalDouble result = formula.evaluate(this::resolve);
			return result.isPresent() && Double.isFinite(result.getAsDouble()) ? result.getAsDouble() : Double.NaN;
		}

		private OptionalDouble resolve(String name) {
			Integer j = slot.get(name);
			if (j != null) {
				double x = env[j][node];
				return Double.isNaN(x) ? OptionalDouble.empty() : OptionalDouble.of(x);
			}
			Formula referenced = formulas.get(name);
			return referenced == null ? OptionalDouble.empty() : referenced.evaluate(this::resolve);
		}
	}
}
