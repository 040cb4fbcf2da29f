package org.spange.atlas;

import java.util.ArrayList;
import java.util.List;

/**
 * Outliers by Tukey's rule: values below Q1 − 1.5·IQR or above Q3 + 1.5·IQR, with the quartiles by linear
 * interpolation (Hyndman &amp; Fan type 7, as in R, NumPy and spreadsheet QUARTILE.INC). Marked on the map and in
 * the table, never removed.
 *
 * @param q1 the first quartile; NaN without values
 * @param q3 the third quartile; NaN without values
 * @param lowerFence Q1 − 1.5·IQR: values below it are outliers
 * @param upperFence Q3 + 1.5·IQR: values above it are outliers
 * @param indexes the positions of the outliers in the input, ascending
 */
public record IqrOutliers(double q1, double q3, double lowerFence, double upperFence, List<Integer> indexes) {

	public IqrOutliers {
		indexes = List.copyOf(indexes);
	}

	/** Finds the outliers among finite values (leave missing ones out). */
	public static IqrOutliers of(double[] values) {
		double[] sorted = Stats.sortedFinite(values);
		double q1 = Stats.quantile(sorted, 0.25);
		double q3 = Stats.quantile(sorted, 0.75);
		double iqr = q3 - q1;
		double lower = q1 - 1.5 * iqr;
		double upper = q3 + 1.5 * iqr;
		List<Integer> indexes = new ArrayList<>();
		for (int i = 0; i < values.length; i++) {
			if (values[i] < lower || values[i] > upper) {
				indexes.add(i);
			}
		}
		return new IqrOutliers(q1, q3, lower, upper, indexes);
	}

	/** Whether the value at this position of the input is an outlier. */
	public boolean isOutlier(int valueIndex) {
		return java.util.Collections.binarySearch(indexes, valueIndex) >= 0;
	}
}
