package org.spange.needs;

/**
 * A stored accessibility result.
 *
 * @param id        the run's id
 * @param inputHash SHA-256 of its inputs (cells, supply points of the category, options)
 * @param created   false if a run with the same inputs was stored before and was returned instead
 */
public record StoredRun(long id, String inputHash, boolean created) {
}
