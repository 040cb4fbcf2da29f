package org.spange.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spange.planning.PlanningTestData.area;
import static org.spange.planning.PlanningTestData.goal;
import static org.spange.planning.PlanningTestData.guideline;
import static org.spange.planning.PlanningTestData.unique;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.spange.SpangeTest;
import org.spange.area.AreaQueries;
import org.spange.network.ActorOrganization;
import org.spange.network.Networks;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A measure names its responsible organisation and its partner organisations as actors of the network module (issue
 * 8), beside the free texts for those the network module does not know: unknown actors are problems at their fields
 * and write nothing (form and API); the measure page links the actors' names, the lists and the API show them, and
 * the measure list filters by an organisation responsible or partner.
 */
@SpangeTest
class PlanningActorTest {

	private static final RequestPostProcessor PLANNER = user("planung").roles("PLANNER");
	private static final RequestPostProcessor MUNICIPALITY = user("gemeinde").roles("MUNICIPALITY");

	@Autowired
	MockMvc mvc;

	@Autowired
	Planning planning;

	@Autowired
	Networks networks;

	@Autowired
	AreaQueries areas;

	@Autowired
	JdbcClient jdbc;

	private final ObjectMapper json = new ObjectMapper();

	private MockHttpServletResponse send(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request.with(PLANNER).with(csrf())).andReturn().getResponse();
	}

	/** Every row a measure write touches. */
	private long rows() {
		return jdbc.sql("""
				select (select count(*) from planning.measure) + (select count(*) from planning.measure_goal)
				     + (select count(*) from planning.measure_partner) + (select count(*) from planning.status_change)
				""").query(Long.class).single();
	}

	private ActorOrganization actor(String name) {
		return networks.createOrganization(new ActorOrganization(null, unique(name) + " (fiktiv)", null));
	}

	private long unknownActor() {
		return jdbc.sql("select coalesce(max(id), 0) + 1000 from network.organization").query(Long.class).single();
	}

	private List<String> fields(MockHttpServletResponse response) throws Exception {
		List<String> fields = new ArrayList<>();
		for (JsonNode p : json.readTree(response.getContentAsString()).get("problems")) {
			fields.add(p.get("field").asString());
		}
		return fields;
	}

	private Measure measure(long area, long goal, String responsible, Long responsibleActor, List<Long> partners) {
		return planning.createMeasure(new Measure(null, unique("Maßnahme mit Akteuren"), null, responsible, null, area,
				LocalDate.of(2026, 1, 1), LocalDate.of(2027, 12, 31), null, null, List.of(goal), List.of(), List.of(),
				responsibleActor, partners));
	}

	@Test
	void anUnknownActorInTheFormIsAProblemAtItsFieldKeepsTheInputAndWritesNothing() throws Exception {
		long gemeinde = area(areas, "gemeinde", "80101");
		Goal goal = goal(planning, guideline(planning), gemeinde, null);
		ActorOrganization known = actor("Partner im Formular");
		long unknown = unknownActor();
		long before = rows();
		MockHttpServletResponse r = send(post("/planning/measures/new").param("title", "Quartierstreff (Akteurtest)")
			.param("responsibleActorId", Long.toString(unknown)).param("responsible", "")
			.param("partnerActorIds", Long.toString(known.id()), "abc").param("areaId", Long.toString(gemeinde))
			.param("startDate", "2026-01-01").param("endDate", "2026-12-31").param("goalIds", goal.id().toString()));
		assertThat(r.getStatus()).isEqualTo(200);
		String html = r.getContentAsString();
		assertThat(html).contains("id=\"problems\"", "href=\"#f-responsibleActorId\"", "id=\"err-f-responsibleActorId\"",
				"Diese Organisation gibt es in den Netzwerken nicht.", "href=\"#f-partnerActorIds\"",
				"Keine gültige Nummer.", "value=\"Quartierstreff (Akteurtest)\"");
		// what was sent stays chosen: the unknown organisation as an option of its own, the known partner selected
		assertThat(html).containsPattern("<option value=\"" + unknown + "\"\\s+selected=\"selected\">Organisation "
				+ unknown + " \\(unbekannt\\)</option>");
		assertThat(html).containsPattern("<option value=\"" + known.id() + "\"\\s+selected=\"selected\">");
		assertThat(rows()).isEqualTo(before);

		// neither an organisation nor a free text: someone must be responsible
		MockHttpServletResponse nobody = send(post("/planning/measures/new").param("title", "Niemand verantwortlich")
			.param("responsibleActorId", "").param("responsible", " ").param("areaId", Long.toString(gemeinde))
			.param("startDate", "2026-01-01").param("endDate", "2026-12-31").param("goalIds", goal.id().toString()));
		assertThat(nobody.getContentAsString()).contains("href=\"#f-responsible\"",
				"Bitte eine verantwortliche Organisation wählen oder Verantwortliche als Freitext eintragen.");
		assertThat(rows()).isEqualTo(before);
	}

	@Test
	void theFormSavesTheActorsAndTheFreeTextsAndTheEditFormShowsThemChosen() throws Exception {
		long gemeinde = area(areas, "gemeinde", "80101");
		Goal goal = goal(planning, guideline(planning), gemeinde, null);
		ActorOrganization responsible = actor("Verantwortlich im Formular");
		ActorOrganization partnerA = actor("Partner A");
		ActorOrganization partnerB = actor("Partner B");
		String title = unique("Familientreff (Akteurtest)");
		MockHttpServletResponse r = send(post("/planning/measures/new").param("title", title)
			.param("responsibleActorId", responsible.id().toString()).param("responsible", "Gemeinderat (Test)")
			.param("partnerActorIds", partnerA.id().toString(), partnerB.id().toString())
			.param("partners", "Pfarre (Test)").param("areaId", Long.toString(gemeinde))
			.param("startDate", "2026-01-01").param("endDate", "2026-12-31").param("goalIds", goal.id().toString()));
		assertThat(r.getStatus()).isEqualTo(302);
		long id = Long.parseLong(r.getRedirectedUrl().replaceAll("\\D", ""));
		Measure saved = planning.measure(id).orElseThrow();
		assertThat(saved.responsibleActorId()).isEqualTo(responsible.id());
		assertThat(saved.partnerActorIds()).containsExactlyInAnyOrder(partnerA.id(), partnerB.id());
		assertThat(saved.responsible()).isEqualTo("Gemeinderat (Test)");
		assertThat(saved.partners()).isEqualTo("Pfarre (Test)");

		String form = mvc.perform(get("/planning/measures/" + id + "/edit").with(PLANNER)).andReturn().getResponse()
			.getContentAsString();
		assertThat(form).contains("weitere Verantwortliche (Freitext)", "weitere Partner (Freitext)",
				"Verantwortliche Organisation", "Partnerorganisationen");
		assertThat(form).containsPattern("<option value=\"" + responsible.id() + "\"\\s+selected=\"selected\">"
				+ java.util.regex.Pattern.quote(responsible.name()) + "</option>");
		assertThat(form).containsPattern("<option value=\"" + partnerB.id() + "\"\\s+selected=\"selected\">");

		// saved without partners, the measure loses them (the free text alone carries it)
		MockHttpServletResponse edit = send(post("/planning/measures/" + id + "/edit").param("title", title)
			.param("responsibleActorId", "").param("responsible", "Gemeinderat (Test)")
			.param("areaId", Long.toString(gemeinde)).param("startDate", "2026-01-01")
			.param("endDate", "2026-12-31").param("goalIds", goal.id().toString()));
		assertThat(edit.getStatus()).isEqualTo(302);
		Measure edited = planning.measure(id).orElseThrow();
		assertThat(edited.responsibleActorId()).isNull();
		assertThat(edited.partnerActorIds()).isEmpty();
		assertThat(jdbc.sql("select count(*) from planning.measure_partner where measure_id = ?").param(id)
			.query(Long.class).single()).isZero();
	}

	@Test
	void theMeasurePageAndTheListsShowTheActorsLinked() throws Exception {
		long gemeinde = area(areas, "gemeinde", "80101");
		Goal goal = goal(planning, guideline(planning), gemeinde, null);
		ActorOrganization responsible = actor("Jugendnetz Test");
		ActorOrganization partner = actor("Familienberatung Test");
		Measure m = measure(gemeinde, goal.id(), null, responsible.id(), List.of(partner.id()));

		for (RequestPostProcessor who : List.of(PLANNER, MUNICIPALITY)) {
			String page = mvc.perform(get("/planning/measures/" + m.id()).with(who)).andReturn().getResponse()
				.getContentAsString();
			assertThat(page).contains("href=\"/networks/graph#org-" + responsible.id() + "\"",
					"href=\"/networks/graph#org-" + partner.id() + "\"", responsible.name(), partner.name(),
					"href=\"/planning/measures?actor=" + responsible.id() + "\"");
		}
		String goalPage = mvc.perform(get("/planning/goals/" + goal.id()).with(PLANNER)).andReturn().getResponse()
			.getContentAsString();
		assertThat(goalPage).contains(responsible.name());
		String list = mvc.perform(get("/planning/measures").with(PLANNER)).andReturn().getResponse()
			.getContentAsString();
		assertThat(list).contains(responsible.name());
		String dashboard = mvc.perform(get("/planning").with(PLANNER)).andReturn().getResponse().getContentAsString();
		assertThat(dashboard).contains(responsible.name());
	}

	@Test
	void theListFiltersByAnOrganisationResponsibleOrPartner() throws Exception {
		long gemeinde = area(areas, "gemeinde", "80101");
		Goal goal = goal(planning, guideline(planning), gemeinde, null);
		ActorOrganization a = actor("Filter A");
		ActorOrganization b = actor("Filter B");
		Measure carried = measure(gemeinde, goal.id(), null, a.id(), List.of());
		Measure partnered = measure(gemeinde, goal.id(), "Sozialamt (Test)", null, List.of(a.id()));
		Measure other = measure(gemeinde, goal.id(), null, b.id(), List.of());

		assertThat(planning.measuresOfActor(a.id())).extracting(Measure::id)
			.containsExactlyInAnyOrder(carried.id(), partnered.id());

		MockHttpServletResponse r = mvc.perform(get("/planning/measures").param("actor", a.id().toString())
			.with(MUNICIPALITY)).andReturn().getResponse();
		assertThat(r.getStatus()).isEqualTo(200);
		String html = r.getContentAsString();
		assertThat(html).contains("Maßnahmen nach Verantwortlichen", "data-measure=\"" + carried.id() + "\"",
				"data-measure=\"" + partnered.id() + "\"", a.name() + ": verantwortlich für 1, Partner in 1");
		assertThat(html).doesNotContain("data-measure=\"" + other.id() + "\"");
		assertThat(html).containsPattern("<option value=\"" + a.id() + "\"\\s+selected=\"selected\">");

		MockHttpServletResponse unknown = mvc.perform(get("/planning/measures")
			.param("actor", Long.toString(unknownActor())).with(PLANNER)).andReturn().getResponse();
		assertThat(unknown.getStatus()).isEqualTo(404);
		assertThat(unknown.getContentAsString()).contains("id=\"err-f-actor\"",
				"Diese Organisation gibt es in den Netzwerken nicht.").doesNotContain("data-measure=",
						"Noch keine Maßnahmen.");
		ActorOrganization idle = actor("Ohne Maßnahmen");
		assertThat(mvc.perform(get("/planning/measures").param("actor", idle.id().toString()).with(PLANNER))
			.andReturn().getResponse().getContentAsString())
			.contains("Diese Organisation ist für keine der Maßnahmen verantwortlich und in keiner Partner.")
			.doesNotContain("data-measure=");
		MockHttpServletResponse unreadable = mvc.perform(get("/planning/measures").param("actor", "abc")
			.with(PLANNER)).andReturn().getResponse();
		assertThat(unreadable.getStatus()).isEqualTo(400);
		assertThat(unreadable.getContentAsString()).contains("Keine gültige Nummer.");

		// the API filters the same way
		JsonNode api = json.readTree(mvc.perform(get("/api/v1/planning/measures").param("actor", a.id().toString())
			.with(PLANNER)).andReturn().getResponse().getContentAsString());
		List<Long> ids = new ArrayList<>();
		api.forEach(n -> ids.add(n.get("id").asLong()));
		assertThat(ids).containsExactlyInAnyOrder(carried.id(), partnered.id());
	}

	@Test
	void theApiTakesAndShowsTheActorIdsAndRejectsUnknownOnesWritingNothing() throws Exception {
		long gemeinde = area(areas, "gemeinde", "80101");
		Goal goal = goal(planning, guideline(planning), gemeinde, null);
		ActorOrganization responsible = actor("API verantwortlich");
		ActorOrganization partner = actor("API Partner");
		long unknown = unknownActor();
		long before = rows();
		MockHttpServletResponse bad = send(post("/api/v1/planning/measures").contentType("application/json")
			.content("""
					{"title": "API-Maßnahme", "responsibleActorId": %d, "partnerActorIds": [%d, %d], "areaId": %d,
					 "startDate": "2026-01-01", "endDate": "2026-12-31", "goalIds": [%d]}"""
				.formatted(unknown, partner.id(), unknown + 1, gemeinde, goal.id())));
		assertThat(bad.getStatus()).isEqualTo(422);
		assertThat(fields(bad)).containsExactlyInAnyOrder("responsibleActorId", "partnerActorIds");
		assertThat(rows()).isEqualTo(before);

		MockHttpServletResponse twice = send(post("/api/v1/planning/measures").contentType("application/json")
			.content("""
					{"title": "API-Maßnahme", "responsibleActorId": %d, "partnerActorIds": [%d], "areaId": %d,
					 "startDate": "2026-01-01", "endDate": "2026-12-31", "goalIds": [%d]}"""
				.formatted(partner.id(), partner.id(), gemeinde, goal.id())));
		assertThat(twice.getStatus()).isEqualTo(422);
		assertThat(json.readTree(twice.getContentAsString()).get("problems").get(0).get("code").asString())
			.isEqualTo("actor.responsibleAsPartner");
		assertThat(rows()).isEqualTo(before);

		// a measure written by an older client, without actors, still needs someone responsible
		MockHttpServletResponse nobody = send(post("/api/v1/planning/measures").contentType("application/json")
			.content("""
					{"title": "API-Maßnahme", "areaId": %d, "startDate": "2026-01-01", "endDate": "2026-12-31",
					 "goalIds": [%d]}""".formatted(gemeinde, goal.id())));
		assertThat(nobody.getStatus()).isEqualTo(422);
		assertThat(fields(nobody)).containsExactly("responsible");
		assertThat(rows()).isEqualTo(before);

		MockHttpServletResponse good = send(post("/api/v1/planning/measures").contentType("application/json")
			.content("""
					{"title": "API-Maßnahme (Akteurtest)", "responsibleActorId": %d, "partnerActorIds": [%d],
					 "areaId": %d, "startDate": "2026-01-01", "endDate": "2026-12-31", "goalIds": [%d]}"""
				.formatted(responsible.id(), partner.id(), gemeinde, goal.id())));
		assertThat(good.getStatus()).isEqualTo(201);
		JsonNode created = json.readTree(good.getContentAsString());
		assertThat(created.path("responsible").isNull() || created.path("responsible").isMissingNode()).isTrue();
		long id = created.get("id").asLong();
		JsonNode read = json.readTree(mvc.perform(get("/api/v1/planning/measures/" + id).with(MUNICIPALITY))
			.andReturn().getResponse().getContentAsString());
		assertThat(read.get("responsibleActorId").asLong()).isEqualTo(responsible.id());
		assertThat(read.get("partnerActorIds").size()).isEqualTo(1);
		assertThat(read.get("partnerActorIds").get(0).asLong()).isEqualTo(partner.id());

		// a replace with an unknown partner changes nothing
		MockHttpServletResponse badUpdate = send(put("/api/v1/planning/measures/" + id)
			.contentType("application/json").content("""
					{"title": "API-Maßnahme (Akteurtest)", "responsibleActorId": %d, "partnerActorIds": [%d],
					 "areaId": %d, "startDate": "2026-01-01", "endDate": "2026-12-31", "goalIds": [%d]}"""
				.formatted(responsible.id(), unknown, gemeinde, goal.id())));
		assertThat(badUpdate.getStatus()).isEqualTo(422);
		assertThat(fields(badUpdate)).containsExactly("partnerActorIds");
		assertThat(planning.measure(id).orElseThrow().partnerActorIds()).containsExactly(partner.id());
	}
}
