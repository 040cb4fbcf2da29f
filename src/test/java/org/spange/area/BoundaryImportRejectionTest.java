package org.spange.area;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.spange.area.AreaTestData.collection;
import static org.spange.area.AreaTestData.collectionWithCrs;
import static org.spange.area.AreaTestData.feature;
import static org.spange.area.AreaTestData.polygon;
import static org.spange.area.AreaTestData.square;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.spange.SpangeTest;
import org.spange.area.AreaTestData.Snapshot;
import org.spange.platform.imports.ImportProblem;
import org.spange.platform.imports.ImportProblem.Unit;
import org.spange.platform.imports.ImportReport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Bad boundary files: every problem is reported with unit, number, field and message code, and nothing is
 * written — no area, no scheme membership, no code, no scheme, no new data version.
 */
@SpangeTest
class BoundaryImportRejectionTest {

	private static final String P = "BoundaryImportRejectionTest-";

	@Autowired
	AreaImports imports;

	@Autowired
	AreaQueries areas;

	@Autowired
	JdbcClient jdbc;

	private static BoundaryImportOptions sozialraum() {
		return BoundaryImportOptions.of("sozialraum", "code", "name");
	}

	/** Imports a file that must be rejected, and checks that nothing was written. */
	private ImportReport rejected(String fileName, byte[] content, BoundaryImportOptions options) {
		Snapshot before = AreaTestData.snapshot(jdbc);
		ImportReport report = imports.importBoundaries(fileName, content, options);
		AreaTestData.assertRejected(report);
		assertThat(AreaTestData.snapshot(jdbc)).as("rows after rejecting %s", fileName).isEqualTo(before);
		return report;
	}

	@Test
	void malformedJsonIsReportedWithLineAndColumn() {
		String line3 = "{\"type\": \"Feature\", \"properties\": {\"code\": \"" + P + "json\" \"name\": \"X\"},"
				+ " \"geometry\": " + square(9.7, 47.2, 0.01) + "}";
		String text = "{\"type\": \"FeatureCollection\",\n\"features\": [\n" + line3 + "\n]}\n";
		ImportReport report = rejected("malformed.geojson", text.getBytes(StandardCharsets.UTF_8), sozialraum());

		assertThat(report.problems()).hasSize(1);
		ImportProblem p = report.problems().get(0);
		assertThat(p.unit()).isEqualTo(Unit.LINE);
		assertThat(p.number()).isEqualTo(3);
		assertThat(p.code()).isEqualTo("import.json.malformed");
		// the column points at the unexpected '"' of "name" (1-based), where a comma was expected
		int column = Integer.parseInt(p.args().get(0));
		int unexpected = line3.indexOf("\"name\"") + 1;
		assertThat(column).isBetween(unexpected, unexpected + 1);
		assertThat(p.message()).contains("line 3, column " + column).containsIgnoringCase("comma");
	}

	@Test
	void coordinatesInMetresInAFileReadAsWgs84AreRejectedPerFeature() {
		byte[] file = collection(
				feature(square(9.70, 47.20, 0.01), "code", P + "ok", "name", "ok"),
				feature(square(553000, 5230000, 1000), "code", P + "utm1", "name", "in metres"),
				feature(square(554000, 5230000, 1000), "code", P + "utm2", "name", "in metres too"));
		ImportReport report = rejected("metres.geojson", file, sozialraum());

		assertThat(report.records()).isEqualTo(3);
		assertThat(report.problems())
			.extracting(ImportProblem::unit, ImportProblem::number, ImportProblem::field, ImportProblem::code)
			.containsExactly(tuple(Unit.FEATURE, 2, "geometry", "import.feature.wrongCrs"),
					tuple(Unit.FEATURE, 3, "geometry", "import.feature.wrongCrs"));
		assertThat(report.problems().get(0).message()).contains("553000").contains("EPSG:4326");
	}

