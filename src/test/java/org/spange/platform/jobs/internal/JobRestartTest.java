package org.spange.platform.jobs.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.spange.SpangeTest;
import org.spange.platform.jobs.JobStatus;
import org.spange.platform.jobs.Jobs;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A node that shuts down cleanly puts its running jobs back in the queue without counting the attempt, and any
 * worker (here: the test application's, as after a restart) carries them on.
 */
@SpangeTest
class JobRestartTest {

	@Autowired
	JdbcJobs store;

	@Autowired
	Jobs jobs;

	@Autowired
	JdbcClient jdbc;

	@Test
	void runningJobsOfANodeThatStopsAreQueuedAgainAndCarriedOn() throws InterruptedException {
		long id = jdbc.sql("insert into platform.job (kind, owner, params, state, attempts, max_attempts, node,"
				+ " started_at, heartbeat_at) values ('test.echo', 'planung', '{\"text\":\"after restart\"}',"
				+ " 'RUNNING', 2, 3, 'stopping-node/1', now(), now()) returning id")
			.query(Long.class).single();
		// the heartbeat is fresh: nobody else takes the job while its node lives
		assertThat(jobs.status(id).orElseThrow().state()).isEqualTo(JobStatus.State.RUNNING);

		assertThat(store.requeue("stopping-node/1")).isEqualTo(1);
		JobStatus queued = jobs.status(id).orElseThrow();
		assertThat(queued.state()).isIn(JobStatus.State.QUEUED, JobStatus.State.RUNNING, JobStatus.State.DONE);

		Instant limit = Instant.now().plus(Duration.ofMinutes(2));
		JobStatus s = jobs.status(id).orElseThrow();
		while (!s.finished()) {
			assertThat(Instant.now()).as("job %d carried on", id).isBefore(limit);
			Thread.sleep(50);
			s = jobs.status(id).orElseThrow();
		}
		assertThat(s.state()).isEqualTo(JobStatus.State.DONE);
		assertThat(s.result()).isEqualTo("planung:after restart");
		// the interrupted attempt did not count: attempt 2 again, not 3
		assertThat(s.attempts()).isEqualTo(2);
	}
}
