package org.spange.needs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.spange.SpangeTest;
import org.spange.platform.imports.ImportProblem;
import org.spange.platform.imports.ImportReport;
import org.spange.platform.imports.ImportReport.Outcome;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Population grids and accessibility results in PostgreSQL: all or nothing, unknown stays unknown, versioned. */
@SpangeTest
class AccessibilityRunsTest {

	@Autowired
	AccessibilityRuns runs;

	@Autowired
	Accessibility accessibility;

	@Autowired
	JdbcClient jdbc;

	static String key() {
		return "test-" + UUID.randomUUID().toString().substring(0, 8);
	}

	@Test
	void badGridFileWritesNothingAndReportsEveryLine() {
		String key = key();
		String csv = """
				id;lon;lat;population
				a;9,93;51,54;100
				b;9,93;x;100
				c;9,94;51,55;100
				d;9,94;51,55;-3
				e;;51,55;7
				""";
		ImportReport report = runs.importGrid(key, "bad.csv", csv.getBytes(StandardCharsets.UTF_8), false);
		assertThat(report.outcome()).isEqualTo(Outcome.REJECTED);
		assertThat(report.problems()).extracting(ImportProblem::number, ImportProblem::field)
			.containsExactly(tuple(3, "lat"), tuple(5, "population"), tuple(6, "lon"));
		assertThat(jdbc.sql("select count(*) from needs.population_grid where key = ?").param(key).query(Long.class)
			.single()).isZero();
		assertThat(jdbc.sql("select count(*) from needs.population_cell where grid_key = ?").param(key)
			.query(Long.class).single()).isZero();
	}

	@Test
	void gridIsStoredWithUnknownsAndReimportChangesNothing() {
		String key = key();
		byte[] csv = "id;lon;lat;population;over65;area\nA;0;0;100;10;X\nB;0,01;0;200;;X\nC;0,03;0;;;Y\n"
			.getBytes(StandardCharsets.UTF_8);
		ImportReport first = runs.importGrid(key, "grid.csv", csv, true);
		assertThat(first.outcome()).isEqualTo(Outcome.WRITTEN);
		assertThat(first.created()).isEqualTo(3);
		List<PopulationCell> cells = runs.grid(key);
		assertThat(cells).extracting(PopulationCell::id, PopulationCell::population, PopulationCell::over65)
			.containsExactly(tuple("A", 100.0, 10.0), tuple("B", 200.0, null), tuple("C", null, null));
		ImportReport again = runs.importGrid(key, "grid.csv", csv, true);
		assertThat(again.unchanged()).isEqualTo(3);
		assertThat(again.changedSomething()).isFalse();
	}

	@Test
	void resultsAreStoredOncePerSetOfInputs() {
		String key = key();
		runs.importGrid(key, "grid.csv", "id;lon;lat;population;area\nA;0;0;100;X\nB;0,01;0;200;X\nC;0,03;0;50;Y\n"
			.getBytes(StandardCharsets.UTF_8), false);
		List<PopulationCell> cells = runs.grid(key);
		List<SupplyPoint> supply = List.of(new SupplyPoint("S1", 0, 0, 10, "kita"),
				new SupplyPoint("S2", 0.04, 0, 5, "kita"));
		AccessOptions options = new AccessOptions(PopulationBand.TOTAL, 1000, 3500, CatchmentDecay.NONE);
		AccessResult result = accessibility.evaluate(cells, supply, "kita", options);
		StoredRun first = runs.save(key, supply, result);
		StoredRun second = runs.save(key, supply, accessibility.evaluate(cells, supply, "kita", options));
		assertThat(first.created()).isTrue();
		assertThat(second.created()).isFalse();
		assertThat(second.id()).isEqualTo(first.id());
		assertThat(runs.areas(first.id())).isEqualTo(result.areas());
		// other inputs (a changed capacity) make a new version
		List<SupplyPoint> more = List.of(new SupplyPoint("S1", 0, 0, 12, "kita"),
				new SupplyPoint("S2", 0.04, 0, 5, "kita"));
		StoredRun third = runs.save(key, more, accessibility.evaluate(cells, more, "kita", options));
		assertThat(third.created()).isTrue();
		assertThat(third.inputHash()).isNotEqualTo(first.inputHash());
	}
}
