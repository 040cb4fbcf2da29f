package org.spange.atlas;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Divides the values of an indicator into classes for a map (see {@link Classification} for which value falls into
 * which class).
 * <p>
 * Values must be finite: callers leave out missing and suppressed areas and show them as such. From 2 to 9 classes can
 * be asked for, the range ColorBrewer's palettes cover. Fewer are formed, and {@link Classification#reduced()} says so,
 * when all values are equal (one class), when quantiles or natural breaks meet fewer distinct values than classes (one
 * class per distinct value), when quantile breaks coincide because of ties, and when standard-deviation breaks fall
 * outside the data. Equal intervals keep all their classes, empty or not.
 */
public final class Classifier {

	public static final int MIN_CLASSES = 2;
	public static final int MAX_CLASSES = 9;

	private Classifier() {
	}

	/** Classifies by any method but {@link ClassificationMethod#MANUAL}; standard deviations centre on the mean. */
	public static Classification classify(double[] values, ClassificationMethod method, int classes) {
		return switch (method) {
			case QUANTILES -> quantiles(values, classes);
			case EQUAL_INTERVALS -> equalIntervals(values, classes);
			case NATURAL_BREAKS -> naturalBreaks(values, classes);
			case STANDARD_DEVIATIONS -> standardDeviations(values, classes, OptionalDouble.empty(), 1);
			case MANUAL -> throw new IllegalArgumentException("manual classification needs its breaks");
		};
	}

	/** Breaks at the type-7 quantiles i/k (see {@link Stats#quantile}); coinciding breaks merge their classes. */
	public static Classification quantiles(double[] values, int classes) {
		double[] sorted = prepare(values, classes);
		if (sorted.length == 0 || sorted[0] == sorted[sorted.length - 1]) {
			return trivial(ClassificationMethod.QUANTILES, classes, values, sorted);
		}
		int k = Math.min(classes, distinct(sorted));
		List<Double> breaks = new ArrayList<>();
		breaks.add(sorted[0]);
		for (int i = 1; i <= k; i++) {
			double b = i == k ? sorted[sorted.length - 1] : Stats.quantile(sorted, (double) i / k);
			double last = breaks.get(breaks.size() - 1);
			if (b > last || breaks.size() == 1 && b == last) {
				breaks.add(b);
			}
		}
		Classification c = assign(ClassificationMethod.QUANTILES, classes, values, toArray(breaks));
		// interpolated breaks between the same two neighbours can leave a class empty: merge it into the next
		for (int i = c.classes() - 1; i >= 1; i--) {
			if (c.counts().get(i) == 0) {
				breaks.remove(i + 1 == breaks.size() - 1 ? i : i + 1);
				c = assign(ClassificationMethod.QUANTILES, classes, values, toArray(breaks));
			}
		}
		return c;
	}

	/** Classes of width (max − min) / k. */
	public static Classification equalIntervals(double[] values, int classes) {
		double[] sorted = prepare(values, classes);
		if (sorted.length == 0 || sorted[0] == sorted[sorted.length - 1]) {
			return trivial(ClassificationMethod.EQUAL_INTERVALS, classes, values, sorted);
		}
		double min = sorted[0];
		double max = sorted[sorted.length - 1];
		double[] breaks = new double[classes + 1];
		for (int i = 0; i < classes; i++) {
			breaks[i] = min + i * (max - min) / classes;
		}
		breaks[classes] = max;
		return assign(ClassificationMethod.EQUAL_INTERVALS, classes, values, breaks);
	}

	/** Jenks natural breaks, the exact optimum (see {@link NaturalBreaks} for the algorithm and its cost). */
	public static Classification naturalBreaks(double[] values, int classes) {
		double[] sorted = prepare(values, classes);
		if (sorted.length == 0 || sorted[0] == sorted[sorted.length - 1]) {
			return trivial(ClassificationMethod.NATURAL_BREAKS, classes, values, sorted);
		}
		int k = Math.min(classes, distinct(sorted));
		double[] ends = NaturalBreaks.upperEnds(sorted, k);
		double[] breaks = new double[k + 1];
		breaks[0] = sorted[0];
		System.arraycopy(ends, 0, breaks, 1, k);
		return assign(ClassificationMethod.NATURAL_BREAKS, classes, values, breaks);
	}

	/**
	 * Breaks at steps of the population standard deviation around a centre. With an odd number of classes the middle
	 * class spans centre ± step/2 (breaks at ±0.5, ±1.5 … steps); with an even number the centre is a break (breaks
	 * at 0, ±1, ±2 … steps). Breaks outside the data are left out, so an off-centre reference gives fewer classes.
	 *
	 * @param centre the reference value, such as the region's; the mean of the values when empty
	 * @param sdPerStep the width of a class in standard deviations, such as 1 or 0.5
	 */
	public static Classification standardDeviations(double[] values, int classes, OptionalDouble centre,
			double sdPerStep) {
		double[] sorted = prepare(values, classes);
		if (!(sdPerStep > 0) || Double.isInfinite(sdPerStep)) {
			throw new IllegalArgumentException("the step must be a positive number of standard deviations");
		}
		if (centre.isPresent() && !Double.isFinite(centre.getAsDouble())) {
			throw new IllegalArgumentException("the centre must be a finite number");
		}
		if (sorted.length == 0 || sorted[0] == sorted[sorted.length - 1]) {
			return trivial(ClassificationMethod.STANDARD_DEVIATIONS, classes, values, sorted);
		}
		double c = centre.orElse(Stats.mean(sorted));
		double step = Stats.populationSd(sorted) * sdPerStep;
		double min = sorted[0];
		double max = sorted[sorted.length - 1];
		List<Double> breaks = new ArrayList<>();
		breaks.add(min);
		for (int i = 0; i < classes - 1; i++) {
			double b = c + (i - (classes - 2) / 2.0) * step;
			if (b > min && b < max) {
				breaks.add(b);
			}
		}
		breaks.add(max);
		return assign(ClassificationMethod.STANDARD_DEVIATIONS, classes, values, toArray(breaks));
	}

