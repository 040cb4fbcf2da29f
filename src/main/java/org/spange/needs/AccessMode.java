package org.spange.needs;

/** How distance to supply is measured: as the crow flies, or as travel time on a road network. */
public enum AccessMode {
	STRAIGHT_LINE(null), FOOT(RoadRouting.Mode.FOOT), BIKE(RoadRouting.Mode.BIKE), CAR(RoadRouting.Mode.CAR);

	private final RoadRouting.Mode road;

	AccessMode(RoadRouting.Mode road) {
		this.road = road;
	}

	/** The road network's mode, or null for the straight line. */
	public RoadRouting.Mode road() {
		return road;
	}

	/** Whether thresholds and means are travel times (minutes) rather than distances. */
	public boolean timed() {
		return road != null;
	}
}
