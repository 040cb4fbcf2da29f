package org.spange.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.spange.planning.PlanningTestData.area;
import static org.spange.planning.PlanningTestData.goal;
import static org.spange.planning.PlanningTestData.guideline;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.spange.SpangeTest;
import org.spange.area.AreaDetail;
import org.spange.area.AreaId;
import org.spange.area.AreaQueries;
import org.spange.area.AreaSummary;
import org.springframework.beans.factory.annotation.Autowired;

/** A parent goal's area contains or equals its child's, in any scheme; goals never form a cycle. */
@SpangeTest
class GoalRulesTest {

	@Autowired
	Planning planning;

	@Autowired
	AreaQueries areas;

	private static List<String> codes(InvalidPlanningException e) {
		return e.problems().stream().map(p -> p.field() + " " + p.code()).toList();
	}

	@Test
	void theParentsAreaMustContainOrEqualTheChildsArea() {
		long guideline = guideline(planning);
		long bezirk801 = area(areas, "bezirk", "801");
		long gemeinde80101 = area(areas, "gemeinde", "80101");
		long gemeinde80201 = area(areas, "gemeinde", "80201");
		Goal district = goal(planning, guideline, bezirk801, null);

		assertThat(goal(planning, guideline, gemeinde80101, district.id()).parentId()).isEqualTo(district.id());
		assertThat(goal(planning, guideline, bezirk801, district.id()).parentId()).isEqualTo(district.id());

		// a Gemeinde of another Bezirk
		InvalidPlanningException other = catchThrowableOfType(InvalidPlanningException.class,
				() -> goal(planning, guideline, gemeinde80201, district.id()));
		assertThat(codes(other)).containsExactly("parentId goal.parentArea");
		// upside down: a Gemeinde goal cannot hold a Bezirk goal
		Goal local = goal(planning, guideline, gemeinde80101, null);
		InvalidPlanningException upside = catchThrowableOfType(InvalidPlanningException.class,
				() -> goal(planning, guideline, bezirk801, local.id()));
		assertThat(codes(upside)).containsExactly("parentId goal.parentArea");

		// another scheme: the illustrative planning region that holds Gemeinde 80101
		AreaSummary region = areas.area(new AreaId(gemeinde80101)).orElseThrow().schemes().stream()
			.filter(s -> s.scheme().key().equals("vorarlberg-sozialplanungsraeume"))
			.map(AreaDetail.SchemePosition::ancestors)
			.flatMap(List::stream)
			.filter(a -> a.levelKey().equals("planungsraum"))
			.findFirst().orElseThrow();
		Goal planningRegion = goal(planning, guideline, region.id().value(), null);
		assertThat(goal(planning, guideline, gemeinde80101, planningRegion.id()).parentId())
			.isEqualTo(planningRegion.id());
	}

	@Test
	void aGoalCannotBecomeItsOwnAncestorAndNothingIsWritten() {
		long guideline = guideline(planning);
		long land = area(areas, "land", "8");
		Goal a = goal(planning, guideline, land, null);
		Goal b = goal(planning, guideline, land, a.id());
		Goal c = goal(planning, guideline, land, b.id());

		Goal aBelowC = new Goal(null, land, c.id(), a.title() + " geändert", null, List.of(guideline), List.of());
		InvalidPlanningException cycle = catchThrowableOfType(InvalidPlanningException.class,
				() -> planning.updateGoal(a.id(), aBelowC));
		assertThat(codes(cycle)).containsExactly("parentId goal.cycle");
		Goal self = new Goal(null, land, a.id(), a.title(), null, List.of(guideline), List.of());
		assertThat(codes(catchThrowableOfType(InvalidPlanningException.class, () -> planning.updateGoal(a.id(), self))))
			.containsExactly("parentId goal.cycle");

		Goal unchanged = planning.goal(a.id()).orElseThrow();
		assertThat(unchanged.parentId()).isNull();
		assertThat(unchanged.title()).isEqualTo(a.title());
		assertThat(planning.children(a.id())).extracting(Goal::id).containsExactly(b.id());
	}
}
