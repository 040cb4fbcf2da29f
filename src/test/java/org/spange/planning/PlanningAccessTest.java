package org.spange.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spange.planning.PlanningTestData.area;
import static org.spange.planning.PlanningTestData.goal;
import static org.spange.planning.PlanningTestData.guideline;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.junit.jupiter.api.Test;
import org.spange.SpangeTest;
import org.spange.area.AreaQueries;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Who sees and who writes: municipality users read the dashboard and goals and write only in their own areas (the
 * demo user {@code gemeinde} plans for Bludenz, not for Bartholomäberg; scopes in detail: {@link PlanningScopeTest});
 * providers see nothing; anonymous visitors are sent to the login page (pages) or get 401 (API).
 */
@SpangeTest
class PlanningAccessTest {

	private static final RequestPostProcessor MUNICIPALITY = user("gemeinde").roles("MUNICIPALITY");
	private static final RequestPostProcessor PROVIDER = user("traeger").roles("PROVIDER");

	@Autowired
	MockMvc mvc;

	@Autowired
	Planning planning;

	@Autowired
	AreaQueries areas;

	@Autowired
	JdbcClient jdbc;

	private MockHttpServletResponse send(MockHttpServletRequestBuilder request, RequestPostProcessor who)
			throws Exception {
		return mvc.perform(request.with(who).with(csrf())).andReturn().getResponse();
	}

	private long goals() {
		return jdbc.sql("select count(*) from planning.goal").query(Long.class).single();
	}

	@Test
	void municipalitiesReadEverythingButWriteOnlyInTheirAreas() throws Exception {
		long gemeinde = area(areas, "gemeinde", "80101");
		long guideline = guideline(planning);
		Goal goal = goal(planning, guideline, gemeinde, null);

		MockHttpServletResponse dashboard = send(get("/planning"), MUNICIPALITY);
		assertThat(dashboard.getStatus()).isEqualTo(200);
		assertThat(dashboard.getContentAsString()).contains("href=\"/planning\"", goal.title())
			.contains("href=\"/planning/goals/new\"").doesNotContain("href=\"/planning/guidelines/new\"");
		MockHttpServletResponse page = send(get("/planning/goals/" + goal.id()), MUNICIPALITY);
		assertThat(page.getStatus()).isEqualTo(200);
		assertThat(page.getContentAsString()).contains(goal.title()).doesNotContain("/edit\"");
		assertThat(send(get("/api/v1/planning/goals/" + goal.id()), MUNICIPALITY).getStatus()).isEqualTo(200);

		long before = goals();
		assertThat(send(get("/planning/goals/new"), MUNICIPALITY).getStatus()).isEqualTo(200);
		assertThat(send(get("/planning/goals/" + goal.id() + "/edit"), MUNICIPALITY).getStatus()).isEqualTo(403);
		assertThat(send(get("/planning/guidelines/new"), MUNICIPALITY).getStatus()).isEqualTo(403);
		MockHttpServletResponse outside = send(post("/planning/goals/new").param("title", "Darf nicht")
			.param("areaId", Long.toString(gemeinde)).param("guidelineIds", Long.toString(guideline)), MUNICIPALITY);
		assertThat(outside.getStatus()).isEqualTo(403);
		assertThat(outside.getContentAsString()).contains("nur in Ihren eigenen Gebieten");
		assertThat(send(post("/api/v1/planning/goals").contentType("application/json").content("""
				{"title": "Darf nicht", "areaId": %d, "guidelineIds": [%d]}""".formatted(gemeinde, guideline)),
				MUNICIPALITY).getStatus()).isEqualTo(403);
		assertThat(goals()).isEqualTo(before);
	}

	@Test
	void providersSeeNoPlanningAndNoLink() throws Exception {
		assertThat(send(get("/planning"), PROVIDER).getStatus()).isEqualTo(403);
		MockHttpServletResponse offers = send(get("/offers"), PROVIDER);
		assertThat(offers.getContentAsString()).doesNotContain("href=\"/planning\"");
	}

	@Test
	void anonymousVisitorsAreSentToLoginOrGet401() throws Exception {
		MockHttpServletResponse page = send(get("/planning"), anonymous());
		assertThat(page.getStatus()).isEqualTo(302);
		assertThat(page.getHeader("Location")).endsWith("/login");
		assertThat(send(get("/api/v1/planning/goals"), anonymous()).getStatus()).isEqualTo(401);
		assertThat(send(post("/api/v1/planning/goals").contentType("application/json").content("{}"), anonymous())
			.getStatus()).isEqualTo(401);
	}
}
