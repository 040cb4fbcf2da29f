package org.spange.offer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.spange.SpangeTest;
import org.spange.area.AreaDetail;
import org.spange.area.AreaQueries;
import org.spange.area.AreaSummary;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Offer import through HTTP (API and page): CSV and HSDS, all-or-nothing with every problem by line and field,
 * duplicates by name and address similarity with merge or create-new, access, and the CSV template.
 */
@SpangeTest
class OfferImportTest {

	private static final String API = "/api/v1/offers/imports";

	@Autowired
	MockMvc mvc;

	@Autowired
	OfferCatalog catalog;

	@Autowired
	AreaQueries areas;

	@Autowired
	JdbcClient jdbc;

	private final ObjectMapper json = new ObjectMapper();

	private static RequestPostProcessor planner() {
		return user("planung").roles("PLANNER");
	}

	/** A name part that no other offer shares, so that no earlier run or other test looks like a duplicate. */
	private static String unique() {
		return UUID.randomUUID().toString().replace("-", "");
	}

	private static String header() {
		return String.join(";", OfferImport.CSV_COLUMNS.stream().map(OfferImport.Column::header).toList());
	}

	/** One CSV row: the given values by column key, the rest empty. */
	private static String row(java.util.Map<String, String> values) {
		List<String> cells = new ArrayList<>();
		for (OfferImport.Column c : OfferImport.CSV_COLUMNS) {
			cells.add(values.getOrDefault(c.key(), ""));
		}
		return String.join(";", cells);
	}

	private JsonNode importFile(String name, String content, boolean dryRun, int expected, String... merge)
			throws Exception {
		MockMultipartHttpServletRequestBuilder request = multipart(API)
			.file(new MockMultipartFile("file", name, "text/csv", content.getBytes(StandardCharsets.UTF_8)));
		request.param("dryRun", Boolean.toString(dryRun));
		for (String m : merge) {
			request.param("merge", m);
		}
		MockHttpServletResponse response = mvc.perform(request.with(planner()).with(csrf())).andReturn()
			.getResponse();
		String body = response.getContentAsString(StandardCharsets.UTF_8);
		assertThat(response.getStatus()).as(body).isEqualTo(expected);
		return json.readTree(body);
	}

	private long offerCount() {
		return jdbc.sql("select count(*) from offer.offer").query(Long.class).single();
	}

	private long organizationCount() {
		return jdbc.sql("select count(*) from offer.organization").query(Long.class).single();
	}

	private AreaSummary gemeinde(String name) {
		return areas.areas("vorarlberg-bezirke", "gemeinde").stream().filter(g -> g.name().equals(name)).findFirst()
			.orElseThrow();
	}

	private static String comma(double d) {
		return String.format(Locale.ROOT, "%.5f", d).replace('.', ',');
	}

