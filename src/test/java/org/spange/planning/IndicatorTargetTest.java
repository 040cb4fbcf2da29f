package org.spange.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;
import static org.spange.planning.PlanningTestData.area;
import static org.spange.planning.PlanningTestData.goal;
import static org.spange.planning.PlanningTestData.guideline;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.util.List;

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
import org.spange.platform.imports.ImportReport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Indicator targets on known data, made through the indicator module's public face: a rate {@code 100 * num / den}
 * (higher is worse) of 20 in 2020 and 14 in 2024 in Gemeinde 80101; in 80102 20 in 2020 and missing in 2024.
 */
@SpangeTest
class IndicatorTargetTest {

	static final String P = "planningtest_";
	static final String RATE = P + "rate";

	@Autowired
	Planning planning;

	@Autowired
	AreaQueries areas;

	@Autowired
	IndicatorCatalog catalog;

	@Autowired
	ObservationImports imports;

	@Autowired
	MockMvc mvc;

	long guideline;
	long a80101;
	long a80102;
	long a80103;

	@BeforeEach
	void data() {
		for (String key : List.of(P + "num", P + "den")) {
			if (catalog.variable(key).isEmpty()) {
				catalog.createVariable(new Variable(key, "Test " + key, "Test " + key, "Personen", null, "Test",
						"CC0", null, AreaAggregation.SUM, null, TimeAggregation.LAST, true, false, false));
			}
		}
		// the same file again changes nothing: the test can run against a database kept from earlier runs
		String csv = "ebene;gebiet;zeitraum;" + P + "num;" + P + "den\n" + "gemeinde;80101;2020;20;100\n"
				+ "gemeinde;80101;2024;14;100\n" + "gemeinde;80102;2020;10;50\n" + "gemeinde;80102;2024;.;50\n";
		ImportReport report = imports.importObservations("planning-targets.csv", csv.getBytes(StandardCharsets.UTF_8),
				ObservationImportOptions.defaults()).report();
		assertThat(report.problems()).isEmpty();
		catalog.saveIndicator(new Indicator(RATE, "Testquote Planung", "Planning test rate",
				"100 * " + P + "num / " + P + "den", "%", Polarity.HIGHER_IS_WORSE, 1, null, null, false));
		guideline = guideline(planning);
		a80101 = area(areas, "gemeinde", "80101");
		a80102 = area(areas, "gemeinde", "80102");
		a80103 = area(areas, "gemeinde", "80103");
	}

	private static IndicatorTarget target(Double baseline, double target, Direction direction) {
		return new IndicatorTarget(RATE, "2020", baseline, target, "2028", direction);
	}

	@Test
	void baselineAndDirectionComeFromTheIndicatorAndProgressIsTheShareOfTheWay() {
		Goal goal = goal(planning, guideline, a80101, null, target(null, 10, null));
		IndicatorTarget stored = goal.targets().get(0);
		assertThat(stored.baselineValue()).isCloseTo(20.0, within(1e-9));
		assertThat(stored.direction()).isEqualTo(Direction.DECREASE);

		TargetProgress p = planning.progress(goal.id()).targets().get(0);
		assertThat(p.currentPeriod()).hasToString("2024");
		assertThat(p.current()).isCloseTo(14.0, within(1e-9));
		// (14 − 20) / (10 − 20) = 0.6
		assertThat(p.progress()).isCloseTo(0.6, within(1e-9));
	}

	@Test
	void progressIsClampedBetweenZeroAndOne() {
		// beyond the target: (14 − 20) / (17 − 20) = 2 → 1
		Goal beyond = goal(planning, guideline, a80101, null, target(null, 17, null));
		assertThat(planning.progress(beyond.id()).targets().get(0).progress()).isEqualTo(1.0);
		// the wrong way: entered baseline 10, target 5, current 14: (14 − 10) / (5 − 10) = −0.8 → 0
		Goal wrongWay = goal(planning, guideline, a80101, null, target(10.0, 5, null));
		assertThat(planning.progress(wrongWay.id()).targets().get(0).progress()).isEqualTo(0.0);
	}

	@Test
	void aMissingCurrentValueIsMissingNotZero() {
		Goal goal = goal(planning, guideline, a80102, null, target(null, 10, null));
		assertThat(goal.targets().get(0).baselineValue()).isCloseTo(20.0, within(1e-9));
		TargetProgress p = planning.progress(goal.id()).targets().get(0);
		assertThat(p.current()).isNull();
		assertThat(p.progress()).isNull();
	}

	@Test
	void withoutAComputedBaselineItMustBeEntered() {
		InvalidPlanningException e = catchThrowableOfType(InvalidPlanningException.class,
				() -> goal(planning, guideline, a80103, null, target(null, 10, null)));
		assertThat(e.problems()).extracting(InvalidPlanningException.Problem::field)
			.containsExactly("targets[0].baselineValue");
		assertThat(e.problems().get(0).code()).isEqualTo("baseline.missing");

		Goal entered = goal(planning, guideline, a80103, null, target(30.0, 10, null));
		assertThat(entered.targets().get(0).baselineValue()).isEqualTo(30.0);
		assertThat(planning.progress(entered.id()).targets().get(0).progress()).isNull();
	}

	@Test
	void everyProblemOfATargetIsNamedByRowAndField() {
		InvalidPlanningException e = catchThrowableOfType(InvalidPlanningException.class,
				() -> goal(planning, guideline, a80101, null, target(null, 25, Direction.DECREASE),
						new IndicatorTarget("no_such_indicator", "2024-13", null, null, "2020", null)));
		assertThat(e.problems()).extracting(p -> p.field() + " " + p.code()).containsExactlyInAnyOrder(
				"targets[0].targetValue target.notBelow", "targets[1].indicatorKey indicator.unknown",
				"targets[1].baselinePeriod period.invalid", "targets[1].targetValue required");
	}

	@Test
	void theGoalPageAndTheDashboardShowTheTargetsProgressAndMissingValues() throws Exception {
		Goal reached = goal(planning, guideline, a80101, null, target(null, 10, null));
		Goal missing = goal(planning, guideline, a80102, null, target(null, 10, null));
		String page = html("/planning/goals/" + reached.id());
		assertThat(page).contains("Testquote Planung", "senken", "20,00", "(2020)", "14,00", "(2024)", "value=\"60\"");
		assertThat(html("/planning/goals/" + missing.id())).contains("fehlt").doesNotContain("value=\"60\"");
		String dashboard = html("/planning?area=" + a80101);
		assertThat(dashboard).contains("Planung: ", reached.title(), "value=\"60\"").doesNotContain(missing.title());
		assertThat(html("/planning/goals/" + reached.id() + "?lang=en")).contains("Indicator targets", "decrease",
				"Planning test rate");
	}

	private String html(String path) throws Exception {
		return mvc.perform(get(path).with(user("gemeinde").roles("MUNICIPALITY"))).andReturn().getResponse()
			.getContentAsString();
	}
}
