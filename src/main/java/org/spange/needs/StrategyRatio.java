package org.spange.needs;

/**
 * How the offers of an area split by approach and form, counted and by places (offers without places add to the
 * counts only). The county's guidelines read "Prävention vor Intervention" and "Gruppenangebote vor
 * Einzelfallhilfe"; the shares say how far the supply follows them.
 */
public record StrategyRatio(long preventive, long preventivePlaces, long interventive, long interventivePlaces,
		long group, long groupPlaces, long individual, long individualPlaces) {

	public static final StrategyRatio NONE = new StrategyRatio(0, 0, 0, 0, 0, 0, 0, 0);

	/** Percentage of preventive among preventive and interventive offers; null when there are none. */
	public Double preventiveShare() {
		return share(preventive, interventive);
	}

	public Double preventivePlacesShare() {
		return share(preventivePlaces, interventivePlaces);
	}

	/** Percentage of group among group and individual offers; null when there are none. */
	public Double groupShare() {
		return share(group, individual);
	}

	public Double groupPlacesShare() {
		return share(groupPlaces, individualPlaces);
	}

	private static Double share(long a, long b) {
		return a + b == 0 ? null : 100.0 * a / (a + b);
	}
}
