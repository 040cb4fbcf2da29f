package org.spange.atlas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.spange.SpangeTest;
import org.spange.indicator.Indicator;
import org.spange.indicator.IndicatorCatalog;
import org.spange.indicator.ObservationImportOptions;
import org.spange.indicator.ObservationImports;
import org.spange.indicator.Polarity;
import org.spange.indicator.Variable;
import org.spange.indicator.Variable.AreaAggregation;
import org.spange.indicator.Variable.TimeAggregation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

/** The early-warning pages: rules from a form (German numbers), the list, the panel, who may see and act. */
@SpangeTest
class AlertPagesTest {

	private static final String P = "alertpagestest_";

	@Autowired
	MockMvc mvc;

	@Autowired
	IndicatorCatalog catalog;

	@Autowired
	ObservationImports imports;

	@Test
	@WithMockUser(username = "planung", roles = "PLANNER")
	void aPlannerCreatesARuleAndSeesAndAcknowledgesItsAlerts() throws Exception {
		catalog.createVariable(new Variable(P + "x", "x", "x", "", null, "Test", "CC0", null, AreaAggregation.SUM,
				null, TimeAggregation.LAST, true, false, false));
		imports.importObservations("x.csv", ("gkz;jahr;" + P + "x\n80101;2024;7\n80102;2024;2\n")
			.getBytes(StandardCharsets.UTF_8), ObservationImportOptions.defaults());
		catalog.saveIndicator(new Indicator(P + "ind", "Testindikator", "Test", "1 * " + P + "x", "", Polarity.HIGHER_IS_WORSE,
				1, null, null, false));

		mvc.perform(post("/atlas/alerts/rules").with(csrf()).param("name", P + "Regel").param("subjectKey", P + "ind")
			.param("schemeKey", "vorarlberg-bezirke").param("levelKey", "gemeinde").param("condition", "ABOVE")
			.param("threshold", "4,5")).andExpect(status().is3xxRedirection());
		String page = mvc.perform(get("/atlas/alerts")).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains(P + "Regel").contains("Bartholomäberg").contains("über 4,50").contains("Wert 7,00")
			.doesNotContain(">Blons<");
		String panel = mvc.perform(get("/atlas/alerts/panel")).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(panel).contains("Bartholomäberg").doesNotContain("<html");

		String bad = mvc.perform(post("/atlas/alerts/rules").with(csrf()).param("name", "x").param("subjectKey", P + "ind")
			.param("schemeKey", "vorarlberg-bezirke").param("levelKey", "gemeinde").param("condition", "ABOVE")
			.param("threshold", "viel")).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(bad).contains("Die Regel ist unvollständig");
	}

	@Test
	void thePublicAndProvidersSeeNoAlerts() throws Exception {
		mvc.perform(get("/atlas/alerts").with(anonymous())).andExpect(status().is3xxRedirection());
		mvc.perform(get("/atlas/alerts").with(user("t").roles("PROVIDER"))).andExpect(status().isForbidden());
		mvc.perform(get("/atlas/alerts").with(user("g").roles("MUNICIPALITY"))).andExpect(status().isOk());
		mvc.perform(post("/atlas/alerts/1/acknowledge").with(csrf()).with(user("g").roles("MUNICIPALITY")))
			.andExpect(status().isForbidden());
	}
}
