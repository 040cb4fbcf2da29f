package org.spange.atlas;

/** How the values of a choropleth map are divided into classes. */
public enum ClassificationMethod {

	/** About the same number of areas in every class; breaks are type-7 quantiles of the values. */
	QUANTILES,

	/** Classes of the same width between the lowest and the highest value. */
	EQUAL_INTERVALS,

	/** Jenks natural breaks: the exact Fisher–Jenks optimum, the least squared deviation within classes. */
	NATURAL_BREAKS,

	/** Breaks at fixed steps of the standard deviation around the mean or a reference value such as the region's. */
	STANDARD_DEVIATIONS,

	/** Breaks given by the user. */
	MANUAL
}
