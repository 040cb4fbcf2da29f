package org.spange.platform.imports;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

import org.spange.platform.imports.ImportProgress.Phase;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.stereotype.Component;

/**
 * Imports running in the background so that the page can show a progress bar. A job runs as the user who started
 * it (for the audit log), one at a time per server, and is visible to that user only; finished jobs are forgotten
 * after an hour.
 */
@Component
public class ImportJobs implements DisposableBean {

	private static final Duration KEEP = Duration.ofHours(1);

	/** A snapshot of a job. */
	public record Status(String id, Phase phase, long done, long total, boolean finished, Object result,
			String error) {
	}

	private static final class Job {
		final String id = UUID.randomUUID().toString();
		final String owner;
		volatile Phase phase = Phase.READ;
		volatile long done;
		volatile long total;
		volatile boolean finished;
		volatile Object result;
		volatile String error;
		volatile Instant finishedAt;

		Job(String owner) {
			this.owner = owner;
		}

		Status status() {
			return new Status(id, phase, done, total, finished, result, error);
		}
	}

	private final Map<String, Job> jobs = new ConcurrentHashMap<>();
	// one import at a time: imports take locks on the same rows and share the CPU with the pages
	private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
		Thread t = new Thread(r, "spange-import");
		t.setDaemon(true);
		return t;
	});

	/**
	 * Starts an import.
	 *
	 * @param owner the user name; only this user sees the job
	 * @param work  the import, reporting to the given progress; its result is kept for {@link #status}
	 * @return the job id
	 */
	public String start(String owner, Function<ImportProgress, Object> work) {
		forgetOld();
		Job job = new Job(owner);
		jobs.put(job.id, job);
		executor.execute(new DelegatingSecurityContextRunnable(() -> {
			try {
				job.result = work.apply((phase, done, total) -> {
					job.phase = phase;
					job.done = done;
					job.total = total;
				});
			} catch (RuntimeException e) {
				job.error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
			} finally {
				job.finishedAt = Instant.now();
				job.finished = true;
			}
		}));
		return job.id;
	}

	public Optional<Status> status(String id, String owner) {
		Job job = id == null ? null : jobs.get(id);
		return job == null || !job.owner.equals(owner) ? Optional.empty() : Optional.of(job.status());
	}

	private void forgetOld() {
		Instant limit = Instant.now().minus(KEEP);
		jobs.values().removeIf(j -> j.finished && j.finishedAt.isBefore(limit));
	}

	@Override
	public void destroy() {
		executor.shutdownNow();
	}
}
