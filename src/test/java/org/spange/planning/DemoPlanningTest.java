package org.spange.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.spange.SpangeTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The six demo guidelines are loaded once, labelled as demo content, and shown on the dashboard. */
@SpangeTest
class DemoPlanningTest {

	static final List<String> TITLES = List.of("Lebensbedingungen verbessern", "Sozialräumlich orientieren",
			"Ressortübergreifend planen und arbeiten", "Prävention vor Intervention",
			"Strukturelle vor individueller Hilfe", "Vernetzung und Kooperation");

	@Autowired
	Planning planning;

	@Autowired
	MockMvc mvc;

	@Test
	void theSixGuidelinesAreThereOnceAndLabelled() throws Exception {
		List<Guideline> demo = planning.guidelines().stream().filter(Guideline::isDemo).toList();
		assertThat(demo).extracting(Guideline::title).containsExactlyElementsOf(TITLES);
		assertThat(demo).allSatisfy(g -> {
			assertThat(g.text()).contains("Demo-Inhalt");
			assertThat(g.areaId()).isNotNull();
		});
		String html = mvc.perform(get("/planning").with(user("planung").roles("PLANNER"))).andReturn().getResponse()
			.getContentAsString();
		assertThat(html).contains("Prävention vor Intervention", "Demo-Inhalt");
	}
}
