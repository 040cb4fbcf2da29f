package org.spange.atlas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.spange.SpangeTest;
import org.spange.area.AreaQueries;
import org.spange.indicator.Indicator;
import org.spange.indicator.IndicatorCatalog;
import org.spange.indicator.ObservationImportOptions;
import org.spange.indicator.ObservationImports;
import org.spange.indicator.Polarity;
import org.spange.indicator.Variable;
import org.spange.indicator.Variable.AreaAggregation;
import org.spange.indicator.Variable.TimeAggregation;
import org.spange.platform.imports.ImportReport.Outcome;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The area profile and the comparison: German numbers, change in percentage points, parents as references, and the
 * public seeing published indicators only, with small counts withheld.
 */
@SpangeTest
class ProfilePageTest {

	private static final String P = "profilepagetest_";

	@Autowired
	MockMvc mvc;

	@Autowired
	IndicatorCatalog catalog;

	@Autowired
	ObservationImports imports;

	@Autowired
	AreaQueries areas;

	long bartholomaeberg;
	long blons;

	@BeforeEach
	void data() {
		bartholomaeberg = areas.byCode("gemeinde", "80101").orElseThrow().id().value();
		blons = areas.byCode("gemeinde", "80102").orElseThrow().id().value();
		if (catalog.indicator(P + "rate").isPresent()) {
			return;
		}
		for (String key : new String[] { P + "pop", P + "cases" }) {
			catalog.createVariable(new Variable(key, "Test " + key, "Test " + key, "Personen", null, "Testquelle",
					"CC BY 4.0", null, AreaAggregation.SUM, null, TimeAggregation.LAST, true, false, true));
		}
		var result = imports.importObservations("profile.csv", ("gkz;jahr;" + P + "pop;" + P + "cases\n"
				+ "80101;2024;2000;100\n80101;2025;2000;110\n80102;2024;300;2\n80102;2025;300;3\n")
			.getBytes(StandardCharsets.UTF_8), ObservationImportOptions.defaults());
		assertThat(result.report().outcome()).isEqualTo(Outcome.WRITTEN);
		catalog.saveIndicator(new Indicator(P + "rate", "Testquote", "Test rate",
				"100 * " + P + "cases / " + P + "pop", "%", Polarity.HIGHER_IS_WORSE, 1, null, null, true));
		catalog.saveIndicator(new Indicator(P + "hidden", "Interne Quote", "Internal rate",
				"100 * " + P + "cases / " + P + "pop", "%", Polarity.HIGHER_IS_WORSE, 2, null, null, false));
	}

	private String page(String url, RequestPostProcessor who) throws Exception {
		return mvc.perform(get(url).with(who)).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	@Test
	void theProfileShowsTheLatestValueTheChangeAndTheParents() throws Exception {
		String html = page("/atlas/areas/" + bartholomaeberg, user("planung").roles("PLANNER"));
		assertThat(html).contains("Testquote").contains("5,5 %").contains("+0,5 Pp.").contains("seit 2024")
			.contains("Bludenz").contains("Vorarlberg").contains("Interne Quote").contains("Testquelle (CC BY 4.0)")
			.contains("data-chart=");
		assertThat(html).as("the demo's social index, for planners").contains("Sozialindex Vorarlberg")
			.contains("Beiträge der Indikatoren");
		assertThat(page("/atlas/areas/" + bartholomaeberg, anonymous())).doesNotContain("Sozialindex Vorarlberg");
		assertThat(page("/atlas/areas/" + bartholomaeberg + "?lang=en", user("planung").roles("PLANNER")))
			.contains("5.5 %").contains("+0.5 pp");
	}

	@Test
	void thePublicSeesPublishedIndicatorsAndNoSmallCounts() throws Exception {
		String html = page("/atlas/areas/" + bartholomaeberg, anonymous());
		assertThat(html).contains("Testquote").doesNotContain("Interne Quote");
		String small = page("/atlas/areas/" + blons, anonymous());
		assertThat(small).contains("Testquote").contains("geheim gehalten").doesNotContain("1,0 %");
		assertThat(page("/atlas/areas/" + blons, user("planung").roles("PLANNER"))).contains("1,0 %");
	}

	@Test
	void theComparisonPutsAreasSideBySide() throws Exception {
		String html = page("/atlas/compare?area=" + bartholomaeberg + "&area=" + blons,
				user("planung").roles("PLANNER"));
		assertThat(html).contains("Bartholomäberg").contains("Blons").contains("5,5 %").contains("1,0 %");
		String tooMany = page("/atlas/compare?area=1&area=2&area=3&area=4&area=5&area=6", anonymous());
		assertThat(tooMany).contains("höchstens 5");
	}

	@Test
	void everyAreaTheMapWithholdsIsWithheldInTheProfileToo() throws Exception {
		String json = mvc.perform(get("/api/v1/atlas/map").param("key", P + "rate").param("period", "2025")
			.param("scheme", "vorarlberg-bezirke").param("level", "gemeinde").with(anonymous()))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		var areas = new tools.jackson.databind.json.JsonMapper().readTree(json).get("areas");
		int withheld = 0;
		for (var area : areas) {
			if ("suppressed".equalsIgnoreCase(area.get("status").asString())) {
				withheld++;
				assertThat(page("/atlas/areas/" + area.get("id").asLong(), anonymous()))
					.as("profile of %s", area.get("name").asString()).contains("geheim gehalten");
			}
		}
		assertThat(withheld).as("Blons (3 cases) and the area that protects it").isGreaterThanOrEqualTo(2);
	}
}
