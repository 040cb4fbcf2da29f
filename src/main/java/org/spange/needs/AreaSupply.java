package org.spange.needs;

import org.spange.area.AreaId;

/**
 * Supply against demand in one area (or, with a null {@code area}, the whole region shown). Values are unrounded;
 * a missing demand leaves places per 1,000, target and shortfall null (missing, never 0).
 *
 * @param demand              the target population; null when missing
 * @param offers              distinct matching offers located in or serving the area
 * @param places              sum of their places; offers without a number of places are not in it
 * @param offersWithoutPlaces offers without a number of places ("ohne Platzangabe"), counted apart
 * @param targetPlaces        places the normative target asks for
 * @param shortfall           places missing to reach the target, 0 when it is reached
 */
public record AreaSupply(AreaId area, String name, Double demand, long offers, long places, long offersWithoutPlaces,
		Double placesPer1000, Double targetPlaces, Double shortfall, StrategyRatio strategy) {

	/** Share of the target reached in per cent; null without a target. */
	public Double targetReached() {
		return targetPlaces == null || targetPlaces == 0 ? null : 100.0 * places / targetPlaces;
	}
}
