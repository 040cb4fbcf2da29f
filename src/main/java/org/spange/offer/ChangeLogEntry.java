package org.spange.offer;

import java.time.Instant;

/** One changed field of an organisation, offer or location (HSDS metadata). */
public record ChangeLogEntry(Instant changedAt, String actor, String entity, long entityId, String field,
		String oldValue, String newValue) {
}
