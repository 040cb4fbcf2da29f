package org.spange.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Outside the demo profile there are no demo users and no default password: the first admin comes from
 * configuration. Runs in its own database on the same embedded server.
 */
@SpringBootTest(properties = { "spange.db.embedded.database=spange_without_demo", "spange.admin.username=chefin",
		"spange.admin.password=ein-langes-geheimnis" })
@AutoConfigureMockMvc
@ActiveProfiles("test")
class FirstAdminWithoutDemoTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Test
	void onlyTheConfiguredAdminExists() throws Exception {
		assertThat(jdbc.sql("select username from access.user_account").query(String.class).list())
			.containsExactly("chefin");
		assertThat(jdbc.sql("""
				select role from access.user_role r join access.user_account u on u.id = r.user_id
				where u.username = 'chefin'""").query(String.class).list()).containsExactly("ADMIN");
		assertThat(mvc.perform(formLogin().user("admin").password("spange-demo")).andReturn().getResponse()
			.getRedirectedUrl()).isEqualTo("/login?error");
		assertThat(mvc.perform(formLogin().user("chefin").password("ein-langes-geheimnis")).andReturn().getResponse()
			.getRedirectedUrl()).isEqualTo("/");
	}

	@Test
	void noDemoRegionIsLoaded() {
		assertThat(jdbc.sql("select count(*) from area.area").query(Long.class).single()).isZero();
	}
}
