package org.spange.needs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.spange.platform.imports.ImportProblem;
import org.spange.platform.imports.ImportReport.Outcome;
import org.spange.platform.imports.TextFiles;

/** Reading population grids: German and international CSV, bad input reported line by line, all or nothing. */
class PopulationGridsTest {

	@Test
	void readsGermanCsvWithDecimalCommaAndUnknownValues() {
		String csv = """
				id;lon;lat;population;under18;over65;area
				N1;9,9350;51,5413;1.234;210,5;;03159016
				N2;9,9400;51,5450;;;;03159016
				""";
		GridRead<PopulationCell> read = PopulationGrids.csv("grid.csv", csv.getBytes(TextFiles.WINDOWS_1252));
		assertThat(read.report().outcome()).isEqualTo(Outcome.PREVIEW);
		assertThat(read.report().problems()).isEmpty();
		assertThat(read.items()).hasSize(2);
		PopulationCell n1 = read.items().get(0);
		assertThat(n1.lon()).isEqualTo(9.935);
		assertThat(n1.population()).isEqualTo(1234.0);
		assertThat(n1.under18()).isEqualTo(210.5);
		assertThat(n1.over65()).as("empty is unknown, not 0").isNull();
		assertThat(n1.area()).isEqualTo("03159016");
		assertThat(read.items().get(1).population()).isNull();
	}

	@Test
	void readsCommaSeparatedCsvWithDecimalPoint() {
		String csv = "id,lon,lat,population\nA,16.37,48.21,12.5\nB,16.38,48.22,0\n";
		GridRead<PopulationCell> read = PopulationGrids.csv("grid.csv", csv.getBytes(StandardCharsets.UTF_8));
		assertThat(read.items()).extracting(PopulationCell::id, PopulationCell::population)
			.containsExactly(tuple("A", 12.5), tuple("B", 0.0));
	}

	@Test
	void reportsEveryBadLineAndReturnsNothing() {
		String csv = """
				id;lon;lat;population;under18
				ok1;9,93;51,54;100;20
				bad1;9,93;fifty;100;20
				ok2;9,94;51,55;100;20
				bad2;200;51,55;-5;20
				bad3;9,95;51,56;10;20
				""";
		GridRead<PopulationCell> read = PopulationGrids.csv("grid.csv", csv.getBytes(StandardCharsets.UTF_8));
		assertThat(read.report().outcome()).isEqualTo(Outcome.REJECTED);
		assertThat(read.items()).as("all or nothing").isEmpty();
		assertThat(read.report().problems()).extracting(ImportProblem::number, ImportProblem::field,
				ImportProblem::code)
			.containsExactly(tuple(3, "lat", "needs.grid.not-a-number"), tuple(5, "lon", "needs.grid.lon-range"),
					tuple(5, "population", "needs.grid.negative"), tuple(6, "under18", "needs.grid.band-exceeds"));
		assertThat(read.report().problems().get(0).message()).contains("fifty");
	}

	@Test
	void reportsMissingColumnsAndDuplicateIds() {
		GridRead<PopulationCell> noLat = PopulationGrids.csv("g.csv", "id;lon;population\nA;1;2\n".getBytes());
		assertThat(noLat.report().problems()).extracting(ImportProblem::number, ImportProblem::field)
			.containsExactly(tuple(1, "lat"));
		GridRead<PopulationCell> twice = PopulationGrids.csv("g.csv",
				"id;lon;lat;population\nA;1;2;3\nA;1;2;3\n".getBytes());
		assertThat(twice.report().problems()).extracting(ImportProblem::number, ImportProblem::code)
			.containsExactly(tuple(3, "needs.grid.id-duplicate"));
		assertThat(twice.items()).isEmpty();
	}

	@Test
	void zensusGridTreatsNullAndNegativeAsUnknown() {
		String json = """
				{"type":"FeatureCollection","features":[
				 {"type":"Feature","properties":{"grid_id":"a","ags":"1","Einwohner":200,"unter18_A":15.0,"ab65_A":null},
				  "geometry":{"type":"Polygon","coordinates":[[[10,50],[10,50.01],[10.02,50.01],[10.02,50],[10,50]]]}},
				 {"type":"Feature","properties":{"grid_id":"b","ags":"1","Einwohner":-1,"unter18_A":-1,"ab65_A":-1},
				  "geometry":{"type":"Polygon","coordinates":[[[10,51],[10,51.01],[10.02,51.01],[10.02,51],[10,51]]]}}
				]}""";
		GridRead<PopulationCell> read = PopulationGrids.zensus("z.geojson", json.getBytes(StandardCharsets.UTF_8));
		assertThat(read.report().problems()).isEmpty();
		PopulationCell a = read.items().get(0);
		assertThat(a.lon()).isEqualTo(10.01, org.assertj.core.api.Assertions.within(1e-9));
		assertThat(a.lat()).isEqualTo(50.005, org.assertj.core.api.Assertions.within(1e-9));
		assertThat(a.under18()).isEqualTo(30.0);
		assertThat(a.over65()).isNull();
		assertThat(read.items().get(1).population()).isNull();
		assertThat(read.items().get(1).under18()).isNull();
	}

	@Test
	void badGeoJsonIsReportedByFeature() {
		String json = """
				{"type":"FeatureCollection","features":[
				 {"type":"Feature","properties":{"class":"school","subclass":"kindergarten","mvt_id":1},
				  "geometry":{"type":"Point","coordinates":[9.9,51.5]}},
				 {"type":"Feature","properties":{"class":"school"},"geometry":{"type":"Point","coordinates":[999,51.5]}},
				 {"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[9.9,51.5]}}
				]}""";
		GridRead<SupplyPoint> read = PopulationGrids.osmPois("p.geojson", json.getBytes(StandardCharsets.UTF_8));
		assertThat(read.items()).isEmpty();
		assertThat(read.report().problems()).extracting(ImportProblem::number, ImportProblem::field)
			.containsExactly(tuple(2, "geometry"), tuple(3, "class"));
		assertThat(PopulationGrids.osmPois("x", "{oops".getBytes()).report().problems()).extracting(
				ImportProblem::code).containsExactly("needs.geojson.malformed");
	}

	@Test
	void syntheticPointsAreDeterministicInsideTheAreaAndKeepItsPopulation() throws Exception {
		org.locationtech.jts.geom.Geometry triangle = new org.locationtech.jts.io.WKTReader()
			.read("POLYGON ((9.9 51.5, 10.0 51.5, 9.9 51.6, 9.9 51.5))");
		List<PopulationCell> a = PopulationGrids.synthetic("03159016", triangle, 1000, 50);
		List<PopulationCell> b = PopulationGrids.synthetic("03159016", triangle, 1000, 50);
		assertThat(a).hasSize(50).isEqualTo(b);
		assertThat(a).allSatisfy(c -> {
			assertThat(c.lon() - 9.9 + c.lat() - 51.5).isLessThanOrEqualTo(0.1 + 1e-9);
			assertThat(c.area()).isEqualTo("03159016");
		});
		assertThat(a.stream().mapToDouble(PopulationCell::population).sum()).isCloseTo(1000,
				org.assertj.core.api.Assertions.within(1e-9));
		assertThat(PopulationGrids.synthetic("03159017", triangle, 1000, 50)).isNotEqualTo(a);
	}
}
