package org.spange.needs;

import java.util.List;

import org.spange.indicator.Period;

/**
 * Supply and demand of one category in one period for the areas of a level in a scheme, by name, with the region
 * over them all (each offer counted once) and the worst-served areas (lowest places per 1,000 first).
 *
 * @param period      null when the demand variable has no values
 * @param region      the whole region; its demand and ratio are null when an area's demand is missing
 * @param missingDemand areas without a demand value, left out of the ranking
 */
public record SupplyReport(SupplyCategory category, Period period, String schemeKey, String levelKey,
		List<AreaSupply> areas, AreaSupply region, List<AreaSupply> ranking, long missingDemand) {

	public SupplyReport {
		areas = List.copyOf(areas);
		ranking = List.copyOf(ranking);
	}
}
