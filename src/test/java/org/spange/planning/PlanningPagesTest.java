package org.spange.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spange.planning.PlanningTestData.area;
import static org.spange.planning.PlanningTestData.goal;
import static org.spange.planning.PlanningTestData.guideline;
import static org.spange.planning.PlanningTestData.measure;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.spange.SpangeTest;
import org.spange.area.AreaQueries;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The guideline and evaluation forms: problems at their fields, saving, and what the pages then show. */
@SpangeTest
class PlanningPagesTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Planning planning;

	@Autowired
	AreaQueries areas;

	private MockHttpServletResponse send(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request.with(user("planung").roles("PLANNER")).with(csrf())).andReturn().getResponse();
	}

	@Test
	void aGuidelineIsCheckedAndSaved() throws Exception {
		int before = planning.guidelines().size();
		MockHttpServletResponse bad = send(post("/planning/guidelines/new").param("title", "Teilhabe sichern")
			.param("text", "").param("body", "Kreistag (Test)").param("resolvedOn", "2025-13-01"));
		assertThat(bad.getStatus()).isEqualTo(200);
		assertThat(bad.getContentAsString()).contains("href=\"#f-text\"", "href=\"#f-resolvedOn\"",
				"id=\"err-f-resolvedOn\"", "Kein gültiges Datum", "value=\"Teilhabe sichern\"");
		assertThat(planning.guidelines()).hasSize(before);

		String title = PlanningTestData.unique("Teilhabe sichern");
		MockHttpServletResponse ok = send(post("/planning/guidelines/new").param("title", title)
			.param("text", "Alle sollen teilhaben.").param("body", "Kreistag (Test)").param("resolvedOn", "18.3.2025"));
		assertThat(ok.getStatus()).isEqualTo(302);
		Guideline saved = planning.guidelines().stream().filter(g -> g.title().equals(title)).findFirst().orElseThrow();
		assertThat(saved.resolvedOn()).isEqualTo(LocalDate.of(2025, 3, 18));
		assertThat(saved.isDemo()).isFalse();
	}

	@Test
	void anEvaluationNeedsContentAndIsListedWithItsAuthor() throws Exception {
		long gemeinde = area(areas, "gemeinde", "80101");
		Goal goal = goal(planning, guideline(planning), gemeinde, null);
		Measure m = measure(planning, gemeinde, LocalDate.now().plusMonths(1), goal.id());

		MockHttpServletResponse empty = send(post("/planning/measures/" + m.id() + "/evaluations")
			.param("worked", "").param("didNotWork", "").param("evaluatedOn", LocalDate.now().toString()));
		assertThat(empty.getStatus()).isEqualTo(200);
		assertThat(empty.getContentAsString()).contains("href=\"#f-worked\"", "id=\"err-f-worked\"",
				"Bitte angeben, was funktioniert hat oder was nicht.");
		assertThat(planning.evaluations(m.id())).isEmpty();

		MockHttpServletResponse ok = send(post("/planning/measures/" + m.id() + "/evaluations")
			.param("worked", "Gute Beteiligung der Eltern").param("didNotWork", "Abendtermine")
			.param("evaluatedOn", "2026-01-15"));
		assertThat(ok.getStatus()).isEqualTo(302);
		assertThat(planning.evaluations(m.id())).singleElement().satisfies(e -> {
			assertThat(e.author()).isEqualTo("planung");
			assertThat(e.evaluatedOn()).isEqualTo(LocalDate.of(2026, 1, 15));
		});
		String page = mvc.perform(get("/planning/measures/" + m.id()).with(user("gemeinde").roles("MUNICIPALITY")))
			.andReturn().getResponse().getContentAsString();
		assertThat(page).contains("Gute Beteiligung der Eltern", "15.01.2026", "planung")
			.doesNotContain("id=\"evaluation-form\"", "id=\"status-form\"");
	}
}
