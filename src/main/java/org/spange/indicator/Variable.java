package org.spange.indicator;

import java.util.Locale;

/**
 * A variable (Merkmal): what observations are counts or measures of, with the rules to aggregate them.
 *
 * @param key             the name in formulas (see {@link Formula#isName(String)}), at most 60 characters
 * @param unit            such as {@code Personen}, {@code EUR} or {@code %}; may be empty
 * @param topicKey        the topic it is filed under, or null
 * @param source          where the numbers come from, as it must be cited
 * @param licence         the licence of the numbers, such as {@code CC BY 4.0}
 * @param areaAggregation how values of areas combine into the value of a larger area
 * @param weightKey       the variable that weighs a {@link AreaAggregation#WEIGHTED_MEAN}, otherwise null
 * @param timeAggregation how values of shorter periods combine into a longer one
 * @param nonNegative     whether values below zero are errors (counts)
 * @param synthetic       generated demo data, not real statistics: must be labelled wherever shown
 * @param published       visible to the public
 */
public record Variable(String key, String nameDe, String nameEn, String unit, String topicKey, String source,
		String licence, String description, AreaAggregation areaAggregation, String weightKey,
		TimeAggregation timeAggregation, boolean nonNegative, boolean synthetic, boolean published) {

	/** Aggregation over areas. Rates are never averaged: they are indicators, computed as ratios of sums. */
	public enum AreaAggregation {
		/** counts and amounts: the sum of the parts */
		SUM,
		/** a mean weighted by another variable, such as an average age weighted by population */
		WEIGHTED_MEAN,
		/** not aggregated: only known for the areas observed */
		NONE
	}

	/** Aggregation over time, e.g. from months to a year. */
	public enum TimeAggregation {
		/** flows such as births in a year */
		SUM,
		/** stocks such as the population on a reference date: the last value */
		LAST,
		/** the mean of the periods */
		MEAN
	}

	public String name(Locale locale) {
		return "en".equals(locale.getLanguage()) ? nameEn : nameDe;
	}
}