	@Test
	void aGoodCsvCreatesOrganisationLocationAndOffer() throws Exception {
		String u = unique();
		AreaSummary dornbirn = gemeinde("Dornbirn");
		double[] c = areas.area(dornbirn.id()).map(AreaDetail::centroid).orElseThrow();
		String csv = header() + "\r\n" + row(java.util.Map.ofEntries(
				java.util.Map.entry("organization", "OfferImportTest Verein " + u),
				java.util.Map.entry("providerType", "frei"), java.util.Map.entry("umbrella", "Caritas (fiktiv)"),
				java.util.Map.entry("offer", "OfferImportTest Schuldnerberatung " + u),
				java.util.Map.entry("description", "Beratung bei Schulden (fiktiv)"),
				java.util.Map.entry("status", "aktiv"),
				java.util.Map.entry("fieldsOfAction", "existenzsicherung, Familie"),
				java.util.Map.entry("targetGroups", "erwachsene,familien"),
				java.util.Map.entry("targetGroupText", "Menschen mit Schulden"), java.util.Map.entry("minAge", "18"),
				java.util.Map.entry("setting", "ambulant"), java.util.Map.entry("approach", "interventiv"),
				java.util.Map.entry("form", "Einzel"), java.util.Map.entry("languages", "de, TR"),
				java.util.Map.entry("freeOfCharge", "nein"), java.util.Map.entry("cost", "20 € je Termin"),
				java.util.Map.entry("phone", "+43 5572 99901"), java.util.Map.entry("email", "schulden@example.org"),
				java.util.Map.entry("url", "https://example.org/schulden"),
				java.util.Map.entry("legalBasis", "Schuldnerberatungsgesetz (fiktiv)"),
				java.util.Map.entry("places", "5"), java.util.Map.entry("locationName", "Beratungsstelle " + u),
				java.util.Map.entry("street", "Marktplatz 1"), java.util.Map.entry("postalCode", "6850"),
				java.util.Map.entry("town", "Dornbirn"), java.util.Map.entry("latitude", comma(c[1])),
				java.util.Map.entry("longitude", comma(c[0])), java.util.Map.entry("confidential", "nein"),
				java.util.Map.entry("stepFree", "ja"), java.util.Map.entry("accessibility", "Aufzug"))) + "\r\n";
		// with a BOM, as Excel writes UTF-8
		String withBom = "\uFEFF" + csv;
		long offers = offerCount();

		JsonNode preview = importFile("angebote.csv", withBom, true, 200);
		assertThat(preview.at("/report/outcome").asString()).isEqualTo("PREVIEW");
		assertThat(preview.at("/report/problems").size()).isZero();
		assertThat(preview.get("candidates").size()).isZero();
		assertThat(offerCount()).as("a dry run writes nothing").isEqualTo(offers);

		JsonNode written = importFile("angebote.csv", withBom, false, 200);
		assertThat(written.at("/report/outcome").asString()).isEqualTo("WRITTEN");
		assertThat(written.get("offersCreated").asInt()).isEqualTo(1);
		assertThat(written.get("organizationsCreated").asInt()).isEqualTo(1);
		assertThat(written.get("locationsCreated").asInt()).isEqualTo(1);
		assertThat(offerCount()).isEqualTo(offers + 1);

		Offer offer = catalog.offer(written.get("offerIds").get(0).asLong()).orElseThrow();
		assertThat(offer.name()).isEqualTo("OfferImportTest Schuldnerberatung " + u);
		assertThat(offer.status()).isEqualTo(Offer.Status.ACTIVE);
		assertThat(offer.fieldsOfAction()).containsExactlyInAnyOrder("existenzsicherung", "familie");
		assertThat(offer.targetGroups()).containsExactlyInAnyOrder("erwachsene", "familien");
		assertThat(offer.targetGroup()).isEqualTo("Menschen mit Schulden");
		assertThat(offer.minAge()).isEqualTo(18);
		assertThat(offer.maxAge()).isNull();
		assertThat(offer.setting()).isEqualTo(Offer.Setting.AMBULATORY);
		assertThat(offer.approach()).isEqualTo(Offer.Approach.INTERVENTIVE);
		assertThat(offer.form()).isEqualTo(Offer.Form.INDIVIDUAL);
		assertThat(offer.languages()).containsExactly("de", "tr");
		assertThat(offer.freeOfCharge()).isFalse();
		assertThat(offer.costText()).isEqualTo("20 € je Termin");
		assertThat(offer.phones()).extracting(Offer.Phone::number).containsExactly("+43 5572 99901");
		assertThat(offer.email()).isEqualTo("schulden@example.org");
		assertThat(offer.url()).isEqualTo("https://example.org/schulden");
		assertThat(offer.legalBasis()).isEqualTo("Schuldnerberatungsgesetz (fiktiv)");
		assertThat(offer.capacityPlaces()).isEqualTo(5);

		Organization org = catalog.organization(offer.organizationId()).orElseThrow();
		assertThat(org.name()).isEqualTo("OfferImportTest Verein " + u);
		assertThat(org.providerType()).isEqualTo(ProviderType.FREE_PROVIDER);
		assertThat(org.umbrellaAssociation()).isEqualTo("Caritas (fiktiv)");

		assertThat(offer.locationIds()).hasSize(1);
		Location location = catalog.location(offer.locationIds().get(0)).orElseThrow();
		assertThat(location.stepFree()).isTrue();
		assertThat(location.accessibility()).isEqualTo("Aufzug");
		assertThat(location.name()).isEqualTo("Beratungsstelle " + u);
		assertThat(location.address1()).isEqualTo("Marktplatz 1");
		assertThat(location.postalCode()).isEqualTo("6850");
		assertThat(location.city()).isEqualTo("Dornbirn");
		assertThat(location.country()).isEqualTo("AT");
		assertThat(location.latitude()).isCloseTo(c[1], within(1e-5));
		assertThat(location.confidentialOrFalse()).isFalse();
		assertThat(location.organizationId()).isEqualTo(org.id());
		// the Gemeinde is found from the point
		assertThat(location.areaId()).isEqualTo(dornbirn.id().value());

		// kept in the change log, by the importing user
		List<ChangeLogEntry> changes = catalog.changes("offer", offer.id());
		assertThat(changes).extracting(ChangeLogEntry::field).contains("name", "fieldsOfAction", "costText");
		assertThat(changes).allSatisfy(e -> assertThat(e.actor()).isEqualTo("planung"));
		assertThat(catalog.changes("organization", org.id())).isNotEmpty();
		assertThat(jdbc.sql("""
				select count(*) from access.audit_event where action = 'offer.import' and actor = 'planung'""")
			.query(Long.class).single()).isPositive();

		// the same file again: every offer is its own duplicate, nothing is written without a decision
		JsonNode again = importFile("angebote.csv", withBom, false, 422);
		assertThat(again.get("candidates").get(0).get("existingId").asLong()).isEqualTo(offer.id());
		assertThat(again.get("candidates").get(0).get("nameSimilarity").asDouble()).isEqualTo(1.0);
		assertThat(again.get("undecided").get(0).asString()).isEqualTo("offer-2");
		assertThat(offerCount()).isEqualTo(offers + 1);
	}

