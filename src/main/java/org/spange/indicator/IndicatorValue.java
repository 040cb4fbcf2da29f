package org.spange.indicator;

import org.spange.area.AreaId;

/**
 * The computed value of an indicator or variable for one area and period.
 *
 * @param value    unrounded; null when missing (never 0 for missing)
 * @param coverage share of the area's parts whose data went into the value: 1 complete, below 1 when parts are
 *                 missing, 0 when nothing is known
 */
public record IndicatorValue(AreaId area, Period period, Double value, double coverage) {

	public boolean missing() {
		return value == null;
	}

	public boolean complete() {
		return value != null && coverage >= 1.0;
	}
}
