package org.spange.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
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

/** Status transitions of a measure: the allowed ones, refused ones with a clear error, and the history kept. */
@SpangeTest
class MeasureStatusTest {

	@Autowired
	Planning planning;

	@Autowired
	AreaQueries areas;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	private Measure newMeasure() {
		long gemeinde = area(areas, "gemeinde", "80101");
		Goal goal = goal(planning, guideline(planning), gemeinde, null);
		return measure(planning, gemeinde, LocalDate.now().plusMonths(6), goal.id());
	}

	@Test
	void allowedTransitionsAreRecordedWithWhoWhenAndWhy() {
		Measure m = newMeasure();
		assertThat(m.status()).isEqualTo(MeasureStatus.PLANNED);
		planning.changeStatus(m.id(), MeasureStatus.RUNNING, "Start im Jänner");
		Measure done = planning.changeStatus(m.id(), MeasureStatus.DONE, "Abgeschlossen");
		assertThat(done.status()).isEqualTo(MeasureStatus.DONE);

		List<StatusChange> history = planning.history(m.id());
		assertThat(history).extracting(StatusChange::from).containsExactly(null, MeasureStatus.PLANNED,
				MeasureStatus.RUNNING);
		assertThat(history).extracting(StatusChange::to).containsExactly(MeasureStatus.PLANNED,
				MeasureStatus.RUNNING, MeasureStatus.DONE);
		assertThat(history).extracting(StatusChange::note).containsExactly(null, "Start im Jänner", "Abgeschlossen");
		assertThat(history).allSatisfy(h -> {
			assertThat(h.actor()).isNotBlank();
			assertThat(h.at()).isNotNull();
		});
		// every transition is audited
		assertThat(jdbc.sql("select count(*) from access.audit_event where action = 'planning.measure.status' and subject_id = ?")
			.param(Long.toString(m.id())).query(Long.class).single()).isEqualTo(2);
	}

	@Test
	void refusedTransitionsSayWhyAndChangeNothing() {
		Measure m = newMeasure();
		InvalidPlanningException skip = catchThrowableOfType(InvalidPlanningException.class,
				() -> planning.changeStatus(m.id(), MeasureStatus.DONE, null));
		assertThat(skip.problems()).singleElement().satisfies(p -> {
			assertThat(p.field()).isEqualTo("status");
			assertThat(p.code()).isEqualTo("status.transition");
			assertThat(p.message()).contains("PLANNED", "DONE", "allowed");
		});

		planning.changeStatus(m.id(), MeasureStatus.STOPPED, "Kein Bedarf");
		for (MeasureStatus to : MeasureStatus.values()) {
			InvalidPlanningException e = catchThrowableOfType(InvalidPlanningException.class,
					() -> planning.changeStatus(m.id(), to, null));
			assertThat(e.problems().get(0).message()).contains("final");
		}
		assertThat(planning.measure(m.id()).orElseThrow().status()).isEqualTo(MeasureStatus.STOPPED);
		assertThat(planning.history(m.id())).hasSize(2);
	}

	@Test
	void theApiAndThePageRefuseAWrongTransitionAtTheStatusField() throws Exception {
		Measure m = newMeasure();
		MockHttpServletResponse api = mvc.perform(post("/api/v1/planning/measures/" + m.id() + "/transitions")
			.contentType("application/json").content("{\"status\":\"DONE\",\"note\":\"zu früh\"}")
			.with(user("planung").roles("PLANNER")).with(csrf())).andReturn().getResponse();
		assertThat(api.getStatus()).isEqualTo(422);
		assertThat(api.getContentAsString()).contains("\"field\":\"status\"", "status.transition");

		MockHttpServletResponse ok = mvc.perform(post("/api/v1/planning/measures/" + m.id() + "/transitions")
			.contentType("application/json").content("{\"status\":\"RUNNING\",\"note\":\"los\"}")
			.with(user("planung").roles("PLANNER")).with(csrf())).andReturn().getResponse();
		assertThat(ok.getStatus()).isEqualTo(200);
		assertThat(ok.getContentAsString()).contains("\"status\":\"RUNNING\"");

		MockHttpServletResponse page = mvc.perform(post("/planning/measures/" + m.id() + "/status")
			.param("status", "PLANNED").param("note", "zurück")
			.with(user("planung").roles("PLANNER")).with(csrf())).andReturn().getResponse();
		assertThat(page.getStatus()).isEqualTo(200);
		String html = page.getContentAsString();
		assertThat(html).contains("id=\"problems\"", "href=\"#f-status\"", "id=\"err-f-status\"",
				"Dieser Statuswechsel ist nicht erlaubt", "value=\"zurück\"");

		String history = mvc.perform(get("/api/v1/planning/measures/" + m.id() + "/transitions")
			.with(user("gemeinde").roles("MUNICIPALITY"))).andReturn().getResponse().getContentAsString();
		assertThat(history).contains("\"to\":\"RUNNING\"", "\"note\":\"los\"").doesNotContain("zurück");
		assertThat(planning.measure(m.id()).orElseThrow().status()).isEqualTo(MeasureStatus.RUNNING);
	}
}
