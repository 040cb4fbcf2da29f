package org.spange.offer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.spange.SpangeTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The HSDS read API on the demo inventory, every response valid against the HSDS 3.0 schemas (copied into
 * {@code src/test/resources/hsds-3.0}, CC BY-SA 4.0, Open Referral), with format assertions on (uuid, uri, email).
 */
@SpangeTest
class HsdsApiTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	private final ObjectMapper json = new ObjectMapper();

	private static JsonSchema schema(String name) throws IOException {
		SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
		try (InputStream in = HsdsApiTest.class.getResourceAsStream("/hsds-3.0/" + name)) {
			return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
		}
	}

	private String body(String path, int expected) throws Exception {
		var response = mvc.perform(get(path).with(anonymous())).andReturn().getResponse();
		assertThat(response.getStatus()).as(path).isEqualTo(expected);
		return response.getContentAsString(StandardCharsets.UTF_8);
	}

	private static void valid(JsonSchema schema, JsonNode node) {
		Set<ValidationMessage> errors = schema.validate(node.toString(), InputFormat.JSON);
		assertThat(errors).as(node.path("name").asString()).isEmpty();
	}

	@Test
	void theValidatorRejectsWhatIsNotHsds() throws Exception {
		// guards the other tests: a wrong id format, a missing name and an unknown status are all caught
		assertThat(schema("service.json").validate("{\"id\": \"42\", \"status\": \"open\"}", InputFormat.JSON))
			.hasSizeGreaterThanOrEqualTo(3);
	}

	@Test
	void servicesAndOrganizationsAreValidHsds() throws Exception {
		JsonSchema item = schema("service_list.json");
		JsonSchema full = schema("service.json");
		JsonNode page = json.readTree(body("/hsds/services?per_page=500", 200));
		assertThat(page.get("total_items").asLong()).isGreaterThanOrEqualTo(100);
		assertThat(page.get("page_number").asInt()).isEqualTo(1);
		assertThat(page.get("contents").size()).isGreaterThanOrEqualTo(100);
		for (JsonNode service : page.get("contents")) {
			valid(item, service);
			assertThat(service.get("status").asString()).isEqualTo("active");
		}
		String id = page.get("contents").get(0).get("id").asString();
		valid(full, json.readTree(body("/hsds/services/" + id, 200)));

		JsonSchema organization = schema("organization_list.json");
		JsonNode orgs = json.readTree(body("/hsds/organizations?per_page=500", 200));
		assertThat(orgs.get("contents").size()).isGreaterThanOrEqualTo(30);
		for (JsonNode org : orgs.get("contents")) {
			valid(organization, org);
		}
	}

	@Test
	void theShelterIsValidHsdsWithoutItsPoint() throws Exception {
		long shelter = jdbc.sql("select id from offer.offer where name = 'Frauenhaus Vorarlberg (fiktiv)'")
			.query(Long.class).single();
		String body = body(String.format("/hsds/services/00000002-0000-4000-8000-%012x", shelter), 200);
		JsonNode service = json.readTree(body);
		valid(schema("service.json"), service);
		JsonNode location = service.get("service_at_locations").get(0).get("location");
		assertThat(location.has("latitude")).isFalse();
		assertThat(location.has("addresses")).isFalse();
		assertThat(service.get("service_areas").size()).isEqualTo(96);
	}

	@Test
	void unknownAndInactiveServicesAreNotFound() throws Exception {
		body("/hsds/services/not-a-uuid", 404);
		body("/hsds/services/00000002-0000-4000-8000-00000fffffff", 404);
		long inactive = jdbc.sql("select min(id) from offer.offer where status = 'INACTIVE'").query(Long.class)
			.single();
		body(String.format("/hsds/services/00000002-0000-4000-8000-%012x", inactive), 404);
	}
}
