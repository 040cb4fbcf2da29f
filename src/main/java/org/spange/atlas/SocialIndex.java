package org.spange.atlas;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.spange.indicator.Polarity;

/**
 * A social index in the manner of Berlin's "Monitoring Soziale Stadtentwicklung": chosen indicators are standardised
 * over the areas, turned so that higher means better, weighted and averaged into a status index (level in the latest
 * period) and a dynamics index (change over some periods); both are classed by cut-offs in standard deviations of
 * the index. Areas below a minimum population or with a missing indicator are left out and say why. Every value
 * explains itself by the contribution of each indicator.
 * <p>
 * Standard deviations are population standard deviations: the areas are the whole population, not a sample.
 */
public final class SocialIndex {

	/** How indicator values are made comparable. */
	public enum Standardisation {
		/** (x − mean) / sd */
		Z_SCORE,
		/** (x − min) / (max − min), 0 to 1 */
		MIN_MAX,
		/** percentile rank, 0 to 1, ties share the mean rank */
		RANK
	}

	/** Status classes, best first. */
	public enum StatusClass {
		HIGH, MIDDLE, LOW, VERY_LOW
	}

	public enum DynamicsClass {
		POSITIVE, STABLE, NEGATIVE
	}

	/** Why an area is not in the index. */
	public enum Exclusion {
		SMALL_POPULATION, MISSING_DATA
	}

	/**
	 * One indicator of the index.
	 *
	 * @param polarity higher is better or worse; neutral indicators cannot enter an index
	 * @param weight   relative weight, greater than 0
	 */
	public record Component(String key, Polarity polarity, double weight) {

		public Component {
			Objects.requireNonNull(key, "key");
			if (polarity == null || polarity == Polarity.NEUTRAL) {
				throw new IllegalArgumentException("Indicator " + key + " needs a polarity to enter an index");
			}
			if (!(weight > 0) || !Double.isFinite(weight)) {
				throw new IllegalArgumentException("The weight of " + key + " must be a positive number");
			}
		}

		int sign() {
			return polarity == Polarity.HIGHER_IS_BETTER ? 1 : -1;
		}
	}

	/**
	 * Cut-offs on the standardised index (in standard deviations).
	 *
	 * @param high     status at or above is high (default +1)
	 * @param low      status at or below is low (default −1)
	 * @param veryLow  status at or below is very low (default −1.5)
	 * @param dynamics dynamics at or above +this is positive, at or below −this negative (default 1)
	 */
	public record Cutoffs(double high, double low, double veryLow, double dynamics) {

		public static final Cutoffs DEFAULT = new Cutoffs(1, -1, -1.5, 1);

		public Cutoffs {
			if (!(high > low && low > veryLow && dynamics > 0)) {
				throw new IllegalArgumentException("Cut-offs must satisfy high > low > very low and dynamics > 0");
			}
		}
	}

	/**
	 * What the index is computed from, aligned by position with {@code areas}; NaN marks a missing value.
	 *
	 * @param latest     per component key: values in the latest period
	 * @param earlier    per component key: values some periods before, for the dynamics; null for none
	 * @param population per area; areas below {@code minPopulation} are left out as small, without one as missing data
	 */
	public record Input(List<Long> areas, List<Component> components, Map<String, double[]> latest,
			Map<String, double[]> earlier, double[] population, double minPopulation, Standardisation method,
			Cutoffs cutoffs) {

		public Input {
			areas = List.copyOf(areas);
			components = List.copyOf(components);
			if (components.isEmpty()) {
				throw new IllegalArgumentException("An index needs at least one indicator");
			}
			for (Component c : components) {
				check(latest.get(c.key()), areas.size(), c.key());
				if (earlier != null) {
					check(earlier.get(c.key()), areas.size(), c.key());
				}
			}
			check(population, areas.size(), "population");
			method = method == null ? Standardisation.Z_SCORE : method;
			cutoffs = cutoffs == null ? Cutoffs.DEFAULT : cutoffs;
		}

		private static void check(double[] values, int n, String what) {
			if (values == null || values.length != n) {
				throw new IllegalArgumentException("Values of " + what + " must be given for every area");
			}
		}

		Input without(String key) {
			List<Component> rest = components.stream().filter(c -> !c.key().equals(key)).toList();
			return new Input(areas, rest, latest, earlier, population, minPopulation, method, cutoffs);
		}

		Input reweighted(String key, double factor) {
			List<Component> changed = components.stream()
				.map(c -> c.key().equals(key) ? new Component(c.key(), c.polarity(), c.weight() * factor) : c).toList();
			return new Input(areas, changed, latest, earlier, population, minPopulation, method, cutoffs);
		}
	}

