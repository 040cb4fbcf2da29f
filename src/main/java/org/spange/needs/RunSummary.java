package org.spange.needs;

import java.time.Instant;

/**
 * A stored accessibility run's inputs as listed.
 *
 * @param thresholdMetres  the distance threshold of a straight-line run (for a road run: the 2SFCA catchment)
 * @param thresholdMinutes the travel-time threshold of a road run, null for a straight-line run
 * @param createdBy        who started the run that stored it, or null
 */
public record RunSummary(long id, String inputHash, String gridKey, String category, PopulationBand band,
		AccessMode mode, double thresholdMetres, Double thresholdMinutes, double catchmentMetres, CatchmentDecay decay,
		int cells, int supplyPoints, String createdBy, Instant createdAt) {
}
