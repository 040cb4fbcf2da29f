package org.spange.area;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spange.area.AreaTestData.collection;
import static org.spange.area.AreaTestData.feature;
import static org.spange.area.AreaTestData.square;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.spange.SpangeTest;
import org.spange.area.AreaTestData.Snapshot;
import org.spange.platform.imports.ImportReport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Importing the same file again finds everything unchanged, writes nothing and keeps the data version. */
@SpangeTest
class BoundaryReimportTest {

	private static final String P = "T-BoundaryReimportTest-";

	@Autowired
	AreaImports imports;

	@Autowired
	AreaQueries areas;

	@Autowired
	JdbcClient jdbc;

	@Test
	void reimportingTheDemoGemeindenChangesNothing() {
		// exactly the options of DemoRegionLoader.loadVorarlberg
		BoundaryImportOptions options = BoundaryImportOptions.of("gemeinde", "gkz", "name")
			.validFrom(LocalDate.of(2021, 1, 1))
			.inScheme("vorarlberg-bezirke", "bezirk", "bezirk", null);
		byte[] file = AreaTestData.resource("/data/vorarlberg/gemeinden-2021.geojson");
		Snapshot before = AreaTestData.snapshot(jdbc);

		ImportReport report = imports.importBoundaries("gemeinden-2021.geojson", file, options);

		AreaTestData.assertWritten(report);
		assertThat(report.records()).isEqualTo(96);
		assertThat(report.created()).isZero();
		assertThat(report.updated()).isZero();
		assertThat(report.unchanged()).isEqualTo(96);
		assertThat(report.warnings()).isEmpty();
		assertThat(AreaTestData.snapshot(jdbc)).as("rows and data version").isEqualTo(before);
		assertThat(areas.areas("vorarlberg-bezirke", "gemeinde")).hasSize(96);
	}

	@Test
	void reimportingTheDemoBezirkeChangesNothing() {
		byte[] file = AreaTestData.resource("/data/vorarlberg/bezirke-2021.geojson");
		Snapshot before = AreaTestData.snapshot(jdbc);

		ImportReport report = imports.importBoundaries("bezirke-2021.geojson", file,
				BoundaryImportOptions.of("bezirk", "code", "name").validFrom(LocalDate.of(2021, 1, 1)));

		AreaTestData.assertWritten(report);
		assertThat(report.created() + report.updated()).isZero();
		assertThat(report.unchanged()).isEqualTo(4);
		assertThat(AreaTestData.snapshot(jdbc)).isEqualTo(before);
	}

	@Test
	void reimportingASmallFileWithSchemeParentsAndCodesChangesNothing() {
		String scheme = "test-boundaryreimporttest";
		byte[] file = collection(
				feature(square(9.88, 47.09, 0.01), "code", P + "1", "name", "Eins", "gkz", "80101", "nuts", "AT341",
						"einwohner", 1234, "anteil", 0.25),
				feature(square(9.90, 47.09, 0.01), "code", P + "2", "name", "Zwei", "gkz", "80101", "nuts", "AT341",
						"einwohner", 567, "anteil", 0.75));
		BoundaryImportOptions options = BoundaryImportOptions.of("sozialraum", "code", "name")
			.withExtraCodes(Map.of("NUTS", "nuts"))
			.validFrom(LocalDate.of(2025, 1, 1))
			.inScheme(scheme, "gemeinde", "gkz", null);

		ImportReport first = imports.importBoundaries("reimport.geojson", file, options);
		AreaTestData.assertWritten(first);
		assertThat(first.created()).isEqualTo(2);
		Snapshot afterFirst = AreaTestData.snapshot(jdbc);

		ImportReport second = imports.importBoundaries("reimport.geojson", file, options);

		AreaTestData.assertWritten(second);
		assertThat(second.created()).isZero();
		assertThat(second.updated()).isZero();
		assertThat(second.unchanged()).isEqualTo(2);
		assertThat(AreaTestData.snapshot(jdbc)).as("rows and data version").isEqualTo(afterFirst);

		AreaSummary one = areas.byCode("sozialraum", P + "1").orElseThrow();
		AreaDetail detail = areas.area(one.id()).orElseThrow();
		assertThat(detail.codes()).containsExactly(Map.entry("NUTS", "AT341"));
		assertThat(areas.areas(scheme, "sozialraum")).extracting(AreaSummary::parentName)
			.containsOnly("Bartholomäberg");
	}

	@Test
	void aChangedNameIsAnUpdateAndMovesTheDataVersion() {
		String code = P + "rename";
		BoundaryImportOptions options = BoundaryImportOptions.of("sozialraum", "code", "name");
		AreaTestData.assertWritten(imports.importBoundaries("v1.geojson",
				collection(feature(square(9.92, 47.09, 0.01), "code", code, "name", "Alt")), options));
		Snapshot before = AreaTestData.snapshot(jdbc);

		ImportReport renamed = imports.importBoundaries("v2.geojson",
				collection(feature(square(9.92, 47.09, 0.01), "code", code, "name", "Neu")), options);

		AreaTestData.assertWritten(renamed);
		assertThat(renamed.updated()).isEqualTo(1);
		assertThat(renamed.created() + renamed.unchanged()).isZero();
		Snapshot after = AreaTestData.snapshot(jdbc);
		assertThat(after.areas()).isEqualTo(before.areas());
		assertThat(after.dataVersion()).isGreaterThan(before.dataVersion());
		assertThat(areas.byCode("sozialraum", code)).get().extracting(AreaSummary::name).isEqualTo("Neu");
	}

	@Test
	void aCodeWrittenAsANumberIsTheSameCodeAsTheString() {
		BoundaryImportOptions options = BoundaryImportOptions.of("sozialraum", "code", "name");
		AreaTestData.assertWritten(imports.importBoundaries("numeric.geojson",
				collection(feature(square(9.94, 47.09, 0.01), "code", 9876501.0, "name", "Zahl")), options));
		assertThat(areas.byCode("sozialraum", "9876501")).isPresent();

		ImportReport again = imports.importBoundaries("string.geojson",
				collection(feature(square(9.94, 47.09, 0.01), "code", "9876501", "name", "Zahl")), options);
		AreaTestData.assertWritten(again);
		// the same area (its stored properties change from a number to a string, hence an update)
		assertThat(again.created()).isZero();
		assertThat(again.updated()).isEqualTo(1);
	}
}
