package org.spange.platform.jobs;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Persistent background jobs (ADR 0005): submitted jobs wait in the database until a worker on any app node claims
 * them; their state and progress stay visible there while they run and after they end. A job runs as its owner (for
 * the audit log) through the {@link JobHandler} registered for its kind. An attempt that fails, or whose node stops
 * responding, is tried again up to {@code spange.jobs.max-attempts} times; then the job is {@link JobStatus.State#FAILED}
 * with the last error.
 */
public interface Jobs {

	/**
	 * Queues a job.
	 *
	 * @param kind   the kind, for which a {@link JobHandler} bean exists
	 * @param owner  the user the job runs as (and who started it)
	 * @param params the handler's input: small texts, never personal case data
	 * @return the job's id
	 * @throws IllegalArgumentException if no handler knows the kind
	 */
	long submit(String kind, String owner, Map<String, String> params);

	Optional<JobStatus> status(long id);

	/** The jobs of a kind, newest first, at most {@code limit}. */
	List<JobStatus> list(String kind, int limit);

	/**
	 * Queues a {@link JobStatus.State#FAILED} job again with fresh attempts; false (and nothing changed) if the job is
	 * not failed.
	 */
	boolean retry(long id);
}
