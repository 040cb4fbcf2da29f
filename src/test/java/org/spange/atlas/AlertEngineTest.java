package org.spange.atlas;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.spange.SpangeTest;
import org.spange.area.AreaId;
import org.spange.area.AreaQueries;
import org.spange.atlas.internal.AlertEngine;
import org.spange.atlas.internal.AlertEngine.Alert;
import org.spange.atlas.AlertCondition;
import org.spange.atlas.internal.AlertEngine.Rule;
import org.spange.indicator.Indicator;
import org.spange.indicator.IndicatorCatalog;
import org.spange.indicator.ObservationImportOptions;
import org.spange.indicator.ObservationImports;
import org.spange.indicator.Polarity;
import org.spange.indicator.Variable;
import org.spange.indicator.Variable.AreaAggregation;
import org.spange.indicator.Variable.TimeAggregation;
import org.spange.platform.imports.ImportReport.Outcome;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

/** Early-warning rules fire once per area and new period, with their evidence, and can be acknowledged. */
@SpangeTest
@WithMockUser(username = "planung", roles = "PLANNER")
class AlertEngineTest {

	private static final String P = "alertenginetest_";
	private static final String SCHEME = "vorarlberg-bezirke";

	@Autowired
	AlertEngine alerts;

	@Autowired
	IndicatorCatalog catalog;

	@Autowired
	ObservationImports imports;

	@Autowired
	AreaQueries areas;

	AreaId blons;

	@BeforeEach
	void area() {
		blons = areas.byCode("gemeinde", "80102").orElseThrow().id();
	}

	/** Variables and a rate of their own for each test, with 2023 loaded: 5 % in Bartholomäberg, 1 % in Blons. */
	private String rate(String test) {
		String p = P + test + "_";
		for (String key : new String[] { p + "pop", p + "cases" }) {
			catalog.createVariable(new Variable(key, key, key, "", null, "Test", "CC0", null, AreaAggregation.SUM,
					null, TimeAggregation.LAST, true, false, false));
		}
		load(p, "80101;2023;1000;50\n80102;2023;300;3\n");
		catalog.saveIndicator(new Indicator(p + "rate", "Quote", "Rate", "100 * " + p + "cases / " + p + "pop", "%",
				Polarity.HIGHER_IS_WORSE, 1, null, null, false));
		return p;
	}

	private void load(String p, String rows) {
		var result = imports.importObservations("alerts.csv", ("gkz;jahr;" + p + "pop;" + p + "cases\n" + rows)
			.getBytes(StandardCharsets.UTF_8), ObservationImportOptions.defaults());
		assertThat(result.report().outcome()).isEqualTo(Outcome.WRITTEN);
	}

	private List<Alert> of(Rule rule) {
		return alerts.alerts(List.of(), false, 1000).stream().filter(a -> a.rule().id() == rule.id()).toList();
	}

	@Test
	void aThresholdFiresOncePerAreaAndNewPeriod() {
		String p = rate("above");
		Rule rule = alerts.create("Quote über 4 %", p + "rate", SCHEME, "gemeinde", AlertCondition.ABOVE, 4, 1);
		assertThat(of(rule)).as("checked at once against the latest period: 5 % in Bartholomäberg")
			.extracting(Alert::areaName, Alert::period, Alert::value).containsExactly(
					org.assertj.core.groups.Tuple.tuple("Bartholomäberg", "2023", 5.0));

		load(p, "80101;2024;1000;60\n80102;2024;300;15\n");
		assertThat(of(rule)).extracting(Alert::period).containsExactlyInAnyOrder("2023", "2024", "2024");
		load(p, "80101;2024;1000;60\n80102;2024;300;15\n");
		load(p, "80101;2024;1000;61\n80102;2024;300;15\n");
		assertThat(of(rule)).as("recomputing a period does not fire again").hasSize(3);
	}

	@Test
	void aRiseOverPeriodsCarriesItsEvidenceAndCanBeAcknowledged() {
		String p = rate("rise");
		load(p, "80101;2024;1000;60\n80102;2024;300;15\n");
		Rule rule = alerts.create("Anstieg um mehr als 3 Prozentpunkte", p + "rate", SCHEME, "gemeinde",
				AlertCondition.RISE, 3, 1);
		List<Alert> found = of(rule);
		assertThat(found).singleElement().satisfies(a -> {
			assertThat(a.area()).isEqualTo(blons);
			assertThat(a.value()).isEqualTo(5.0);
			assertThat(a.comparedPeriod()).isEqualTo("2023");
			assertThat(a.comparedValue()).isEqualTo(1.0);
		});
		long id = found.get(0).id();
		assertThat(alerts.acknowledge(id, "Bekannt: Zuzug einer Familie")).isTrue();
		assertThat(alerts.acknowledge(id, "again")).isFalse();
		assertThat(alerts.alerts(List.of(blons), true, 100)).noneMatch(a -> a.id() == id);
		assertThat(alerts.alerts(List.of(blons), false, 100)).filteredOn(a -> a.id() == id).singleElement()
			.satisfies(a -> {
				assertThat(a.acknowledgedBy()).isEqualTo("planung");
				assertThat(a.comment()).isEqualTo("Bekannt: Zuzug einer Familie");
			});
	}
}
