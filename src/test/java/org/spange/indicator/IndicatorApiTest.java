package org.spange.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.spange.SpangeTest;
import org.spange.area.AreaQueries;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The indicator API through HTTP: planners maintain, other roles and the public read what is published. */
@SpangeTest
class IndicatorApiTest {

	private static final String P = "indicatorapitest_";

	@Autowired
	MockMvc mvc;

	@Autowired
	AreaQueries areas;

	private static RequestPostProcessor planner() {
		return user("planung").roles("PLANNER");
	}

	private static RequestPostProcessor municipality() {
		return user("gemeinde").roles("MUNICIPALITY");
	}

	private static String json(String key, boolean published) {
		return """
				{"key": "%s", "nameDe": "Alleinerziehende", "nameEn": "Single parents", "unit": "Haushalte",
				 "source": "Synthetisch", "licence": "CC0", "areaAggregation": "SUM", "timeAggregation": "LAST",
				 "nonNegative": true, "synthetic": true, "published": %s}""".formatted(key, published);
	}

	private static MockMultipartFile csv(String content) {
		return new MockMultipartFile("file", "werte.csv", "text/csv", content.getBytes());
	}

	@Test
	void aPlannerCreatesAVariableImportsAndReads() throws Exception {
		String key = P + "single";
		mvc.perform(post("/api/v1/indicators/variables").with(planner()).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content(json(key, false)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.variable.key").value(key))
			.andExpect(jsonPath("$.notice").value(Matchers.containsString("Synthetic")));
		mvc.perform(post("/api/v1/indicators/variables").with(planner()).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content(json(key, false)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.problems[0].code").value("variable.key.exists"));

		String file = "gkz;jahr;" + key + "\n80101;2024;12\n80102;2024;.\n";
		mvc.perform(multipart("/api/v1/indicators/imports/observations").file(csv(file)).param("preview", "true")
			.with(planner()).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.report.outcome").value("PREVIEW"))
			.andExpect(jsonPath("$.report.created").value(2))
			.andExpect(jsonPath("$.rows[1].status").value("MISSING"))
			.andExpect(jsonPath("$.rows[1].value").value(Matchers.nullValue()));
		mvc.perform(multipart("/api/v1/indicators/imports/observations").file(csv(file)).with(planner()).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.report.outcome").value("WRITTEN"))
			.andExpect(jsonPath("$.layout").value("WIDE"));
		mvc.perform(multipart("/api/v1/indicators/imports/observations")
			.file(csv("gkz;jahr;" + key + "\n89999;2024;1\n")).with(planner()).with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.report.outcome").value("REJECTED"))
			.andExpect(jsonPath("$.report.problems[0].number").value(2))
			.andExpect(jsonPath("$.report.problems[0].field").value("gkz"))
			.andExpect(jsonPath("$.report.problems[0].code").value("import.csv.unknownArea"));

		long blons = areas.byCode("gemeinde", "80102").orElseThrow().id().value();
		mvc.perform(get("/api/v1/indicators/variables/" + key + "/observations").param("period", "2024")
			.param("area", Long.toString(blons)).with(planner()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.period").value("2024"))
			.andExpect(jsonPath("$.observations.length()").value(1))
			.andExpect(jsonPath("$.observations[0].area").value(blons))
			.andExpect(jsonPath("$.observations[0].status").value("MISSING"))
			.andExpect(jsonPath("$.observations[0].value").value(Matchers.nullValue()));
		mvc.perform(get("/api/v1/indicators/variables/" + key + "/periods").with(planner()))
			.andExpect(status().isOk()).andExpect(jsonPath("$[0]").value("2024"));
		mvc.perform(get("/api/v1/indicators/variables/" + key + "/observations").param("period", "2024-13")
			.with(planner())).andExpect(status().isBadRequest());

		mvc.perform(put("/api/v1/indicators/variables/" + key).with(planner()).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content(json(key, true)))
			.andExpect(status().isOk()).andExpect(jsonPath("$.variable.published").value(true));
		mvc.perform(put("/api/v1/indicators/variables/" + P + "nobody").with(planner()).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content(json(P + "nobody", true)))
			.andExpect(status().isNotFound());
	}

	@Test
	void unpublishedVariablesAreHiddenFromThePublicAndOtherRoles() throws Exception {
		String hidden = P + "hidden";
		String shown = P + "shown";
		for (String key : new String[] { hidden, shown }) {
			mvc.perform(post("/api/v1/indicators/variables").with(planner()).with(csrf())
				.contentType(MediaType.APPLICATION_JSON).content(json(key, key.equals(shown))))
				.andExpect(status().isCreated());
		}
		for (RequestPostProcessor who : new RequestPostProcessor[] { anonymous(), municipality() }) {
			mvc.perform(get("/api/v1/indicators/variables").with(who)).andExpect(status().isOk())
				.andExpect(jsonPath("$[*].variable.key", Matchers.hasItem(shown)))
				.andExpect(jsonPath("$[*].variable.key", Matchers.not(Matchers.hasItem(hidden))));
			mvc.perform(get("/api/v1/indicators/variables/" + hidden).with(who)).andExpect(status().isNotFound());
			// raw numbers skip disclosure control: not even published ones go to the public this way
			mvc.perform(get("/api/v1/indicators/variables/" + shown + "/observations").param("period", "2024")
				.with(who)).andExpect(status().is4xxClientError());
		}
		mvc.perform(get("/api/v1/indicators/variables").with(planner())).andExpect(status().isOk())
			.andExpect(jsonPath("$[*].variable.key", Matchers.hasItems(shown, hidden)));
	}

	@Test
	void onlyPlannersAndAdminsWrite() throws Exception {
		String key = P + "denied";
		mvc.perform(post("/api/v1/indicators/variables").with(municipality()).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content(json(key, true))).andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/indicators/variables").with(anonymous()).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content(json(key, true))).andExpect(status().isUnauthorized());
		mvc.perform(multipart("/api/v1/indicators/imports/observations").file(csv("gkz;jahr\n"))
			.with(municipality()).with(csrf())).andExpect(status().isForbidden());
		mvc.perform(multipart("/api/v1/indicators/imports/observations").file(csv("gkz;jahr\n")).with(anonymous())
			.with(csrf())).andExpect(status().isUnauthorized());
		mvc.perform(put("/api/v1/indicators/topics/indicatorapitest").with(municipality()).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content("{\"nameDe\": \"T\", \"nameEn\": \"T\"}"))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/indicators/variables/" + key).with(planner())).andExpect(status().isNotFound());

		mvc.perform(put("/api/v1/indicators/topics/indicatorapitest").with(user("admin").roles("ADMIN"))
			.with(csrf()).contentType(MediaType.APPLICATION_JSON).content("{\"nameDe\": \"T\", \"nameEn\": \"T\"}"))
			.andExpect(status().isOk()).andExpect(jsonPath("$.key").value("indicatorapitest"));
		mvc.perform(get("/api/v1/indicators/topics").with(anonymous())).andExpect(status().isOk())
			.andExpect(jsonPath("$[*].key", Matchers.hasItem("indicatorapitest")));
	}
}
