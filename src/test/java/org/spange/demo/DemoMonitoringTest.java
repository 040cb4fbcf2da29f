package org.spange.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.spange.SpangeTest;
import org.spange.atlas.SocialIndex.Exclusion;
import org.spange.atlas.internal.SocialMonitoring;
import org.springframework.beans.factory.annotation.Autowired;

/** The demo's social index and typology for Vorarlberg's 96 Gemeinden compute on the demo statistics. */
@SpangeTest
class DemoMonitoringTest {

	@Autowired
	SocialMonitoring monitoring;

	@Test
	void theVorarlbergIndexClassesTheGemeindenAndLeavesOutTheSmallOnes() {
		var view = monitoring.computeIndex(monitoring.index("vorarlberg-sozialindex").orElseThrow(), null)
			.orElseThrow();
		assertThat(view.period()).hasToString("2026");
		assertThat(view.comparedPeriod()).hasToString("2023");
		assertThat(view.areas()).hasSize(96);
		long classed = view.result().areas().stream().filter(r -> r.statusClass() != null).count();
		long small = view.result().areas().stream().filter(r -> r.exclusion() == Exclusion.SMALL_POPULATION).count();
		assertThat(classed + small).isEqualTo(96);
		assertThat(small).as("Gemeinden under 300 inhabitants").isPositive();
		assertThat(view.result().areas()).filteredOn(r -> r.statusClass() != null)
			.allSatisfy(r -> assertThat(r.contributions()).hasSize(6));
	}

	@Test
	void theVorarlbergTypologyChoosesItsNumberOfTypesBySilhouette() {
		var view = monitoring.computeTypology(monitoring.typology("vorarlberg-gemeindetypen").orElseThrow(), null)
			.orElseThrow();
		assertThat(view.result().k()).isBetween(2, 6);
		assertThat(view.result().silhouetteByK()).hasSize(5);
		assertThat(view.areas().size() + view.leftOut().size()).isEqualTo(96);
	}
}
