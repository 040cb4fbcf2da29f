package org.spange.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.spange.SpangeTest;
import org.spange.network.ActorOrganization;
import org.spange.network.Networks;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The six demo guidelines are loaded once, labelled as demo content, and shown on the dashboard; the demo planning
 * cycle has goals on three levels with indicator targets and measures in several states, one created by a decision;
 * its measures name the demo networks' organisations as responsible and partners, free text where they are none.
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

	@Autowired
	Networks networks;

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

	@Test
	void theDemoMeasuresNameTheDemoNetworksOrganisations() {
		Map<String, Long> actors = networks.organizations().stream()
			.collect(Collectors.toMap(ActorOrganization::name, ActorOrganization::id));
		Map<String, Measure> measures = planning.measures().stream().filter(m -> m.title().endsWith("(Demo)"))
			.collect(Collectors.toMap(Measure::title, m -> m, (a, b) -> a));

		Measure evening = measures.get("Gemeinsamer Abenddienst der Jugendtreffs (Demo)");
		assertThat(evening.responsibleActorId()).isEqualTo(actors.get("Jugendnetz Walgau (fiktiv)")).isNotNull();
		assertThat(evening.partnerActorIds()).containsExactly(actors.get("Stadt Bludenz, Sozialamt (fiktiv)"));
		assertThat(evening.responsible()).as("no free text repeating the organisation").isNull();
		assertThat(evening.partners()).isNull();

		Measure cafe = measures.get("Elterncafé in jeder Talschaft (Demo)");
		assertThat(cafe.responsibleActorId()).isEqualTo(actors.get("Familienberatung Walgau (fiktiv)")).isNotNull();
		assertThat(cafe.partnerActorIds()).isEmpty();
		assertThat(cafe.partners()).as("the Gemeinden are no actors of the networks").isEqualTo("Gemeinden des Bezirks");

		Measure group = measures.get("Zusätzliche Kleinkindgruppe in Bludenz (Demo)");
		assertThat(group.responsibleActorId()).isEqualTo(actors.get("Stadt Bludenz, Sozialamt (fiktiv)"));
		assertThat(group.responsible()).isEqualTo("Stadtvertretung Bludenz (fiktiv)");
		assertThat(group.partnerActorIds()).containsExactly(actors.get("Familienberatung Walgau (fiktiv)"));

		assertThat(planning.measuresOfActor(actors.get("Stadt Bludenz, Sozialamt (fiktiv)"))).extracting(Measure::title)
			.contains(evening.title(), group.title());
	}
}
