package org.spange.platform.jobs.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.spange.platform.jobs.JobStatus;
import org.spange.platform.jobs.Jobs;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The job table: the public face and the statements the {@link JobWorker} runs. */
@Service
class JdbcJobs implements Jobs {

	private static final TypeReference<TreeMap<String, String>> PARAMS = new TypeReference<>() {
	};
	static final int MAX_ERROR = 2000;

	private final JdbcClient jdbc;
	private final JsonMapper json;
	private final Set<String> kinds;
	private final int maxAttempts;

	JdbcJobs(JdbcClient jdbc, JsonMapper json, List<org.spange.platform.jobs.JobHandler> handlers,
			@Value("${spange.jobs.max-attempts:3}") int maxAttempts) {
		this.jdbc = jdbc;
		this.json = json;
		this.kinds = Set.copyOf(handlers.stream().map(org.spange.platform.jobs.JobHandler::kind).toList());
		if (maxAttempts < 1) {
			throw new IllegalArgumentException("spange.jobs.max-attempts must be at least 1");
		}
		this.maxAttempts = maxAttempts;
	}

	@Override
	public long submit(String kind, String owner, Map<String, String> params) {
		if (!kinds.contains(kind)) {
			throw new IllegalArgumentException("No job handler for kind " + kind);
		}
		if (owner == null || owner.isBlank()) {
			throw new IllegalArgumentException("A job needs an owner");
		}
		return jdbc.sql("insert into platform.job (kind, owner, params, max_attempts) values (?, ?, cast(? as jsonb), ?)"
				+ " returning id")
			.params(kind, owner, json.writeValueAsString(new TreeMap<>(params == null ? Map.of() : params)), maxAttempts)
			.query(Long.class)
			.single();
	}

	@Override
	public Optional<JobStatus> status(long id) {
		return jdbc.sql("select * from platform.job where id = ?").param(id).query((rs, n) -> status(rs)).optional();
	}

	@Override
	public List<JobStatus> list(String kind, int limit) {
		return jdbc.sql("select * from platform.job where kind = ? order by id desc limit ?")
			.params(kind, limit)
			.query((rs, n) -> status(rs))
			.list();
	}

	@Override
	public boolean retry(long id) {
		return jdbc.sql("update platform.job set state = 'QUEUED', attempts = 0, run_after = now(), finished_at = null,"
				+ " node = null where id = ? and state = 'FAILED'").param(id).update() == 1;
	}

	/** The job a worker took: it is RUNNING on that node now, its attempt counted. */
	Optional<JobStatus> claim(Collection<String> handled, String node, Duration staleAfter) {
		if (handled.isEmpty()) {
			return Optional.empty();
		}
		return jdbc.sql("""
				update platform.job j set state = 'RUNNING', attempts = j.attempts + 1, node = :node,
				    started_at = now(), heartbeat_at = now(), phase = null, done = 0, total = 0
				where j.id = (
				    select id from platform.job
				    where kind in (:kinds) and attempts < max_attempts
				      and (state = 'QUEUED' and run_after <= now()
				           or state = 'RUNNING' and heartbeat_at < now() - make_interval(secs => :stale))
				    order by run_after, id
				    limit 1
				    for update skip locked)
				returning j.*""")
			.param("node", node)
			.param("kinds", handled)
			.param("stale", (double) staleAfter.toMillis() / 1000)
			.query((rs, n) -> status(rs))
			.optional();
	}

	/** RUNNING jobs whose node stopped responding and that have no attempt left: failed for good. */
	int failStaleWithoutAttempts(Duration staleAfter) {
		return jdbc.sql("""
				update platform.job set state = 'FAILED', finished_at = now(),
				    error = 'The server running the job stopped responding (last heartbeat '
				            || to_char(heartbeat_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS') || ' UTC)'
				where state = 'RUNNING' and attempts >= max_attempts
				  and heartbeat_at < now() - make_interval(secs => ?)""")
			.param((double) staleAfter.toMillis() / 1000)
			.update();
	}

	void heartbeat(Collection<Long> ids, String node) {
		if (!ids.isEmpty()) {
			jdbc.sql("update platform.job set heartbeat_at = now() where id in (:ids) and node = :node"
					+ " and state = 'RUNNING'")
				.param("ids", ids)
				.param("node", node)
				.update();
		}
	}

	void progress(long id, String node, String phase, long done, long total) {
		jdbc.sql("update platform.job set phase = ?, done = ?, total = ?, heartbeat_at = now() where id = ?"
				+ " and node = ? and state = 'RUNNING'")
			.params(phase, done, total, id, node)
			.update();
	}

	/** Done, unless another node took the job over meanwhile. */
	void finish(long id, String node, String result) {
		jdbc.sql("update platform.job set state = 'DONE', result = ?, finished_at = now(), done = total"
				+ " where id = ? and node = ? and state = 'RUNNING'")
			.params(result, id, node)
			.update();
	}

	/** A failed attempt: queued again after the delay while attempts are left, otherwise failed for good. */
	void fail(long id, String node, String error, Duration retryDelay) {
		String text = error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error;
		jdbc.sql("""
				update platform.job set error = ?,
				    state = case when attempts < max_attempts then 'QUEUED' else 'FAILED' end,
				    run_after = now() + make_interval(secs => ?),
				    finished_at = case when attempts < max_attempts then null else now() end
				where id = ? and node = ? and state = 'RUNNING'""")
			.params(text, (double) retryDelay.toMillis() / 1000, id, node)
			.update();
	}

	/** On shutdown: this node's running jobs wait for the next start or another node, the attempt not counted. */
	int requeue(String node) {
		return jdbc.sql("update platform.job set state = 'QUEUED', attempts = greatest(attempts - 1, 0),"
				+ " node = null, run_after = now() where node = ? and state = 'RUNNING'")
			.param(node)
			.update();
	}

	private JobStatus status(ResultSet rs) throws SQLException {
		return new JobStatus(rs.getLong("id"), rs.getString("kind"), rs.getString("owner"),
				Map.copyOf(json.readValue(rs.getString("params"), PARAMS)), JobStatus.State.valueOf(rs.getString("state")),
				rs.getInt("attempts"), rs.getInt("max_attempts"), rs.getString("phase"), rs.getLong("done"),
				rs.getLong("total"), rs.getString("result"), rs.getString("error"), instant(rs, "created_at"),
				instant(rs, "started_at"), instant(rs, "heartbeat_at"), instant(rs, "finished_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}
}
