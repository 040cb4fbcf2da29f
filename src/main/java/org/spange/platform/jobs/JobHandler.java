package org.spange.platform.jobs;

/**
 * Runs the jobs of one kind: a Spring bean per kind. Called on a worker thread with the owner as the current user; may
 * be called again for the same job after a failed attempt or a node that died, so it must be safe to repeat.
 */
public interface JobHandler {

	/** The kind this handler runs, e.g. {@code needs.accessibility}. */
	String kind();

	/**
	 * Does the work, reporting progress to the context.
	 *
	 * @return a short result kept with the job (e.g. the id of what was stored), or null
	 * @throws Exception any failure: the attempt counts as failed with the exception's message
	 */
	String run(JobContext context) throws Exception;
}
