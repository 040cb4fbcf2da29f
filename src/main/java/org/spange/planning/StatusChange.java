package org.spange.planning;

import java.time.Instant;

/** One recorded status transition of a measure; {@code from} is null for its creation. */
public record StatusChange(MeasureStatus from, MeasureStatus to, String actor, Instant at, String note) {
}
