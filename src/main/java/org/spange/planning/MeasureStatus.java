package org.spange.planning;

import java.util.Set;

/** Where a measure stands. DONE and STOPPED are final. */
public enum MeasureStatus {
	PLANNED, RUNNING, DONE, STOPPED;

	/** The statuses this one may change to. */
	public Set<MeasureStatus> next() {
		return switch (this) {
			case PLANNED -> Set.of(RUNNING, STOPPED);
			case RUNNING -> Set.of(DONE, STOPPED);
			case DONE, STOPPED -> Set.of();
		};
	}

	public boolean isFinal() {
		return next().isEmpty();
	}
}
