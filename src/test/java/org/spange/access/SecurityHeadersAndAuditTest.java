package org.spange.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.spange.SpangeTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

@SpangeTest
class SecurityHeadersAndAuditTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AuditLog audit;

	@Test
	void pagesCarryAStrictContentSecurityPolicyWithoutInlineScripts() throws Exception {
		MockHttpServletResponse response = mvc.perform(get("/")).andReturn().getResponse();
		String csp = response.getHeader("Content-Security-Policy");
		assertThat(csp).contains("script-src 'self'").contains("object-src 'none'").contains("frame-ancestors 'none'")
			.doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
		assertThat(response.getHeader("X-Frame-Options")).isEqualTo("DENY");
		assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(response.getContentAsString()).doesNotContain("<script>").doesNotContain("style=\"");
	}

	@Test
	void tileServerIsTheOnlyForeignImageSource() {
		String csp = org.spange.access.internal.CspProbe.policyFor("https://{s}.tile.example.org/{z}/{x}/{y}.png");
		assertThat(csp).contains("img-src 'self' data: https://*.tile.example.org;");
	}

	@Test
	void demoUsersLogInWithHashedPasswordsAndWrongPasswordsFail() throws Exception {
		String hash = jdbc.sql("select password_hash from access.user_account where username = 'planung'")
			.query(String.class).single();
		assertThat(hash).startsWith("{bcrypt}").doesNotContain("spange-demo");
		String ok = mvc.perform(formLogin().user("planung").password("spange-demo")).andReturn().getResponse()
			.getRedirectedUrl();
		assertThat(ok).isEqualTo("/");
		String failed = mvc.perform(formLogin().user("planung").password("wrong")).andReturn().getResponse()
			.getRedirectedUrl();
		assertThat(failed).isEqualTo("/login?error");
	}

	@Test
	void theAuditLogIsAppendOnly() {
		audit.record("test.write", "test", "1", Map.of("n", 1));
		long id = jdbc.sql("select max(id) from access.audit_event").query(Long.class).single();
		assertThat(jdbc.sql("select actor from access.audit_event where id = ?").param(id).query(String.class).single())
			.isEqualTo("system");
		assertThatThrownBy(() -> jdbc.sql("update access.audit_event set actor = 'x' where id = ?").param(id).update())
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.sql("delete from access.audit_event where id = ?").param(id).update())
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.sql("truncate access.audit_event").update()).hasMessageContaining("append-only");
	}

	@Test
	void demoImportsWereAuditedWithActorAndCounts() {
		Map<String, Object> row = jdbc.sql("""
				select actor, details->>'created' as created from access.audit_event
				where action = 'area.import.boundaries' and details->>'file' = 'gemeinden-2021.geojson'
				order by id limit 1""").query().singleRow();
		assertThat(row.get("actor")).isEqualTo("system");
		assertThat(row.get("created")).isEqualTo("96");
	}
}