	/**
	 * User-given boundaries, from the lower end of the first class to the upper end of the last.
	 *
	 * @throws IllegalArgumentException unless the boundaries are finite, strictly increasing, make 2 to 9 classes and
	 *         enclose every value
	 */
	public static Classification manual(double[] values, List<Double> breaks) {
		Stats.finite(values);
		if (breaks == null || breaks.size() < MIN_CLASSES + 1 || breaks.size() > MAX_CLASSES + 1) {
			throw new IllegalArgumentException("give " + (MIN_CLASSES + 1) + " to " + (MAX_CLASSES + 1)
					+ " boundaries, from the lower end of the first class to the upper end of the last");
		}
		double[] b = new double[breaks.size()];
		for (int i = 0; i < b.length; i++) {
			Double v = breaks.get(i);
			if (v == null || !Double.isFinite(v)) {
				throw new IllegalArgumentException("boundary " + (i + 1) + " is not a number");
			}
			if (i > 0 && v <= b[i - 1]) {
				throw new IllegalArgumentException("boundary " + (i + 1) + " (" + v + ") must be greater than "
						+ b[i - 1]);
			}
			b[i] = v;
		}
		if (values.length > 0) {
			double min = Arrays.stream(values).min().getAsDouble();
			double max = Arrays.stream(values).max().getAsDouble();
			if (b[0] > min || b[b.length - 1] < max) {
				throw new IllegalArgumentException("the boundaries must enclose the values from " + min + " to " + max);
			}
		}
		return assign(ClassificationMethod.MANUAL, b.length - 1, values, b);
	}

	/**
	 * Jenks' goodness of variance fit: 1 − (squared deviations within classes) / (squared deviations from the
	 * mean); 1 when the values do not vary.
	 */
	public static double goodnessOfVarianceFit(double[] values, Classification classification) {
		Stats.finite(values);
		if (values.length == 0) {
			return 1;
		}
		int k = classification.classes();
		double[] sum = new double[k];
		for (int i = 0; i < values.length; i++) {
			sum[classification.classOf(i)] += values[i];
		}
		double mean = Stats.mean(values);
		double total = 0;
		double within = 0;
		for (int i = 0; i < values.length; i++) {
			int c = classification.classOf(i);
			double classMean = sum[c] / classification.counts().get(c);
			total += (values[i] - mean) * (values[i] - mean);
			within += (values[i] - classMean) * (values[i] - classMean);
		}
		return total == 0 ? 1 : 1 - within / total;
	}

	/**
	 * The class of a value under the rule of {@link Classification}: upper ends inclusive, the first class closed at
	 * both ends; -1 below the first and {@code breaks.length − 1} above the last boundary.
	 */
	static int classOf(double value, double[] breaks) {
		int k = breaks.length - 1;
		if (value < breaks[0]) {
			return -1;
		}
		if (value > breaks[k]) {
			return k;
		}
		int lo = 1;
		int hi = k;
		while (lo < hi) {
			int mid = (lo + hi) >>> 1;
			if (value <= breaks[mid]) {
				hi = mid;
			}
			else {
				lo = mid + 1;
			}
		}
		return lo - 1;
	}

	private static double[] prepare(double[] values, int classes) {
		if (classes < MIN_CLASSES || classes > MAX_CLASSES) {
			throw new IllegalArgumentException("the number of classes must be from " + MIN_CLASSES + " to "
					+ MAX_CLASSES + ", not " + classes);
		}
		return Stats.sortedFinite(values);
	}

	/** No values: no classes; all values equal: one class holding them all. */
	private static Classification trivial(ClassificationMethod method, int classes, double[] values, double[] sorted) {
		if (sorted.length == 0) {
			return new Classification(method, classes, List.of(), List.of(), List.of());
		}
		return assign(method, classes, values, new double[] { sorted[0], sorted[0] });
	}

	private static Classification assign(ClassificationMethod method, int requested, double[] values,
			double[] breaks) {
		int k = breaks.length - 1;
		Integer[] indexes = new Integer[values.length];
		Integer[] counts = new Integer[k];
		Arrays.fill(counts, 0);
		for (int i = 0; i < values.length; i++) {
			int c = classOf(values[i], breaks);
			indexes[i] = c;
			counts[c]++;
		}
		List<Double> boundaries = new ArrayList<>(breaks.length);
		for (double b : breaks) {
			boundaries.add(b);
		}
		return new Classification(method, requested, boundaries, Arrays.asList(indexes), Arrays.asList(counts));
	}

	private static int distinct(double[] sorted) {
		int d = sorted.length == 0 ? 0 : 1;
		for (int i = 1; i < sorted.length; i++) {
			if (sorted[i] != sorted[i - 1]) {
				d++;
			}
		}
		return d;
	}

	private static double[] toArray(List<Double> list) {
		return list.stream().mapToDouble(Double::doubleValue).toArray();
	}
}
