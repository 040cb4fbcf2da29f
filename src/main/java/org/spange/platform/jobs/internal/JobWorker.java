package org.spange.platform.jobs.internal;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spange.platform.jobs.JobContext;
import org.spange.platform.jobs.JobHandler;
import org.spange.platform.jobs.JobStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Runs the jobs of the kinds this node has handlers for: polls the table, claims one job per free thread with
 * {@code FOR UPDATE SKIP LOCKED} (so nodes never take the same job), keeps the heartbeat of its running jobs fresh,
 * and takes over jobs whose node stopped responding. On a clean shutdown its running jobs are queued again without
 * counting the attempt.
 */
@Component
class JobWorker implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(JobWorker.class);

	private final JdbcJobs jobs;
	private final Map<String, JobHandler> handlers;
	private final boolean enabled;
	private final Duration pollInterval;
	private final Duration heartbeatInterval;
	private final Duration staleAfter;
	private final Duration retryDelay;
	private final int threads;
	private final String node;
	private final Set<Long> running = ConcurrentHashMap.newKeySet();
	private final Semaphore free;
	private volatile ScheduledExecutorService scheduler;
	private volatile ExecutorService runners;
	private volatile boolean started;

	JobWorker(JdbcJobs jobs, List<JobHandler> handlers, @Value("${spange.jobs.enabled:true}") boolean enabled,
			@Value("${spange.jobs.poll-interval:PT1S}") Duration pollInterval,
			@Value("${spange.jobs.heartbeat-interval:PT5S}") Duration heartbeatInterval,
			@Value("${spange.jobs.stale-after:PT1M}") Duration staleAfter,
			@Value("${spange.jobs.retry-delay:PT1S}") Duration retryDelay,
			@Value("${spange.jobs.threads:1}") int threads) {
		this.jobs = jobs;
		this.handlers = handlers.stream().collect(Collectors.toUnmodifiableMap(JobHandler::kind, Function.identity()));
		this.enabled = enabled;
		this.pollInterval = pollInterval;
		this.heartbeatInterval = heartbeatInterval;
		if (staleAfter.compareTo(heartbeatInterval.multipliedBy(3)) < 0) {
			throw new IllegalArgumentException("spange.jobs.stale-after must be at least three heartbeat intervals");
		}
		this.staleAfter = staleAfter;
		this.retryDelay = retryDelay;
		this.threads = Math.max(1, threads);
		this.free = new Semaphore(this.threads);
		this.node = hostName() + "/" + UUID.randomUUID().toString().substring(0, 8);
	}

	@Override
	public void start() {
		if (!enabled || handlers.isEmpty()) {
			return;
		}
		runners = Executors.newFixedThreadPool(threads, daemon("spange-job"));
		scheduler = Executors.newSingleThreadScheduledExecutor(daemon("spange-job-poll"));
		scheduler.scheduleWithFixedDelay(this::poll, 0, pollInterval.toMillis(), TimeUnit.MILLISECONDS);
		scheduler.scheduleWithFixedDelay(this::heartbeat, heartbeatInterval.toMillis(), heartbeatInterval.toMillis(),
				TimeUnit.MILLISECONDS);
		started = true;
		log.info("Job worker {} started for {}", node, handlers.keySet());
	}

	@Override
	public void stop() {
		if (!started) {
			return;
		}
		started = false;
		scheduler.shutdownNow();
		try {
			int requeued = jobs.requeue(node);
			if (requeued > 0) {
				log.info("Job worker {} stopping: {} running jobs queued again", node, requeued);
			}
		} catch (RuntimeException e) {
			log.warn("Job worker {} could not queue its running jobs again; they are taken over once stale", node, e);
		}
		runners.shutdownNow();
	}

	@Override
	public boolean isRunning() {
		return started;
	}

	/** After the web server and everything else: jobs may need any bean. */
	@Override
	public int getPhase() {
		return Integer.MAX_VALUE - 1000;
	}

	private void poll() {
		try {
			jobs.failStaleWithoutAttempts(staleAfter);
			while (started && free.tryAcquire()) {
				Optional<JobStatus> claimed = jobs.claim(handlers.keySet(), node, staleAfter);
				if (claimed.isEmpty()) {
					free.release();
					return;
				}
				JobStatus job = claimed.get();
				running.add(job.id());
				runners.execute(() -> run(job));
			}
		} catch (RuntimeException e) {
			log.warn("Job poll failed; trying again", e);
		}
	}

	private void heartbeat() {
		try {
			jobs.heartbeat(Set.copyOf(running), node);
		} catch (RuntimeException e) {
			log.warn("Job heartbeat failed", e);
		}
	}

	private void run(JobStatus job) {
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(job.owner(), null, List.of()));
		SecurityContextHolder.setContext(context);
		try {
			String result = handlers.get(job.kind()).run(new Context(job));
			jobs.finish(job.id(), node, result);
		} catch (Exception | LinkageError | AssertionError e) {
			// other errors (out of memory …) end the thread: the heartbeat stops and the job is taken over once stale
			if (!started) {
				return; // shutting down: the job was queued again
			}
			String message = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName()
					: e.getMessage();
			log.warn("Job {} ({}) attempt {} of {} failed: {}", job.id(), job.kind(), job.attempts(),
					job.maxAttempts(), message, e);
			try {
				jobs.fail(job.id(), node, message, retryDelay);
			} catch (RuntimeException f) {
				log.warn("Could not record the failure of job {}; it is taken over once stale", job.id(), f);
			}
		} finally {
			SecurityContextHolder.clearContext();
			running.remove(job.id());
			free.release();
		}
	}

	private final class Context implements JobContext {
		private final JobStatus job;

		Context(JobStatus job) {
			this.job = job;
		}

		@Override
		public long id() {
			return job.id();
		}

		@Override
		public String owner() {
			return job.owner();
		}

		@Override
		public Map<String, String> params() {
			return job.params();
		}

		@Override
		public int attempt() {
			return job.attempts();
		}

		@Override
		public void progress(String phase, long done, long total) {
			jobs.progress(job.id(), node, phase, done, total);
		}
	}

	private static java.util.concurrent.ThreadFactory daemon(String name) {
		return r -> {
			Thread t = new Thread(r, name);
			t.setDaemon(true);
			return t;
		};
	}

	private static String hostName() {
		try {
			return InetAddress.getLocalHost().getHostName();
		} catch (Exception e) {
			return "node";
		}
	}
}
