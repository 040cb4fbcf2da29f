package org.spange.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.spange.indicator.IndicatorTestData.assertWritten;
import static org.spange.indicator.IndicatorTestData.utf8;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.spange.SpangeTest;
import org.spange.area.AreaId;
import org.spange.area.AreaQueries;
import org.spange.indicator.Variable.AreaAggregation;
import org.spange.indicator.Variable.TimeAggregation;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Years from shorter periods by each variable's time aggregation: a flow sums all 12 months (11 are no year), a stock
 * takes the latest quarter, a mean averages the months; a year's own observation wins.
 */
@SpangeTest
class TimeAggregationTest {

	private static final String P = "timeaggregationtest_";

	@Autowired
	IndicatorCatalog catalog;

	@Autowired
	ObservationImports imports;

	@Autowired
	IndicatorValues values;

	@Autowired
	AreaQueries areas;

	@BeforeEach
	void data() {
		if (catalog.indicator(P + "per_stock").isPresent()) {
			return;
		}
		variable("flow", TimeAggregation.SUM);
		variable("stock", TimeAggregation.LAST);
		variable("mean", TimeAggregation.MEAN);
		StringBuilder csv = new StringBuilder("ebene;gebiet;merkmal;zeitraum;wert\n");
		for (int m = 1; m <= 12; m++) {
			String month = String.format("2024-%02d", m);
			csv.append("gemeinde;80101;").append(P).append("flow;").append(month).append(';').append(m).append('\n');
			if (m < 12) {
				csv.append("gemeinde;80102;").append(P).append("flow;").append(month).append(";1\n");
			}
			csv.append("gemeinde;80103;").append(P).append("flow;").append(month).append(";1\n");
			if (m <= 6) {
				csv.append("gemeinde;80101;").append(P).append("mean;").append(month).append(';')
					.append(m % 2 == 0 ? 4 : 2).append('\n');
			}
		}
		csv.append("gemeinde;80103;").append(P).append("flow;2024;500\n");
		for (int q = 1; q <= 3; q++) {
			csv.append("gemeinde;80101;").append(P).append("stock;2024-Q").append(q).append(';').append(90 + 10 * q)
				.append('\n');
		}
		assertWritten(imports.importObservations("months.csv", utf8(csv.toString().split("\n")),
				ObservationImportOptions.defaults()));
		catalog.saveIndicator(new Indicator(P + "per_stock", "Je Bestand", "Per stock",
				"1000 * " + P + "flow / " + P + "stock", "", Polarity.NEUTRAL, 1, null, null, false));
	}

	private void variable(String suffix, TimeAggregation how) {
		catalog.createVariable(new Variable(P + suffix, suffix, suffix, "", null, "Test", "CC0", null,
				AreaAggregation.SUM, null, how, true, false, false));
	}

	private Double value(String key, String code, String period) {
		AreaId id = areas.byCode("gemeinde", code).orElseThrow().id();
		IndicatorValue v = values.values(key, Period.parse(period), List.of(id)).get(id);
		return v == null ? null : v.value();
	}

	@Test
	void aFlowSumsAllTwelveMonthsAndElevenAreNoYear() {
		assertThat(value(P + "flow", "80101", "2024")).isEqualTo(78.0);
		assertThat(value(P + "flow", "80102", "2024")).as("a month missing").isNull();
		assertThat(value(P + "flow", "80103", "2024")).as("the year's own figure wins").isEqualTo(500.0);
		assertThat(value(P + "flow", "80101", "2024-03")).as("months stay as they are").isEqualTo(3.0);
	}

	@Test
	void aStockTakesTheLatestAndAMeanAveragesAndIndicatorsFollow() {
		assertThat(value(P + "stock", "80101", "2024")).isEqualTo(120.0);
		assertThat(value(P + "mean", "80101", "2024")).isEqualTo(3.0);
		assertThat(value(P + "per_stock", "80101", "2024")).isCloseTo(650.0, within(1e-9));
		assertThat(values.periods(P + "per_stock")).contains(Period.parse("2024"));
	}
}