	@Test
	void lonLatInAFileReadAsProjectedIsRejected() {
		byte[] file = collection(feature(square(9.70, 47.20, 0.01), "code", P + "lonlat", "name", "lon/lat"));
		ImportReport report = rejected("lonlat.geojson", file, sozialraum().withCrs("EPSG:31287"));

		assertThat(report.problems())
			.extracting(ImportProblem::unit, ImportProblem::number, ImportProblem::field, ImportProblem::code)
			.containsExactly(tuple(Unit.FEATURE, 1, "geometry", "import.feature.wrongCrs"));
		assertThat(report.problems().get(0).message()).contains("EPSG:31287");
	}

	@Test
	void anUnsupportedCrsIsRejectedWhetherChosenOrDeclared() {
		String swiss = feature(square(2_600_000, 1_200_000, 1000), "code", P + "ch", "name", "LV95");

		ImportReport chosen = rejected("lv95.geojson", collection(swiss), sozialraum().withCrs("EPSG:2056"));
		assertThat(chosen.problems())
			.extracting(ImportProblem::unit, ImportProblem::number, ImportProblem::field, ImportProblem::code)
			.containsExactly(tuple(Unit.FILE, null, null, "import.crs.unsupported"));
		assertThat(chosen.problems().get(0).args()).containsExactly("EPSG:2056");
		assertThat(chosen.problems().get(0).message()).contains("EPSG:2056").contains("31287");

		ImportReport declared = rejected("lv95-declared.geojson",
				collectionWithCrs("urn:ogc:def:crs:EPSG::2056", swiss), sozialraum());
		assertThat(declared.problems()).extracting(ImportProblem::unit, ImportProblem::code)
			.containsExactly(tuple(Unit.FILE, "import.crs.unsupported"));
		assertThat(declared.problems().get(0).args()).containsExactly("urn:ogc:def:crs:EPSG::2056");
	}

	private static String bowTie() {
		return polygon(9.70, 47.20, 9.80, 47.30, 9.80, 47.20, 9.70, 47.30, 9.70, 47.20);
	}

	@Test
	void aSelfIntersectingPolygonIsRejected() {
		byte[] file = collection(feature(bowTie(), "code", P + "bowtie", "name", "Bow tie"));
		ImportReport report = rejected("bowtie.geojson", file, sozialraum());

		assertThat(report.problems())
			.extracting(ImportProblem::unit, ImportProblem::number, ImportProblem::field, ImportProblem::code)
			.containsExactly(tuple(Unit.FEATURE, 1, "geometry", "import.feature.invalidGeometry"));
		assertThat(report.problems().get(0).message()).contains("Self-intersection").contains("9.750000, 47.250000");
		assertThat(areas.byCode("sozialraum", P + "bowtie")).isEmpty();
	}

	@Test
	void aSelfIntersectingPolygonIsRepairedWithAWarningWhenAskedTo() {
		String code = P + "repaired";
		byte[] file = collection(feature(bowTie(), "code", code, "name", "Bow tie, repaired"));
		Snapshot before = AreaTestData.snapshot(jdbc);

		ImportReport report = imports.importBoundaries("bowtie.geojson", file, sozialraum().repairing(true));

		AreaTestData.assertWritten(report);
		assertThat(report.created()).isEqualTo(1);
		assertThat(report.warnings())
			.extracting(ImportProblem::unit, ImportProblem::number, ImportProblem::field, ImportProblem::code)
			.containsExactly(tuple(Unit.FEATURE, 1, "geometry", "import.feature.repaired"));
		assertThat(report.warnings().get(0).message()).contains("Self-intersection");
		assertThat(AreaTestData.snapshot(jdbc).areas()).isEqualTo(before.areas() + 1);

		AreaSummary stored = areas.byCode("sozialraum", code).orElseThrow();
		// two triangles of 0.05° × 0.1° / 2 each: about 2 × 0.0025 deg² ≈ 2 × 20.9 km² at 47.2° N
		assertThat(stored.areaKm2()).isBetween(35.0, 50.0);
		AreaDetail detail = areas.area(stored.id()).orElseThrow();
		assertThat(detail.bbox()).containsExactly(new double[] { 9.70, 47.20, 9.80, 47.30 },
				org.assertj.core.data.Offset.offset(1e-9));
	}

