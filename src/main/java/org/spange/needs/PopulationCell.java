package org.spange.needs;

/**
 * Where people live: a grid cell or a population-weighted point, located by its centre in WGS84.
 * A population that is unknown (withheld, not surveyed) is {@code null}, never 0: it is left out of every figure and
 * counted in the coverage instead.
 *
 * @param id         the cell's identifier (e.g. the Zensus grid id)
 * @param area       the area (e.g. the Gemeinde key) the cell is counted in, or null
 * @param lon        longitude of the centre
 * @param lat        latitude of the centre
 * @param population inhabitants, or null if unknown
 * @param under18    inhabitants under 18, or null if unknown
 * @param over65     inhabitants aged 65 and over, or null if unknown
 */
public record PopulationCell(String id, String area, double lon, double lat, Double population, Double under18,
		Double over65) {

	/** The people of the given band, or null if unknown. */
	public Double count(PopulationBand band) {
		return switch (band) {
			case TOTAL -> population;
			case UNDER_18 -> under18;
			case OVER_65 -> over65;
		};
	}
}
