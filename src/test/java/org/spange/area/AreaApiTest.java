package org.spange.area;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.spange.SpangeTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The areas API over HTTP, on the Vorarlberg demo region. */
@SpangeTest
class AreaApiTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	@Test
	void listsTheAreasOfALevelWithTheirParentInTheScheme() throws Exception {
		JsonNode list = getJson("/api/v1/areas?scheme=vorarlberg-sozialplanungsraeume&level=gemeinde");
		assertThat(list.size()).isEqualTo(96);
		JsonNode dornbirn = find(list, "80301");
		assertThat(dornbirn.path("name").asString()).isEqualTo("Dornbirn");
		assertThat(dornbirn.path("parentName").asString()).isNotBlank();
		assertThat(dornbirn.path("id").isNumber()).as("typed ids are plain numbers in JSON").isTrue();
	}

	@Test
	void theTreeOfASchemeHasTheLandAtItsRootAndEveryGemeindeOnce() throws Exception {
		JsonNode tree = getJson("/api/v1/areas/tree?scheme=vorarlberg-bezirke");
		assertThat(tree.size()).isEqualTo(1);
		assertThat(tree.get(0).path("area").path("name").asString()).isEqualTo("Vorarlberg");
		JsonNode bezirke = tree.get(0).path("children");
		assertThat(bezirke.size()).isEqualTo(4);
		int gemeinden = 0;
		for (JsonNode bezirk : bezirke) {
			gemeinden += bezirk.path("children").size();
		}
		assertThat(gemeinden).isEqualTo(96);
	}

	@Test
	void oneAreaShowsItsParentsInEverySchemeAndItsChildren() throws Exception {
		long id = find(getJson("/api/v1/areas?scheme=vorarlberg-bezirke&level=bezirk"), "803").path("id").asLong();
		JsonNode dornbirnBezirk = getJson("/api/v1/areas/" + id);
		assertThat(dornbirnBezirk.path("area").path("name").asString()).isEqualTo("Dornbirn");
		JsonNode position = dornbirnBezirk.path("schemes").get(0);
		assertThat(position.path("scheme").path("key").asString()).isEqualTo("vorarlberg-bezirke");
		assertThat(position.path("ancestors").get(0).path("name").asString()).isEqualTo("Vorarlberg");
		List<String> children = position.path("children").valueStream().map(c -> c.path("name").asString()).toList();
		assertThat(children).containsExactlyInAnyOrder("Dornbirn", "Hohenems", "Lustenau");
	}

	@Test
	void mapLayersAreSimplerAtLowZoomAndAnsweredWithNotModifiedWhenUnchanged() throws Exception {
		String url = "/api/v1/areas/geojson?scheme=vorarlberg-bezirke&level=gemeinde&zoom=";
		MockHttpServletResponse coarse = mvc.perform(get(url + 6)).andReturn().getResponse();
		MockHttpServletResponse detailed = mvc.perform(get(url + 14)).andReturn().getResponse();
		assertThat(coarse.getContentType()).startsWith("application/geo+json");
		assertThat(json.readTree(coarse.getContentAsString()).path("features").size()).isEqualTo(96);
		assertThat(json.readTree(detailed.getContentAsString()).path("features").size()).isEqualTo(96);
		assertThat(coarse.getContentAsString().length()).isLessThan(detailed.getContentAsString().length() / 3);

		String etag = coarse.getHeader("ETag");
		assertThat(etag).isNotBlank();
		assertThat(mvc.perform(get(url + 6).header("If-None-Match", etag)).andReturn().getResponse().getStatus())
			.isEqualTo(304);
	}

	@Test
	void unknownSchemesAndAreasAreNotFound() throws Exception {
		assertThat(mvc.perform(get("/api/v1/areas?scheme=gibt-es-nicht&level=gemeinde")).andReturn().getResponse()
			.getStatus()).isEqualTo(404);
		assertThat(mvc.perform(get("/api/v1/areas/999999999")).andReturn().getResponse().getStatus()).isEqualTo(404);
	}

	@Test
	void theIllustrativeSchemeIsMarkedAsADraft() throws Exception {
		Map<String, Boolean> illustrative = new java.util.HashMap<>();
		getJson("/api/v1/areas/schemes")
			.forEach(s -> illustrative.put(s.path("key").asString(), s.path("illustrative").asBoolean()));
		assertThat(illustrative).containsEntry("vorarlberg-sozialplanungsraeume", true)
			.containsEntry("vorarlberg-bezirke", false);
		String page = mvc.perform(get("/").param("scheme", "vorarlberg-sozialplanungsraeume"))
			.andReturn().getResponse().getContentAsString();
		assertThat(page).contains("Illustrativer Entwurf");
	}

	private JsonNode getJson(String url) throws Exception {
		MockHttpServletResponse response = mvc.perform(get(url)).andReturn().getResponse();
		assertThat(response.getStatus()).as(url).isEqualTo(200);
		return json.readTree(response.getContentAsString());
	}

	private static JsonNode find(JsonNode list, String code) {
		for (JsonNode a : list) {
			if (code.equals(a.path("code").asString())) {
				return a;
			}
		}
		throw new AssertionError("no area " + code);
	}
}
