package org.spange.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.spange.SpangeTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The statistics page: indicator form with formula problems marked, imports with report and background progress. */
@SpangeTest
class IndicatorAdminPageTest {

	private static final String P = "indicatoradminpagetest_";

	@Autowired
	MockMvc mvc;

	@Autowired
	IndicatorCatalog catalog;

	@Autowired
	JsonMapper json;

	@BeforeEach
	void variables() {
		IndicatorTestData.ensure(catalog, IndicatorTestData.count(P + "pop"));
		IndicatorTestData.ensure(catalog, IndicatorTestData.count(P + "old"));
	}

	private static RequestPostProcessor planner() {
		return user("planung").roles("PLANNER");
	}

	private String html(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
		return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	@Test
	void aFormulaErrorIsMarkedWhereItIsAndTheFormKeepsTheInput() throws Exception {
		String page = html(post("/admin/indicators/save").with(planner()).with(csrf()).param("key", P + "share")
			.param("nameDe", "Anteil").param("nameEn", "Share").param("formula", "100 * " + P + "olt / " + P + "pop")
			.param("unit", "%").param("polarity", "NEUTRAL").param("decimals", "1").param("action", "save"));
		assertThat(page).contains("<mark>" + P + "olt</mark>").contains("an Stelle 7")
			.contains("value=\"Anteil\"");
		assertThat(catalog.indicator(P + "share")).isEmpty();

		String checked = html(post("/admin/indicators/save").with(planner()).with(csrf()).param("key", P + "share")
			.param("nameDe", "Anteil").param("nameEn", "Share").param("formula", "100 * " + P + "old / " + P + "pop")
			.param("polarity", "NEUTRAL").param("action", "check"));
		assertThat(checked).contains("Hinweis").contains("<mark>" + P + "pop</mark>");
		assertThat(catalog.indicator(P + "share")).as("checking saves nothing").isEmpty();

		String saved = html(post("/admin/indicators/save").with(planner()).with(csrf()).param("key", P + "share")
			.param("nameDe", "Anteil").param("nameEn", "Share").param("formula", "100 * " + P + "old / " + P + "pop")
			.param("polarity", "NEUTRAL").param("published", "true").param("action", "save"));
		assertThat(saved).contains("ist gespeichert");
		assertThat(catalog.indicator(P + "share").orElseThrow().published()).isTrue();
		assertThat(html(get("/admin/indicators").param("edit", P + "share").with(planner())))
			.contains("100 * " + P + "old / " + P + "pop</textarea>");
	}

	@Test
	void aBadFileIsReportedByLineAndField() throws Exception {
		MockMultipartFile file = new MockMultipartFile("file", "bad.csv", "text/csv",
				("gkz;jahr;" + P + "pop\n80101;2024;12x\n").getBytes(StandardCharsets.UTF_8));
		String page = html(multipart("/admin/indicators/observations").file(file).with(planner()).with(csrf()));
		assertThat(page).contains("Zeile 2").contains(P + "pop").contains("class=\"report rejected\"");
	}

	@Test
	void aBackgroundImportReportsProgressAndEndsWithItsReportForItsOwnerOnly() throws Exception {
		StringBuilder csv = new StringBuilder("gkz;jahr;" + P + "pop;" + P + "old\n");
		for (int year = 2000; year < 2020; year++) {
			csv.append("80101;").append(year).append(";1000;").append(year - 1900).append('\n');
		}
		MockMultipartFile file = new MockMultipartFile("file", "years.csv", "text/csv",
				csv.toString().getBytes(StandardCharsets.UTF_8));
		String started = mvc.perform(multipart("/admin/indicators/observations/jobs").file(file).with(planner())
			.with(csrf())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		String id = json.readTree(started).get("id").asString();

		JsonNode job;
		Instant until = Instant.now().plus(Duration.ofSeconds(30));
		do {
			Thread.sleep(50);
			job = json.readTree(mvc.perform(get("/admin/indicators/observations/jobs/" + id).with(planner()))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
		} while (!job.get("finished").asBoolean() && Instant.now().isBefore(until));
		assertThat(job.get("finished").asBoolean()).isTrue();

		assertThat(html(get("/admin/indicators").param("job", id).with(planner())))
			.contains("years.csv").contains("class=\"report ok\"");
		mvc.perform(get("/admin/indicators/observations/jobs/" + id).with(user("other").roles("PLANNER")))
			.andExpect(status().isNotFound());
		assertThat(catalog.periods(P + "pop")).hasSize(20);
	}
}
