package org.spange.platform.jobs;

import java.util.Map;

/** What a {@link JobHandler} gets: the job's input, and a way to report progress. */
public interface JobContext {

	long id();

	String owner();

	/** The parameters given at {@link Jobs#submit}. */
	Map<String, String> params();

	/** Which attempt this is, from 1. */
	int attempt();

	/**
	 * Reports progress; written to the database at once, so every node's pages see it.
	 *
	 * @param phase a message key naming the step
	 * @param done  units of the step done
	 * @param total units of the step in all, 0 when unknown
	 */
	void progress(String phase, long done, long total);
}
