package org.spange.needs;

import java.time.Instant;

/**
 * A stored population grid as listed.
 *
 * @param name        what the page calls it (the key if none was given)
 * @param synthetic   made up for a demo: labelled so wherever shown
 * @param attribution source and licence to show with results, or null
 * @param areaLevel   the area level the cells' area codes belong to (e.g. {@code gemeinde}), or null
 * @param hasUnder18  whether any cell knows its population under 18
 * @param hasOver65   whether any cell knows its population aged 65 and over
 */
public record PopulationGrid(String key, String name, String fileName, boolean synthetic, int cells,
		String attribution, String areaLevel, boolean hasUnder18, boolean hasOver65, Instant importedAt) {

	/** Whether the grid has figures for the band. */
	public boolean has(PopulationBand band) {
		return switch (band) {
			case TOTAL -> true;
			case UNDER_18 -> hasUnder18;
			case OVER_65 -> hasOver65;
		};
	}
}
