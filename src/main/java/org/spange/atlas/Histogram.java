package org.spange.atlas;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How many values fall into each bin, for the chart beside the map; bins follow the rule of {@link Classification}
 * (upper ends inclusive, the first bin closed at both ends), so the map's breaks give the map's class counts.
 *
 * @param breaks the bin boundaries, ascending
 * @param counts the number of values in each bin
 * @param below values under the first boundary
 * @param above values over the last boundary
 */
public record Histogram(List<Double> breaks, List<Integer> counts, int below, int above) {

	public Histogram {
		breaks = List.copyOf(breaks);
		counts = List.copyOf(counts);
	}

	/** Counts finite values into bins between non-decreasing boundaries (at least two). */
	public static Histogram of(double[] values, List<Double> breaks) {
		Stats.finite(values);
		if (breaks == null || breaks.size() < 2) {
			throw new IllegalArgumentException("a histogram needs at least two boundaries");
		}
		double[] b = new double[breaks.size()];
		for (int i = 0; i < b.length; i++) {
			b[i] = breaks.get(i);
			if (!Double.isFinite(b[i]) || i > 0 && b[i] < b[i - 1]) {
				throw new IllegalArgumentException("boundaries must be finite and ascending");
			}
		}
		int[] counts = new int[b.length - 1];
		int below = 0;
		int above = 0;
		for (double v : values) {
			int c = Classifier.classOf(v, b);
			if (c < 0) {
				below++;
			}
			else if (c == counts.length) {
				above++;
			}
			else {
				counts[c]++;
			}
		}
		List<Integer> list = new ArrayList<>(counts.length);
		Arrays.stream(counts).forEach(list::add);
		return new Histogram(breaks, list, below, above);
	}
}
