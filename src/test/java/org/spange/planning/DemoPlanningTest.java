package org.spange.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.spange.SpangeTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The six demo guidelines are loaded once, labelled as demo content, and shown on the dashboard; the demo planning
 * cycle has goals on three levels with indicator targets and measures in several states, one created by a decision.
 */
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

	@Test
	void theDemoCycleHasGoalsTargetsAndMeasures() {
		List<Goal> goals = planning.goals().stream().filter(g -> g.title().endsWith("(Demo)")).toList();
		assertThat(goals).extracting(Goal::title).contains("Kinderarmut in Vorarlberg verringern (Demo)",
				"Familien im Bezirk Bludenz früh erreichen (Demo)",
				"Kinderbetreuung unter 3 Jahren in Bludenz ausbauen (Demo)");
		assertThat(goals).filteredOn(g -> g.parentId() != null).hasSizeGreaterThanOrEqualTo(2);
		assertThat(goals).flatExtracting(Goal::targets).isNotEmpty()
			.allSatisfy(t -> assertThat(t.baselineValue()).as("baseline from the demo statistics").isNotNull());
		List<Measure> measures = planning.measures().stream().filter(m -> m.title().endsWith("(Demo)")).toList();
		assertThat(measures).extracting(Measure::status).contains(MeasureStatus.PLANNED, MeasureStatus.RUNNING,
				MeasureStatus.DONE);
		assertThat(measures).anySatisfy(m -> assertThat(m.decisionIds()).isNotEmpty());
		assertThat(measures).anySatisfy(m -> assertThat(planning.evaluations(m.id())).isNotEmpty());
		assertThat(planning.overdue(java.time.LocalDate.now())).extracting(Measure::title)
			.contains("Bedarfserhebung Kinderbetreuung (Demo)");
	}
}
