package org.spange.area;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.spange.SpangeTest;
import org.spange.area.AreaTestData.Snapshot;
import org.spange.platform.imports.ImportProblem;
import org.spange.platform.imports.ImportProblem.Unit;
import org.spange.platform.imports.ImportReport;
import org.spange.platform.imports.TextFiles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Scheme assignment CSV (Gemeinde → Planungsraum), as Excel writes it in German-speaking countries: Windows-1252,
 * ';' separated, CRLF line ends.
 */
@SpangeTest
class SchemeAssignmentImportTest {

	private static final String P = "SchemeAssignmentTest-";
	private static final String HEADER = "GKZ;Gemeinde;PR_Code;PR_Name";
	/** The Gemeinden of the Großes Walsertal. */
	private static final List<String> WALSERTAL = List.of("80102", "80109", "80118", "80121", "80124", "80127");

	@Autowired
	AreaImports imports;

	@Autowired
	AreaQueries areas;

	@Autowired
	JdbcClient jdbc;

	private static byte[] windows1252(String... lines) {
		byte[] bytes = (String.join("\r\n", lines) + "\r\n").getBytes(TextFiles.WINDOWS_1252);
		return bytes;
	}

	private static SchemeAssignmentOptions options(String scheme, String parentNameColumn) {
		return new SchemeAssignmentOptions(scheme, "Test: Planungsräume", true, "gemeinde", "planungsraum", "gkz",
				"pr_code", parentNameColumn, false);
	}

	@Test
	void createsParentsWithTheUnionOfTheirChildrenAndDecodesWindows1252() {
		String scheme = "test-assignment-schemeassignmenttest";
		String parent = P + "GW";
		String other = P + "BLZ";
		byte[] csv = windows1252(HEADER,
				"80102;Blons;" + parent + ";Großes Walsertal",
				"80109;Fontanella;" + parent + ";Großes Walsertal",
				"80118;Raggal;" + parent + ";Großes Walsertal",
				"80121;St. Gerold;" + parent + ";Großes Walsertal",
				"80124;Sonntag;" + parent + ";Großes Walsertal",
				"80127;Thüringerberg;" + parent + ";Großes Walsertal",
				"80103;Bludenz;" + other + ";Bludenz-Bürs",
				"80106;Bürs;" + other + ";Bludenz-Bürs");
		// really not UTF-8: the ß is a single byte 0xDF
		assertThat(new String(csv, java.nio.charset.StandardCharsets.ISO_8859_1)).contains("Gro\u00dfes");
		Snapshot before = AreaTestData.snapshot(jdbc);

		ImportReport report = imports.importSchemeAssignment("planungsraeume.csv", csv, options(scheme, "PR_Name"));

		AreaTestData.assertWritten(report);
		assertThat(report.records()).isEqualTo(8);
		assertThat(report.created()).as("2 parents + 8 memberships").isEqualTo(10);
		assertThat(report.updated() + report.unchanged()).isZero();
		Snapshot after = AreaTestData.snapshot(jdbc);
		assertThat(after.areas()).isEqualTo(before.areas() + 2);
		assertThat(after.schemes()).isEqualTo(before.schemes() + 1);
		assertThat(after.dataVersion()).isGreaterThan(before.dataVersion());

		AreaScheme created = areas.scheme(scheme).orElseThrow();
		assertThat(created.nameDe()).isEqualTo("Test: Planungsräume");
		assertThat(created.illustrative()).isTrue();
		assertThat(areas.levelsOf(scheme)).extracting(AreaLevel::key).containsExactly("planungsraum", "gemeinde");

		List<AreaSummary> parents = areas.areas(scheme, "planungsraum");
		assertThat(parents).extracting(AreaSummary::code, AreaSummary::name, AreaSummary::parentId)
			.containsExactlyInAnyOrder(tuple(parent, "Großes Walsertal", null), tuple(other, "Bludenz-Bürs", null));
		AreaSummary walsertal = parents.stream().filter(p -> p.code().equals(parent)).findFirst().orElseThrow();

		List<AreaSummary> children = areas.areas(scheme, "gemeinde");
		assertThat(children).hasSize(8);
		List<AreaSummary> walsertalChildren = children.stream().filter(c -> WALSERTAL.contains(c.code())).toList();
		assertThat(walsertalChildren).hasSize(6).allSatisfy(c -> {
			assertThat(c.parentId()).isEqualTo(walsertal.id());
			assertThat(c.parentName()).isEqualTo("Großes Walsertal");
		});

		// the boundary is the union of the six Gemeinden: same area, box around all of theirs
		double childKm2 = walsertalChildren.stream().mapToDouble(AreaSummary::areaKm2).sum();
		assertThat(walsertal.areaKm2()).isCloseTo(childKm2, within(childKm2 * 0.005));
		double[] box = { 180, 90, -180, -90 };
		for (AreaSummary c : walsertalChildren) {
			double[] b = areas.area(c.id()).orElseThrow().bbox();
			box[0] = Math.min(box[0], b[0]);
			box[1] = Math.min(box[1], b[1]);
			box[2] = Math.max(box[2], b[2]);
			box[3] = Math.max(box[3], b[3]);
		}
		AreaDetail detail = areas.area(walsertal.id()).orElseThrow();
		assertThat(detail.bbox()).containsExactly(box, offset(1e-9));
		AreaDetail.SchemePosition position = detail.schemes().stream()
			.filter(p -> p.scheme().key().equals(scheme)).findFirst().orElseThrow();
		assertThat(position.children()).extracting(AreaSummary::code).containsExactlyInAnyOrderElementsOf(WALSERTAL);
		assertThat(position.ancestors()).isEmpty();

		// importing the same file again changes nothing
		Snapshot beforeAgain = AreaTestData.snapshot(jdbc);
		ImportReport again = imports.importSchemeAssignment("planungsraeume.csv", csv, options(scheme, "PR_Name"));
		AreaTestData.assertWritten(again);
		assertThat(again.created() + again.updated()).isZero();
		assertThat(again.unchanged()).isEqualTo(8);
		assertThat(AreaTestData.snapshot(jdbc)).isEqualTo(beforeAgain);

		// the demo scheme of the same Gemeinden is untouched
		assertThat(areas.areas("vorarlberg-sozialplanungsraeume", "gemeinde"))
			.filteredOn(c -> c.code().equals("80102")).extracting(AreaSummary::parentName)
			.containsExactly("Walgau und Großes Walsertal");
	}

