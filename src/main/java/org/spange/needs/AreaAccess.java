package org.spange.needs;

/**
 * Accessibility of one area for one category and population band, aggregated over its cells.
 *
 * @param area                    the area, or {@code ""} for cells without an area
 * @param cells                   cells of the area
 * @param cellsWithPopulation     cells with a known population of the band (coverage: the others are left out)
 * @param population              people of the band in those cells
 * @param populationWithin        of them, people whose nearest supply point is within the threshold
 * @param shareWithin             populationWithin / population, or null if the population is 0 or unknown
 * @param meanMetres              population-weighted mean distance to the nearest supply point (or mean travel
 *                                seconds, see {@link Accessibility#byArea(java.util.List, double[], PopulationBand,
 *                                double)}), or null
 * @param meanSupplyRatio         population-weighted mean of the 2SFCA ratio, or null
 */
public record AreaAccess(String area, int cells, int cellsWithPopulation, double population, double populationWithin,
		Double shareWithin, Double meanMetres, Double meanSupplyRatio) {

	/** Share of cells with a known population. */
	public double coverage() {
		return cells == 0 ? 0 : (double) cellsWithPopulation / cells;
	}
}
