package org.spange.planning;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.spange.area.AreaQueries;

/** Helpers for the planning tests: uniquely named guidelines, goals and measures in the shared database. */
final class PlanningTestData {

	private PlanningTestData() {
	}

	static String unique(String name) {
		return name + " " + UUID.randomUUID().toString().substring(0, 8);
	}

	static long area(AreaQueries areas, String level, String code) {
		return areas.byCode(level, code).orElseThrow().id().value();
	}

	static long guideline(Planning planning) {
		return planning.createGuideline(new Guideline(null, "Testgremium", null, unique("Test-Leitlinie"),
				"Text der Test-Leitlinie", LocalDate.of(2025, 1, 1), false)).id();
	}

	static Goal goal(Planning planning, long guideline, long area, Long parent, IndicatorTarget... targets) {
		return planning.createGoal(new Goal(null, area, parent, unique("Testziel"), null, List.of(guideline),
				List.of(targets)));
	}

	static Measure measure(Planning planning, long area, LocalDate end, Long... goals) {
		return planning.createMeasure(new Measure(null, unique("Testmaßnahme"), null, "Sozialamt (Test)", null, area,
				LocalDate.of(2020, 1, 1), end, null, null, List.of(goals), List.of()));
	}

	/** Moves a measure from PLANNED along the allowed path to the wanted status. */
	static void bringTo(Planning planning, long measure, MeasureStatus status) {
		switch (status) {
			case PLANNED -> {
			}
			case RUNNING -> planning.changeStatus(measure, MeasureStatus.RUNNING, null);
			case DONE -> {
				planning.changeStatus(measure, MeasureStatus.RUNNING, null);
				planning.changeStatus(measure, MeasureStatus.DONE, null);
			}
			case STOPPED -> planning.changeStatus(measure, MeasureStatus.STOPPED, null);
		}
	}
}
