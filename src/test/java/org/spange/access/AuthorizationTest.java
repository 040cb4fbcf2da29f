package org.spange.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.spange.SpangeTest;
import org.spange.area.AreaQueries;
import org.spange.indicator.IndicatorCatalog;
import org.spange.indicator.Variable;
import org.spange.offer.Location;
import org.spange.offer.Offer;
import org.spange.offer.OfferCatalog;
import org.spange.offer.Organization;
import org.spange.offer.ProviderType;
import org.spange.planning.Goal;
import org.spange.planning.Guideline;
import org.spange.planning.Measure;
import org.spange.planning.Planning;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Every endpoint against every kind of user: anonymous, each role, checked on the server. A row says what each
 * caller gets; "login" means a redirect to the login page.
 */
@SpangeTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationTest {

	private static final int LOGIN = 302;

	@Autowired
	MockMvc mvc;

	@Autowired
	AreaQueries areas;

	@Autowired
	IndicatorCatalog indicators;

	@Autowired
	OfferCatalog offers;

	@Autowired
	Planning planning;

	long gemeinde;
	long goal;
	long measure;
	long organization;
	long offer;
	long location;

	/** A published variable, readable by everybody. */
	static final String VARIABLE = "authorizationtest_published";

	@BeforeAll
	void findArea() {
		gemeinde = areas.byCode("gemeinde", "80101").orElseThrow().id().value();
		if (indicators.variable(VARIABLE).isEmpty()) {
			indicators.createVariable(new Variable(VARIABLE, "Test", "Test", "", null, null, null, null,
					Variable.AreaAggregation.SUM, null, Variable.TimeAggregation.LAST, true, false, true));
		}
		organization = offers.createOrganization(new Organization(null, "AuthorizationTest Träger (fiktiv)", null,
				null, null, ProviderType.PUBLIC, null)).id();
		location = offers.createLocation(new Location(null, organization, "AuthorizationTest Standort", null, null,
				null, null, 47.5, 9.75, true, null)).id();
		offer = offers.createOffer(new Offer(null, organization, "AuthorizationTest Angebot", null, Offer.Status.ACTIVE,
				null, null, true, null, null, null, null, null, null, List.of("familie"), null, null, null, null, null,
				null, null, null, null, List.of(location), null, null, null)).id();
		long guideline = planning.createGuideline(new Guideline(null, "AuthorizationTest Gremium", null,
				"AuthorizationTest Leitlinie", "Text", java.time.LocalDate.of(2025, 1, 1), false)).id();
		goal = planning.createGoal(new Goal(null, gemeinde, null, "AuthorizationTest Ziel", null,
				List.of(guideline), List.of())).id();
		measure = planning.createMeasure(new Measure(null, "AuthorizationTest Maßnahme", null, "Sozialamt", null,
				gemeinde, java.time.LocalDate.of(2026, 1, 1), java.time.LocalDate.of(2026, 12, 31), null, null,
				List.of(goal), List.of())).id();
	}

	/** Expected status per caller: anonymous, ADMIN, PLANNER, MUNICIPALITY, PROVIDER, COUNSELOR, CASE_MANAGER. */
	record Expect(int anonymous, int admin, int planner, int others, int provider) {
		/** A provider gets what the other roles get. */
		Expect(int anonymous, int admin, int planner, int others) {
			this(anonymous, admin, planner, others, others);
		}

		int forCaller(String caller) {
			return switch (caller) {
				case "anonymous" -> anonymous;
				case "ADMIN" -> admin;
				case "PLANNER" -> planner;
				case "PROVIDER" -> provider;
				default -> others;
			};
		}
	}

	static final Expect PUBLIC = new Expect(200, 200, 200, 200);
	static final Expect MAINTAIN_AREAS = new Expect(LOGIN, 200, 200, 403);
	static final Expect ADMIN_ONLY = new Expect(LOGIN, 200, 403, 403);
	/**
	 * API imports and writes reach the importer or validation (which reject the bad test file or the empty body: 422)
	 * only for planners and admins
	 */
	static final Expect API_IMPORT = new Expect(401, 422, 422, 403);
	/** raw numbers without disclosure control */
	static final Expect PLANNERS_READ = new Expect(401, 200, 200, 403);

	record Endpoint(String name, Expect expect) {
	}

	Stream<Arguments> cases() {
		List<Arguments> cases = new ArrayList<>();
		for (Endpoint e : List.of(new Endpoint("GET /", PUBLIC), new Endpoint("GET /areas/{id}", PUBLIC),
				new Endpoint("GET /about", PUBLIC), new Endpoint("GET /login", PUBLIC),
				new Endpoint("GET /api/v1/areas/levels", PUBLIC), new Endpoint("GET /api/v1/areas/schemes", PUBLIC),
				new Endpoint("GET /api/v1/areas", PUBLIC), new Endpoint("GET /api/v1/areas/tree", PUBLIC),
				new Endpoint("GET /api/v1/areas/{id}", PUBLIC), new Endpoint("GET /api/v1/areas/geojson", PUBLIC),
				new Endpoint("GET /api/v1/areas/{id}/geojson", PUBLIC), new Endpoint("GET /v3/api-docs", PUBLIC),
				new Endpoint("GET /actuator/health", PUBLIC),
				new Endpoint("GET /admin/areas", MAINTAIN_AREAS),
				new Endpoint("POST /admin/areas/boundaries", MAINTAIN_AREAS),
				new Endpoint("POST /admin/areas/assignments", MAINTAIN_AREAS),
				new Endpoint("GET /admin/audit", ADMIN_ONLY),
				new Endpoint("GET /admin/indicators", MAINTAIN_AREAS),
				new Endpoint("POST /admin/indicators/observations", MAINTAIN_AREAS),
				new Endpoint("POST /admin/indicators/save", MAINTAIN_AREAS),
				new Endpoint("POST /api/v1/areas/imports/boundaries", API_IMPORT),
				new Endpoint("POST /api/v1/areas/imports/scheme-assignments", API_IMPORT),
				new Endpoint("POST /api/v1/areas/imports/area-lists", API_IMPORT),
				new Endpoint("GET /api/v1/indicators/topics", PUBLIC),
				new Endpoint("GET /api/v1/indicators/variables", PUBLIC),
				new Endpoint("GET /api/v1/indicators/variables/{key}", PUBLIC),
				new Endpoint("GET /api/v1/indicators/variables/{key}/observations", PLANNERS_READ),
				new Endpoint("GET /api/v1/indicators/indicators", PUBLIC),
				new Endpoint("GET /api/v1/indicators/values/{key}", PLANNERS_READ),
				new Endpoint("GET /api/v1/indicators/values/{key}/series", PLANNERS_READ),
				new Endpoint("PUT /api/v1/indicators/indicators/{key}", API_IMPORT),
				new Endpoint("GET /api/v1/indicators/variables/{key}/periods", PUBLIC),
				new Endpoint("POST /api/v1/indicators/variables", API_IMPORT),
				new Endpoint("PUT /api/v1/indicators/variables/{key}", API_IMPORT),
				new Endpoint("PUT /api/v1/indicators/topics/{key}", API_IMPORT),
				new Endpoint("POST /api/v1/indicators/imports/observations", API_IMPORT),
				new Endpoint("GET /atlas", PUBLIC), new Endpoint("GET /api/v1/atlas/catalog", PUBLIC),
				new Endpoint("GET /api/v1/atlas/map", PUBLIC), new Endpoint("GET /api/v1/atlas/export.csv", PUBLIC),
				new Endpoint("GET /api/v1/atlas/export.xlsx", PUBLIC),
				new Endpoint("GET /api/v1/atlas/export.geojson", PUBLIC),
				new Endpoint("GET /api/v1/offers", PUBLIC), new Endpoint("GET /api/v1/offers/{offer}", PUBLIC),
				new Endpoint("GET /api/v1/offers/fields-of-action", PUBLIC),
				new Endpoint("GET /api/v1/offers/organizations", PUBLIC),
				new Endpoint("GET /api/v1/offers/organizations/{org}", PUBLIC),
				new Endpoint("GET /api/v1/offers/locations", PUBLIC),
				new Endpoint("GET /api/v1/offers/locations/{location}", PUBLIC),
				new Endpoint("GET /api/v1/offers/{offer}/changes", PLANNERS_READ),
				new Endpoint("GET /api/v1/offers/organizations/{org}/changes", PLANNERS_READ),
				new Endpoint("GET /api/v1/offers/locations/{location}/changes", PLANNERS_READ),
				// a provider that is no member of the organisation: 403 from the controller
				new Endpoint("POST /api/v1/offers", API_IMPORT), new Endpoint("PUT /api/v1/offers/{offer}", API_IMPORT),
				new Endpoint("POST /api/v1/offers/organizations", API_IMPORT),
				new Endpoint("PUT /api/v1/offers/organizations/{org}", API_IMPORT),
				new Endpoint("POST /api/v1/offers/locations", API_IMPORT),
				new Endpoint("PUT /api/v1/offers/locations/{location}", API_IMPORT),
				// offer import: planners and admins only (the empty JSON body is no HSDS: 422)
				new Endpoint("GET /admin/offers/import", MAINTAIN_AREAS),
				new Endpoint("POST /admin/offers/import", MAINTAIN_AREAS),
				new Endpoint("GET /admin/offers/import/template.csv", MAINTAIN_AREAS),
				new Endpoint("POST /api/v1/offers/imports", API_IMPORT),
				new Endpoint("GET /hsds/services", PUBLIC), new Endpoint("GET /hsds/services/{service}", PUBLIC),
				new Endpoint("GET /hsds/organizations", PUBLIC),
				new Endpoint("GET /hsds/", PUBLIC), new Endpoint("GET /hsds/organizations/{hsds-organization}", PUBLIC),
				new Endpoint("GET /hsds/service_at_locations", PUBLIC),
				new Endpoint("GET /hsds/service_at_locations/{service-at-location}", PUBLIC),
				new Endpoint("GET /hsds/taxonomies", PUBLIC), new Endpoint("GET /hsds/taxonomies/{taxonomy}", PUBLIC),
				new Endpoint("GET /hsds/taxonomy_terms", PUBLIC),
				new Endpoint("GET /hsds/taxonomy_terms/{taxonomy-term}", PUBLIC),
				// the offer directory: public pages; overview and exports for planners; the form for planners and
				// providers (an empty form: 200 with its problems; the test provider maintains no organisation)
				new Endpoint("GET /offers", PUBLIC), new Endpoint("GET /offers/markers", PUBLIC),
				new Endpoint("GET /offers/print", PUBLIC), new Endpoint("GET /offers/{offer}", PUBLIC),
				new Endpoint("GET /offers/{offer}/print", PUBLIC),
				new Endpoint("GET /offers/overview", MAINTAIN_AREAS),
				new Endpoint("GET /offers/export.csv", MAINTAIN_AREAS),
				new Endpoint("GET /offers/export.xlsx", MAINTAIN_AREAS),
				new Endpoint("GET /offers/new", new Expect(LOGIN, 200, 200, 403, 200)),
				new Endpoint("POST /offers/new", MAINTAIN_AREAS),
				new Endpoint("GET /offers/{offer}/edit", MAINTAIN_AREAS),
				new Endpoint("POST /offers/{offer}/edit", MAINTAIN_AREAS))) {
			for (String caller : List.of("anonymous", "ADMIN", "PLANNER", "MUNICIPALITY", "PROVIDER", "COUNSELOR",
					"CASE_MANAGER")) {
				cases.add(Arguments.of(e.name(), caller, e.expect().forCaller(caller)));
			}
		}
		// offer maintenance: the providers' page (the test provider belongs to no organisation: 403 on a foreign
		// one), confirming, the review of provider changes (an unknown pending change: 404)
		for (Endpoint e : List.of(new Endpoint("GET /provider/offers", new Expect(LOGIN, 200, 200, 403, 200)),
				new Endpoint("POST /provider/offers/confirm", new Expect(LOGIN, 302, 302, 403)),
				new Endpoint("POST /provider/locations", new Expect(LOGIN, 200, 200, 403)),
				new Endpoint("POST /provider/locations/{location}", new Expect(LOGIN, 200, 200, 403)),
				new Endpoint("GET /admin/offers/review", MAINTAIN_AREAS),
				new Endpoint("POST /admin/offers/review/rules", new Expect(LOGIN, 302, 302, 403)),
				new Endpoint("POST /admin/offers/review/999999999/approve", new Expect(LOGIN, 404, 404, 403)),
				new Endpoint("POST /admin/offers/review/999999999/reject", new Expect(LOGIN, 404, 404, 403)),
				new Endpoint("POST /api/v1/offers/{offer}/confirmation", new Expect(401, 200, 200, 403)),
				new Endpoint("GET /api/v1/offers/pending/999999999", new Expect(401, 404, 404, 403, 404)),
				new Endpoint("GET /api/v1/offers/organizations/{org}/offers", PUBLIC))) {
			for (String caller : List.of("anonymous", "ADMIN", "PLANNER", "MUNICIPALITY", "PROVIDER", "COUNSELOR",
					"CASE_MANAGER")) {
				cases.add(Arguments.of(e.name(), caller, e.expect().forCaller(caller)));
			}
		}
		// the planning cycle: municipalities read, planners and admins write; an empty form or body: 200 with the
		// form's problems or 422
		for (Object[] e : List.of(new Object[] { "GET /planning", MAINTAIN_AREAS, 200 },
				new Object[] { "GET /planning/goals/{goal}", MAINTAIN_AREAS, 200 },
				new Object[] { "GET /planning/measures/{measure}", MAINTAIN_AREAS, 200 },
				new Object[] { "GET /planning/goals/new", MAINTAIN_AREAS, 403 },
				new Object[] { "GET /planning/measures/{measure}/edit", MAINTAIN_AREAS, 403 },
				new Object[] { "POST /planning/goals/new", MAINTAIN_AREAS, 403 },
				new Object[] { "POST /planning/guidelines/new", MAINTAIN_AREAS, 403 },
				new Object[] { "POST /planning/measures/new", MAINTAIN_AREAS, 403 },
				new Object[] { "POST /planning/measures/{measure}/status", MAINTAIN_AREAS, 403 },
				new Object[] { "POST /planning/measures/{measure}/evaluations", MAINTAIN_AREAS, 403 },
				new Object[] { "GET /api/v1/planning/guidelines", PLANNERS_READ, 200 },
				new Object[] { "GET /api/v1/planning/goals", PLANNERS_READ, 200 },
				new Object[] { "GET /api/v1/planning/goals/{goal}/progress", PLANNERS_READ, 200 },
				new Object[] { "GET /api/v1/planning/measures", PLANNERS_READ, 200 },
				new Object[] { "GET /api/v1/planning/measures/overdue", PLANNERS_READ, 200 },
				new Object[] { "GET /api/v1/planning/measures/{measure}/transitions", PLANNERS_READ, 200 },
				new Object[] { "POST /api/v1/planning/guidelines", API_IMPORT, 403 },
				new Object[] { "POST /api/v1/planning/goals", API_IMPORT, 403 },
				new Object[] { "PUT /api/v1/planning/goals/{goal}", API_IMPORT, 403 },
				new Object[] { "POST /api/v1/planning/measures", API_IMPORT, 403 },
				new Object[] { "PUT /api/v1/planning/measures/{measure}", API_IMPORT, 403 },
				new Object[] { "POST /api/v1/planning/measures/{measure}/transitions", API_IMPORT, 403 },
				new Object[] { "POST /api/v1/planning/measures/{measure}/evaluations", API_IMPORT, 403 },
				// planning, issue 8 finished: the measure list (also by decision), the forms (the test municipality
				// user has no areas: 403), deleting (planners and admins; the confirmation pages change nothing,
				// unknown ones: 404)
				new Object[] { "GET /planning/measures", MAINTAIN_AREAS, 200 },
				new Object[] { "GET /planning/measures/new", MAINTAIN_AREAS, 403 },
				new Object[] { "GET /planning/goals/{goal}/edit", MAINTAIN_AREAS, 403 },
				new Object[] { "GET /planning/goals/{goal}/delete", MAINTAIN_AREAS, 403 },
				new Object[] { "GET /planning/measures/{measure}/delete", MAINTAIN_AREAS, 403 },
				new Object[] { "GET /planning/guidelines/999999999/delete", new Expect(LOGIN, 404, 404, 403), 403 },
				new Object[] { "POST /planning/guidelines/999999999/delete", new Expect(LOGIN, 404, 404, 403), 403 },
				new Object[] { "POST /planning/goals/999999999/delete", new Expect(LOGIN, 404, 404, 403), 403 },
				new Object[] { "POST /planning/measures/999999999/delete", new Expect(LOGIN, 404, 404, 403), 403 })) {
			for (String caller : List.of("anonymous", "ADMIN", "PLANNER", "MUNICIPALITY", "PROVIDER", "COUNSELOR",
					"CASE_MANAGER")) {
				cases.add(Arguments.of(e[0], caller,
						caller.equals("MUNICIPALITY") ? (int) e[2] : ((Expect) e[1]).forCaller(caller)));
			}
		}
		// networks and conferences: logged in; persons and planning for planners (and network coordinators, who the
		// test users are not); empty forms: 422; unknown conferences: 404, the minutes page also for the public
		Expect loggedIn = new Expect(LOGIN, 200, 200, 200);
		Expect unknown = new Expect(LOGIN, 404, 404, 404);
		for (Endpoint e : List.of(new Endpoint("GET /networks", loggedIn),
				new Endpoint("GET /networks/responsibilities", loggedIn),
				new Endpoint("GET /networks/persons", MAINTAIN_AREAS),
				new Endpoint("POST /networks", new Expect(LOGIN, 422, 422, 403)),
				new Endpoint("POST /networks/persons", new Expect(LOGIN, 422, 422, 403)),
				new Endpoint("POST /networks/responsibilities", new Expect(LOGIN, 422, 422, 403)),
				new Endpoint("GET /conferences", loggedIn), new Endpoint("GET /conferences/new", MAINTAIN_AREAS),
				new Endpoint("POST /conferences/new", new Expect(LOGIN, 422, 422, 403)),
				new Endpoint("GET /tasks", loggedIn), new Endpoint("GET /conferences/999999999", unknown),
				new Endpoint("GET /conferences/999999999.ics", unknown),
				new Endpoint("POST /conferences/999999999/approve", unknown),
				new Endpoint("GET /conferences/999999999/minutes", new Expect(404, 404, 404, 404)),
				// network graph, co-operations, continuity and reviews (graph7): logged in; co-operations recorded by
				// planners; reviews of unknown networks and rounds are not found
				new Endpoint("GET /networks/graph", loggedIn), new Endpoint("GET /networks/cooperations", loggedIn),
				new Endpoint("POST /networks/cooperations", new Expect(LOGIN, 422, 422, 403)),
				new Endpoint("GET /networks/999999999/continuity", unknown),
				new Endpoint("GET /networks/999999999/reviews", unknown),
				new Endpoint("POST /networks/999999999/reviews", unknown),
				new Endpoint("POST /networks/999999999/conflict-procedure", unknown),
				new Endpoint("GET /networks/reviews/999999999", unknown),
				new Endpoint("POST /networks/reviews/999999999/answers", unknown),
				new Endpoint("POST /networks/reviews/999999999/close", unknown),
				// own data and own consent withdrawal (mail7): logged in; the test logins are linked to no person, so
				// the page says so and there is nothing to withdraw
				new Endpoint("GET /networks/me", loggedIn),
				new Endpoint("POST /networks/me/withdraw-consent", unknown))) {
			for (String caller : List.of("anonymous", "ADMIN", "PLANNER", "MUNICIPALITY", "PROVIDER", "COUNSELOR",
					"CASE_MANAGER")) {
				cases.add(Arguments.of(e.name(), caller, e.expect().forCaller(caller)));
			}
		}
		// editing and deleting in networks and conferences, counter-current forwarding (conf7): unknown ids. Persons
		// and networks: planners and admins (404), everybody else 403 before anything is looked up; memberships,
		// conferences, agenda items and forwarded items: whoever is logged in learns only that there is none (404)
		Expect plannersFind = new Expect(LOGIN, 404, 404, 403);
		for (Endpoint e : List.of(new Endpoint("GET /networks/persons/999999999/edit", plannersFind),
				new Endpoint("POST /networks/persons/999999999/edit", plannersFind),
				new Endpoint("POST /networks/persons/999999999/withdraw-consent", plannersFind),
				new Endpoint("POST /networks/persons/999999999/delete", plannersFind),
				new Endpoint("GET /networks/999999999/edit", plannersFind),
				new Endpoint("POST /networks/999999999/edit", plannersFind),
				new Endpoint("POST /networks/999999999/delete", plannersFind),
				new Endpoint("GET /networks/999999999/members/999999999/edit", unknown),
				new Endpoint("POST /networks/999999999/members/999999999/edit", unknown),
				new Endpoint("GET /conferences/999999999/edit", unknown),
				new Endpoint("POST /conferences/999999999/edit", unknown),
				new Endpoint("POST /conferences/999999999/cancel", unknown),
				new Endpoint("POST /conferences/999999999/delete", unknown),
				new Endpoint("GET /conferences/999999999/agenda/999999999/edit", unknown),
				new Endpoint("POST /conferences/999999999/agenda/999999999/edit", unknown),
				new Endpoint("POST /conferences/999999999/agenda/999999999/move", unknown),
				new Endpoint("POST /conferences/999999999/agenda/999999999/delete", unknown),
				new Endpoint("POST /conferences/999999999/forward", unknown),
				new Endpoint("POST /conferences/999999999/forwarded/999999999/agenda", unknown),
				new Endpoint("POST /conferences/999999999/forwarded/999999999/answer", unknown))) {
			for (String caller : List.of("anonymous", "ADMIN", "PLANNER", "MUNICIPALITY", "PROVIDER", "COUNSELOR",
					"CASE_MANAGER")) {
				cases.add(Arguments.of(e.name(), caller, e.expect().forCaller(caller)));
			}
		}
		// supply and demand: municipalities read, planners and admins write (an empty category form: 200 with its
		// problems)
		for (Object[] e : List.of(new Object[] { "GET /needs", MAINTAIN_AREAS, 200 },
				new Object[] { "POST /needs/categories", MAINTAIN_AREAS, 403 },
				// demand projections and category deletion (proj6): an empty scenario form: 200 with its problems;
				// unknown scenarios and categories are not found
				new Object[] { "GET /needs/projections", MAINTAIN_AREAS, 200 },
				new Object[] { "GET /needs/projections/template.csv", MAINTAIN_AREAS, 200 },
				new Object[] { "POST /needs/projections", MAINTAIN_AREAS, 403 },
				new Object[] { "GET /needs/projections/999999999", new Expect(LOGIN, 404, 404, 403), 404 },
				new Object[] { "POST /needs/projections/999999999", new Expect(LOGIN, 404, 404, 403), 403 },
				new Object[] { "POST /needs/projections/999999999/delete", new Expect(LOGIN, 404, 404, 403), 403 },
				new Object[] { "POST /needs/projections/999999999/rates", new Expect(LOGIN, 404, 404, 403), 403 },
				new Object[] { "POST /needs/projections/999999999/rates/1/delete", new Expect(LOGIN, 404, 404, 403),
						403 },
				new Object[] { "POST /needs/projections/999999999/import", new Expect(LOGIN, 404, 404, 403), 403 },
				new Object[] { "POST /needs/categories/no-such-category/delete", new Expect(LOGIN, 404, 404, 403),
						403 })) {
			for (String caller : List.of("anonymous", "ADMIN", "PLANNER", "MUNICIPALITY", "PROVIDER", "COUNSELOR",
					"CASE_MANAGER")) {
				cases.add(Arguments.of(e[0], caller,
						caller.equals("MUNICIPALITY") ? (int) e[2] : ((Expect) e[1]).forCaller(caller)));
			}
		}
		// accessibility (issue 6): municipalities and providers read results and progress, planners and admins start
		// and retry runs (an empty form: 422 with its problems; a retry redirects back to the page); unknown jobs and
		// runs are not found
		for (Object[] e : List.of(new Object[] { "GET /needs/accessibility", new Expect(LOGIN, 200, 200, 403, 200), 200 },
				new Object[] { "GET /needs/accessibility/jobs/999999999", new Expect(LOGIN, 404, 404, 403, 404), 404 },
				new Object[] { "GET /needs/accessibility/runs/999999999.csv", new Expect(LOGIN, 404, 404, 403, 404),
						404 },
				new Object[] { "POST /needs/accessibility", new Expect(LOGIN, 422, 422, 403), 403 },
				new Object[] { "POST /needs/accessibility/jobs/999999999/retry", new Expect(LOGIN, 302, 302, 403),
						403 })) {
			for (String caller : List.of("anonymous", "ADMIN", "PLANNER", "MUNICIPALITY", "PROVIDER", "COUNSELOR",
					"CASE_MANAGER")) {
				cases.add(Arguments.of(e[0], caller,
						caller.equals("MUNICIPALITY") ? (int) e[2] : ((Expect) e[1]).forCaller(caller)));
			}
		}
		// guided questionnaires (questionnaire): logged in; templates for planners and admins (an empty template form:
		// 200 with its problems); answer sets one may not see are not found
		for (Endpoint e : List.of(new Endpoint("GET /planning/questionnaires", new Expect(LOGIN, 200, 200, 200)),
				new Endpoint("GET /planning/questionnaires/templates/new", MAINTAIN_AREAS),
				new Endpoint("POST /planning/questionnaires/templates", MAINTAIN_AREAS),
				new Endpoint("GET /planning/questionnaires/answers/999999999", new Expect(LOGIN, 404, 404, 404)),
				// planning, issue 8 finished: PDF export and deletion of answer sets one may not see: not found
				new Endpoint("GET /planning/questionnaires/answers/999999999/export.pdf",
						new Expect(LOGIN, 404, 404, 404)),
				new Endpoint("GET /planning/questionnaires/answers/999999999/delete", new Expect(LOGIN, 404, 404, 404)),
				new Endpoint("POST /planning/questionnaires/answers/999999999/delete",
						new Expect(LOGIN, 404, 404, 404)),
				// users' areas (municipality scopes): admins only; an unknown user: 404
				new Endpoint("GET /admin/users/areas", ADMIN_ONLY),
				new Endpoint("GET /admin/users/gemeinde/areas", ADMIN_ONLY),
				new Endpoint("POST /admin/users/nobody-authorizationtest/areas", new Expect(LOGIN, 404, 403, 403)))) {
			for (String caller : List.of("anonymous", "ADMIN", "PLANNER", "MUNICIPALITY", "PROVIDER", "COUNSELOR",
					"CASE_MANAGER")) {
				cases.add(Arguments.of(e.name(), caller, e.expect().forCaller(caller)));
			}
		}
		return cases.stream();
	}

	@ParameterizedTest(name = "{0} as {1} → {2}")
	@MethodSource("cases")
	void everyEndpointForEveryCaller(String endpoint, String caller, int expected) throws Exception {
		AbstractMockHttpServletRequestBuilder<?> request = request(endpoint);
		RequestPostProcessor who = caller.equals("anonymous") ? anonymous()
				: user(caller.toLowerCase()).roles(caller);
		int status = mvc.perform(request.with(who).with(csrf())).andReturn().getResponse().getStatus();
		assertThat(status).as(endpoint + " as " + caller).isEqualTo(expected);
	}

	@Test
	void writesWithoutCsrfTokenAreRefusedEvenForAdmins() throws Exception {
		int status = mvc.perform(request("POST /api/v1/areas/imports/boundaries").with(user("admin").roles("ADMIN")))
			.andReturn().getResponse().getStatus();
		assertThat(status).isEqualTo(403);
	}

	@Test
	void anonymousIsRedirectedToTheLoginPage() throws Exception {
		String location = mvc.perform(get("/admin/areas").with(anonymous())).andReturn().getResponse()
			.getHeader("Location");
		assertThat(location).endsWith("/login");
	}

	private AbstractMockHttpServletRequestBuilder<?> request(String endpoint) {
		String[] parts = endpoint.split(" ", 2);
		String path = parts[1].replace("{id}", Long.toString(gemeinde)).replace("{key}", VARIABLE)
			.replace("{offer}", Long.toString(offer)).replace("{org}", Long.toString(organization))
			.replace("{location}", Long.toString(location))
			.replace("{service}", String.format("00000002-0000-4000-8000-%012x", offer))
			.replace("{hsds-organization}", String.format("00000001-0000-4000-8000-%012x", organization))
			.replace("{service-at-location}", String.format("00000004-%04x-4%03x-8%03x-%012x", (offer >>> 24) & 0xffff,
					(offer >>> 12) & 0xfff, offer & 0xfff, location))
			// name-based ids of the fields of action and of its term "familie"
			.replace("{taxonomy}", "57f42b63-5361-3ac2-b6ca-cc70e11ec191")
			.replace("{taxonomy-term}", java.util.UUID
				.nameUUIDFromBytes("spange:taxonomy_term:field_of_action:familie".getBytes(StandardCharsets.UTF_8))
				.toString());
		path = path.replace("{goal}", Long.toString(goal)).replace("{measure}", Long.toString(measure));
		if (path.startsWith("/api/v1/planning") && !parts[0].equals("GET")) {
			// an empty body: every field missing
			return (parts[0].equals("POST") ? post(path) : put(path)).contentType("application/json").content("{}");
		}
		if (path.startsWith("/api/v1/offers") && !parts[0].equals("GET")) {
			// an empty body: every field missing
			return (parts[0].equals("POST") ? post(path) : put(path)).contentType("application/json").content("{}");
		}
		MockMultipartFile badFile = new MockMultipartFile("file", "bad.geojson", "application/geo+json",
				"{ not json".getBytes(StandardCharsets.UTF_8));
		return switch (parts[0] + " " + parts[1]) {
			case "GET /api/v1/areas" -> get(path).param("scheme", "vorarlberg-bezirke").param("level", "gemeinde");
			case "GET /api/v1/areas/tree" -> get(path).param("scheme", "vorarlberg-bezirke");
			case "GET /api/v1/areas/geojson" -> get(path).param("scheme", "vorarlberg-bezirke").param("level", "bezirk");
			case "GET /api/v1/indicators/variables/{key}/observations" -> get(path).param("period", "2024");
			case "GET /api/v1/indicators/values/{key}" -> get(path).param("period", "2024")
				.param("scheme", "vorarlberg-bezirke").param("level", "gemeinde");
			case "GET /api/v1/indicators/values/{key}/series" -> get(path).param("area", Long.toString(gemeinde));
			case "POST /provider/offers/confirm", "POST /provider/locations" ->
				post(path).param("organization", Long.toString(organization));
			// a published variable: everybody may map it (the numbers pass disclosure control for the public)
			case "GET /api/v1/atlas/map", "GET /api/v1/atlas/export.csv", "GET /api/v1/atlas/export.xlsx",
					"GET /api/v1/atlas/export.geojson" ->
				get(path).param("key", VARIABLE).param("scheme", "vorarlberg-bezirke").param("level", "bezirk");
			// an empty body: every field missing
			case "POST /api/v1/indicators/variables" -> post(path).contentType("application/json").content("{}");
			case "PUT /api/v1/indicators/variables/{key}", "PUT /api/v1/indicators/topics/{key}",
					"PUT /api/v1/indicators/indicators/{key}" ->
				put(path).contentType("application/json").content("{}");
			default -> parts[0].equals("GET") ? get(path)
					: path.contains("imports") || path.startsWith("/admin/areas/") || path.endsWith("/observations")
							? multipart(path).file(badFile)
					: post(path);
		};
	}
}
