package org.spange.needs;

/**
 * What to compute.
 *
 * @param band            whose population counts
 * @param thresholdMetres a person counts as served if the nearest supply point is at most this far (straight line)
 * @param catchmentMetres d0 of the two-step floating catchment area
 * @param decay           distance decay within the catchment
 */
public record AccessOptions(PopulationBand band, double thresholdMetres, double catchmentMetres,
		CatchmentDecay decay) {

	public AccessOptions {
		if (band == null || decay == null) {
			throw new IllegalArgumentException("band and decay are required");
		}
		if (!(thresholdMetres >= 0) || !(catchmentMetres > 0)) {
			throw new IllegalArgumentException("threshold must be ≥ 0 and catchment > 0 metres");
		}
	}
}
