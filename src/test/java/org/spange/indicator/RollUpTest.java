package org.spange.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.spange.indicator.IndicatorTestData.assertWritten;
import static org.spange.indicator.IndicatorTestData.utf8;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.spange.SpangeTest;
import org.spange.area.AreaId;
import org.spange.area.AreaImports;
import org.spange.area.AreaListOptions;
import org.spange.area.AreaQueries;
import org.spange.indicator.Variable.AreaAggregation;
import org.spange.indicator.Variable.TimeAggregation;
import org.spange.platform.imports.ImportReport.Outcome;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Roll-up on a hand-checked example: a region RU of two planning regions A (A1–A3) and B (B1, B2), plus a second
 * scheme that groups A1 and B1 into X. Rates are ratios of sums over the parts where the rate itself can be
 * computed; missing stays missing; coverage tells how many parts counted.
 *
 * <pre>
 *        pop  poor  age           rate = 100 * poor / pop
 *  A1    100   10    40           10
 *  A2    300   60    50           20
 *  A3    200    –    30           –   (poor missing)
 *  B1     50    5    20           10
 *  B2      0    0     –           –   (0 / 0)
 *  A     600   70   41.67         17.5 = 100 * 70 / 400   (not the mean of rates, 15)   coverage 2/3
 *  B      50    5   20            10   = 100 * 5 / 50                                    coverage 1/2
 *  RU    650   75   40            16.67 = 100 * 75 / 450                                 coverage 3/5
 *  X     150   15   25            10   = 100 * 15 / 150
 * </pre>
 */
@SpangeTest
class RollUpTest {

	private static final String P = "rollup_";
	private static final String SCHEME = "test-rollup";
	private static final String ALT = "test-rollup-alt";

	@Autowired
	AreaImports areaImports;

	@Autowired
	AreaQueries areas;

	@Autowired
	IndicatorCatalog catalog;

	@Autowired
	ObservationImports imports;

	@Autowired
	IndicatorValues values;

	@BeforeEach
	void data() {
		if (catalog.indicator(P + "rate").isPresent()) {
			return;
		}
		list("land", "RU;Rollup-Land;", SCHEME, null);
		list("planungsraum", "RU-A;Rollup A;RU\nRU-B;Rollup B;RU", SCHEME, "land");
		list("sozialraum", "RU-A1;A1;RU-A\nRU-A2;A2;RU-A\nRU-A3;A3;RU-A\nRU-B1;B1;RU-B\nRU-B2;B2;RU-B", SCHEME,
				"planungsraum");
		list("planungsraum", "RU-X;Rollup X;", ALT, null);
		list("sozialraum", "RU-A1;A1;RU-X\nRU-B1;B1;RU-X", ALT, "planungsraum");

		IndicatorTestData.ensure(catalog, IndicatorTestData.count(P + "pop"));
		IndicatorTestData.ensure(catalog, IndicatorTestData.count(P + "poor"));
		IndicatorTestData.ensure(catalog, new Variable(P + "age", "Alter", "Age", "Jahre", null, "Test", "CC0", null,
				AreaAggregation.WEIGHTED_MEAN, P + "pop", TimeAggregation.LAST, true, false, false));
		assertWritten(imports.importObservations("rollup.csv", utf8("ebene;gebiet;zeitraum;" + P + "pop;" + P + "poor;"
				+ P + "age", "sozialraum;RU-A1;2024;100;10;40", "sozialraum;RU-A2;2024;300;60;50",
				"sozialraum;RU-A3;2024;200;.;30", "sozialraum;RU-B1;2024;50;5;20", "sozialraum;RU-B2;2024;0;0;"),
				ObservationImportOptions.defaults()));
		catalog.saveIndicator(new Indicator(P + "rate", "Quote", "Rate", "100 * " + P + "poor / " + P + "pop", "%",
				Polarity.HIGHER_IS_WORSE, 1, null, null, false));
		catalog.saveIndicator(new Indicator(P + "permille", "Promille", "Per mille", "10 * " + P + "rate", "‰",
				Polarity.HIGHER_IS_WORSE, 0, null, null, false));
	}

	private void list(String level, String rows, String scheme, String parentLevel) {
		AreaListOptions options = AreaListOptions.of(level, "code", "name").inScheme(scheme, parentLevel,
				parentLevel == null ? null : "parent", null);
		var report = areaImports.importAreaList(level + ".csv", utf8("code;name;parent", rows), options);
		assertThat(report.problems()).isEmpty();
		assertThat(report.outcome()).isEqualTo(Outcome.WRITTEN);
	}