	/** Imports a CSV that must be rejected and checks that nothing was written, not even the scheme. */
	private ImportReport rejected(String scheme, byte[] csv, SchemeAssignmentOptions options) {
		Snapshot before = AreaTestData.snapshot(jdbc);
		ImportReport report = imports.importSchemeAssignment("bad.csv", csv, options);
		AreaTestData.assertRejected(report);
		assertThat(AreaTestData.snapshot(jdbc)).isEqualTo(before);
		assertThat(areas.scheme(scheme)).isEmpty();
		return report;
	}

	@Test
	void anUnknownAreaCodeIsReportedWithLineAndColumn() {
		String scheme = "test-assignment-schemeassignmenttest-unknown";
		ImportReport report = rejected(scheme, windows1252(HEADER,
				"80102;Blons;" + P + "U1;Großes Walsertal",
				"89999;Nirgendwo;" + P + "U1;Großes Walsertal"), options(scheme, "PR_Name"));

		assertThat(report.problems())
			.extracting(ImportProblem::unit, ImportProblem::number, ImportProblem::field, ImportProblem::code)
			.containsExactly(tuple(Unit.LINE, 3, "gkz", "import.csv.unknownArea"));
		assertThat(report.problems().get(0).args()).containsExactly("89999", "Gemeinde");
		assertThat(areas.byCode("planungsraum", P + "U1")).isEmpty();
	}

	@Test
	void aDuplicateChildIsReportedWithTheEarlierLine() {
		String scheme = "test-assignment-schemeassignmenttest-duplicate";
		ImportReport report = rejected(scheme, windows1252(HEADER,
				"80102;Blons;" + P + "D1;Großes Walsertal",
				"80109;Fontanella;" + P + "D1;Großes Walsertal",
				"80102;Blons;" + P + "D2;Walgau"), options(scheme, "PR_Name"));

		assertThat(report.problems())
			.extracting(ImportProblem::unit, ImportProblem::number, ImportProblem::field, ImportProblem::code)
			.containsExactly(tuple(Unit.LINE, 4, "gkz", "import.csv.duplicate"));
		assertThat(report.problems().get(0).args()).containsExactly("80102", "2");
	}

