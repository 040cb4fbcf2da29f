package org.spange.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spange.planning.PlanningTestData.area;
import static org.spange.planning.PlanningTestData.goal;
import static org.spange.planning.PlanningTestData.guideline;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.spange.SpangeTest;
import org.spange.access.Role;
import org.spange.access.UserScopes;
import org.spange.access.internal.UserAccounts;
import org.spange.area.AreaQueries;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Municipality scopes: a municipality user plans goals and measures in its assigned Gemeinde and the areas inside it
 * (its Zählsprengel), reads everything else, and is refused (403, nothing written) in other areas; a municipality user
 * without areas cannot open the forms. Admins assign the areas; a wrong area is refused and changes nothing.
 */
@SpangeTest
class PlanningScopeTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Planning planning;

	@Autowired
	AreaQueries areas;

	@Autowired
	UserAccounts accounts;

	@Autowired
	UserScopes scopes;

	@Autowired
	JdbcClient jdbc;

	private MockHttpServletResponse send(MockHttpServletRequestBuilder request, RequestPostProcessor who)
			throws Exception {
		return mvc.perform(request.with(who).with(csrf())).andReturn().getResponse();
	}

	private long count(String table) {
		return jdbc.sql("select count(*) from planning." + table).query(Long.class).single();
	}

	private String municipalityUser(Long... areaIds) {
		String name = "gem-" + UUID.randomUUID().toString().substring(0, 8);
		accounts.create(name, "Testgemeinde", UUID.randomUUID().toString(), Set.of(Role.MUNICIPALITY));
		scopes.assignAreas(name, List.of(areaIds));
		return name;
	}

	@Test
	void aMunicipalityPlansInItsGemeindeAndTheAreasInsideButNowhereElse() throws Exception {
		long bludenz = area(areas, "gemeinde", "80103");
		long sprengel = area(areas, "zaehlsprengel", "80103000");
		long other = area(areas, "gemeinde", "80101");
		RequestPostProcessor me = user(municipalityUser(bludenz)).roles("MUNICIPALITY");
		long guideline = guideline(planning);

		assertThat(send(get("/planning/goals/new"), me).getStatus()).isEqualTo(200);
		for (long area : List.of(bludenz, sprengel)) {
			MockHttpServletResponse own = send(post("/planning/goals/new").param("title", "Eigenes Ziel")
				.param("areaId", Long.toString(area)).param("guidelineIds", Long.toString(guideline)), me);
			assertThat(own.getStatus()).as("goal in area " + area).isEqualTo(302);
		}

		long goals = count("goal");
		MockHttpServletResponse foreign = send(post("/planning/goals/new").param("title", "Fremdes Ziel")
			.param("areaId", Long.toString(other)).param("guidelineIds", Long.toString(guideline)), me);
		assertThat(foreign.getStatus()).isEqualTo(403);
		assertThat(foreign.getContentAsString()).contains("id=\"err-f-areaId\"",
				"Sie können nur in Ihren eigenen Gebieten");
		assertThat(count("goal")).isEqualTo(goals);

		// the form offers only its own areas
		String page = send(get("/planning/measures/new"), me).getContentAsString();
		assertThat(page).contains("id=\"scope-hint\"", "Sie planen für: Bludenz (Gemeinde)");
		String form = page.substring(page.indexOf("<select id=\"f-areaId\""));
		form = form.substring(0, form.indexOf("</select>"));
		assertThat(form).contains("<option value=\"" + bludenz + "\"", "<option value=\"" + sprengel + "\"")
			.doesNotContain("<option value=\"" + other + "\"");

		// a goal and measure elsewhere: readable, not writable
		Goal otherGoal = goal(planning, guideline, other, null);
		Measure otherMeasure = PlanningTestData.measure(planning, other, LocalDate.of(2026, 12, 31), otherGoal.id());
		assertThat(send(get("/planning/measures/" + otherMeasure.id()), me).getStatus()).isEqualTo(200);
		assertThat(send(get("/planning/measures/" + otherMeasure.id() + "/edit"), me).getStatus()).isEqualTo(403);
		assertThat(send(get("/planning/goals/" + otherGoal.id() + "/edit"), me).getStatus()).isEqualTo(403);
		assertThat(send(post("/planning/measures/" + otherMeasure.id() + "/status").param("status", "RUNNING"), me)
			.getStatus()).isEqualTo(403);
		assertThat(send(post("/planning/measures/" + otherMeasure.id() + "/evaluations").param("worked", "x")
			.param("evaluatedOn", "2026-01-10"), me).getStatus()).isEqualTo(403);
		assertThat(planning.measure(otherMeasure.id()).orElseThrow().status()).isEqualTo(MeasureStatus.PLANNED);
		assertThat(planning.evaluations(otherMeasure.id())).isEmpty();
		// moving a measure of another area into its own is refused too
		assertThat(send(post("/planning/measures/" + otherMeasure.id() + "/edit").param("title", "Übernommen")
			.param("responsible", "x").param("areaId", Long.toString(bludenz)).param("startDate", "2026-01-01")
			.param("endDate", "2026-12-31").param("goalIds", Long.toString(otherGoal.id())), me).getStatus())
			.isEqualTo(403);
		assertThat(planning.measure(otherMeasure.id()).orElseThrow().areaId()).isEqualTo(other);

		// its own measure: it may move it along, but not delete it (planners and admins delete)
		Goal ownGoal = goal(planning, guideline, bludenz, null);
		Measure own = PlanningTestData.measure(planning, bludenz, LocalDate.of(2026, 12, 31), ownGoal.id());
		assertThat(send(post("/planning/measures/" + own.id() + "/status").param("status", "RUNNING"), me)
			.getStatus()).isEqualTo(302);
		assertThat(planning.measure(own.id()).orElseThrow().status()).isEqualTo(MeasureStatus.RUNNING);
		assertThat(send(post("/planning/measures/" + own.id() + "/delete"), me).getStatus()).isEqualTo(403);
		assertThat(planning.measure(own.id())).isPresent();
		String ownPage = send(get("/planning/measures/" + own.id()), me).getContentAsString();
		assertThat(ownPage).contains("/planning/measures/" + own.id() + "/edit")
			.doesNotContain("/planning/measures/" + own.id() + "/delete");
	}

	@Test
	void aMunicipalityWithoutAreasCannotOpenTheForms() throws Exception {
		RequestPostProcessor me = user(municipalityUser()).roles("MUNICIPALITY");
		assertThat(send(get("/planning"), me).getStatus()).isEqualTo(200);
		assertThat(send(get("/planning/goals/new"), me).getStatus()).isEqualTo(403);
		assertThat(send(get("/planning/measures/new"), me).getStatus()).isEqualTo(403);
	}

	@Test
	void adminsAssignAreasAndAWrongAreaChangesNothing() throws Exception {
		long bludenz = area(areas, "gemeinde", "80103");
		long other = area(areas, "gemeinde", "80101");
		String name = municipalityUser(bludenz);
		RequestPostProcessor admin = user("admin").roles("ADMIN");

		assertThat(send(get("/admin/users/areas"), admin).getContentAsString()).contains("(" + name + ")");
		assertThat(send(get("/admin/users/areas"), user("planung").roles("PLANNER")).getStatus()).isEqualTo(403);

		MockHttpServletResponse wrong = send(post("/admin/users/" + name + "/areas").param("areaIds",
				Long.toString(other), "999999999", "abc"), admin);
		assertThat(wrong.getStatus()).isEqualTo(422);
		assertThat(wrong.getContentAsString()).contains("Diese Angaben sind keine Gebiete: 999999999, abc");
		assertThat(scopes.areasOf(name)).containsExactly(bludenz);

		assertThat(send(post("/admin/users/" + name + "/areas").param("areaIds", Long.toString(other)), admin)
			.getStatus()).isEqualTo(302);
		assertThat(scopes.areasOf(name)).containsExactly(other);
		assertThat(jdbc.sql("select count(*) from access.audit_event where action = 'user.areas' and subject_id = ?")
			.param(name).query(Long.class).single()).isEqualTo(2);
		assertThat(send(get("/admin/users/nobody-" + name + "/areas"), admin).getStatus()).isEqualTo(404);
	}
}
