package org.spange.atlas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.spange.SpangeTest;
import org.spange.indicator.IndicatorCatalog;
import org.spange.indicator.ObservationImportOptions;
import org.spange.indicator.ObservationImports;
import org.spange.indicator.Variable;
import org.spange.indicator.Variable.AreaAggregation;
import org.spange.indicator.Variable.TimeAggregation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Index and typology through HTTP: definitions by API, pages with map table and explanation, export, roles. */
@SpangeTest
class MonitoringPagesTest {

	private static final String P = "monitoringpagestest_";

	@Autowired
	MockMvc mvc;

	@Autowired
	IndicatorCatalog catalog;

	@Autowired
	ObservationImports imports;

	private static RequestPostProcessor planner() {
		return user("planung").roles("PLANNER");
	}

	@BeforeEach
	void data() throws Exception {
		if (catalog.variable(P + "a").isPresent()) {
			return;
		}
		for (String key : new String[] { P + "a", P + "b" }) {
			catalog.createVariable(new Variable(key, "Merkmal " + key, "Variable " + key, "", null, "Test", "CC0",
					null, AreaAggregation.NONE, null, TimeAggregation.LAST, true, false, false));
		}
		StringBuilder csv = new StringBuilder("gkz;jahr;" + P + "a;" + P + "b\n");
		String[] codes = { "80101", "80102", "80103", "80104", "80105", "80106", "80107", "80108" };
		for (int i = 0; i < codes.length; i++) {
			int group = i < 4 ? 0 : 10;
			csv.append(codes[i]).append(";2024;").append(group + i % 4).append(';').append(group * 2 + i % 3)
				.append('\n');
		}
		imports.importObservations("m.csv", csv.toString().getBytes(StandardCharsets.UTF_8),
				ObservationImportOptions.defaults());
		mvc.perform(put("/api/v1/atlas/indexes/mpt-index").with(planner()).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content("""
					{"nameDe": "Testindex", "nameEn": "Test index", "schemeKey": "vorarlberg-bezirke",
					 "levelKey": "gemeinde", "minPopulation": 300, "dynamicsPeriods": 1,
					 "components": [{"key": "%1$sa", "polarity": "HIGHER_IS_WORSE", "weight": 2},
					                {"key": "%1$sb", "polarity": "HIGHER_IS_BETTER", "weight": 1}]}""".formatted(P)))
			.andExpect(status().isOk());
		mvc.perform(put("/api/v1/atlas/typologies/mpt-types").with(planner()).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content("""
					{"nameDe": "Testtypen", "nameEn": "Test types", "schemeKey": "vorarlberg-bezirke",
					 "levelKey": "gemeinde", "indicatorKeys": ["%1$sa", "%1$sb"], "method": "K_MEANS",
					 "minTypes": 2, "maxTypes": 4, "seed": 1}""".formatted(P)))
			.andExpect(status().isOk());
	}

	private String html(String url, RequestPostProcessor who) throws Exception {
		return mvc.perform(get(url).with(who)).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	@Test
	void theIndexPageShowsClassesExplanationsAndTheMatrix() throws Exception {
		String page = html("/atlas/index/mpt-index", planner());
		assertThat(page).contains("Testindex").contains("data-fill=\"#").contains("Beiträge der Indikatoren")
			.contains("nicht im Index (Daten fehlen)").contains("Status × Dynamik").contains("Merkmal " + P + "a");
		String csv = mvc.perform(get("/atlas/index/mpt-index/export.csv").with(planner())).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(csv).contains("code;name;ausschluss;statusindex").contains("80101;Bartholomäberg;;")
			.contains("MISSING_DATA");
		assertThat(html("/atlas/monitoring", user("g").roles("MUNICIPALITY"))).contains("Testindex")
			.contains("Testtypen");
	}

	@Test
	void theTypologyPageShowsTypesChartsAndTakesNames() throws Exception {
		String page = html("/atlas/typology/mpt-types", planner());
		assertThat(page).contains("Profile der Typen").contains("data-typology-chart=\"biplot\"").contains("Typ 2");
		mvc.perform(post("/atlas/typology/mpt-types/types/0").with(planner()).with(csrf()).param("name", "Kernraum"))
			.andExpect(status().is3xxRedirection());
		assertThat(html("/atlas/typology/mpt-types", planner())).contains("Kernraum");
	}

	@Test
	void badDefinitionsAndOutsidersAreTurnedAway() throws Exception {
		mvc.perform(put("/api/v1/atlas/indexes/bad").with(planner()).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content("""
					{"nameDe": "x", "nameEn": "x", "schemeKey": "none", "levelKey": "gemeinde", "dynamicsPeriods": 1,
					 "components": [{"key": "none", "polarity": "HIGHER_IS_WORSE", "weight": 1}]}"""))
			.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.problems.length()").value(2));
		mvc.perform(get("/atlas/index/mpt-index").with(anonymous())).andExpect(status().is3xxRedirection());
		mvc.perform(get("/atlas/index/mpt-index").with(user("t").roles("PROVIDER"))).andExpect(status().isForbidden());
		mvc.perform(post("/atlas/typology/mpt-types/types/0").with(user("g").roles("MUNICIPALITY")).with(csrf())
			.param("name", "x")).andExpect(status().isForbidden());
	}
}
