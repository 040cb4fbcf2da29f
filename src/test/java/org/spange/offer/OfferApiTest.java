package org.spange.offer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.spange.SpangeTest;
import org.spange.area.AreaDetail;
import org.spange.area.AreaQueries;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The offer API through HTTP: CRUD, validation, provider scope, confidential locations, change log. */
@SpangeTest
class OfferApiTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	AreaQueries areas;

	@Autowired
	OfferCatalog catalog;

	@Autowired
	JdbcClient jdbc;

	private final ObjectMapper json = new ObjectMapper();

	private static RequestPostProcessor planner() {
		return user("planung").roles("PLANNER");
	}

	private static RequestPostProcessor provider() {
		return user("offerapitest-traeger").roles("PROVIDER");
	}

	private JsonNode call(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
			RequestPostProcessor who, int expected) throws Exception {
		String body = mvc.perform(request.with(who).with(csrf())).andExpect(status().is(expected)).andReturn()
			.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		return body.isEmpty() ? null : json.readTree(body);
	}

	private long organization(String name) throws Exception {
		return call(post("/api/v1/offers/organizations").contentType("application/json").content("""
				{"name": "%s", "providerType": "FREE_PROVIDER", "umbrellaAssociation": "Caritas (fiktiv)",
				 "website": "https://example.org", "email": "info@example.org"}""".formatted(name)), planner(), 201)
			.get("id").asLong();
	}

	private static String offerJson(long organization, String name, String status, List<Long> locations) {
		return """
				{"organizationId": %d, "name": "%s", "description": "fiktiv", "status": "%s",
				 "freeOfCharge": false, "costText": "10 € pro Termin", "legalBasis": "SGB VIII § 28",
				 "capacityPlaces": 12, "waitingTime": "2 Wochen", "lastConfirmed": "2026-01-15",
				 "fieldsOfAction": ["familie", "kinder-jugendhilfe"], "targetGroup": "Familien", "minAge": 0,
				 "maxAge": 18, "lifeSituations": "Trennung", "approach": "PREVENTIVE", "form": "INDIVIDUAL",
				 "setting": "AMBULATORY", "languages": ["de", "tr"], "locationIds": %s,
				 "phones": [{"number": "+43 5574 12345", "description": "Sekretariat"}],
				 "schedules": [{"weekday": 1, "opensAt": "08:00", "closesAt": "12:00"}]}"""
			.formatted(organization, name, status, locations);
	}

	private AreaDetail bregenz() {
		return areas.area(areas.byCode("gemeinde", "80207").orElseThrow().id()).orElseThrow();
	}

	/** A location in Bregenz; only a confidential one lies exactly at the centroid (whose point must never leak). */
	private long location(long organization, boolean confidential) throws Exception {
		double[] c = bregenz().centroid();
		if (!confidential) {
			c = new double[] { c[0], c[1] + 0.001 };
		}
		return call(post("/api/v1/offers/locations").contentType("application/json").content("""
				{"organizationId": %d, "name": "Standort (fiktiv)", "address1": "Teststraße 1", "postalCode": "6900",
				 "city": "Bregenz", "latitude": %s, "longitude": %s, "confidential": %s}"""
			.formatted(organization, c[1], c[0], confidential)), planner(), 201).get("id").asLong();
	}

	@Test
	void plannersCreateReadAndUpdateOffersAndLocationsGetTheirGemeinde() throws Exception {
		long org = organization("OfferApiTest CRUD (fiktiv)");
		long loc = location(org, false);
		JsonNode location = call(get("/api/v1/offers/locations/" + loc), anonymous(), 200);
		assertThat(location.get("areaId").asLong()).isEqualTo(bregenz().area().id().value());
		assertThat(location.get("latitude").isNumber()).isTrue();

		JsonNode created = call(post("/api/v1/offers").contentType("application/json")
			.content(offerJson(org, "Familienberatung (fiktiv)", "ACTIVE", List.of(loc))), planner(), 201);
		long id = created.get("id").asLong();
		JsonNode read = call(get("/api/v1/offers/" + id), anonymous(), 200);
		assertThat(read.get("name").asString()).isEqualTo("Familienberatung (fiktiv)");
		assertThat(read.get("fieldsOfAction").toString()).isEqualTo("[\"kinder-jugendhilfe\",\"familie\"]");
		assertThat(read.get("schedules").get(0).get("opensAt").asString()).startsWith("08:00");
		assertThat(read.get("locationIds").get(0).asLong()).isEqualTo(loc);

		call(put("/api/v1/offers/" + id).contentType("application/json")
			.content(offerJson(org, "Familienberatung neu (fiktiv)", "ACTIVE", List.of(loc))), planner(), 200);
		assertThat(call(get("/api/v1/offers/" + id), anonymous(), 200).get("name").asString())
			.isEqualTo("Familienberatung neu (fiktiv)");

		List<ChangeLogEntry> changes = catalog.changes("offer", id);
		assertThat(changes).anySatisfy(c -> {
			assertThat(c.field()).isEqualTo("name");
			assertThat(c.oldValue()).isEqualTo("Familienberatung (fiktiv)");
			assertThat(c.newValue()).isEqualTo("Familienberatung neu (fiktiv)");
			assertThat(c.actor()).isEqualTo("planung");
		});
		// only the name changed in the update
		assertThat(changes.stream().filter(c -> c.oldValue() != null)).hasSize(1);
		call(get("/api/v1/offers/" + id + "/changes"), planner(), 200);
		mvc.perform(get("/api/v1/offers").param("size", "500")).andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].id", Matchers.hasItem((int) id)));
	}

	@Test
	void inactiveOffersAreHiddenFromThePublic() throws Exception {
		long org = organization("OfferApiTest inaktiv (fiktiv)");
		long id = call(post("/api/v1/offers").contentType("application/json")
			.content(offerJson(org, "Eingestellt (fiktiv)", "INACTIVE", List.of())), planner(), 201).get("id")
			.asLong();
		call(get("/api/v1/offers/" + id), anonymous(), 404);
		call(get("/api/v1/offers/" + id), planner(), 200);
		mvc.perform(get("/api/v1/offers").param("size", "500")).andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].id", Matchers.not(Matchers.hasItem((int) id))));
	}

	@Test
	void everyProblemIsReportedByFieldAndNothingIsWritten() throws Exception {
		long org = organization("OfferApiTest Validierung (fiktiv)");
		long before = jdbc.sql("select count(*) from offer.offer").query(Long.class).single();
		JsonNode problems = call(post("/api/v1/offers").contentType("application/json").content("""
				{"organizationId": 999999999, "name": " ", "email": "kein-mail", "url": "ftp://x",
				 "freeOfCharge": false, "fieldsOfAction": ["gibt-es-nicht"], "minAge": 30, "maxAge": 10,
				 "languages": ["deutsch"], "locationIds": [999999999], "serviceAreaIds": [999999999],
				 "schedules": [{"weekday": 8, "opensAt": "12:00", "closesAt": "08:00"}]}"""), planner(), 422)
			.get("problems");
		List<String> fields = problems.valueStream().map(p -> p.get("field").asString()).toList();
		assertThat(fields).contains("name", "organizationId", "status", "email", "url", "costText",
				"fieldsOfAction[0]", "maxAge", "languages[0]", "locationIds[0]", "serviceAreaIds[0]",
				"schedules[0].weekday", "schedules[0].closesAt");
		assertThat(jdbc.sql("select count(*) from offer.offer").query(Long.class).single()).isEqualTo(before);

		JsonNode orgProblems = call(put("/api/v1/offers/organizations/" + org).contentType("application/json")
			.content("{\"name\": \"\", \"email\": \"x\"}"), planner(), 422).get("problems");
		assertThat(orgProblems.valueStream().map(p -> p.get("field").asString()).toList())
			.contains("name", "email", "providerType");
		JsonNode locProblems = call(post("/api/v1/offers/locations").contentType("application/json")
			.content("{\"organizationId\": %d, \"name\": \"x\", \"latitude\": 95}".formatted(org)), planner(), 422)
			.get("problems");
		assertThat(locProblems.valueStream().map(p -> p.get("field").asString()).toList())
			.contains("longitude", "latitude");
	}

	@Test
	void providersMaintainOnlyTheirOwnOrganisationsOffers() throws Exception {
		long own = organization("OfferApiTest eigener Träger (fiktiv)");
		long other = organization("OfferApiTest fremder Träger (fiktiv)");
		catalog.addMember("offerapitest-traeger", own);
		long foreign = call(post("/api/v1/offers").contentType("application/json")
			.content(offerJson(other, "Fremd (fiktiv)", "ACTIVE", List.of())), planner(), 201).get("id").asLong();

		long mine = call(post("/api/v1/offers").contentType("application/json")
			.content(offerJson(own, "Eigen (fiktiv)", "INACTIVE", List.of())), provider(), 201).get("id").asLong();
		call(get("/api/v1/offers/" + mine), provider(), 200);
		call(put("/api/v1/offers/" + mine).contentType("application/json")
			.content(offerJson(own, "Eigen neu (fiktiv)", "ACTIVE", List.of())), provider(), 200);

		call(post("/api/v1/offers").contentType("application/json")
			.content(offerJson(other, "Fremd 2 (fiktiv)", "ACTIVE", List.of())), provider(), 403);
		call(put("/api/v1/offers/" + foreign).contentType("application/json")
			.content(offerJson(other, "Übernommen", "ACTIVE", List.of())), provider(), 403);
		// moving an own offer to another organisation is touching the other one
		call(put("/api/v1/offers/" + mine).contentType("application/json")
			.content(offerJson(other, "Verschoben", "ACTIVE", List.of())), provider(), 403);
		call(post("/api/v1/offers/organizations").contentType("application/json").content("{}"), provider(), 403);
		assertThat(catalog.offer(foreign).orElseThrow().name()).isEqualTo("Fremd (fiktiv)");
		assertThat(catalog.offer(mine).orElseThrow().organizationId()).isEqualTo(own);
	}

	@Test
	void theConfidentialPointIsNeverShownToThePublic() throws Exception {
		long org = organization("OfferApiTest Frauenhaus (fiktiv)");
		long loc = location(org, true);
		for (RequestPostProcessor who : List.of(anonymous(), user("gemeinde").roles("MUNICIPALITY"), provider())) {
			JsonNode shown = call(get("/api/v1/offers/locations/" + loc), who, 200);
			assertThat(shown.get("latitude").isNull()).isTrue();
			assertThat(shown.get("longitude").isNull()).isTrue();
			assertThat(shown.get("address1").isNull()).isTrue();
			assertThat(shown.get("areaId").asLong()).isEqualTo(bregenz().area().id().value());
			String list = mvc.perform(get("/api/v1/offers/locations").param("size", "500").with(who)).andReturn()
				.getResponse().getContentAsString();
			assertThat(list).doesNotContain(Double.toString(bregenz().centroid()[1]));
		}
		assertThat(call(get("/api/v1/offers/locations/" + loc), planner(), 200).get("latitude").isNumber()).isTrue();
	}

	@Test
	void providersMaintainOnlyTheirOwnOrganisationsLocations() throws Exception {
		long own = organization("OfferApiTest Standorte eigen (fiktiv)");
		long other = organization("OfferApiTest Standorte fremd (fiktiv)");
		catalog.addMember("offerapitest-traeger", own);
		long foreign = location(other, false);
		// beside the centroid, where the confidential test's point lies
		double[] c = { bregenz().centroid()[0], bregenz().centroid()[1] + 0.001 };
		String body = """
				{"organizationId": %d, "name": "%s", "city": "Bregenz", "latitude": %s, "longitude": %s}""";

		JsonNode mine = call(post("/api/v1/offers/locations").contentType("application/json")
			.content(body.formatted(own, "Eigener Standort (fiktiv)", c[1], c[0])), provider(), 201);
		assertThat(mine.get("areaId").asLong()).isEqualTo(bregenz().area().id().value());
		long id = mine.get("id").asLong();
		call(put("/api/v1/offers/locations/" + id).contentType("application/json")
			.content(body.formatted(own, "Eigener Standort neu (fiktiv)", c[1], c[0])), provider(), 200);

		call(post("/api/v1/offers/locations").contentType("application/json")
			.content(body.formatted(other, "Untergeschoben", c[1], c[0])), provider(), 403);
		call(put("/api/v1/offers/locations/" + foreign).contentType("application/json")
			.content(body.formatted(other, "Übernommen", c[1], c[0])), provider(), 403);
		// moving an own location to another organisation is touching the other one
		call(put("/api/v1/offers/locations/" + id).contentType("application/json")
			.content(body.formatted(other, "Verschoben", c[1], c[0])), provider(), 403);
		// bad input from a provider: every problem by field, nothing written
		JsonNode problems = call(post("/api/v1/offers/locations").contentType("application/json")
			.content("{\"organizationId\": %d, \"name\": \"\", \"longitude\": 200}".formatted(own)), provider(), 422)
			.get("problems");
		assertThat(problems.valueStream().map(p -> p.get("field").asString()).toList()).contains("name", "longitude");

		assertThat(catalog.location(foreign).orElseThrow().name()).isEqualTo("Standort (fiktiv)");
		assertThat(catalog.location(id).orElseThrow().name()).isEqualTo("Eigener Standort neu (fiktiv)");
		assertThat(catalog.location(id).orElseThrow().organizationId()).isEqualTo(own);
		assertThat(catalog.locationsOf(own)).hasSize(1);
		assertThat(catalog.locationsOf(other)).hasSize(1);
		assertThat(catalog.changes("location", id)).anySatisfy(e -> {
			assertThat(e.field()).isEqualTo("name");
			assertThat(e.actor()).isEqualTo("offerapitest-traeger");
		});
	}

	@Test
	void offersAreConfirmedByTheirProviderOrAPlannerOnly() throws Exception {
		long own = organization("OfferApiTest Bestätigung eigen (fiktiv)");
		long other = organization("OfferApiTest Bestätigung fremd (fiktiv)");
		catalog.addMember("offerapitest-traeger", own);
		long mine = call(post("/api/v1/offers").contentType("application/json")
			.content(offerJson(own, "Bestätigen (fiktiv)", "ACTIVE", List.of())), planner(), 201).get("id").asLong();
		long foreign = call(post("/api/v1/offers").contentType("application/json")
			.content(offerJson(other, "Fremd bestätigen (fiktiv)", "ACTIVE", List.of())), planner(), 201).get("id")
			.asLong();

		call(post("/api/v1/offers/" + foreign + "/confirmation"), provider(), 403);
		assertThat(catalog.offer(foreign).orElseThrow().lastConfirmed()).isEqualTo("2026-01-15");
		call(post("/api/v1/offers/" + foreign + "/confirmation"), user("gemeinde").roles("MUNICIPALITY"), 403);
		String today = java.time.LocalDate.now().toString();
		assertThat(call(post("/api/v1/offers/" + mine + "/confirmation"), provider(), 200).get("lastConfirmed")
			.asString()).isEqualTo(today);
		assertThat(call(post("/api/v1/offers/" + foreign + "/confirmation"), planner(), 200).get("lastConfirmed")
			.asString()).isEqualTo(today);
		assertThat(catalog.changes("offer", mine)).anySatisfy(e -> {
			assertThat(e.field()).isEqualTo("lastConfirmed");
			assertThat(e.oldValue()).isEqualTo("2026-01-15");
			assertThat(e.actor()).isEqualTo("offerapitest-traeger");
		});
		call(post("/api/v1/offers/999999999/confirmation"), planner(), 404);
	}
}
