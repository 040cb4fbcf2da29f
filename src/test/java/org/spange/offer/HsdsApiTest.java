package org.spange.offer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;
import org.spange.SpangeTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The HSDS read API on the demo inventory, every response valid against the HSDS 3.0 schemas (copied into
 * {@code src/test/resources/hsds-3.0}, CC BY-SA 4.0, Open Referral), with format assertions on (uuid, uri, email,
 * date-time). Paging, search, filters, errors and the confidential shelter are checked on the demo inventory and on
 * test data of its own.
 */
@SpangeTest
class HsdsApiTest {

	/** The name-based ids of the taxonomies are a contract: the same after every restart and on every server. */
	static final String FIELDS_OF_ACTION = "57f42b63-5361-3ac2-b6ca-cc70e11ec191";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	OfferCatalog catalog;

	private final ObjectMapper json = new ObjectMapper();

	private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

	private static SchemaValidatorsConfig config() {
		return SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
	}

	/** A schema from {@code src/test/resources/hsds-3.0}, its relative references resolved next to it. */
	private static JsonSchema schema(String name) {
		return SCHEMAS.computeIfAbsent(name, n -> JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
			.getSchema(SchemaLocation.of("classpath:hsds-3.0/" + n), config()));
	}

	/** A schema inside the HSDS openapi.json, by JSON pointer. */
	private JsonSchema openapiSchema(String pointer) {
		return SCHEMAS.computeIfAbsent("openapi.json#" + pointer, n -> {
			try (InputStream in = HsdsApiTest.class.getResourceAsStream("/hsds-3.0/openapi.json")) {
				String schema = json.readTree(in).at(pointer).toString();
				assertThat(schema).as(pointer).startsWith("{");
				return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema, config());
			} catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		});
	}

	private JsonSchema pageSchema() {
		return openapiSchema("/components/schemas/Page");
	}

	private String body(String path, int expected) throws Exception {
		var response = mvc.perform(get(path).with(anonymous())).andReturn().getResponse();
		assertThat(response.getStatus()).as(path).isEqualTo(expected);
		return response.getContentAsString(StandardCharsets.UTF_8);
	}

	private JsonNode read(String path) throws Exception {
		return json.readTree(body(path, 200));
	}

	/** GET with one query parameter given unencoded (MockMvc encodes it). */
	private JsonNode read(String path, String parameter, String value) throws Exception {
		var response = mvc.perform(get(path).param(parameter, value).with(anonymous())).andReturn().getResponse();
		assertThat(response.getStatus()).as(path + "?" + parameter + "=" + value).isEqualTo(200);
		return json.readTree(response.getContentAsString(StandardCharsets.UTF_8));
	}

	/** The ids of a page's items (not of what they contain). */
	private static List<String> ids(JsonNode page) {
		List<String> ids = new ArrayList<>();
		page.get("contents").forEach(item -> ids.add(item.get("id").asString()));
		return ids;
	}

	private static void valid(JsonSchema schema, JsonNode node) {
		Set<ValidationMessage> errors = schema.validate(node.toString(), InputFormat.JSON);
		assertThat(errors).as(node.path("name").asString()).isEmpty();
	}

	/** A page: valid envelope, every item valid against {@code item}. */
	private JsonNode page(String path, JsonSchema item) throws Exception {
		JsonNode page = read(path);
		valid(pageSchema(), page);
		assertThat(page.get("size").asInt()).isEqualTo(page.get("contents").size());
		for (JsonNode node : page.get("contents")) {
			valid(item, node);
		}
		return page;
	}

	private static String serviceId(long offer) {
		return String.format("00000002-0000-4000-8000-%012x", offer);
	}

	private static String organizationId(long organization) {
		return String.format("00000001-0000-4000-8000-%012x", organization);
	}

	private static String locationId(long location) {
		return String.format("00000003-0000-4000-8000-%012x", location);
	}

	private long activeOffers(String condition, Object... params) {
		return jdbc.sql("select count(*) from offer.offer o where o.status = 'ACTIVE' and " + condition)
			.params(List.of(params)).query(Long.class).single();
	}

	@Test
	void theValidatorRejectsWhatIsNotHsds() throws Exception {
		// guards the other tests: a wrong id format, a missing name and an unknown status are all caught
		assertThat(schema("service.json").validate("{\"id\": \"42\", \"status\": \"open\"}", InputFormat.JSON))
			.hasSizeGreaterThanOrEqualTo(3);
		// the referenced metadata schema is resolved: a metadata entry without its required fields is caught
		assertThat(schema("taxonomy_term.json").validate("""
				{"id": "57f42b63-5361-3ac2-b6ca-cc70e11ec191", "name": "x", "description": "y", "metadata": [{}]}""",
				InputFormat.JSON)).extracting(ValidationMessage::getMessage).anyMatch(m -> m.contains("updated_by"));
		assertThat(schema("taxonomy_term.json").validate("""
				{"id": "57f42b63-5361-3ac2-b6ca-cc70e11ec191", "name": "x", "description": "y", "metadata": [{
				"id": "57f42b63-5361-3ac2-b6ca-cc70e11ec191", "last_action_date": "2026-11-23",
				"last_action_type": "create", "field_name": "name", "previous_value": "", "replacement_value": "x",
				"updated_by": "planung"}]}""", InputFormat.JSON)).isEmpty();
		assertThat(pageSchema().validate("{\"total_items\": \"many\"}", InputFormat.JSON)).isNotEmpty();
	}

	@Test
	void theRootDescribesTheApi() throws Exception {
		for (String path : List.of("/hsds/", "/hsds")) {
			JsonNode root = read(path);
			valid(openapiSchema("/paths/~1/get/responses/200/content/application~1json/schema"), root);
			assertThat(root.get("version").asString()).isEqualTo("3.0");
			assertThat(root.get("openapi_url").asString()).startsWith("https://").endsWith("openapi.json");
			assertThat(root.get("profile").asString()).startsWith("https://");
		}
	}

	@Test
	void servicesAndOrganizationsAreValidHsds() throws Exception {
		JsonNode page = page("/hsds/services?per_page=500", schema("service_list.json"));
		assertThat(page.get("total_items").asLong()).isEqualTo(activeOffers("true"));
		assertThat(page.get("page_number").asInt()).isEqualTo(1);
		assertThat(page.get("contents").size()).isGreaterThanOrEqualTo(100);
		for (JsonNode service : page.get("contents")) {
			assertThat(service.get("status").asString()).isEqualTo("active");
			assertThat(Instant.parse(service.get("last_modified").asString())).isBefore(Instant.now());
		}
		String id = page.get("contents").get(0).get("id").asString();
		valid(schema("service.json"), read("/hsds/services/" + id));
		page("/hsds/services?per_page=15&full=true", schema("service.json"));
		JsonNode minimal = read("/hsds/services?per_page=500&minimal=true");
		assertThat(minimal.get("contents").get(0).has("id")).isTrue();
		assertThat(minimal.get("contents").get(0).has("last_modified")).isTrue();
		assertThat(minimal.get("contents").get(0).has("name")).isFalse();

		JsonNode orgs = page("/hsds/organizations?per_page=500", schema("organization_list.json"));
		assertThat(orgs.get("contents").size()).isGreaterThanOrEqualTo(30);
		page("/hsds/organizations?per_page=3&full=true", schema("organization.json"));
		JsonNode found = read("/hsds/organizations", "search", "lebenswege");
		assertThat(found.get("contents").size()).isPositive();
		for (JsonNode org : found.get("contents")) {
			valid(schema("organization_list.json"), org);
			assertThat(org.get("name").asString()).containsIgnoringCase("Lebenswege");
		}
	}

	@Test
	void everyServiceCarriesItsClassificationAsAttributes() throws Exception {
		long offer = jdbc.sql("""
				select min(o.id) from offer.offer o where o.status = 'ACTIVE' and o.setting is not null
				and exists (select 1 from offer.offer_target_group g where g.offer_id = o.id)""").query(Long.class)
			.single();
		JsonNode service = read("/hsds/services/" + serviceId(offer));
		Set<String> taxonomies = new HashSet<>();
		Set<String> codes = new HashSet<>();
		for (JsonNode a : service.get("attributes")) {
			assertThat(a.get("link_entity").asString()).isEqualTo("service");
			assertThat(a.get("link_id").asString()).isEqualTo(serviceId(offer));
			assertThat(a.get("taxonomy_term_id").asString()).isEqualTo(a.get("taxonomy_term").get("id").asString());
			taxonomies.add(a.get("taxonomy_term").get("taxonomy_detail").get("name").asString());
			codes.add(a.get("taxonomy_term").get("code").asString());
		}
		assertThat(taxonomies).contains("Spange: Handlungsfelder", "Spange: Zielgruppen", "Spange: Setting");
		String setting = jdbc.sql("select setting from offer.offer where id = ?").param(offer).query(String.class)
			.single();
		assertThat(codes).contains(setting).containsAll(catalog.offer(offer).orElseThrow().fieldsOfAction());
	}

	@Test
	void pagesCountFromOneAndEndOnTheLastPage() throws Exception {
		long total = activeOffers("true");
		long pages = (total + 6) / 7;
		JsonNode first = page("/hsds/services?per_page=7", schema("service_list.json"));
		assertThat(first.get("total_items").asLong()).isEqualTo(total);
		assertThat(first.get("total_pages").asLong()).isEqualTo(pages);
		assertThat(first.get("page_number").asInt()).isEqualTo(1);
		assertThat(first.get("size").asInt()).isEqualTo(7);
		assertThat(first.get("first_page").asBoolean()).isTrue();
		assertThat(first.get("last_page").asBoolean()).isFalse();
		JsonNode last = page("/hsds/services?per_page=7&page=" + pages, schema("service_list.json"));
		assertThat(last.get("page_number").asLong()).isEqualTo(pages);
		assertThat(last.get("first_page").asBoolean()).isFalse();
		assertThat(last.get("last_page").asBoolean()).isTrue();
		assertThat(last.get("size").asLong()).isEqualTo(total - 7 * (pages - 1));
		JsonNode beyond = read("/hsds/services?per_page=7&page=" + (pages + 1));
		assertThat(beyond.get("empty").asBoolean()).isTrue();
		assertThat(beyond.get("total_items").asLong()).isEqualTo(total);
		// pages do not overlap
		Set<String> seen = new HashSet<>();
		for (int p = 1; p <= 3; p++) {
			for (JsonNode s : read("/hsds/services?per_page=7&page=" + p).get("contents")) {
				assertThat(seen.add(s.get("id").asString())).isTrue();
			}
		}
		JsonNode terms = page("/hsds/taxonomy_terms?per_page=5&page=2", schema("taxonomy_term.json"));
		assertThat(terms.get("size").asInt()).isEqualTo(5);
		assertThat(terms.get("page_number").asInt()).isEqualTo(2);
	}

	@Test
	void searchFindsAnOfferDespiteATypo() throws Exception {
		JsonNode page = page("/hsds/services?per_page=500&search=Schuldnerbratung", schema("service_list.json"));
		assertThat(page.get("total_items").asLong()).isPositive().isLessThan(activeOffers("true"));
		assertThat(page.get("contents").findValuesAsString("name")).anyMatch(n -> n.startsWith("Schuldenberatung "));
		JsonNode atLocations = page("/hsds/service_at_locations?per_page=500&search=Schuldnerbratung",
				schema("service_at_location_list.json"));
		List<String> found = new ArrayList<>();
		atLocations.get("contents").forEach(sal -> found.add(sal.get("service").get("name").asString()));
		assertThat(found).anyMatch(n -> n.startsWith("Schuldenberatung "));
		// narrowed to the field of action, only the debt counselling is left
		String existenzsicherung = null;
		for (JsonNode term : read("/hsds/taxonomy_terms?per_page=500").get("contents")) {
			if (term.get("code").asString().equals("existenzsicherung")) {
				existenzsicherung = term.get("id").asString();
			}
		}
		JsonNode narrowed = read("/hsds/services?per_page=500&search=Schuldnerbratung&taxonomy_term_id="
				+ existenzsicherung);
		assertThat(narrowed.get("total_items").asLong()).isPositive();
		assertThat(narrowed.get("contents").get(0).get("name").asString()).startsWith("Schuldenberatung ");
	}

	@Test
	void aTaxonomyTermFiltersByItsFieldOfAction() throws Exception {
		JsonNode terms = page("/hsds/taxonomy_terms?per_page=500&taxonomy_id=" + FIELDS_OF_ACTION,
				schema("taxonomy_term.json"));
		assertThat(terms.get("total_items").asLong()).isEqualTo(catalog.fieldsOfAction().size());
		String sucht = null;
		for (JsonNode term : terms.get("contents")) {
			assertThat(term.get("taxonomy_id").asString()).isEqualTo(FIELDS_OF_ACTION);
			if (term.get("code").asString().equals("sucht")) {
				sucht = term.get("id").asString();
			}
		}
		assertThat(sucht).isNotNull();
		long expected = activeOffers(
				"exists (select 1 from offer.offer_field f where f.offer_id = o.id and f.field_key = 'sucht')");
		JsonNode services = page("/hsds/services?full=true&per_page=500&taxonomy_term_id=" + sucht,
				schema("service.json"));
		assertThat(services.get("total_items").asLong()).isEqualTo(expected).isPositive()
			.isLessThan(activeOffers("true"));
		for (JsonNode service : services.get("contents")) {
			List<String> termIds = new ArrayList<>();
			service.get("attributes").forEach(a -> termIds.add(a.get("taxonomy_term_id").asString()));
			assertThat(termIds).as(service.get("name").asString()).contains(sucht);
		}
		JsonNode atLocations = read("/hsds/service_at_locations?per_page=500&taxonomy_term_id=" + sucht);
		for (JsonNode sal : atLocations.get("contents")) {
			assertThat(ids(services)).contains(sal.get("service_id").asString());
		}
		// a taxonomy: every offer with a setting
		String settings = null;
		for (JsonNode t : read("/hsds/taxonomies").get("contents")) {
			if (t.get("name").asString().equals("Spange: Setting")) {
				settings = t.get("id").asString();
			}
		}
		assertThat(read("/hsds/services?taxonomy_id=" + settings).get("total_items").asLong())
			.isEqualTo(activeOffers("o.setting is not null"));
	}

	@Test
	void taxonomiesAndTermsAreValidHsds() throws Exception {
		JsonNode taxonomies = page("/hsds/taxonomies", schema("taxonomy.json"));
		assertThat(taxonomies.get("total_items").asInt()).isEqualTo(5);
		assertThat(ids(taxonomies)).contains(FIELDS_OF_ACTION);
		for (JsonNode t : taxonomies.get("contents")) {
			JsonNode one = read("/hsds/taxonomies/" + t.get("id").asString());
			valid(schema("taxonomy.json"), one);
			assertThat(one).isEqualTo(t);
		}
		assertThat(read("/hsds/taxonomies?search=handlungsfeld").get("total_items").asInt()).isEqualTo(1);
		JsonNode terms = page("/hsds/taxonomy_terms?per_page=500", schema("taxonomy_term.json"));
		int expected = catalog.fieldsOfAction().size() + catalog.targetGroups().size()
				+ Offer.Setting.values().length + Offer.Approach.values().length + Offer.Form.values().length;
		assertThat(terms.get("total_items").asInt()).isEqualTo(expected);
		assertThat(new HashSet<>(ids(terms))).hasSize(expected);
		String first = terms.get("contents").get(0).get("id").asString();
		valid(schema("taxonomy_term.json"), read("/hsds/taxonomy_terms/" + first));
		assertThat(read("/hsds/taxonomy_terms?top_only=true").get("total_items").asInt()).isEqualTo(expected);
		assertThat(read("/hsds/taxonomy_terms?parent_id=" + first).get("total_items").asInt()).isZero();
		JsonNode found = read("/hsds/taxonomy_terms", "search", "stationär");
		assertThat(found.get("contents").findValuesAsString("code")).containsExactlyInAnyOrder("RESIDENTIAL",
				"SEMI_RESIDENTIAL");
	}

	@Test
	void servicesAtLocationsAreValidHsds() throws Exception {
		JsonNode page = page("/hsds/service_at_locations?per_page=500", schema("service_at_location_list.json"));
		long pairs = jdbc.sql("""
				select count(*) from offer.service_at_location x join offer.offer o on o.id = x.offer_id
				where o.status = 'ACTIVE'""").query(Long.class).single();
		assertThat(page.get("total_items").asLong()).isEqualTo(pairs);
		String id = page.get("contents").get(0).get("id").asString();
		JsonNode one = read("/hsds/service_at_locations/" + id);
		valid(schema("service_at_location.json"), one);
		assertThat(one.get("service").get("attributes").size()).isPositive();
		assertThat(one.get("location").has("metadata")).isTrue();
		// the ids inside a service lead to the same service at location
		String serviceId = one.get("service_id").asString();
		JsonNode service = read("/hsds/services/" + serviceId);
		assertThat(service.get("service_at_locations").findValuesAsString("id")).contains(id);
		page("/hsds/service_at_locations?per_page=10&full=true", schema("service_at_location.json"));
	}

	/**
	 * An organisation with one offer at one location, all new, updated once. Its words (education, adults) are not
	 * what other tests search the whole inventory for.
	 */
	private record TestOffer(long organization, long location, long offer) {
	}

	private TestOffer testOffer() {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		long org = catalog.createOrganization(new Organization(null, "HsdsApiTest Träger " + tag + " (fiktiv)",
				"Testträger", "https://example.org", "test@example.org", ProviderType.FREE_PROVIDER, null)).id();
		long location = catalog.createLocation(new Location(null, org, "HsdsApiTest Standort " + tag,
				"HSDS-Testweg 1", "6850", "Dornbirn", "AT", 47.41, 9.74, false, null)).id();
		Offer offer = catalog.createOffer(new Offer(null, org, "HsdsApiTest Angebot " + tag, "Ein Testangebot",
				Offer.Status.ACTIVE, null, null, true, null, null, null, null, null, null, List.of("bildung"), null,
				List.of("erwachsene"), 18, null, null, Offer.Approach.PREVENTIVE, Offer.Form.GROUP,
				Offer.Setting.AMBULATORY, List.of("de"), List.of(location), null, null, null));
		catalog.updateOffer(offer.id(), new Offer(null, org, offer.name(), "Ein geändertes Testangebot",
				Offer.Status.ACTIVE, null, null, true, null, null, null, null, null, null, List.of("bildung"), null,
				List.of("erwachsene"), 18, null, null, Offer.Approach.PREVENTIVE, Offer.Form.GROUP,
				Offer.Setting.AMBULATORY, List.of("de"), List.of(location), null, null, null));
		return new TestOffer(org, location, offer.id());
	}

	@Test
	void anOrganizationWithItsServicesAndChangeLog() throws Exception {
		TestOffer t = testOffer();
		JsonNode org = read("/hsds/organizations/" + organizationId(t.organization()));
		valid(schema("organization.json"), org);
		assertThat(org.get("services").size()).isEqualTo(1);
		assertThat(org.get("services").get(0).get("id").asString()).isEqualTo(serviceId(t.offer()));
		assertThat(org.get("services").get(0).has("attributes")).isFalse();
		assertThat(org.get("locations").get(0).get("id").asString()).isEqualTo(locationId(t.location()));
		assertThat(org.get("locations").get(0).get("latitude").asDouble()).isEqualTo(47.41);
		assertThat(org.get("metadata").findValuesAsString("field_name")).contains("name", "website");
		JsonNode full = read("/hsds/organizations/" + organizationId(t.organization()) + "?full_service=true");
		valid(schema("organization.json"), full);
		assertThat(full.get("services").get(0).get("attributes").size()).isEqualTo(5);

		JsonNode service = read("/hsds/services/" + serviceId(t.offer()));
		JsonNode update = null;
		for (JsonNode m : service.get("metadata")) {
			assertThat(m.get("resource_id").asString()).isEqualTo(serviceId(t.offer()));
			assertThat(m.get("resource_type").asString()).isEqualTo("service");
			if (m.get("last_action_type").asString().equals("update")) {
				update = m;
			}
		}
		assertThat(service.get("metadata").get(0).get("last_action_type").asString()).isEqualTo("create");
		assertThat(update).isNotNull();
		assertThat(update.get("field_name").asString()).isEqualTo("description");
		assertThat(update.get("previous_value").asString()).isEqualTo("Ein Testangebot");
		assertThat(update.get("replacement_value").asString()).isEqualTo("Ein geändertes Testangebot");
		assertThat(update.get("last_action_date").asString()).matches("\\d{4}-\\d{2}-\\d{2}");
		JsonNode location = service.get("service_at_locations").get(0).get("location");
		assertThat(location.get("metadata").findValuesAsString("field_name")).contains("address_1", "latitude");
		assertThat(location.get("addresses").get(0).get("address_1").asString()).isEqualTo("HSDS-Testweg 1");

		// filters by organisation and change time: "on or after" the last change includes it
		String org1 = organizationId(t.organization());
		JsonNode byOrg = read("/hsds/services?organization_id=" + org1);
		assertThat(ids(byOrg)).containsExactly(serviceId(t.offer()));
		String lastModified = service.get("last_modified").asString();
		JsonNode changed = read("/hsds/services?per_page=500", "modified_after", lastModified);
		assertThat(ids(changed)).contains(serviceId(t.offer()));
		assertThat(changed.get("total_items").asLong()).isLessThan(activeOffers("true"));
		assertThat(read("/hsds/service_at_locations?organization_id=" + org1).get("contents")
			.findValuesAsString("location_id")).containsExactly(locationId(t.location()));
	}

	@Test
	void modifiedAfterInTheFutureFindsNothing() throws Exception {
		for (String path : List.of("/hsds/services", "/hsds/service_at_locations")) {
			JsonNode page = read(path + "?modified_after=2999-01-01T00:00:00Z");
			assertThat(page.get("total_items").asLong()).as(path).isZero();
			assertThat(page.get("empty").asBoolean()).isTrue();
			assertThat(read(path, "modified_after", "2999-01-01T00:00:00+01:00").get("total_items").asLong())
				.isZero();
			// an offset whose "+" was not encoded arrives as a space and still counts
			assertThat(read(path, "modified_after", "2999-01-01T00:00:00 01:00").get("total_items").asLong())
				.isZero();
		}
		assertThat(read("/hsds/services?modified_after=2000-01-01").get("total_items").asLong())
			.isEqualTo(activeOffers("true"));
	}

	@Test
	void badParametersAreRefusedWithTheParameterNamed() throws Exception {
		Map<String, String> bad = Map.of("/hsds/services?modified_after=gestern", "modified_after",
				"/hsds/service_at_locations?modified_after=2024-13-01", "modified_after",
				"/hsds/services?taxonomy_term_id=sucht", "taxonomy_term_id",
				"/hsds/services?organization_id=42", "organization_id", "/hsds/services?page=0", "page",
				"/hsds/services?per_page=viele", "per_page", "/hsds/services?format=ndjson", "format",
				"/hsds/taxonomy_terms?taxonomy_id=handlungsfelder", "taxonomy_id",
				"/hsds/services?minimal=vielleicht", "minimal", "/hsds/service_at_locations?postcode=6850", "postcode");
		for (Map.Entry<String, String> e : bad.entrySet()) {
			JsonNode problem = json.readTree(body(e.getKey(), 400));
			assertThat(problem.get("parameter").asString()).as(e.getKey()).isEqualTo(e.getValue());
			assertThat(problem.get("message").asString()).as(e.getKey()).startsWith(e.getValue() + " ");
		}
		assertThat(json.readTree(body("/hsds/services?modified_after=gestern", 400)).get("message").asString())
			.contains("ISO 8601").contains("gestern");
		// a well-formed id of nothing Spange knows finds nothing
		String random = UUID.randomUUID().toString();
		for (String parameter : List.of("taxonomy_term_id", "taxonomy_id", "organization_id")) {
			assertThat(read("/hsds/services?" + parameter + "=" + random).get("total_items").asLong()).isZero();
		}
	}

	@Test
	void unknownIdsAreNotFound() throws Exception {
		String random = UUID.randomUUID().toString();
		for (String path : List.of("/hsds/services/" + random, "/hsds/organizations/" + random,
				"/hsds/organizations/00000001-0000-4000-8000-00000fffffff", "/hsds/taxonomies/" + random,
				"/hsds/taxonomy_terms/" + random, "/hsds/service_at_locations/" + random,
				"/hsds/service_at_locations/not-a-uuid",
				"/hsds/service_at_locations/00000004-0fff-4fff-8fff-000000000001")) {
			assertThat(json.readTree(body(path, 404)).get("message").asString()).as(path).startsWith("No ");
		}
	}

	@Test
	void unknownAndInactiveServicesAreNotFound() throws Exception {
		body("/hsds/services/not-a-uuid", 404);
		body("/hsds/services/00000002-0000-4000-8000-00000fffffff", 404);
		long inactive = jdbc.sql("select min(id) from offer.offer where status = 'INACTIVE'").query(Long.class)
			.single();
		body("/hsds/services/" + serviceId(inactive), 404);
	}

	@Test
	void theShelterNeverShowsItsPointOrStreet() throws Exception {
		long shelter = jdbc.sql("select id from offer.offer where name = 'Frauenhaus Vorarlberg (fiktiv)'")
			.query(Long.class).single();
		Offer offer = catalog.offer(shelter).orElseThrow();
		Location secret = catalog.location(offer.locationIds().get(0)).orElseThrow();
		assertThat(secret.confidentialOrFalse()).isTrue();
		assertThat(secret.latitude()).isNotNull();
		String secretId = locationId(secret.id());
		String at = String.format("00000004-%04x-4%03x-8%03x-%012x", (shelter >>> 24) & 0xffff,
				(shelter >>> 12) & 0xfff, shelter & 0xfff, secret.id());
		String org = organizationId(offer.organizationId());

		JsonNode service = read("/hsds/services/" + serviceId(shelter));
		valid(schema("service.json"), service);
		assertThat(service.get("service_areas").size()).isEqualTo(96);
		JsonNode location = service.get("service_at_locations").get(0).get("location");
		assertThat(location.get("id").asString()).isEqualTo(secretId);
		assertThat(location.get("description").asString()).contains("Dornbirn");
		assertThat(location.get("metadata").findValuesAsString("field_name")).contains("name", "city")
			.doesNotContain("latitude", "longitude", "address_1", "postal_code");

		int seen = 0;
		for (String path : List.of("/hsds/services/" + serviceId(shelter),
				"/hsds/services?full=true&search=Frauenhaus", "/hsds/services?search=Frauenhaus",
				"/hsds/service_at_locations/" + at, "/hsds/service_at_locations?search=Frauenhaus",
				"/hsds/service_at_locations?full=true&search=Frauenhaus&per_page=500",
				"/hsds/service_at_locations?full=true&per_page=500&organization_id=" + org,
				"/hsds/organizations/" + org, "/hsds/organizations/" + org + "?full_service=true",
				"/hsds/organizations?full=true&full_service=true&per_page=500")) {
			List<JsonNode> shown = new ArrayList<>();
			find(read(path), secretId, shown);
			for (JsonNode l : shown) {
				assertThat(l.has("latitude") || l.has("longitude") || l.has("addresses")).as(path).isFalse();
				if (l.has("metadata")) {
					assertThat(l.get("metadata").findValuesAsString("field_name")).as(path).isNotEmpty()
						.doesNotContain("latitude", "longitude", "address_1", "postal_code");
					for (JsonNode m : l.get("metadata")) {
						assertThat(m.get("resource_id").asString()).isEqualTo(secretId);
						for (String value : List.of(m.get("previous_value").asString(),
								m.get("replacement_value").asString())) {
							assertThat(value).as(path).doesNotContain(String.valueOf(secret.latitude()))
								.doesNotContain(String.valueOf(secret.longitude()));
						}
					}
				}
			}
			seen += shown.size();
		}
		assertThat(seen).isGreaterThanOrEqualTo(10);
	}

	/** Every object with this id, anywhere in the tree. */
	private static void find(JsonNode node, String id, List<JsonNode> into) {
		if (node.isObject() && node.has("location_type") && id.equals(node.path("id").asString(""))) {
			into.add(node);
		}
		for (JsonNode child : node) {
			find(child, id, into);
		}
	}
}
