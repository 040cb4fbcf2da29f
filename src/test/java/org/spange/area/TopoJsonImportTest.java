package org.spange.area;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.spange.SpangeTest;
import org.spange.area.AreaTestData.Snapshot;
import org.spange.platform.imports.ImportProblem;
import org.spange.platform.imports.ImportReport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** TopoJSON: shared arcs, delta-encoded when quantized, one of them used reversed. */
@SpangeTest
class TopoJsonImportTest {

	private static final String P = "TopoJsonImportTest-";

	@Autowired
	AreaImports imports;

	@Autowired
	AreaQueries areas;

	@Autowired
	JdbcClient jdbc;

	/**
	 * Two squares of 0.1° side by side, west one from (9.5, 47.0), in a 0.0001° grid. Arc 0 is the shared edge
	 * (south to north); the west square uses it forward, the east square reversed (~0 = -1).
	 */
	private static String quantizedTopology(String prefix) {
		return """
				{"type": "Topology",
				 "transform": {"scale": [0.0001, 0.0001], "translate": [9.5, 47.0]},
				 "objects": {"raeume": {"type": "GeometryCollection", "geometries": [
				   {"type": "Polygon", "arcs": [[0, 1]], "properties": {"code": "%1$sW", "name": "West"}},
				   {"type": "Polygon", "arcs": [[2, -1]], "properties": {"code": "%1$sE", "name": "Ost"}}
				 ]}},
				 "arcs": [
				   [[1000, 0], [0, 1000]],
				   [[1000, 1000], [-1000, 0], [0, -1000], [1000, 0]],
				   [[1000, 0], [1000, 0], [0, 1000], [-1000, 0]]
				 ]}
				""".formatted(prefix);
	}

	@Test
	void aQuantizedTopologyWithASharedReversedArcIsImported() {
		ImportReport report = imports.importBoundaries("squares.topojson",
				quantizedTopology(P + "q-").getBytes(StandardCharsets.UTF_8),
				BoundaryImportOptions.of("sozialraum", "code", "name"));

		AreaTestData.assertWritten(report);
		assertThat(report.records()).isEqualTo(2);
		assertThat(report.created() + report.unchanged()).isEqualTo(2);
		assertBox(P + "q-W", "West", 9.5, 47.0, 9.6, 47.1);
		assertBox(P + "q-E", "Ost", 9.6, 47.0, 9.7, 47.1);
	}

	@Test
	void anUnquantizedTopologyIsImported() {
		String topology = """
				{"type": "Topology",
				 "objects": {"raeume": {"type": "GeometryCollection", "geometries": [
				   {"type": "Polygon", "arcs": [[0, 1]], "properties": {"code": "%1$sW", "name": "West"}},
				   {"type": "MultiPolygon", "arcs": [[[2, -1]]], "properties": {"code": "%1$sE", "name": "Ost"}}
				 ]}},
				 "arcs": [
				   [[9.6, 46.0], [9.6, 46.1]],
				   [[9.6, 46.1], [9.5, 46.1], [9.5, 46.0], [9.6, 46.0]],
				   [[9.6, 46.0], [9.7, 46.0], [9.7, 46.1], [9.6, 46.1]]
				 ]}
				""".formatted(P + "u-");
		ImportReport report = imports.importBoundaries("squares.topojson", topology.getBytes(StandardCharsets.UTF_8),
				BoundaryImportOptions.of("sozialraum", "code", "name"));

		AreaTestData.assertWritten(report);
		assertBox(P + "u-W", "West", 9.5, 46.0, 9.6, 46.1);
		assertBox(P + "u-E", "Ost", 9.6, 46.0, 9.7, 46.1);
	}

	@Test
	void aBrokenArcReferenceIsReportedPerFeature() {
		String topology = quantizedTopology(P + "broken-").replace("[[2, -1]]", "[[7, -1]]");
		Snapshot before = AreaTestData.snapshot(jdbc);

		ImportReport report = imports.importBoundaries("broken.topojson", topology.getBytes(StandardCharsets.UTF_8),
				BoundaryImportOptions.of("sozialraum", "code", "name"));

		AreaTestData.assertRejected(report);
		assertThat(report.problems())
			.extracting(ImportProblem::unit, ImportProblem::number, ImportProblem::field, ImportProblem::code)
			.containsExactly(tuple(ImportProblem.Unit.FEATURE, 2, "geometry", "import.feature.geometry"));
		assertThat(AreaTestData.snapshot(jdbc)).isEqualTo(before);
	}

	private void assertBox(String code, String name, double minLon, double minLat, double maxLon, double maxLat) {
		AreaSummary area = areas.byCode("sozialraum", code).orElseThrow();
		assertThat(area.name()).isEqualTo(name);
		AreaDetail detail = areas.area(area.id()).orElseThrow();
		assertThat(detail.bbox()).as("bbox of %s", code).containsExactly(new double[] { minLon, minLat, maxLon, maxLat },
				offset(1e-9));
		// a 0.1° square at 47° N: 0.1 × 111.2 km × 0.1 × 75.8 km ≈ 84 km²
		assertThat(area.areaKm2()).isBetween(80.0, 90.0);
	}
}
