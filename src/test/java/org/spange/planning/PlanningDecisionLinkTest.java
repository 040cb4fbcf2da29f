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

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.spange.SpangeTest;
import org.spange.area.AreaQueries;
import org.spange.conference.Conference;
import org.spange.conference.Conferences;
import org.spange.conference.Decision;
import org.spange.network.Viewer;
import org.spange.offer.Location;
import org.spange.offer.Offer;
import org.spange.offer.OfferCatalog;
import org.spange.offer.Organization;
import org.spange.offer.ProviderType;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A measure refers to the conference decision that created it and to the offers it creates or changes: the conference
 * page links to "Maßnahme anlegen" (prefilled from the decision) and to the decision's measures; the measure page
 * links back to the decision and the offers; an unknown decision is a problem at its field and writes nothing.
 */
@SpangeTest
class PlanningDecisionLinkTest {

	private static final RequestPostProcessor PLANNER = user("planung").roles("PLANNER");
	private static final Viewer PLANNER_VIEWER = new Viewer("planung", true, false);

	@Autowired
	MockMvc mvc;

	@Autowired
	Planning planning;

	@Autowired
	Conferences conferences;

	@Autowired
	OfferCatalog offers;

	@Autowired
	AreaQueries areas;

	@Autowired
	JdbcClient jdbc;

	private MockHttpServletResponse send(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request.with(PLANNER).with(csrf())).andReturn().getResponse();
	}

	private long measures() {
		return jdbc.sql("select count(*) from planning.measure").query(Long.class).single();
	}

	static long offer(OfferCatalog offers, String name) {
		long organization = offers.createOrganization(new Organization(null, name + " Träger (fiktiv)", null, null,
				null, ProviderType.PUBLIC, null)).id();
		long location = offers.createLocation(new Location(null, organization, name + " Standort", null, null, null,
				null, 47.5, 9.75, true, null)).id();
		return offers.createOffer(new Offer(null, organization, name, null, Offer.Status.ACTIVE, null, null, true,
				null, null, null, null, null, null, List.of("familie"), null, null, null, null, null, null, null, null,
				null, List.of(location), null, null, null)).id();
	}

	static Decision decision(Conferences conferences, long area, String title, String text) {
		Instant start = Instant.now().minus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
		Conference c = conferences.plan(new Conference(null, Conference.Type.SOZIALRAUM, title, start,
				start.plus(2, ChronoUnit.HOURS), "Rathaus (fiktiv)", null, area, null, Conference.Visibility.INTERNAL,
				null, null), PLANNER_VIEWER);
		return conferences.decide(c.id(), null, text, null, null, PLANNER_VIEWER);
	}

	@Test
	void aMeasureFromADecisionLinksBothWaysWithItsOffers() throws Exception {
		long gemeinde = area(areas, "gemeinde", "80101");
		Goal goal = goal(planning, guideline(planning), gemeinde, null);
		String text = unique("Jugendtreff am Bahnhof einrichten");
		Decision decision = decision(conferences, gemeinde, unique("Sozialraumkonferenz Bahnhof"), text);
		long offer = offer(offers, unique("Jugendtreff (Test)"));

		// the conference page links to a new measure from the decision and to the decision's measures
		String conference = send(get("/conferences/" + decision.conferenceId())).getContentAsString();
		assertThat(conference).contains("href=\"/planning/measures/new?decision=" + decision.id() + "\"",
				"href=\"/planning/measures?decision=" + decision.id() + "\"", "id=\"decision-" + decision.id() + "\"");

		// the form is prefilled: title from the decision, the conference's area, the decision ticked
		String form = send(get("/planning/measures/new").param("decision", Long.toString(decision.id())))
			.getContentAsString();
		assertThat(form).contains("value=\"" + text + "\"", "id=\"f-decision-" + decision.id() + "\"")
			.containsPattern("<input type=\"checkbox\" name=\"decisionIds\" id=\"f-decision-" + decision.id()
					+ "\" value=\"" + decision.id() + "\" checked=\"checked\"")
			.containsPattern("<option value=\"" + gemeinde + "\" selected=\"selected\"")
			.contains("<option value=\"" + offer + "\"");

		MockHttpServletResponse saved = send(post("/planning/measures/new").param("title", text)
			.param("responsible", "Jugendarbeit (Test)").param("areaId", Long.toString(gemeinde))
			.param("startDate", "2026-01-01").param("endDate", "2026-12-31")
			.param("goalIds", Long.toString(goal.id())).param("decisionIds", Long.toString(decision.id()))
			.param("offerIds", Long.toString(offer)));
		assertThat(saved.getStatus()).isEqualTo(302);
		long id = Long.parseLong(saved.getRedirectedUrl().replaceAll("\\D+", ""));
		Measure measure = planning.measure(id).orElseThrow();
		assertThat(measure.decisionIds()).containsExactly(decision.id());
		assertThat(measure.offerIds()).containsExactly(offer);

		String page = send(get("/planning/measures/" + id)).getContentAsString();
		assertThat(page).contains("href=\"/conferences/" + decision.conferenceId() + "#decision-" + decision.id() + "\"",
				"href=\"/offers/" + offer + "\"", text);

		// the decision's measures: this one, not another one
		Measure other = PlanningTestData.measure(planning, gemeinde, java.time.LocalDate.of(2026, 12, 31), goal.id());
		String list = send(get("/planning/measures").param("decision", Long.toString(decision.id())))
			.getContentAsString();
		assertThat(list).contains("href=\"/planning/measures/" + id + "\"", "Sozialraumkonferenz Bahnhof")
			.doesNotContain("href=\"/planning/measures/" + other.id() + "\"");
	}

	@Test
	void anUnknownDecisionIsAProblemAtItsFieldAndWritesNothing() throws Exception {
		long gemeinde = area(areas, "gemeinde", "80101");
		Goal goal = goal(planning, guideline(planning), gemeinde, null);
		long before = measures();
		MockHttpServletResponse response = send(post("/planning/measures/new").param("title", "Darf nicht")
			.param("responsible", "Test").param("areaId", Long.toString(gemeinde)).param("startDate", "2026-01-01")
			.param("endDate", "2026-12-31").param("goalIds", Long.toString(goal.id()))
			.param("decisionIds", "999999999"));
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentAsString()).contains("id=\"err-f-decisionIds\"",
				"Einen gewählten Beschluss gibt es nicht");
		assertThat(measures()).isEqualTo(before);
	}
}