	@Test
	void aMissingColumnIsReportedInTheHeaderLine() {
		String scheme = "test-assignment-schemeassignmenttest-column";
		ImportReport report = rejected(scheme, windows1252("GKZ;Gemeinde;PR_Name",
				"80102;Blons;Großes Walsertal"), options(scheme, "PR_Name"));

		assertThat(report.problems())
			.extracting(ImportProblem::unit, ImportProblem::number, ImportProblem::field, ImportProblem::code)
			.containsExactly(tuple(Unit.LINE, 1, "pr_code", "import.csv.missingColumn"));
	}

	@Test
	void aMissingParentNameColumnIsReportedToo() {
		String scheme = "test-assignment-schemeassignmenttest-namecolumn";
		ImportReport report = rejected(scheme, windows1252("GKZ;PR_Code",
				"80102;" + P + "N1"), options(scheme, "PR_Name"));

		assertThat(report.problems())
			.extracting(ImportProblem::unit, ImportProblem::number, ImportProblem::field, ImportProblem::code)
			.containsExactly(tuple(Unit.LINE, 1, "PR_Name", "import.csv.missingColumn"));
	}

	@Test
	void anUnknownParentWithoutNameColumnIsReported() {
		String scheme = "test-assignment-schemeassignmenttest-parent";
		ImportReport report = rejected(scheme, windows1252("GKZ;PR_Code",
				"80102;SPR-4",
				"80109;" + P + "NOPE"), options(scheme, null));

		assertThat(report.problems())
			.extracting(ImportProblem::unit, ImportProblem::number, ImportProblem::field, ImportProblem::code)
			.containsExactly(tuple(Unit.LINE, 3, "pr_code", "import.csv.unknownParent"));
		assertThat(report.problems().get(0).args()).containsExactly(P + "NOPE", "Planungsraum");
	}

	@Test
	void conflictingNamesOfANewParentAreReported() {
		String scheme = "test-assignment-schemeassignmenttest-names";
		ImportReport report = rejected(scheme, windows1252(HEADER,
				"80102;Blons;" + P + "C1;Großes Walsertal",
				"80109;Fontanella;" + P + "C1;Großes Walsertal",
				"80118;Raggal;" + P + "C1;Grosses Walsertal"), options(scheme, "PR_Name"));

		assertThat(report.problems())
			.extracting(ImportProblem::unit, ImportProblem::number, ImportProblem::field, ImportProblem::code)
			.containsExactly(tuple(Unit.LINE, 4, "PR_Name", "import.csv.parentNameConflict"));
		assertThat(report.problems().get(0).args()).containsExactly(P + "C1", "Großes Walsertal");
		assertThat(areas.byCode("planungsraum", P + "C1")).isEmpty();
	}

	@Test
	void everyBadLineIsReported() {
		String scheme = "test-assignment-schemeassignmenttest-many";
		ImportReport report = rejected(scheme, windows1252(HEADER,
				"80102;Blons;" + P + "M1;Großes Walsertal",
				"89998;?;" + P + "M1;Großes Walsertal",
				"80102;Blons;" + P + "M1;Großes Walsertal",
				"80109;Fontanella;" + P + "M1;Kleines Walsertal",
				";leer;" + P + "M1;Großes Walsertal",
				"80118;Raggal;;"), options(scheme, "PR_Name"));

		assertThat(report.problems())
			.extracting(ImportProblem::unit, ImportProblem::number, ImportProblem::field, ImportProblem::code)
			.containsExactly(
					tuple(Unit.LINE, 3, "gkz", "import.csv.unknownArea"),
					tuple(Unit.LINE, 4, "gkz", "import.csv.duplicate"),
					tuple(Unit.LINE, 5, "PR_Name", "import.csv.parentNameConflict"),
					tuple(Unit.LINE, 6, "gkz", "import.csv.emptyCell"),
					tuple(Unit.LINE, 7, "pr_code", "import.csv.emptyCell"));
	}
}