	/**
	 * How one indicator went into an area's index.
	 *
	 * @param raw          the indicator value
	 * @param standardised turned so that higher is better
	 * @param contribution its weighted share of the index (weight / sum of weights × standardised)
	 * @param reference    the region's mean of the indicator over the areas in the index
	 * @param sd           their standard deviation
	 */
	public record Contribution(String key, double raw, double standardised, double contribution, double reference,
			double sd) {
	}

	/**
	 * One area's result; for an excluded area only {@code exclusion} is set.
	 *
	 * @param score          the weighted mean of the standardised indicators
	 * @param status         the score standardised over the areas in the index: what the classes cut
	 * @param dynamics       the same for the changes; NaN without earlier values
	 * @param dynamicsClass  null without earlier values
	 */
	public record AreaResult(long area, Exclusion exclusion, double score, double status, StatusClass statusClass,
			double dynamics, DynamicsClass dynamicsClass, List<Contribution> contributions) {
	}

	/** What changes when the index is built a little differently. */
	public record Sensitivity(String key, int changedWithout, int changedWeightUp, int changedWeightDown) {
	}

	public record Result(List<AreaResult> areas, Map<StatusClass, Map<DynamicsClass, Integer>> matrix,
			List<Sensitivity> sensitivity) {
	}

	private SocialIndex() {
	}

	/** The index with its status × dynamics matrix and sensitivity to each indicator (left out, weight ±20 %). */
	public static Result compute(Input input) {
		List<AreaResult> results = scores(input);
		Map<StatusClass, Map<DynamicsClass, Integer>> matrix = new LinkedHashMap<>();
		for (StatusClass s : StatusClass.values()) {
			Map<DynamicsClass, Integer> row = new LinkedHashMap<>();
			for (DynamicsClass d : DynamicsClass.values()) {
				row.put(d, 0);
			}
			matrix.put(s, row);
		}
		for (AreaResult r : results) {
			if (r.statusClass() != null && r.dynamicsClass() != null) {
				matrix.get(r.statusClass()).merge(r.dynamicsClass(), 1, Integer::sum);
			}
		}
		List<Sensitivity> sensitivity = new ArrayList<>();
		for (Component c : input.components()) {
			int without = input.components().size() == 1 ? 0 : changed(results, scores(input.without(c.key())));
			sensitivity.add(new Sensitivity(c.key(), without, changed(results, scores(input.reweighted(c.key(), 1.2))),
					changed(results, scores(input.reweighted(c.key(), 0.8)))));
		}
		return new Result(results, matrix, sensitivity);
	}

	/** Areas in both computations whose status class differs (an area entering or leaving is no change of class). */
	private static int changed(List<AreaResult> a, List<AreaResult> b) {
		int n = 0;
		for (int i = 0; i < a.size(); i++) {
			StatusClass before = a.get(i).statusClass();
			StatusClass after = b.get(i).statusClass();
			if (before != null && after != null && before != after) {
				n++;
			}
		}
		return n;
	}