	@Test
	void anHsdsServiceComesBackAsANewOfferWithTheSameClassification() throws Exception {
		long id = jdbc.sql("""
				select o.id from offer.offer o where o.status = 'ACTIVE' and o.name like 'Suchtberatung %'
				and o.setting is not null and exists (select 1 from offer.offer_target_group g where g.offer_id = o.id)
				order by o.id limit 1""").query(Long.class).single();
		Offer original = catalog.offer(id).orElseThrow();
		String hsds = mvc.perform(get("/hsds/services/" + String.format("00000002-0000-4000-8000-%012x", id))
			.with(anonymous())).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		ObjectNode service = (ObjectNode) json.readTree(hsds);
		String name = "OfferImportTest HSDS " + unique();
		service.put("name", name);
		long offers = offerCount();
		long organizations = organizationCount();

		String body = mvc.perform(post(API).param("dryRun", "false").contentType("application/json")
			.content("[" + service + "]").with(planner()).with(csrf())).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		JsonNode result = json.readTree(body);
		assertThat(result.at("/report/outcome").asString()).as(body).isEqualTo("WRITTEN");
		assertThat(result.get("format").asString()).isEqualTo("HSDS");
		assertThat(offerCount()).isEqualTo(offers + 1);
		assertThat(organizationCount()).as("the organisation is recognised by its name").isEqualTo(organizations);

		Offer copy = catalog.offer(result.get("offerIds").get(0).asLong()).orElseThrow();
		assertThat(copy.id()).isNotEqualTo(id);
		assertThat(copy.name()).isEqualTo(name);
		assertThat(copy.organizationId()).isEqualTo(original.organizationId());
		assertThat(copy.fieldsOfAction()).containsExactlyInAnyOrderElementsOf(original.fieldsOfAction());
		assertThat(copy.targetGroups()).containsExactlyInAnyOrderElementsOf(original.targetGroups());
		assertThat(copy.setting()).isEqualTo(original.setting());
		assertThat(copy.approach()).isEqualTo(original.approach());
		assertThat(copy.form()).isEqualTo(original.form());
		assertThat(copy.minAge()).isEqualTo(original.minAge());
		assertThat(copy.maxAge()).isEqualTo(original.maxAge());
		assertThat(copy.languages()).isEqualTo(original.languages());
		assertThat(copy.schedules()).isEqualTo(original.schedules());
		assertThat(copy.phones()).extracting(Offer.Phone::number)
			.isEqualTo(original.phones().stream().map(Offer.Phone::number).toList());
		assertThat(copy.freeOfCharge()).isEqualTo(original.freeOfCharge());
		Location from = catalog.location(original.locationIds().get(0)).orElseThrow();
		Location to = catalog.location(copy.locationIds().get(0)).orElseThrow();
		assertThat(to.id()).isNotEqualTo(from.id());
		assertThat(to.name()).isEqualTo(from.name());
		assertThat(to.areaId()).isEqualTo(from.areaId());
	}

