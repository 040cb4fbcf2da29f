package org.spange.indicator;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.spange.area.AreaId;

/**
 * Computed values of indicators and of variables (their roll-up), for every area of every scheme. Values are kept up
 * to date by the engine: observation imports, indicator changes and area changes trigger a recomputation.
 * <p>
 * Rules: an area's variable value is its own observation where there is one, otherwise the sum (or weighted mean) of
 * its parts; a larger area's indicator is its formula over those sums (a ratio of sums, never a mean of rates), taken
 * only over the parts for which the indicator itself can be computed, so numerator and denominator cover the same
 * people. Missing parts lower the coverage; missing stays missing.
 */
public interface IndicatorValues {

	/** The periods with computed values of an indicator or variable key, in order. */
	List<Period> periods(String key);

	/** Values of an indicator or variable in one period for the given areas (absent areas: not computed). */
	Map<AreaId, IndicatorValue> values(String key, Period period, Collection<AreaId> areas);

	/** The time series of one area, in period order. */
	List<IndicatorValue> series(String key, AreaId area);

	/** Recomputes every indicator and variable for every period; returns how many value sets were written. */
	int recomputeAll();
}
