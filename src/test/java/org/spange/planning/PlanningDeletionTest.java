package org.spange.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.spange.planning.PlanningTestData.area;
import static org.spange.planning.PlanningTestData.goal;
import static org.spange.planning.PlanningTestData.guideline;
import static org.spange.planning.PlanningTestData.measure;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.util.List;

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
 * Deleting: a guideline only when no goal serves it (otherwise the page lists the goals and nothing is deleted), a
 * goal only without sub-goals, after a confirmation page listing what goes with it (its targets, the measures serving
 * only it with their history and evaluations; measures serving other goals too stay), a measure with its history and
 * evaluations. Every delete is audited; municipality users cannot delete.
 */
@SpangeTest
class PlanningDeletionTest {

	private static final RequestPostProcessor PLANNER = user("planung").roles("PLANNER");

	@Autowired
	MockMvc mvc;

	@Autowired
	Planning planning;

	@Autowired
	AreaQueries areas;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	org.spange.indicator.IndicatorCatalog indicators;

	private MockHttpServletResponse send(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request.with(PLANNER).with(csrf())).andReturn().getResponse();
	}

	private long audited(String action, long id) {
		return jdbc.sql("select count(*) from access.audit_event where action = ? and subject_id = ?")
			.params(action, Long.toString(id)).query(Long.class).single();
	}

	private long rows(String sql, long id) {
		return jdbc.sql(sql).param(id).query(Long.class).single();
	}

	@Test
	void aGuidelineThatGoalsServeIsNotDeletedAndThePageNamesThem() throws Exception {
		long gemeinde = area(areas, "gemeinde", "80101");
		long guideline = guideline(planning);
		Goal goal = goal(planning, guideline, gemeinde, null);

		String confirm = send(get("/planning/guidelines/" + guideline + "/delete")).getContentAsString();
		assertThat(confirm).contains("id=\"delete-blocked\"", goal.title()).doesNotContain("id=\"delete-form\"");
		MockHttpServletResponse refused = send(post("/planning/guidelines/" + guideline + "/delete"));
		assertThat(refused.getStatus()).isEqualTo(409);
		assertThat(refused.getContentAsString()).contains(goal.title(), "solange diese Ziele ihr dienen");
		assertThat(planning.guideline(guideline)).isPresent();
		assertThatThrownBy(() -> planning.deleteGuideline(guideline)).isInstanceOf(InvalidPlanningException.class)
			.hasMessageContaining(goal.title());

		long unused = guideline(planning);
		assertThat(send(get("/planning/guidelines/" + unused + "/delete")).getContentAsString())
			.contains("id=\"delete-form\"");
		assertThat(send(post("/planning/guidelines/" + unused + "/delete")).getRedirectedUrl())
			.isEqualTo("/planning#guidelines");
		assertThat(planning.guideline(unused)).isEmpty();
		assertThat(audited("planning.guideline.delete", unused)).isEqualTo(1);
		assertThat(audited("planning.guideline.delete", guideline)).isZero();
	}

	@Test
	void aGoalGoesWithItsTargetsAndOwnMeasuresAfterConfirmation() throws Exception {
		long gemeinde = area(areas, "gemeinde", "80101");
		long guideline = guideline(planning);
		Goal parent = goal(planning, guideline, gemeinde, null);
		Goal goal = planning.createGoal(new Goal(null, gemeinde, parent.id(), PlanningTestData.unique("Zu löschen"),
				null, List.of(guideline), List.of(new IndicatorTarget(indicators.indicators(false).get(0).key(), "2024", 10.0,
						20.0, "2030", Direction.INCREASE))));
		Goal other = goal(planning, guideline, gemeinde, null);
		Measure only = measure(planning, gemeinde, LocalDate.of(2026, 12, 31), goal.id());
		Measure shared = measure(planning, gemeinde, LocalDate.of(2026, 12, 31), goal.id(), other.id());
		PlanningTestData.bringTo(planning, only.id(), MeasureStatus.RUNNING);
		planning.addEvaluation(only.id(), new Evaluation(null, null, "Gut angenommen", null, LocalDate.now(), null));

		// the parent has a sub-goal: refused, nothing deleted
		assertThat(send(get("/planning/goals/" + parent.id() + "/delete")).getContentAsString())
			.contains("id=\"delete-blocked\"", goal.title()).doesNotContain("id=\"delete-form\"");
		assertThat(send(post("/planning/goals/" + parent.id() + "/delete")).getStatus()).isEqualTo(409);
		assertThat(planning.goal(parent.id())).isPresent();

		String confirm = send(get("/planning/goals/" + goal.id() + "/delete")).getContentAsString();
		assertThat(confirm).contains("id=\"delete-form\"", "Indikatorziele (1)", "Maßnahmen unten (1)")
			.containsPattern("id=\"delete-measures\">.*" + java.util.regex.Pattern.quote(only.title()))
			.containsPattern("id=\"delete-unlinked\">.*" + java.util.regex.Pattern.quote(shared.title()));
		// nothing happens on the confirmation page itself
		assertThat(planning.goal(goal.id())).isPresent();

		assertThat(send(post("/planning/goals/" + goal.id() + "/delete")).getRedirectedUrl())
			.isEqualTo("/planning/goals/" + parent.id());
		assertThat(planning.goal(goal.id())).isEmpty();
		assertThat(planning.measure(only.id())).isEmpty();
		assertThat(rows("select count(*) from planning.status_change where measure_id = ?", only.id())).isZero();
		assertThat(rows("select count(*) from planning.evaluation where measure_id = ?", only.id())).isZero();
		assertThat(rows("select count(*) from planning.indicator_target where goal_id = ?", goal.id())).isZero();
		assertThat(planning.measure(shared.id()).orElseThrow().goalIds()).containsExactly(other.id());
		assertThat(audited("planning.goal.delete", goal.id())).isEqualTo(1);
		// now the parent has no sub-goal left
		assertThat(send(post("/planning/goals/" + parent.id() + "/delete")).getStatus()).isEqualTo(302);
	}

	@Test
	void aMeasureGoesWithItsHistoryAndEvaluations() throws Exception {
		long gemeinde = area(areas, "gemeinde", "80101");
		Goal goal = goal(planning, guideline(planning), gemeinde, null);
		Measure m = measure(planning, gemeinde, LocalDate.of(2026, 12, 31), goal.id());
		PlanningTestData.bringTo(planning, m.id(), MeasureStatus.DONE);
		planning.addEvaluation(m.id(), new Evaluation(null, null, null, "Zu spät begonnen", LocalDate.now(), null));

		assertThat(send(get("/planning/measures/" + m.id() + "/delete")).getContentAsString())
			.contains("Statusverlauf (3 Einträge)", "Auswertungen (1)", "id=\"delete-form\"");
		assertThat(mvc.perform(get("/planning/measures/" + m.id() + "/delete")
			.with(user("gemeinde").roles("MUNICIPALITY"))).andReturn().getResponse().getStatus()).isEqualTo(403);
		assertThat(send(post("/planning/measures/" + m.id() + "/delete")).getRedirectedUrl())
			.isEqualTo("/planning/goals/" + goal.id());
		assertThat(planning.measure(m.id())).isEmpty();
		assertThat(planning.history(m.id())).isEmpty();
		assertThat(planning.evaluations(m.id())).isEmpty();
		assertThat(audited("planning.measure.delete", m.id())).isEqualTo(1);
		assertThat(send(get("/planning/measures/" + m.id() + "/delete")).getStatus()).isEqualTo(404);
	}
}
