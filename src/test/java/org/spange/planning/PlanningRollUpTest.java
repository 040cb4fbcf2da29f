package org.spange.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.spange.planning.PlanningTestData.area;
import static org.spange.planning.PlanningTestData.bringTo;
import static org.spange.planning.PlanningTestData.goal;
import static org.spange.planning.PlanningTestData.guideline;
import static org.spange.planning.PlanningTestData.measure;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.spange.SpangeTest;
import org.spange.area.AreaQueries;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The measure roll-up on hand-computed data: region goal ⊃ Bezirk goal ⊃ Gemeinde goal, six measures, one shared
 * by two goals (counted once), and which of them are overdue.
 */
@SpangeTest
class PlanningRollUpTest {

	@Autowired
	Planning planning;

	@Autowired
	AreaQueries areas;

	@Test
	void aGoalsProgressIsItsShareOfDoneMeasuresAndAParentRollsUpItsChildren() {
		long guideline = guideline(planning);
		long land = area(areas, "land", "8");
		long bezirk = area(areas, "bezirk", "801");
		long gemeinde = area(areas, "gemeinde", "80101");
		Goal region = goal(planning, guideline, land, null);
		Goal district = goal(planning, guideline, bezirk, region.id());
		Goal local = goal(planning, guideline, gemeinde, district.id());

		LocalDate past = LocalDate.now().minusDays(1);
		LocalDate future = LocalDate.now().plusYears(1);
		// region: m1 done (also serves the Gemeinde goal), m2 planned
		Measure m1 = measure(planning, gemeinde, past, region.id(), local.id());
		Measure m2 = measure(planning, land, future, region.id());
		// Bezirk: m3 done, m4 running and past its end, m5 stopped
		Measure m3 = measure(planning, bezirk, past, district.id());
		Measure m4 = measure(planning, bezirk, past, district.id());
		Measure m5 = measure(planning, bezirk, past, district.id());
		// Gemeinde: m6 done (and m1)
		Measure m6 = measure(planning, gemeinde, future, local.id());
		bringTo(planning, m1.id(), MeasureStatus.DONE);
		bringTo(planning, m3.id(), MeasureStatus.DONE);
		bringTo(planning, m4.id(), MeasureStatus.RUNNING);
		bringTo(planning, m5.id(), MeasureStatus.STOPPED);
		bringTo(planning, m6.id(), MeasureStatus.DONE);

		GoalProgress p = planning.progress(region.id());
		// own: m1 done of m1, m2 → 1/2
		assertThat(p.measures()).isEqualTo(2);
		assertThat(p.done()).isEqualTo(1);
		assertThat(p.measureShare()).isCloseTo(0.5, within(1e-9));
		// with sub-goals: m1..m6 once each, done m1, m3, m6 → 3/6
		assertThat(p.totalMeasures()).isEqualTo(6);
		assertThat(p.totalDone()).isEqualTo(3);
		assertThat(p.totalShare()).isCloseTo(0.5, within(1e-9));

		assertThat(p.children()).hasSize(1);
		GoalProgress d = p.children().get(0);
		assertThat(d.goal().id()).isEqualTo(district.id());
		// own: m3 done of m3, m4, m5 → 1/3 (stopped is not done)
		assertThat(d.measureShare()).isCloseTo(1.0 / 3, within(1e-9));
		// with the Gemeinde goal: m3, m4, m5, m6, m1 → done m3, m6, m1 → 3/5
		assertThat(d.totalMeasures()).isEqualTo(5);
		assertThat(d.totalShare()).isCloseTo(0.6, within(1e-9));

		GoalProgress l = d.children().get(0);
		assertThat(l.goal().id()).isEqualTo(local.id());
		assertThat(l.measureShare()).isEqualTo(1.0);
		assertThat(l.children()).isEmpty();

		// a goal without measures has no share (unknown, not 0)
		Goal empty = goal(planning, guideline, gemeinde, null);
		assertThat(planning.progress(empty.id()).measureShare()).isNull();

		// overdue: end date passed and neither done nor stopped → only m4
		List<Long> overdue = planning.overdue(LocalDate.now()).stream().map(Measure::id).toList();
		assertThat(overdue).contains(m4.id()).doesNotContain(m1.id(), m2.id(), m3.id(), m5.id(), m6.id());
		assertThat(planning.measure(m4.id()).orElseThrow().overdue(LocalDate.now())).isTrue();
	}
}
