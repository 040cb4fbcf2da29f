package org.spange.planning;

/**
 * What a goal wants of an indicator in its area: from a baseline to a target value.
 *
 * @param indicatorKey   an indicator of {@link org.spange.indicator.IndicatorCatalog}
 * @param baselinePeriod such as {@code 2024}
 * @param baselineValue  null on input: then taken from the computed value of the area in the baseline period
 * @param targetPeriod   when the target should be reached
 * @param direction      null on input: then from the indicator's polarity (decrease when higher is worse)
 */
public record IndicatorTarget(String indicatorKey, String baselinePeriod, Double baselineValue, Double targetValue,
		String targetPeriod, Direction direction) {
}
