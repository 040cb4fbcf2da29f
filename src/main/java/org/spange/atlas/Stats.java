package org.spange.atlas;

import java.util.Arrays;

/** The few descriptive statistics the atlas needs, in one place so that every feature uses the same definitions. */
final class Stats {

	private Stats() {
	}

	/** A sorted copy; rejects NaN and infinities, because callers must filter missing values and show them as such. */
	static double[] sortedFinite(double[] values) {
		double[] sorted = finite(values).clone();
		Arrays.sort(sorted);
		return sorted;
	}

	static double[] finite(double[] values) {
		if (values == null) {
			throw new IllegalArgumentException("values must not be null");
		}
		for (int i = 0; i < values.length; i++) {
			if (!Double.isFinite(values[i])) {
				throw new IllegalArgumentException("value " + i + " is not a finite number; filter missing values first");
			}
		}
		return values;
	}

	/**
	 * The p-quantile of sorted values by linear interpolation between order statistics, Hyndman &amp; Fan type 7 (the
	 * default of R, NumPy and spreadsheet QUARTILE.INC): position h = (n − 1)·p counted from 0.
	 */
	static double quantile(double[] sorted, double p) {
		if (sorted.length == 0) {
			return Double.NaN;
		}
		double h = (sorted.length - 1) * p;
		int lo = (int) Math.floor(h);
		if (lo >= sorted.length - 1) {
			return sorted[sorted.length - 1];
		}
		return sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
	}

	static double mean(double[] values) {
		double sum = 0;
		for (double v : values) {
			sum += v;
		}
		return sum / values.length;
	}

	/** The population standard deviation: the mapped areas are the whole population, not a sample of it. */
	static double populationSd(double[] values) {
		double mean = mean(values);
		double ss = 0;
		for (double v : values) {
			ss += (v - mean) * (v - mean);
		}
		return Math.sqrt(ss / values.length);
	}
}
