package org.spange.platform.jobs;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Job handlers for {@link JobsTest}, in every test context (a plain configuration in the scanned package, so the one
 * shared test context stays one): they report progress, wait on a latch, fail on purpose.
 */
@Configuration(proxyBeanMethods = false)
class TestJobHandlers {

	/** Latches by the job parameter {@code latch}: the latch job waits until the test releases it. */
	static final Map<String, CountDownLatch> LATCHES = new ConcurrentHashMap<>();

	@Bean
	JobHandler latchJobHandler() {
		return handler("test.latch", context -> {
			context.progress("test.phase.waiting", 1, 4);
			CountDownLatch latch = LATCHES.get(context.params().get("latch"));
			if (latch == null || !latch.await(60, TimeUnit.SECONDS)) {
				throw new IllegalStateException("latch not released");
			}
			context.progress("test.phase.finishing", 4, 4);
			return "released";
		});
	}

	/** Says who it runs as and what it got. */
	@Bean
	JobHandler echoJobHandler() {
		return handler("test.echo", context -> SecurityContextHolder.getContext().getAuthentication().getName() + ":"
				+ context.params().get("text"));
	}

	/** Fails on its first attempt, succeeds on the next. */
	@Bean
	JobHandler flakyJobHandler() {
		return handler("test.flaky", context -> {
			if (context.attempt() == 1) {
				throw new IllegalStateException("first attempt fails on purpose");
			}
			return "ok on attempt " + context.attempt();
		});
	}

	/** Always fails, naming the attempt. */
	@Bean
	JobHandler failingJobHandler() {
		return handler("test.fail", context -> {
			throw new IllegalStateException("broken on attempt " + context.attempt());
		});
	}

	interface Work {
		String run(JobContext context) throws Exception;
	}

	static JobHandler handler(String kind, Work work) {
		return new JobHandler() {
			@Override
			public String kind() {
				return kind;
			}

			@Override
			public String run(JobContext context) throws Exception {
				return work.run(context);
			}
		};
	}
}