	@Test
	void aDuplicateCodeIsRejectedNamingTheFirstFeature() {
		byte[] file = collection(
				feature(square(9.70, 47.20, 0.01), "code", P + "dup", "name", "First"),
				feature(square(9.72, 47.20, 0.01), "code", P + "other", "name", "Other"),
				feature(square(9.74, 47.20, 0.01), "code", P + "dup", "name", "Second"));
		ImportReport report = rejected("duplicate.geojson", file, sozialraum());

		assertThat(report.problems())
			.extracting(ImportProblem::unit, ImportProblem::number, ImportProblem::field, ImportProblem::code)
			.containsExactly(tuple(Unit.FEATURE, 3, "code", "import.feature.duplicateCode"));
		assertThat(report.problems().get(0).args()).containsExactly(P + "dup", "1");
		assertThat(areas.byCode("sozialraum", P + "other")).isEmpty();
	}

	@Test
	void anUnknownParentIsRejected() {
		String scheme = "test-boundaryimportrejectiontest-parent";
		byte[] file = collection(
				feature(square(9.88, 47.09, 0.01), "code", P + "child-ok", "name", "Known parent", "gkz", "80101"),
				feature(square(9.90, 47.09, 0.01), "code", P + "child-bad", "name", "Unknown parent", "gkz", "89999"));
		BoundaryImportOptions options = sozialraum().validFrom(LocalDate.of(2025, 1, 1))
			.inScheme(scheme, "gemeinde", "gkz", null);

		ImportReport report = rejected("unknown-parent.geojson", file, options);

		assertThat(report.problems())
			.extracting(ImportProblem::unit, ImportProblem::number, ImportProblem::field, ImportProblem::code)
			.containsExactly(tuple(Unit.FEATURE, 2, "gkz", "import.feature.unknownParent"));
		assertThat(report.problems().get(0).args()).containsExactly("89999", "Gemeinde");
		assertThat(areas.scheme(scheme)).as("the scheme is not created by a rejected import").isEmpty();
	}

	@Test
	void anEmptyFileIsRejected() {
		ImportReport report = rejected("empty.geojson", new byte[0], sozialraum());

		assertThat(report.records()).isZero();
		assertThat(report.problems())
			.extracting(ImportProblem::unit, ImportProblem::number, ImportProblem::field, ImportProblem::code)
			.containsExactly(tuple(Unit.FILE, null, null, "import.empty"));
	}

	@Test
	void aFeatureCollectionWithoutFeaturesIsRejected() {
		ImportReport report = rejected("nothing.geojson",
				"{\"type\":\"FeatureCollection\",\"features\":[]}".getBytes(StandardCharsets.UTF_8), sozialraum());

		assertThat(report.problems())
			.extracting(ImportProblem::unit, ImportProblem::number, ImportProblem::field, ImportProblem::code)
			.containsExactly(tuple(Unit.FILE, null, null, "import.empty"));
		assertThat(report.problems().get(0).message()).contains("no features");
	}

	@Test
	void everyWrongFeatureIsReportedNotJustTheFirst() {
		byte[] file = collection(
				feature(square(9.70, 47.20, 0.01), "code", P + "many-1", "name", "Fine"),
				feature(square(9.72, 47.20, 0.01), "name", "No code"),
				feature(bowTie(), "code", P + "many-3", "name", "Bow tie"),
				feature(square(9.74, 47.20, 0.01), "code", P + "many-1", "name", "Duplicate of 1"),
				feature("{\"type\":\"Point\",\"coordinates\":[9.7,47.2]}", "code", P + "many-5", "name", "A point"),
				feature(square(9.76, 47.20, 0.01), "code", P + "many-6", "name", "  "),
				feature(polygon(9.78, 47.20, 9.79, 47.20, 9.79, 47.21, 9.78, 47.21), "code", P + "many-7", "name",
						"Open ring"),
				feature(square(556000, 5230000, 1000), "code", P + "many-8", "name", "In metres"),
				feature(null, "code", P + "many-9", "name", "No geometry"),
				feature(square(9.80, 47.20, 0.01), "code", P + "many-10", "name", "Fine as well"));
		ImportReport report = rejected("many-problems.geojson", file, sozialraum());

		assertThat(report.records()).isEqualTo(10);
		assertThat(report.problems())
			.extracting(ImportProblem::unit, ImportProblem::number, ImportProblem::field, ImportProblem::code)
			.containsExactly(
					tuple(Unit.FEATURE, 2, "code", "import.feature.noCode"),
					tuple(Unit.FEATURE, 3, "geometry", "import.feature.invalidGeometry"),
					tuple(Unit.FEATURE, 4, "code", "import.feature.duplicateCode"),
					tuple(Unit.FEATURE, 5, "geometry", "import.feature.geometry"),
					tuple(Unit.FEATURE, 6, "name", "import.feature.noName"),
					tuple(Unit.FEATURE, 7, "geometry", "import.feature.geometry"),
					tuple(Unit.FEATURE, 8, "geometry", "import.feature.wrongCrs"),
					tuple(Unit.FEATURE, 9, "geometry", "import.feature.geometry"));
		List<String> messages = report.problems().stream().map(ImportProblem::message).toList();
		assertThat(messages.get(3)).contains("Point");
		assertThat(messages.get(5)).contains("not closed");
		assertThat(messages.get(7)).contains("no geometry");
		assertThat(areas.byCode("sozialraum", P + "many-1")).isEmpty();
		assertThat(areas.byCode("sozialraum", P + "many-10")).isEmpty();
	}

