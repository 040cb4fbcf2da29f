package org.spange.atlas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spange.atlas.AtlasTestData.HIDDEN;
import static org.spange.atlas.AtlasTestData.SCHEME;
import static org.spange.atlas.AtlasTestData.SHARE;
import static org.spange.atlas.AtlasTestData.SMALL;
import static org.spange.atlas.AtlasTestData.SYNTH_RATE;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.spange.SpangeTest;
import org.spange.area.AreaQueries;
import org.spange.indicator.IndicatorCatalog;
import org.spange.indicator.ObservationImports;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The atlas page as the server renders it — what a visitor without JavaScript gets: the form keeps the choice in the
 * URL, and table, legend, histogram, ranking, sources and exports are there without any script.
 */
@SpangeTest
class AtlasPageTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	IndicatorCatalog catalog;

	@Autowired
	ObservationImports imports;

	@Autowired
	AreaQueries areas;

	@BeforeEach
	void data() {
		AtlasTestData.ensure(catalog, imports, areas);
	}

	@Test
	void everythingButTheMapIsRenderedOnTheServer() throws Exception {
		String html = page(anonymous(), "key", SHARE, "scheme", SCHEME, "level", "gemeinde", "period", "2024");
		assertThat(html).contains("<h1>Sozialatlas</h1>", "Testanteil 65+", "method=quantiles");
		assertThat(count(html, "<tr data-area-id=")).isEqualTo(96);
		assertThat(html).contains("<caption>", "<th scope=\"col\"", "aria-sort=\"ascending\"", "<th scope=\"row\"");
		assertThat(html).contains(">23,3<").as("German display");
		assertThat(count(html, "<li data-class=")).isEqualTo(5);
		assertThat(html).contains("keine Daten (grau schraffiert)", "Vorarlberg: ");
		assertThat(html).contains("Quellen und Lizenzen", "Testamt für Statistik", "CC BY 4.0", "ColorBrewer");
		assertThat(html).contains("/api/v1/atlas/export.csv?key=atlastest_share&amp;period=2024",
				"/api/v1/atlas/export.xlsx?", "/api/v1/atlas/export.geojson?");
		assertThat(html).contains("class=\"histogram\" role=\"img\"", "Verteilung als Tabelle", "Die ersten 5",
				"Die letzten 5");
		assertThat(html).as("no inline script or style (CSP)").doesNotContain("style=\"", "<script>", "onclick");
		assertThat(html).contains("id=\"atlas-map\"", "data-values=\"/api/v1/atlas/map?key=atlastest_share");
		assertThat(html).doesNotContain("atlas-synthetic");

		String english = page(anonymous(), "key", SHARE, "level", "gemeinde", "lang", "en");
		assertThat(english).contains("<h1>Social atlas</h1>", ">23.3<", "Sources and licences");
	}

	@Test
	void theSyntheticNoticeShowsWhereItApplies() throws Exception {
		String html = page(anonymous(), "key", SYNTH_RATE, "level", "gemeinde");
		assertThat(html).contains("id=\"atlas-synthetic\"", "synthetischen Demodaten", "badge synthetic");
	}

	@Test
	void unpublishedIndicatorsOnlyForPlannersAndWithheldCellsHatched() throws Exception {
		String open = page(anonymous(), "key", HIDDEN);
		assertThat(open).doesNotContain("value=\"" + HIDDEN + "\"").contains("ist nicht verfügbar");
		String planner = page(user("planung").roles("PLANNER"), "key", HIDDEN, "level", "gemeinde");
		assertThat(planner).contains("value=\"" + HIDDEN + "\"", "nicht veröffentlicht", "Interne Ansicht");

		String small = page(anonymous(), "key", SMALL, "level", "gemeinde");
		assertThat(small).contains("aus Datenschutzgründen geheim gehalten", "data-status=\"suppressed\"",
				"url(#atlas-hatch-suppressed)");
		String plannerSmall = page(user("planung").roles("PLANNER"), "key", SMALL, "level", "gemeinde");
		assertThat(plannerSmall).contains("geheim (kleine Zahl)").doesNotContain("data-status=\"suppressed\"");
	}

	@Test
	void wrongChoicesFallBackWithANotice() throws Exception {
		String period = page(anonymous(), "key", SHARE, "period", "2019", "level", "gemeinde");
		assertThat(period).contains("Für 2019 gibt es bei „Testanteil 65+“ keine Werte");
		assertThat(count(period, "<tr data-area-id=")).isEqualTo(96);

		String breaks = page(anonymous(), "key", SHARE, "level", "gemeinde", "method", "manual", "breaks", "30;40");
		assertThat(breaks).contains("role=\"alert\"", "Gezeigt werden Quantile");
		assertThat(breaks).as("the entry stays in the form").contains("value=\"30;40\"");

		String level = page(anonymous(), "key", SHARE, "scheme", "vorarlberg-sozialplanungsraeume", "level",
				"bezirk");
		assertThat(level).contains("hat keine Ebene „bezirk“");

		String manual = page(anonymous(), "key", SHARE, "level", "gemeinde", "method", "manual", "breaks",
				"0; 12,5; 20; 100");
		assertThat(count(manual, "<li data-class=")).isEqualTo(3);
		assertThat(manual).contains("über 12,5 bis 20,0", "breaks=0;12.5;20;100");
	}

	private String page(RequestPostProcessor who, String... params) throws Exception {
		MockHttpServletRequestBuilder request = get("/atlas");
		for (int i = 0; i < params.length; i += 2) {
			request.param(params[i], params[i + 1]);
		}
		MockHttpServletResponse response = mvc.perform(request.with(who)).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		return response.getContentAsString(StandardCharsets.UTF_8);
	}

	private static int count(String text, String what) {
		Matcher m = Pattern.compile(Pattern.quote(what)).matcher(text);
		int n = 0;
		while (m.find()) {
			n++;
		}
		return n;
	}
}