	@Test
	void anHsdsDatasetWithReferencesNeedsAFieldOfActionForEveryOfferOrTheDefault() throws Exception {
		String u = unique();
		String dataset = """
				{"organizations": [{"id": "org-1", "name": "OfferImportTest HSDS Träger %1$s",
				   "website": "https://example.org", "email": "info@example.org"}],
				 "locations": [{"id": "loc-1", "name": "OfferImportTest Standort %1$s", "latitude": 47.5,
				   "longitude": 9.75, "addresses": [{"address_1": "Bahnhofstraße 3", "postal_code": "6900",
				   "city": "Bregenz", "country": "AT"}]}],
				 "services": [
				   {"name": "OfferImportTest Mit Feld %1$s", "organization_id": "org-1", "status": "active",
				    "fees_description": "5 € pro Abend", "minimum_age": 16, "languages": [{"code": "de"}],
				    "phones": [{"number": "+43 5574 1111"}],
				    "schedules": [{"byday": "MO,WE", "opens_at": "09:00", "closes_at": "12:00:00"}],
				    "attributes": [{"link_type": "field_of_action", "taxonomy_term": {"code": "bildung"}},
				                   {"link_type": "target_group", "taxonomy_term": {"code": "jugendliche"}},
				                   {"link_type": "other", "taxonomy_term": {"code": "unbekannt-123"}}],
				    "service_at_locations": [{"location_id": "loc-1"}]},
				   {"name": "OfferImportTest Ohne Feld %1$s", "organization_id": "org-1",
				    "service_at_locations": [{"location_id": "loc-1"}]}]}""".formatted(u);
		long offers = offerCount();

		// no provider type for the new organisation, no field of action for the second service: both reported
		JsonNode rejected = importFile("daten.json", dataset, false, 422);
		List<String> problems = new ArrayList<>();
		rejected.at("/report/problems").forEach(p -> problems.add(p.get("unit").asString() + " "
				+ p.get("number").asInt() + " " + p.get("field").asString() + " " + p.get("code").asString()));
		assertThat(problems).containsExactly(
				"FEATURE 1 organization.providerType problem.organization.providerType.missing",
				"FEATURE 2 attributes problem.offer.fields.missing");
		assertThat(offerCount()).isEqualTo(offers);

		MockMultipartHttpServletRequestBuilder request = multipart(API).file(new MockMultipartFile("file",
				"daten.json", "application/json", dataset.getBytes(StandardCharsets.UTF_8)));
		request.param("dryRun", "false").param("defaultFieldOfAction", "familie")
			.param("defaultProviderType", "VOLUNTEER");
		JsonNode written = json.readTree(mvc.perform(request.with(planner()).with(csrf())).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8));
		assertThat(written.at("/report/outcome").asString()).as(written.toString()).isEqualTo("WRITTEN");
		assertThat(written.get("offersCreated").asInt()).isEqualTo(2);
		assertThat(written.get("locationsCreated").asInt()).as("one location shared by both").isEqualTo(1);
		Offer with = catalog.offer(written.get("offerIds").get(0).asLong()).orElseThrow();
		Offer without = catalog.offer(written.get("offerIds").get(1).asLong()).orElseThrow();
		assertThat(with.fieldsOfAction()).containsExactly("bildung");
		assertThat(with.targetGroups()).containsExactly("jugendliche");
		assertThat(with.freeOfCharge()).isFalse();
		assertThat(with.costText()).isEqualTo("5 € pro Abend");
		assertThat(with.minAge()).isEqualTo(16);
		assertThat(with.schedules()).extracting(Offer.Schedule::weekday).containsExactly(1, 3);
		assertThat(without.fieldsOfAction()).containsExactly("familie");
		assertThat(without.locationIds()).isEqualTo(with.locationIds());
		assertThat(catalog.organization(with.organizationId()).orElseThrow().providerType())
			.isEqualTo(ProviderType.VOLUNTEER);
		Location location = catalog.location(with.locationIds().get(0)).orElseThrow();
		assertThat(location.address1()).isEqualTo("Bahnhofstraße 3");
		assertThat(location.areaId()).isNotNull();
	}

	@Test
	void badRowsAreEachReportedWithLineAndFieldAndNothingIsWritten() throws Exception {
		String u = unique();
		java.util.Map<String, String> good = java.util.Map.of("organization", "OfferImportTest Fehler " + u,
				"providerType", "öffentlich", "offer", "OfferImportTest gut " + u, "fieldsOfAction", "familie");
		java.util.Map<String, String> unknownField = new java.util.HashMap<>(good);
		unknownField.put("offer", "OfferImportTest Feld " + u);
		unknownField.put("fieldsOfAction", "familie,gibtsnicht");
		java.util.Map<String, String> badLatitude = new java.util.HashMap<>(good);
		badLatitude.put("offer", "OfferImportTest Breite " + u);
		badLatitude.put("latitude", "47,5x");
		badLatitude.put("longitude", "9,7");
		java.util.Map<String, String> badMailAndAge = new java.util.HashMap<>(good);
		badMailAndAge.put("offer", "OfferImportTest Mail " + u);
		badMailAndAge.put("email", "keine-mail");
		badMailAndAge.put("minAge", "zehn");
		String csv = String.join("\n", header(), row(unknownField), row(badLatitude), row(badMailAndAge), row(good));
		long offers = offerCount();
		long organizations = organizationCount();

		JsonNode result = importFile("fehler.csv", csv, false, 422);
		assertThat(result.at("/report/outcome").asString()).isEqualTo("REJECTED");
		List<String> problems = new ArrayList<>();
		result.at("/report/problems").forEach(p -> problems.add(p.get("unit").asString() + " "
				+ p.get("number").asInt() + " " + p.get("field").asString()));
		assertThat(problems).containsExactlyInAnyOrder("LINE 2 Handlungsfelder", "LINE 3 Breite", "LINE 4 E-Mail",
				"LINE 4 Alter von");
		assertThat(result.at("/report/problems/0/code").asString())
			.isEqualTo("import.offer.check.offer.field.unknown");
		assertThat(result.at("/report/problems/0/args/0").asString()).isEqualTo("gibtsnicht");
		assertThat(offerCount()).isEqualTo(offers);
		assertThat(organizationCount()).isEqualTo(organizations);

		// the page shows the same problems with line and field, and an error summary linking to them
		String page = mvc.perform(multipart("/admin/offers/import")
			.file(new MockMultipartFile("file", "fehler.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
			.with(planner()).with(csrf())).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("id=\"error-summary\"", "href=\"#import-report\"", "Zeile 3", "Breite",
				"Das Handlungsfeld „gibtsnicht“ gibt es nicht.", "„zehn“ ist keine ganze Zahl.");
		assertThat(page).doesNotContain("name=\"token\"");
		assertThat(offerCount()).isEqualTo(offers);
	}

	@Test
	void aNearCopyOfADemoOfferIsACandidateToMergeOrToCreateAsNew() throws Exception {
		long id = jdbc.sql("""
				select o.id from offer.offer o join offer.service_at_location x on x.offer_id = o.id
				join offer.location l on l.id = x.location_id
				where o.name like 'Familienberatung %' and l.address_1 is not null and not l.confidential
				order by o.id limit 1""").query(Long.class).single();
		Offer original = catalog.offer(id).orElseThrow();
		Location place = catalog.location(original.locationIds().get(0)).orElseThrow();
		Organization org = catalog.organization(original.organizationId()).orElseThrow();
		// a typo in the name, same street and town
		String typo = original.name().replace("Familienberatung", "Familienberatng");
		java.util.Map<String, String> copy = java.util.Map.of("organization", org.name(), "offer", typo,
				"description", "Aus dem Import (fiktiv)", "fieldsOfAction", "familie", "locationName", place.name(),
				"street", place.address1(), "town", place.city(), "latitude", comma(place.latitude()), "longitude",
				comma(place.longitude()));
		String csv = header() + "\n" + row(copy) + "\n";
		long offers = offerCount();
		try {
			JsonNode preview = importFile("kopie.csv", csv, true, 200);
			JsonNode candidate = preview.get("candidates").get(0);
			assertThat(candidate.get("key").asString()).isEqualTo("offer-2");
			assertThat(candidate.get("existingId").asLong()).isEqualTo(id);
			assertThat(candidate.get("nameSimilarity").asDouble())
				.isGreaterThanOrEqualTo(0.6).isLessThan(1.0);
			assertThat(candidate.get("addressSimilarity").asDouble()).isEqualTo(1.0);

			// no decision: reported, nothing written
			JsonNode refused = importFile("kopie.csv", csv, false, 422);
			assertThat(refused.get("undecided").toString()).contains("offer-2");
			assertThat(refused.at("/report/problems/0/code").asString()).isEqualTo("import.offer.undecided");
			assertThat(offerCount()).isEqualTo(offers);

			// merge: the existing offer takes the file's values and keeps its id, location and service areas
			JsonNode merged = importFile("kopie.csv", csv, false, 200, "offer-2:" + id);
			assertThat(merged.get("offersMerged").asInt()).isEqualTo(1);
			assertThat(merged.get("offerIds").get(0).asLong()).isEqualTo(id);
			assertThat(offerCount()).isEqualTo(offers);
			Offer updated = catalog.offer(id).orElseThrow();
			assertThat(updated.name()).isEqualTo(typo);
			assertThat(updated.description()).isEqualTo("Aus dem Import (fiktiv)");
			assertThat(updated.locationIds()).isEqualTo(original.locationIds());
			assertThat(updated.serviceAreaIds()).isEqualTo(original.serviceAreaIds());
			assertThat(updated.targetGroups()).as("kept where the file is empty").isEqualTo(original.targetGroups());
			assertThat(catalog.changes("offer", id)).extracting(ChangeLogEntry::field).contains("name", "description");
		} finally {
			catalog.updateOffer(id, original);
			catalog.updateLocation(place.id(), place);
		}

		// create as new, through the page: upload → preview with the candidate → confirm → a second offer
		MockHttpSession session = new MockHttpSession();
		String preview = mvc.perform(multipart("/admin/offers/import")
			.file(new MockMultipartFile("file", "kopie.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
			.session(session).with(planner()).with(csrf())).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(preview).contains("name=\"decision.offer-2\"", "value=\"" + id + "\"", "<legend>");
		// the address similarity as a German percentage (with a no-break space before %)
		assertThat(preview).containsPattern("100[\\s\\u00a0\\u202f]%");
		assertThat(offerCount()).as("the preview writes nothing").isEqualTo(offers);
		String token = preview.replaceAll("(?s).*name=\"token\" value=\"([0-9a-f]+)\".*", "$1");
		assertThat(token).hasSize(32);

		// confirming without a decision: the summary links to the radio group, nothing written
		String undecided = mvc.perform(post("/admin/offers/import/confirm").param("token", token).session(session)
			.with(planner()).with(csrf())).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(undecided).contains("href=\"#d-offer-2-0\"");
		assertThat(offerCount()).isEqualTo(offers);

		String done = mvc.perform(post("/admin/offers/import/confirm").param("token", token)
			.param("decision.offer-2", "new").session(session).with(planner()).with(csrf())).andReturn()
			.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(done).contains("1 Angebot neu angelegt");
		assertThat(offerCount()).isEqualTo(offers + 1);
		assertThat(catalog.offer(id).orElseThrow().name()).isEqualTo(original.name());
		assertThat(jdbc.sql("select count(*) from offer.offer where name = ?").param(typo).query(Long.class).single())
			.isEqualTo(1);
		// the token is used up
		String again = mvc.perform(post("/admin/offers/import/confirm").param("token", token)
			.param("decision.offer-2", "new").session(session).with(planner()).with(csrf())).andReturn()
			.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(again).contains("abgelaufen");
		assertThat(offerCount()).isEqualTo(offers + 1);
	}

	@Test
	void onlyPlannersAndAdminsImport() throws Exception {
		String csv = header() + "\n";
		MockMultipartFile file = new MockMultipartFile("file", "x.csv", "text/csv",
				csv.getBytes(StandardCharsets.UTF_8));
		assertThat(mvc.perform(multipart(API).file(file).with(user("traeger").roles("PROVIDER")).with(csrf()))
			.andReturn().getResponse().getStatus()).isEqualTo(403);
		assertThat(mvc.perform(multipart(API).file(file).with(anonymous()).with(csrf())).andReturn().getResponse()
			.getStatus()).isEqualTo(401);
		assertThat(mvc.perform(get("/admin/offers/import").with(user("traeger").roles("PROVIDER"))).andReturn()
			.getResponse().getStatus()).isEqualTo(403);
		MockHttpServletResponse anon = mvc.perform(get("/admin/offers/import").with(anonymous())).andReturn()
			.getResponse();
		assertThat(anon.getStatus()).isEqualTo(302);
		assertThat(anon.getHeader("Location")).endsWith("/login");
		assertThat(mvc.perform(get("/admin/offers/import").with(user("admin").roles("ADMIN"))).andReturn()
			.getResponse().getStatus()).isEqualTo(200);
	}

	@Test
	void theTemplateParsesBackWithOnlyItsExampleMarker() throws Exception {
		MockHttpServletResponse response = mvc.perform(get("/admin/offers/import/template.csv").with(planner()))
			.andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getHeader("Content-Disposition")).contains("attachment");
		byte[] template = response.getContentAsByteArray();
		assertThat(template).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
		String text = new String(template, StandardCharsets.UTF_8);
		assertThat(text.lines().count()).isEqualTo(2);
		assertThat(text.lines().toList().get(1)).startsWith("BEISPIEL");

		String body = mvc.perform(multipart(API)
			.file(new MockMultipartFile("file", "spange-angebote-vorlage.csv", "text/csv", template))
			.with(planner()).with(csrf())).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		JsonNode result = json.readTree(body);
		assertThat(result.at("/report/problems").size()).as(body).isEqualTo(1);
		assertThat(result.at("/report/problems/0/code").asString()).isEqualTo("import.offer.example");
		assertThat(result.at("/report/problems/0/number").asInt()).isEqualTo(2);
		assertThat(result.at("/report/problems/0/field").asString()).isEqualTo("Träger");
		assertThat(result.at("/report/warnings").size()).isZero();

		// the page documents every column
		String page = mvc.perform(get("/admin/offers/import").with(planner())).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		for (OfferImport.Column c : OfferImport.CSV_COLUMNS) {
			assertThat(page).contains("<code>" + c.header() + "</code>");
		}
		assertThat(page).doesNotContain("??offer.import");
	}
}
