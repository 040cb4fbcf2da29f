package org.spange.platform.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.spange.SpangeTest;
import org.spange.platform.jobs.JobStatus.State;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Persistent background jobs on the real database with the real worker: progress is visible while a job runs, a
 * failed attempt is retried, a job of a node that stopped responding is taken over, and a job that fails every
 * attempt ends FAILED with its error (and can be retried). Waiting is by condition, never by elapsed time.
 */
@SpangeTest
class JobsTest {

	@Autowired
	Jobs jobs;

	@Autowired
	JdbcClient jdbc;

	@Value("${spange.jobs.max-attempts}")
	int maxAttempts;

	@Test
	void progressIsVisibleWhileTheJobRunsAndTheResultWhenItIsDone() throws Exception {
		String key = UUID.randomUUID().toString();
		CountDownLatch latch = new CountDownLatch(1);
		TestJobHandlers.LATCHES.put(key, latch);
		long id = jobs.submit("test.latch", "planung", Map.of("latch", key));
		assertThat(jobs.status(id).orElseThrow().state()).isIn(State.QUEUED, State.RUNNING);

		JobStatus running = await(id, s -> "test.phase.waiting".equals(s.phase()));
		assertThat(running.state()).isEqualTo(State.RUNNING);
		assertThat(running.done()).isEqualTo(1);
		assertThat(running.total()).isEqualTo(4);
		assertThat(running.percent()).isEqualTo(25);
		assertThat(running.attempts()).isEqualTo(1);
		assertThat(running.heartbeatAt()).isNotNull();
		assertThat(running.finished()).isFalse();
		// the list of the kind shows it too, newest first
		assertThat(jobs.list("test.latch", 5).get(0).id()).isEqualTo(id);

		latch.countDown();
		JobStatus done = await(id, JobStatus::finished);
		assertThat(done.state()).isEqualTo(State.DONE);
		assertThat(done.result()).isEqualTo("released");
		assertThat(done.phase()).isEqualTo("test.phase.finishing");
		assertThat(done.finishedAt()).isNotNull();
		assertThat(done.error()).isNull();
	}

	@Test
	void aJobRunsAsItsOwnerWithItsParameters() {
		long id = jobs.submit("test.echo", "gemeinde", Map.of("text", "Hallo"));
		JobStatus done = await(id, JobStatus::finished);
		assertThat(done.state()).isEqualTo(State.DONE);
		assertThat(done.result()).isEqualTo("gemeinde:Hallo");
		assertThat(done.owner()).isEqualTo("gemeinde");
		assertThat(done.params()).containsEntry("text", "Hallo");
	}

	@Test
	void aFailedAttemptIsRetriedAndTheNextSucceeds() {
		long id = jobs.submit("test.flaky", "planung", Map.of());
		JobStatus done = await(id, JobStatus::finished);
		assertThat(done.state()).isEqualTo(State.DONE);
		assertThat(done.attempts()).isEqualTo(2);
		assertThat(done.result()).isEqualTo("ok on attempt 2");
		// the first attempt's error stays visible
		assertThat(done.error()).isEqualTo("first attempt fails on purpose");
	}

	@Test
	void aRunningJobWhoseNodeStoppedRespondingIsTakenOver() {
		long id = jdbc.sql("insert into platform.job (kind, owner, params, state, attempts, max_attempts, node,"
				+ " started_at, heartbeat_at, phase, done, total) values ('test.echo', 'planung',"
				+ " '{\"text\":\"again\"}', 'RUNNING', 1, 3, 'dead-node/1', now() - interval '2 hours',"
				+ " now() - interval '1 hour', 'test.phase.waiting', 1, 4) returning id")
			.query(Long.class).single();
		JobStatus done = await(id, JobStatus::finished);
		assertThat(done.state()).isEqualTo(State.DONE);
		assertThat(done.attempts()).isEqualTo(2);
		assertThat(done.result()).isEqualTo("planung:again");
		assertThat(jdbc.sql("select node from platform.job where id = ?").param(id).query(String.class).single())
			.isNotEqualTo("dead-node/1");
	}

	@Test
	void aStaleJobWithoutAttemptsLeftFailsWithTheReason() {
		long id = jdbc.sql("insert into platform.job (kind, owner, params, state, attempts, max_attempts, node,"
				+ " started_at, heartbeat_at) values ('test.echo', 'planung', '{}', 'RUNNING', 3, 3, 'dead-node/2',"
				+ " now() - interval '2 hours', now() - interval '1 hour') returning id")
			.query(Long.class).single();
		JobStatus failed = await(id, JobStatus::finished);
		assertThat(failed.state()).isEqualTo(State.FAILED);
		assertThat(failed.attempts()).isEqualTo(3);
		assertThat(failed.error()).contains("stopped responding");
	}

	@Test
	void aJobThatFailsEveryAttemptEndsFailedWithTheLastErrorAndCanBeRetried() {
		long id = jobs.submit("test.fail", "planung", Map.of());
		JobStatus failed = await(id, JobStatus::finished);
		assertThat(failed.state()).isEqualTo(State.FAILED);
		assertThat(failed.attempts()).isEqualTo(maxAttempts).isEqualTo(3);
		assertThat(failed.error()).isEqualTo("broken on attempt 3");
		assertThat(failed.finishedAt()).isNotNull();

		assertThat(jobs.retry(id)).isTrue();
		JobStatus again = await(id, s -> s.finished() && s.finishedAt().isAfter(failed.finishedAt()));
		assertThat(again.state()).isEqualTo(State.FAILED);
		assertThat(again.attempts()).isEqualTo(3);
		// only failed jobs can be retried
		long done = jobs.submit("test.echo", "planung", Map.of("text", "x"));
		await(done, JobStatus::finished);
		assertThat(jobs.retry(done)).isFalse();
	}

	@Test
	void unknownKindsAndMissingOwnersAreRefused() {
		assertThatThrownBy(() -> jobs.submit("test.unknown", "planung", Map.of()))
			.isInstanceOf(IllegalArgumentException.class).hasMessageContaining("test.unknown");
		assertThatThrownBy(() -> jobs.submit("test.echo", " ", Map.of()))
			.isInstanceOf(IllegalArgumentException.class);
		assertThat(jobs.status(-1)).isEmpty();
	}

	/** Waits until the job meets the condition (the worker runs on its own threads); fails after two minutes. */
	JobStatus await(long id, Predicate<JobStatus> condition) {
		Instant limit = Instant.now().plus(Duration.ofMinutes(2));
		while (true) {
			JobStatus s = jobs.status(id).orElseThrow();
			if (condition.test(s)) {
				return s;
			}
			if (Instant.now().isAfter(limit)) {
				throw new AssertionError("job " + id + " did not get there: " + s);
			}
			try {
				Thread.sleep(50);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new AssertionError(e);
			}
		}
	}
}
