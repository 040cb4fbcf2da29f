package org.spange.atlas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.spange.SpangeTest;
import org.spange.atlas.SocialIndex.AreaResult;
import org.spange.atlas.SocialIndex.Component;
import org.spange.atlas.SocialIndex.Exclusion;
import org.spange.atlas.SocialIndex.StatusClass;
import org.spange.atlas.IndexDefinition;
import org.spange.atlas.internal.SocialMonitoring;
import org.spange.atlas.internal.SocialMonitoring.IndexView;
import org.spange.atlas.internal.SocialMonitoring.TypologyView;
import org.spange.atlas.TypologyDefinition;
import org.spange.indicator.IndicatorCatalog;
import org.spange.indicator.ObservationImportOptions;
import org.spange.indicator.ObservationImports;
import org.spange.indicator.Polarity;
import org.spange.indicator.Variable;
import org.spange.indicator.Variable.AreaAggregation;
import org.spange.indicator.Variable.TimeAggregation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * Index and typology over stored indicator values of six Gemeinden: definitions checked on save, small areas left
 * out, the hand-computed index of {@link SocialIndexTest} reproduced, two obvious types found and followed.
 */
@SpangeTest
@WithMockUser(username = "planung", roles = "PLANNER")
class SocialMonitoringTest {

	private static final String P = "socialmonitoringtest_";
	private static final String SCHEME = "vorarlberg-bezirke";

	@Autowired
	SocialMonitoring monitoring;

	@Autowired
	IndicatorCatalog catalog;

	@Autowired
	ObservationImports imports;

	@BeforeEach
	void data() {
		if (catalog.variable(P + "unemployment").isPresent()) {
			return;
		}
		for (String key : new String[] { P + "unemployment", P + "childcare", P + "pop" }) {
			catalog.createVariable(new Variable(key, key, key, "", null, "Test", "CC0", null,
					key.endsWith("pop") ? AreaAggregation.SUM : AreaAggregation.NONE, null, TimeAggregation.LAST,
					true, false, false));
		}
		String header = "gkz;jahr;" + P + "unemployment;" + P + "childcare;" + P + "pop\n";
		String rows = """
				80101;2023;2;10;1000
				80102;2023;4;20;1000
				80103;2023;6;30;1000
				80104;2023;8;40;1000
				80105;2023;10;50;1000
				80106;2023;1;99;299
				80101;2024;2;10;1000
				80102;2024;4;20;1000
				80103;2024;6;30;1000
				80104;2024;8;40;1000
				80105;2024;10;50;1000
				80106;2024;1;99;299
				""";
		imports.importObservations("m.csv", (header + rows).getBytes(StandardCharsets.UTF_8),
				ObservationImportOptions.defaults());
	}

	private IndexDefinition index(String key, String population) {
		return new IndexDefinition(key, "Sozialindex", "Social index", SCHEME, "gemeinde", population, 300d, null, 1,
				null, List.of(new Component(P + "unemployment", Polarity.HIGHER_IS_WORSE, 3),
						new Component(P + "childcare", Polarity.HIGHER_IS_BETTER, 1)));
	}

	@Test
	void aDefinitionWithUnknownPartsIsRefusedWithEveryProblem() {
		IndexDefinition bad = new IndexDefinition("Bad Key", "", "x", "nope", "gemeinde", "nope", 300d, null, 0, null,
				List.of(new Component("nothing", Polarity.HIGHER_IS_BETTER, 1)));
		assertThatThrownBy(() -> monitoring.saveIndex(bad)).isInstanceOfSatisfying(
				SocialMonitoring.InvalidDefinition.class, e -> assertThat(e.problems()).hasSize(6));
	}

