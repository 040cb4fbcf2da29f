package org.spange.platform.jobs;

import java.time.Instant;
import java.util.Map;

/**
 * Where a job stands.
 *
 * @param phase    the handler's current step as a message key, or null before it starts
 * @param done     units of the phase done
 * @param total    units of the phase in all, 0 when unknown
 * @param result   what the handler returned, once DONE
 * @param error    the last attempt's error (also while a retry waits), or null
 */
public record JobStatus(long id, String kind, String owner, Map<String, String> params, State state, int attempts,
		int maxAttempts, String phase, long done, long total, String result, String error, Instant createdAt,
		Instant startedAt, Instant heartbeatAt, Instant finishedAt) {

	public enum State {
		QUEUED, RUNNING, DONE, FAILED
	}

	public boolean finished() {
		return state == State.DONE || state == State.FAILED;
	}

	/** Progress of the phase in percent, or null when the total is unknown. */
	public Integer percent() {
		return total > 0 ? (int) Math.min(100, Math.round(100.0 * done / total)) : null;
	}
}
