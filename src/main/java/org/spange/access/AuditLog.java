package org.spange.access;

import java.util.Map;

/**
 * The append-only audit log: every write in Spange records who did what to which subject.
 * Entries can never be changed or removed (the database refuses it).
 */
public interface AuditLog {

	/**
	 * Records a write by the current user (or {@code system} outside a request).
	 *
	 * @param action      what happened, e.g. {@code area.import}
	 * @param subjectType the kind of thing written, e.g. {@code area}
	 * @param subjectId   its id or key, may be null for bulk writes
	 * @param details     small facts worth keeping (counts, file name); never personal case data
	 */
	void record(String action, String subjectType, String subjectId, Map<String, ?> details);

	/** The name of the acting user, or {@code system}. */
	String currentActor();
}