	@Test
	void theIndexOverStoredValuesMatchesTheHandComputedOne() {
		IndexDefinition saved = monitoring.saveIndex(index("test-index", P + "pop"));
		assertThat(monitoring.index("test-index")).contains(saved);
		IndexView view = monitoring.computeIndex(saved, org.spange.indicator.Period.parse("2024")).orElseThrow();
		assertThat(view.period()).hasToString("2024");
		assertThat(view.comparedPeriod()).hasToString("2023");
		List<AreaResult> results = view.result().areas();
		AreaResult bartholomaeberg = results.get(indexOf(view, "80101"));
		assertThat(bartholomaeberg.status()).isCloseTo(Math.sqrt(2), within(1e-9));
		assertThat(bartholomaeberg.statusClass()).isEqualTo(StatusClass.HIGH);
		assertThat(results.get(indexOf(view, "80106")).exclusion()).isEqualTo(Exclusion.SMALL_POPULATION);
		assertThat(results.get(indexOf(view, "80107")).exclusion()).isEqualTo(Exclusion.MISSING_DATA);
		assertThat(bartholomaeberg.dynamicsClass()).as("nothing changed: stable")
			.isEqualTo(SocialIndex.DynamicsClass.STABLE);
	}

	private static int indexOf(IndexView view, String code) {
		for (int i = 0; i < view.areas().size(); i++) {
			if (view.areas().get(i).code().equals(code)) {
				return i;
			}
		}
		throw new AssertionError(code);
	}

	@Test
	void aTypologyFindsTheTwoKindsOfGemeindenAndNamesStick() {
		TypologyDefinition d = monitoring.saveTypology(new TypologyDefinition("test-typology", "Typen", "Types",
				SCHEME, "gemeinde", List.of(P + "unemployment", P + "childcare"), Typology.Method.WARD, 2, 4, 1L));
		monitoring.nameType("test-typology", 0, "Städtisch");
		TypologyView view = monitoring.computeTypology(d, org.spange.indicator.Period.parse("2024")).orElseThrow();
		assertThat(view.areas()).hasSize(6);
		assertThat(view.leftOut()).isNotEmpty();
		assertThat(view.result().silhouetteByK()).isNotEmpty();
		assertThat(view.profiles().get(0).name()).isEqualTo("Städtisch");
		assertThat(view.profiles().stream().mapToInt(SocialMonitoring.TypeProfile::size).sum()).isEqualTo(6);
		assertThat(view.previousPeriod()).hasToString("2023");
		int stayed = 0;
		for (int t = 0; t < view.result().k(); t++) {
			stayed += view.transitions()[t][t];
		}
		assertThat(stayed).as("the same data in both years: every area keeps its type").isEqualTo(6);
	}

	@Autowired
	org.spange.atlas.internal.AlertEngine alerts;

	@Test
	void aClassChangeInTheIndexRaisesOneAlertPerAreaAndPeriod() {
		IndexDefinition d = monitoring.saveIndex(index("test-index-alerts", P + "pop"));
		monitoring.createAlertRule("Klassenwechsel Testindex", d.key(), SCHEME, "gemeinde",
				org.spange.atlas.AlertCondition.CLASS_CHANGED, 0, 1);
		// 2025: Bartholomäberg (high) and Gemeinde 80105 (low) swap places
		String rows = "gkz;jahr;%1$sunemployment;%1$schildcare;%1$spop\n80101;2025;10;50;1000\n80102;2025;4;20;1000\n"
				+ "80103;2025;6;30;1000\n80104;2025;8;40;1000\n80105;2025;2;10;1000\n80106;2025;1;99;299\n";
		for (int i = 0; i < 2; i++) {
			imports.importObservations("m2025.csv", rows.formatted(P).getBytes(StandardCharsets.UTF_8),
					ObservationImportOptions.defaults());
		}
		var raised = alerts.alerts(List.of(), false, 1000).stream()
			.filter(a -> a.rule().name().equals("Klassenwechsel Testindex")).toList();
		assertThat(raised).extracting(a -> a.area().value(), a -> a.period(), a -> a.comparedPeriod())
			.containsExactlyInAnyOrder(
					org.assertj.core.groups.Tuple.tuple(id("80101"), "2025", "2024"),
					org.assertj.core.groups.Tuple.tuple(id("80105"), "2025", "2024"));
	}

	@Autowired
	org.spange.area.AreaQueries areaQueries;

	private long id(String code) {
		return areaQueries.byCode("gemeinde", code).orElseThrow().id().value();
	}
}