	private AreaId id(String level, String code) {
		return areas.byCode(level, code).orElseThrow().id();
	}

	private IndicatorValue value(String key, String level, String code) {
		AreaId area = id(level, code);
		return values.values(key, Period.parse("2024"), List.of(area)).get(area);
	}

	@Test
	void ratesAreRatiosOfSumsOverThePartsWhereTheRateIsKnown() {
		assertThat(value(P + "rate", "sozialraum", "RU-A1").value()).isCloseTo(10, within(1e-9));
		assertThat(value(P + "rate", "sozialraum", "RU-A3").missing()).as("missing stays missing, not 0").isTrue();
		assertThat(value(P + "rate", "sozialraum", "RU-B2").missing()).as("0 / 0").isTrue();

		IndicatorValue a = value(P + "rate", "planungsraum", "RU-A");
		assertThat(a.value()).as("100 * (10 + 60) / (100 + 300)").isCloseTo(17.5, within(1e-9));
		assertThat(a.coverage()).isCloseTo(2 / 3d, within(1e-6));
		IndicatorValue b = value(P + "rate", "planungsraum", "RU-B");
		assertThat(b.value()).isCloseTo(10, within(1e-9));
		assertThat(b.coverage()).isCloseTo(0.5, within(1e-6));
		IndicatorValue ru = value(P + "rate", "land", "RU");
		assertThat(ru.value()).as("100 * 75 / 450, not the mean of the part rates").isCloseTo(100 * 75 / 450d,
				within(1e-9));
		assertThat(ru.coverage()).isCloseTo(0.6, within(1e-6));
		assertThat(value(P + "rate", "planungsraum", "RU-X").value()).as("second scheme").isCloseTo(10,
				within(1e-9));
	}

	@Test
	void variablesRollUpAsSumsAndWeightedMeans() {
		assertThat(value(P + "pop", "planungsraum", "RU-A").value()).isEqualTo(600);
		assertThat(value(P + "pop", "land", "RU").value()).isEqualTo(650);
		assertThat(value(P + "pop", "land", "RU").complete()).isTrue();
		IndicatorValue poor = value(P + "poor", "land", "RU");
		assertThat(poor.value()).isEqualTo(75);
		assertThat(poor.coverage()).as("A3 has no value").isCloseTo(0.8, within(1e-6));
		assertThat(value(P + "age", "planungsraum", "RU-A").value()).as("(40·100 + 50·300 + 30·200) / 600")
			.isCloseTo(25000 / 600d, within(1e-9));
		assertThat(value(P + "age", "land", "RU").value()).isCloseTo(26000 / 650d, within(1e-9));
	}

	@Test
	void anIndicatorOverAnIndicatorUsesTheSameSums() {
		assertThat(value(P + "permille", "planungsraum", "RU-A").value()).isCloseTo(175, within(1e-9));
		assertThat(values.series(P + "permille", id("land", "RU"))).extracting(IndicatorValue::period)
			.containsExactly(Period.parse("2024"));
	}

	@Test
	void anImportRecomputesOnlyWhatItTouchedAndAnAreaOwnObservationWins() {
		assertWritten(imports.importObservations("more.csv", utf8("ebene;gebiet;zeitraum;" + P + "pop;" + P + "poor",
				"sozialraum;RU-A1;2025;100;10", "planungsraum;RU-A;2025;700;"), ObservationImportOptions.defaults()));
		IndicatorValue a = value2025(P + "pop", "planungsraum", "RU-A");
		assertThat(a.value()).as("the planning region's own figure beats the sum of its parts").isEqualTo(700);
		assertThat(value2025(P + "rate", "planungsraum", "RU-A").value()).as("own pop 700, poor from A1")
			.isCloseTo(100 * 10 / 700d, within(1e-9));
		assertThat(values.periods(P + "rate")).containsExactly(Period.parse("2024"), Period.parse("2025"));
		assertThat(value(P + "rate", "planungsraum", "RU-A").value()).as("2024 untouched").isCloseTo(17.5,
				within(1e-9));
	}

	private IndicatorValue value2025(String key, String level, String code) {
		AreaId area = id(level, code);
		Map<AreaId, IndicatorValue> found = values.values(key, Period.parse("2025"), List.of(area));
		return found.get(area);
	}

	@Test
	void aFullRecomputationGivesTheSameValues() {
		double before = value(P + "rate", "land", "RU").value();
		assertThat(values.recomputeAll()).isPositive();
		assertThat(value(P + "rate", "land", "RU").value()).isEqualTo(before);
	}
}
