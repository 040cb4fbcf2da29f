package org.spange.access.web;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The audit log for administrators: the latest writes, newest first. */
@Controller
class AuditController {

	private final JdbcClient jdbc;

	AuditController(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Entry(java.time.OffsetDateTime occurredAt, String actor, String action, String subjectType,
			String subjectId, String details) {
	}

	@GetMapping("/admin/audit")
	String audit(Model model) {
		model.addAttribute("entries", jdbc.sql("""
				select occurred_at, actor, action, subject_type, subject_id, details::text as details
				from access.audit_event order by id desc limit 200""").query(Entry.class).list());
		return "access/audit";
	}
}
