package org.spange.needs;

import java.time.Instant;

/**
 * Supply points from outside the offer inventory (e.g. OpenStreetMap kindergartens), as listed. On the accessibility
 * page a set is chosen like a category, as {@code set:key}.
 *
 * @param attribution source and licence, shown with every result
 */
public record SupplySet(String key, String name, String attribution, int points, Instant importedAt) {

	/** How a run names the set in place of a category. */
	public static final String PREFIX = "set:";

	public String choice() {
		return PREFIX + key;
	}
}
