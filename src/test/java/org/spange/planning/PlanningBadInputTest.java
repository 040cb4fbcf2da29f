package org.spange.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spange.planning.PlanningTestData.area;
import static org.spange.planning.PlanningTestData.goal;
import static org.spange.planning.PlanningTestData.guideline;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.spange.SpangeTest;
import org.spange.area.AreaQueries;
import org.spange.offer.OfferCatalog;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Bad input over the API and in the forms: every problem by field, nothing written; good input is saved. */
@SpangeTest
class PlanningBadInputTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Planning planning;

	@Autowired
	AreaQueries areas;

	@Autowired
	OfferCatalog offers;

	@Autowired
	JdbcClient jdbc;

	private final ObjectMapper json = new ObjectMapper();

	private long rows() {
		return jdbc.sql("""
				select (select count(*) from planning.goal) + (select count(*) from planning.measure)
				     + (select count(*) from planning.indicator_target) + (select count(*) from planning.measure_goal)
				     + (select count(*) from planning.guideline)""").query(Long.class).single();
	}

	private MockHttpServletResponse send(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request.with(user("planung").roles("PLANNER")).with(csrf())).andReturn().getResponse();
	}

	private List<String> fields(MockHttpServletResponse response) throws Exception {
		JsonNode body = json.readTree(response.getContentAsString());
		List<String> fields = new java.util.ArrayList<>();
		for (JsonNode p : body.get("problems")) {
			fields.add(p.get("field").asString());
		}
		return fields;
	}

	@Test
	void aBadGoalGets422WithEveryProblemAndNothingIsWritten() throws Exception {
		long before = rows();
		MockHttpServletResponse r = send(post("/api/v1/planning/goals").contentType("application/json").content("""
				{"areaId": 999999999, "title": " ", "guidelineIds": [],
				 "targets": [{"indicatorKey": "no_such_indicator", "baselinePeriod": "2024-13", "targetValue": 5,
				              "targetPeriod": "2030"}]}"""));
		assertThat(r.getStatus()).isEqualTo(422);
		assertThat(fields(r)).containsExactlyInAnyOrder("title", "areaId", "guidelineIds", "targets[0].indicatorKey",
				"targets[0].baselinePeriod");
		assertThat(rows()).isEqualTo(before);
	}

	@Test
	void aBadMeasureGets422WithEveryProblemAndNothingIsWritten() throws Exception {
		long gemeinde = area(areas, "gemeinde", "80101");
		long before = rows();
		MockHttpServletResponse r = send(post("/api/v1/planning/measures").contentType("application/json").content("""
				{"title": "Stadtteilarbeit", "responsible": "", "areaId": %d, "startDate": "2026-06-01",
				 "endDate": "2026-01-01", "costEstimate": -5, "goalIds": [], "offerIds": [999999999]}"""
			.formatted(gemeinde)));
		assertThat(r.getStatus()).isEqualTo(422);
		assertThat(fields(r)).containsExactlyInAnyOrder("responsible", "endDate", "costEstimate", "goalIds",
				"offerIds");
		assertThat(rows()).isEqualTo(before);

		MockHttpServletResponse unreadable = send(post("/api/v1/planning/measures").contentType("application/json")
			.content("{\"title\": \"x\", \"startDate\": \"31.12.2026\"}"));
		assertThat(unreadable.getStatus()).isEqualTo(422);
		assertThat(fields(unreadable)).containsExactly("body");
		assertThat(rows()).isEqualTo(before);
	}

	@Test
	void aGoodMeasureWithAnOfferIsSavedAndAudited() throws Exception {
		long gemeinde = area(areas, "gemeinde", "80101");
		Goal goal = goal(planning, guideline(planning), gemeinde, null);
		long offer = offers.offers(true, 0, 1).items().get(0).id();
		MockHttpServletResponse r = send(post("/api/v1/planning/measures").contentType("application/json").content("""
				{"title": "Stadtteilarbeit (PlanningBadInputTest)", "responsible": "Sozialamt", "areaId": %d,
				 "startDate": "2026-01-01", "endDate": "2026-12-31", "costEstimate": 12500.50,
				 "goalIds": [%d], "offerIds": [%d]}""".formatted(gemeinde, goal.id(), offer)));
		assertThat(r.getStatus()).isEqualTo(201);
		JsonNode saved = json.readTree(r.getContentAsString());
		assertThat(saved.get("status").asString()).isEqualTo("PLANNED");
		assertThat(saved.get("costEstimate").decimalValue()).isEqualByComparingTo("12500.50");
		long id = saved.get("id").asLong();
		assertThat(planning.measure(id).orElseThrow().offerIds()).containsExactly(offer);
		assertThat(jdbc.sql("select count(*) from access.audit_event where action = 'planning.measure.create' and subject_id = ?")
			.param(Long.toString(id)).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void theMeasureFormShowsEveryProblemAtItsFieldKeepsTheInputAndWritesNothing() throws Exception {
		long gemeinde = area(areas, "gemeinde", "80101");
		long before = rows();
		MockHttpServletResponse r = send(post("/planning/measures/new").param("title", "Quartiersarbeit Test")
			.param("responsible", "").param("areaId", Long.toString(gemeinde)).param("startDate", "2026-06-01")
			.param("endDate", "31.02.2026").param("costEstimate", "zwölf").param("offerIds", "abc"));
		assertThat(r.getStatus()).isEqualTo(200);
		String html = r.getContentAsString();
		assertThat(html).contains("id=\"problems\"", "href=\"#f-responsible\"", "href=\"#f-endDate\"",
				"href=\"#f-costEstimate\"", "href=\"#f-goalIds\"", "href=\"#f-offerIds\"", "id=\"err-f-endDate\"",
				"aria-describedby=\"err-f-costEstimate\"", "Kein gültiges Datum", "Bitte mindestens ein Ziel wählen",
				"value=\"Quartiersarbeit Test\"", "value=\"zwölf\"", "value=\"31.02.2026\"");
		assertThat(rows()).isEqualTo(before);
	}

	@Test
	void theGoalFormNamesTheTargetRowOfAProblem() throws Exception {
		long gemeinde = area(areas, "gemeinde", "80103");
		long guideline = guideline(planning);
		long before = rows();
		MockHttpServletResponse r = send(post("/planning/goals/new").param("title", "Ziel mit Indikator")
			.param("areaId", Long.toString(gemeinde)).param("guidelineIds", Long.toString(guideline))
			.param("targets[0].indicatorKey", "").param("targets[1].indicatorKey", "no_such_indicator")
			.param("targets[1].baselinePeriod", "2024").param("targets[1].targetValue", "1,5")
			.param("targets[1].targetPeriod", "2030"));
		assertThat(r.getStatus()).isEqualTo(200);
		String html = r.getContentAsString();
		// the filled row moves up to row 1, where its problem is shown
		assertThat(html).contains("href=\"#f-targets-0-indicatorKey\"", "id=\"err-f-targets-0-indicatorKey\"",
				"Indikatorziel 1, Indikator: Diesen Indikator gibt es nicht.", "value=\"1,5\"");
		assertThat(rows()).isEqualTo(before);
	}
}