	@Test
	void aBinaryFileIsRejectedAsMalformedJsonAndTheRejectionIsRecorded() {
		// the start of a zipped shapefile: control characters and NUL end up in the parser's message
		byte[] zip = { 0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00, 0x00, 0x00 };
		long runs = importRuns();

		ImportReport report = rejected("gemeinden.zip", zip, sozialraum());

		assertThat(report.problems())
			.extracting(ImportProblem::unit, ImportProblem::number, ImportProblem::field, ImportProblem::code)
			.containsExactly(tuple(Unit.LINE, 1, null, "import.json.malformed"));
		assertThat(report.problems().get(0).message()).doesNotContain("\u0000");
		assertThat(importRuns()).as("the rejection is recorded").isEqualTo(runs + 1);
	}

	private long importRuns() {
		return jdbc.sql("select count(*) from area.import_run where outcome = 'REJECTED'").query(Long.class).single();
	}

	@Test
	void anInvalidSchemeKeyIsRejected() {
		byte[] file = collection(feature(square(9.70, 47.20, 0.01), "code", P + "scheme", "name", "Schema"));
		ImportReport report = rejected("scheme.geojson", file,
				sozialraum().inScheme("Test Schema!", null, null, null));

		assertThat(report.problems())
			.extracting(ImportProblem::unit, ImportProblem::number, ImportProblem::field, ImportProblem::code)
			.containsExactly(tuple(Unit.FILE, null, null, "import.scheme.invalidKey"));
	}

	@Test
	void aNameLongerThanTheDatabaseTakesIsRejected() {
		byte[] file = collection(
				feature(square(9.70, 47.20, 0.01), "code", P + "name-200", "name", "n".repeat(200)),
				feature(square(9.72, 47.20, 0.01), "code", P + "name-201", "name", "n".repeat(201)));
		ImportReport report = rejected("long-name.geojson", file, sozialraum());

		assertThat(report.problems())
			.extracting(ImportProblem::unit, ImportProblem::number, ImportProblem::field, ImportProblem::code)
			.containsExactly(tuple(Unit.FEATURE, 2, "name", "import.feature.nameTooLong"));
	}

	@Test
	void aCodeTooShortForTheParentPrefixIsReportedOnTheCodeProperty() {
		byte[] file = collection(
				feature(square(9.70, 47.20, 0.01), "code", "80", "name", "Zu kurz"));
		ImportReport report = rejected("short.geojson", file, sozialraum().validFrom(LocalDate.of(2025, 1, 1))
			.inScheme("test-boundaryimportrejectiontest-prefix", "gemeinde", null, 5));

		assertThat(report.problems())
			.extracting(ImportProblem::unit, ImportProblem::number, ImportProblem::field, ImportProblem::code)
			.containsExactly(tuple(Unit.FEATURE, 1, "code", "import.feature.noParent"));
	}
}
