package org.spange.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spange.planning.PlanningTestData.area;
import static org.spange.planning.PlanningTestData.goal;
import static org.spange.planning.PlanningTestData.guideline;
import static org.spange.planning.PlanningTestData.measure;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.LocalDate;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.spange.SpangeTest;
import org.spange.area.AreaQueries;
import org.spange.indicator.IndicatorCatalog;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Where each area stands in the planning cycle, from its data: the rule on known counts, and the dashboard's table
 * for Bludenz's Zählsprengel, each brought to another stage (nobody else plans there).
 */
@SpangeTest
class PlanningCycleTest {

	@Autowired
	Planning planning;

	@Autowired
	AreaQueries areas;

	@Autowired
	IndicatorCatalog indicators;

	@Autowired
	MockMvc mvc;

	@Test
	void theFurthestStepReachedCounts() {
		assertThat(CycleStage.of(0, 0, 0, 0, 0, 0)).isEqualTo(CycleStage.ANALYSIS);
		assertThat(CycleStage.of(2, 0, 0, 0, 0, 0)).isEqualTo(CycleStage.NEEDS);
		assertThat(CycleStage.of(2, 1, 0, 0, 0, 0)).isEqualTo(CycleStage.GOALS);
		assertThat(CycleStage.of(2, 0, 3, 0, 0, 0)).isEqualTo(CycleStage.MEASURES);
		assertThat(CycleStage.of(2, 1, 3, 1, 0, 0)).isEqualTo(CycleStage.IMPLEMENTATION);
		assertThat(CycleStage.of(1, 0, 0, 0, 1, 0)).isEqualTo(CycleStage.IMPLEMENTATION);
		assertThat(CycleStage.of(1, 0, 0, 0, 1, 1)).isEqualTo(CycleStage.EVALUATION);
		// stopped measures count for nothing: the row's stopped count does not enter the rule
		assertThat(new CycleStage.Row(1, 1, 0, 0, 0, 0, 5, 0).stage()).isEqualTo(CycleStage.NEEDS);
	}

	@Test
	void theDashboardShowsEachAreasStage() throws Exception {
		long bludenz = area(areas, "gemeinde", "80103");
		long needs = area(areas, "zaehlsprengel", "80103001");
		long goals = area(areas, "zaehlsprengel", "80103002");
		long measures = area(areas, "zaehlsprengel", "80103003");
		long running = area(areas, "zaehlsprengel", "80103004");
		long evaluated = area(areas, "zaehlsprengel", "80103005");
		long guideline = guideline(planning);
		goal(planning, guideline, needs, null);
		goal(planning, guideline, goals, null, new IndicatorTarget(indicators.indicators(false).get(0).key(), "2020",
				10.0, 20.0, "2030", Direction.INCREASE));
		Goal county = goal(planning, guideline, bludenz, null);
		measure(planning, measures, LocalDate.of(2027, 12, 31), county.id());
		Measure r = measure(planning, running, LocalDate.of(2027, 12, 31), county.id());
		PlanningTestData.bringTo(planning, r.id(), MeasureStatus.RUNNING);
		Measure e = measure(planning, evaluated, LocalDate.of(2027, 12, 31), county.id());
		PlanningTestData.bringTo(planning, e.id(), MeasureStatus.DONE);
		planning.addEvaluation(e.id(), new Evaluation(null, null, "Gut", null, LocalDate.now(), null));

		Map<Long, CycleStage.Row> rows = planning.cycle().stream()
			.collect(Collectors.toMap(CycleStage.Row::areaId, Function.identity()));
		assertThat(rows.get(needs).stage()).isEqualTo(CycleStage.NEEDS);
		assertThat(rows.get(goals).stage()).isEqualTo(CycleStage.GOALS);
		assertThat(rows.get(measures).stage()).isEqualTo(CycleStage.MEASURES);
		assertThat(rows.get(running).stage()).isEqualTo(CycleStage.IMPLEMENTATION);
		assertThat(rows.get(evaluated).stage()).isEqualTo(CycleStage.EVALUATION);
		assertThat(rows.get(evaluated).evaluations()).isGreaterThanOrEqualTo(1);

		String html = mvc.perform(get("/planning").param("area", Long.toString(bludenz))
			.with(user("planung").roles("PLANNER"))).andReturn().getResponse().getContentAsString();
		assertThat(html).contains("id=\"cycle-table\"", "id=\"cycle-rule\"",
				"data-area=\"" + needs + "\" data-stage=\"NEEDS\"", "data-area=\"" + goals + "\" data-stage=\"GOALS\"",
				"data-area=\"" + measures + "\" data-stage=\"MEASURES\"",
				"data-area=\"" + running + "\" data-stage=\"IMPLEMENTATION\"",
				"data-area=\"" + evaluated + "\" data-stage=\"EVALUATION\"", "Umsetzung", "(Schritt 6 von 6)");
		// an area without goals or measures, chosen on its own, stands at the analysis
		long empty = area(areas, "zaehlsprengel", "80103012");
		String alone = mvc.perform(get("/planning").param("area", Long.toString(empty))
			.with(user("planung").roles("PLANNER"))).andReturn().getResponse().getContentAsString();
		assertThat(alone).contains("data-area=\"" + empty + "\" data-stage=\"ANALYSIS\"");
	}
}
