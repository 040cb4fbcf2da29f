package org.spange.area;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.spange.SpangeTest;
import org.spange.area.AreaTestData.Snapshot;
import org.spange.platform.imports.ImportProblem;
import org.spange.platform.imports.ImportReport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Area lists: areas without boundaries, such as the 290 Zählsprengel of Vorarlberg under their Gemeinden. */
@SpangeTest
class AreaListImportTest {

	private static final String SCHEME = "test-arealistimporttest";

	@Autowired
	AreaImports imports;

	@Autowired
	AreaQueries areas;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theZaehlsprengelOfVorarlbergGoUnderTheirGemeindenAndASecondImportChangesNothing() {
		byte[] file = AreaTestData.resource("/data/vorarlberg/zaehlsprengel-bevoelkerung-2026.csv");
		AreaListOptions options = AreaListOptions.of("zaehlsprengel", "zsp_id", "gemeinde")
			.inScheme(SCHEME, "gemeinde", "gkz", null);

		ImportReport first = imports.importAreaList("zaehlsprengel.csv", file, options);
		AreaTestData.assertWritten(first);
		// the demo profile lists the same Zählsprengel (org.spange.demo): then they are updated into this scheme
		assertThat(first.created() + first.updated()).isEqualTo(290);

		assertThat(areas.areas(SCHEME, "zaehlsprengel")).hasSize(290);
		assertThat(areas.areas(SCHEME, "gemeinde")).as("parents become members of the scheme").hasSize(96);
		AreaSummary zsp = areas.byCode("zaehlsprengel", "80101001").orElseThrow();
		assertThat(zsp.parentId()).isNull(); // byCode knows no scheme
		assertThat(areas.areas(SCHEME, "zaehlsprengel")).filteredOn(a -> a.code().equals("80101001"))
			.extracting(AreaSummary::parentName).containsExactly("Bartholomäberg");
		assertThat(areas.area(zsp.id()).orElseThrow().bbox()).as("no boundary").isNull();

		Snapshot before = AreaTestData.snapshot(jdbc);
		ImportReport again = imports.importAreaList("zaehlsprengel.csv", file, options);
		assertThat(again.unchanged()).isEqualTo(290);
		assertThat(again.created() + again.updated()).isZero();
		assertThat(AreaTestData.snapshot(jdbc)).isEqualTo(before);
	}

	@Test
	void listingAreasThatHaveBoundariesKeepsTheBoundaries() {
		String code = "AreaListImportTest-1";
		AreaTestData.assertWritten(imports.importBoundaries("one.geojson",
				AreaTestData.collection(AreaTestData.feature(AreaTestData.square(9.8, 47.3, 0.01), "code", code, "name",
						"Mit Grenze")),
				BoundaryImportOptions.of("sozialraum", "code", "name")));
		double km2 = areas.byCode("sozialraum", code).orElseThrow().areaKm2();

		ImportReport renamed = imports.importAreaList("list.csv",
				("code;name\n" + code + ";Neuer Name\n").getBytes(StandardCharsets.UTF_8),
				AreaListOptions.of("sozialraum", "code", "name"));

		AreaTestData.assertWritten(renamed);
		assertThat(renamed.updated()).isEqualTo(1);
		AreaSummary after = areas.byCode("sozialraum", code).orElseThrow();
		assertThat(after.name()).isEqualTo("Neuer Name");
		assertThat(after.areaKm2()).isEqualTo(km2);
		assertThat(areas.geoJson(after.id())).isPresent();
	}

	@Test
	void badListsAreRejectedWithLineAndColumnAndWriteNothing() {
		Snapshot before = AreaTestData.snapshot(jdbc);
		String csv = """
				zsp_id;gkz;gemeinde
				AreaListImportTest-a;80101;Eins
				AreaListImportTest-a;80101;Doppelt
				AreaListImportTest-b;99999;Unbekannte Gemeinde
				;80101;Ohne Kennziffer
				AreaListImportTest-c;80101;
				""";
		ImportReport report = imports.importAreaList("bad.csv", csv.getBytes(StandardCharsets.UTF_8),
				AreaListOptions.of("zaehlsprengel", "zsp_id", "gemeinde").inScheme(SCHEME + "-bad", "gemeinde", "gkz",
						null));

		AreaTestData.assertRejected(report);
		assertThat(report.problems()).extracting(ImportProblem::unit, ImportProblem::number, ImportProblem::field,
				ImportProblem::code)
			.containsExactlyInAnyOrder(
					tuple(ImportProblem.Unit.LINE, 3, "zsp_id", "import.csv.duplicate"),
					tuple(ImportProblem.Unit.LINE, 5, "zsp_id", "import.feature.noCode"),
					tuple(ImportProblem.Unit.LINE, 6, "gemeinde", "import.feature.noName"),
					tuple(ImportProblem.Unit.LINE, 4, "gkz", "import.feature.unknownParent"));
		assertThat(AreaTestData.snapshot(jdbc)).isEqualTo(before);
		assertThat(areas.scheme(SCHEME + "-bad")).as("not even the scheme").isEmpty();
	}

	@Test
	void aMissingColumnIsReportedInTheHeaderLine() {
		ImportReport report = imports.importAreaList("header.csv", "id;name\n1;A\n".getBytes(StandardCharsets.UTF_8),
				AreaListOptions.of("zaehlsprengel", "zsp_id", "name"));
		AreaTestData.assertRejected(report);
		assertThat(report.problems()).extracting(ImportProblem::number, ImportProblem::field, ImportProblem::code)
			.containsExactly(tuple(1, "zsp_id", "import.csv.missingColumn"));
	}
}
