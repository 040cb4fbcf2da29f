package org.spange.access.internal;

import java.util.Map;

import org.spange.access.AuditLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

@Component
class JdbcAuditLog implements AuditLog {

	private final JdbcClient jdbc;
	private final JsonMapper json;

	JdbcAuditLog(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	@Override
	public void record(String action, String subjectType, String subjectId, Map<String, ?> details) {
		jdbc.sql("""
				insert into access.audit_event (actor, action, subject_type, subject_id, details)
				values (?, ?, ?, ?, cast(? as jsonb))""")
			.params(currentActor(), action, subjectType, subjectId, json.writeValueAsString(details))
			.update();
	}

	@Override
	public String currentActor() {
		var auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth == null || auth instanceof AnonymousAuthenticationToken || !auth.isAuthenticated()) {
			return "system";
		}
		return auth.getName();
	}
}