	private static List<AreaResult> scores(Input in) {
		int n = in.areas().size();
		Exclusion[] exclusion = new Exclusion[n];
		for (int i = 0; i < n; i++) {
			double pop = in.population()[i];
			if (Double.isNaN(pop)) {
				exclusion[i] = Exclusion.MISSING_DATA; // an unknown population is missing data, not a small one
				continue;
			}
			if (pop < in.minPopulation()) {
				exclusion[i] = Exclusion.SMALL_POPULATION;
				continue;
			}
			for (Component c : in.components()) {
				if (!Double.isFinite(in.latest().get(c.key())[i])) {
					exclusion[i] = Exclusion.MISSING_DATA;
					break;
				}
			}
		}
		int[] included = java.util.stream.IntStream.range(0, n).filter(i -> exclusion[i] == null).toArray();
		double weights = in.components().stream().mapToDouble(Component::weight).sum();

		double[] score = new double[n];
		Arrays.fill(score, Double.NaN);
		List<List<Contribution>> contributions = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			contributions.add(new ArrayList<>());
		}
		double[] change = new double[n];
		Arrays.fill(change, in.earlier() == null ? Double.NaN : 0);
		for (Component c : in.components()) {
			double[] raw = pick(in.latest().get(c.key()), included);
			double[] std = standardise(raw, in.method());
			double mean = raw.length == 0 ? Double.NaN : Stats.mean(raw);
			double sd = raw.length == 0 ? Double.NaN : Stats.populationSd(raw);
			for (int j = 0; j < included.length; j++) {
				int i = included[j];
				double turned = c.sign() * std[j];
				double share = c.weight() / weights * turned;
				score[i] = (Double.isNaN(score[i]) ? 0 : score[i]) + share;
				contributions.get(i).add(new Contribution(c.key(), raw[j], turned, share, mean, sd));
			}
			if (in.earlier() != null) {
				double[] diff = new double[included.length];
				for (int j = 0; j < included.length; j++) {
					int i = included[j];
					diff[j] = in.latest().get(c.key())[i] - in.earlier().get(c.key())[i];
				}
				int[] known = java.util.stream.IntStream.range(0, diff.length).filter(j -> Double.isFinite(diff[j]))
					.toArray();
				double[] stdDiff = standardise(pick(diff, known), in.method());
				double[] full = new double[diff.length];
				Arrays.fill(full, Double.NaN);
				for (int k = 0; k < known.length; k++) {
					full[known[k]] = stdDiff[k];
				}
				for (int j = 0; j < included.length; j++) {
					change[included[j]] += c.weight() / weights * c.sign() * full[j];
				}
			}
		}
		double[] status = zOf(score, included);
		double[] dynamics = zOf(change, included);
		List<AreaResult> out = new ArrayList<>(n);
		Cutoffs cut = in.cutoffs();
		for (int i = 0; i < n; i++) {
			if (exclusion[i] != null) {
				out.add(new AreaResult(in.areas().get(i), exclusion[i], Double.NaN, Double.NaN, null, Double.NaN, null,
						List.of()));
				continue;
			}
			StatusClass sc = status[i] >= cut.high() ? StatusClass.HIGH
					: status[i] <= cut.veryLow() ? StatusClass.VERY_LOW
							: status[i] <= cut.low() ? StatusClass.LOW : StatusClass.MIDDLE;
			DynamicsClass dc = Double.isNaN(dynamics[i]) ? null
					: dynamics[i] >= cut.dynamics() ? DynamicsClass.POSITIVE
							: dynamics[i] <= -cut.dynamics() ? DynamicsClass.NEGATIVE : DynamicsClass.STABLE;
			out.add(new AreaResult(in.areas().get(i), null, score[i], status[i], sc, dynamics[i], dc,
					Collections.unmodifiableList(contributions.get(i))));
		}
		return out;
	}

	/** z-scores of the finite values at the given positions; NaN elsewhere (and everywhere when sd is 0). */
	private static double[] zOf(double[] values, int[] positions) {
		double[] z = new double[values.length];
		Arrays.fill(z, Double.NaN);
		int[] known = Arrays.stream(positions).filter(i -> Double.isFinite(values[i])).toArray();
		if (known.length == 0) {
			return z;
		}
		double[] v = pick(values, known);
		double mean = Stats.mean(v);
		double sd = Stats.populationSd(v);
		for (int i : known) {
			z[i] = sd > 0 ? (values[i] - mean) / sd : 0;
		}
		return z;
	}

	private static double[] pick(double[] values, int[] positions) {
		double[] out = new double[positions.length];
		for (int j = 0; j < positions.length; j++) {
			out[j] = values[positions[j]];
		}
		return out;
	}

	/** Standardised values in the same order; a constant indicator standardises to 0 (it tells the areas apart not). */
	static double[] standardise(double[] values, Standardisation method) {
		int n = values.length;
		double[] out = new double[n];
		if (n == 0) {
			return out;
		}
		switch (method) {
		case Z_SCORE -> {
			double mean = Stats.mean(values);
			double sd = Stats.populationSd(values);
			for (int i = 0; i < n; i++) {
				out[i] = sd > 0 ? (values[i] - mean) / sd : 0;
			}
		}
		case MIN_MAX -> {
			double min = Arrays.stream(values).min().orElse(0);
			double max = Arrays.stream(values).max().orElse(0);
			for (int i = 0; i < n; i++) {
				out[i] = max > min ? (values[i] - min) / (max - min) : 0;
			}
		}
		case RANK -> {
			Integer[] order = new Integer[n];
			for (int i = 0; i < n; i++) {
				order[i] = i;
			}
			Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
			int i = 0;
			while (i < n) {
				int j = i;
				while (j + 1 < n && values[order[j + 1]] == values[order[i]]) {
					j++;
				}
				double meanRank = (i + j) / 2.0; // 0-based
				for (int k = i; k <= j; k++) {
					out[order[k]] = n > 1 ? meanRank / (n - 1) : 0;
				}
				i = j + 1;
			}
		}
		}
		return out;
	}
}
