package org.spange.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.spange.indicator.IndicatorTestData.assertRejected;
import static org.spange.indicator.IndicatorTestData.utf8;
import static org.spange.indicator.IndicatorTestData.windows1252;
import static org.spange.indicator.IndicatorTestData.xlsx;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.spange.SpangeTest;
import org.spange.indicator.Observation.Status;
import org.spange.indicator.ObservationImportOptions.Layout;
import org.spange.platform.imports.ImportProblem;
import org.spange.platform.imports.ImportProblem.Unit;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * Every bad input is reported with its line and column (the header as written in the file), and nothing is
 * written: not one observation, even where most lines are fine.
 */
@SpangeTest
@RecordApplicationEvents
class ObservationImportRejectionTest {

	private static final String P = "observationimportrejectiontest_";

	@Autowired
	ObservationImports imports;

	@Autowired
	IndicatorCatalog catalog;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEvents events;

	@Autowired
	org.springframework.context.MessageSource messages;

	private String count(String suffix) {
		return IndicatorTestData.ensure(catalog, IndicatorTestData.count(P + suffix)).key();
	}

	/** Imports a file that must be rejected; checks that nothing was written but the rejected run. */
	private List<ImportProblem> rejected(byte[] content, ObservationImportOptions options) {
		IndicatorTestData.Snapshot before = IndicatorTestData.snapshot(jdbc);
		long rejectedRuns = rejectedRuns();
		ObservationImportResult result = imports.importObservations("bad.csv", content, options);
		assertRejected(result);
		assertThat(IndicatorTestData.snapshot(jdbc)).isEqualTo(before);
		assertThat(rejectedRuns()).isEqualTo(rejectedRuns + 1);
		assertThat(events.stream(ObservationsImported.class)).isEmpty();
		for (ImportProblem p : result.report().problems()) { // every problem can be shown in German and English
			for (java.util.Locale locale : List.of(java.util.Locale.GERMAN, java.util.Locale.ENGLISH)) {
				assertThat(messages.getMessage(p.code(), p.args().toArray(), locale)).doesNotContain("{0}");
			}
		}
		return result.report().problems();
	}

	private List<ImportProblem> rejected(byte[] content) {
		return rejected(content, ObservationImportOptions.defaults());
	}

	private long rejectedRuns() {
		return jdbc.sql("select count(*) from indicator.import_run where outcome = 'REJECTED'").query(Long.class)
			.single();
	}

	private static org.assertj.core.groups.Tuple at(int line, String column, String code) {
		return tuple(Unit.LINE, line, column, code);
	}

	private static org.assertj.core.groups.Tuple file(String code) {
		return tuple(Unit.FILE, null, null, code);
	}

	private static List<org.assertj.core.groups.Tuple> where(List<ImportProblem> problems) {
		return problems.stream().map(p -> tuple(p.unit(), p.number(), p.field(), p.code())).toList();
	}

	@Test
	void unknownAreaCode() {
		String key = count("area");
		List<ImportProblem> problems = rejected(utf8("Gebiet;Merkmal;Zeitraum;Wert",
				"80101;" + key + ";2024;5",
				"89999;" + key + ";2024;6"));

		assertThat(where(problems)).containsExactly(at(3, "Gebiet", "import.csv.unknownArea"));
		assertThat(problems.get(0).args()).containsExactly("89999", "Gemeinde");
		assertThat(catalog.observations(key, Period.parse("2024"), List.of())).isEmpty();
	}

	@Test
	void unknownAreaCodeAtTheLevelOfALevelColumn() {
		String key = count("level");
		List<ImportProblem> problems = rejected(utf8("gkz;ebene;merkmal;zeitraum;wert",
				"80101;bezirk;" + key + ";2024;5",
				"801;bezirk;" + key + ";2024;5",
				"80101;kontinent;" + key + ";2024;5"));

		assertThat(where(problems)).containsExactly(at(2, "gkz", "import.csv.unknownArea"),
				at(4, "ebene", "import.observation.unknownLevel"));
		assertThat(problems.get(0).args()).containsExactly("80101", "Bezirk");
	}

	@Test
	void unknownVariableInTheLongAndTheWideLayout() {
		String key = count("known");
		assertThat(where(rejected(utf8("gkz;merkmal;jahr;wert", "80101;" + key + ";2024;1",
				"80101;" + P + "nope;2024;1"))))
			.containsExactly(at(3, "merkmal", "import.observation.unknownVariable"));

		List<ImportProblem> wide = rejected(utf8("gkz;jahr;" + key + ";Bevölkerung", "80101;2024;1;2"));
		assertThat(where(wide)).containsExactly(at(1, "Bevölkerung", "import.observation.unknownVariable"));
		assertThat(wide.get(0).args()).containsExactly("Bevölkerung");
	}

	@Test
	void badPeriods() {
		String key = count("period");
		List<ImportProblem> problems = rejected(utf8("gkz;zeitraum;" + key, "80101;2024;1", "80102;2024-13;1",
				"80103;24;1", "80104;31.12.2024;1", "80105;;1"));

		assertThat(where(problems)).containsExactly(at(3, "zeitraum", "import.observation.badPeriod"),
				at(4, "zeitraum", "import.observation.badPeriod"), at(5, "zeitraum", "import.observation.badPeriod"),
				at(6, "zeitraum", "import.csv.emptyCell"));
		assertThat(problems.get(0).args()).containsExactly("2024-13");

		assertThat(where(rejected(utf8("gkz;" + key, "80101;1"), ObservationImportOptions.defaults()
			.withPeriod("2024-Q5")))).containsExactly(file("import.observation.badPeriod"));
	}

	@Test
	void textInNumbers() {
		String key = count("text");
		List<ImportProblem> problems = rejected(windows1252("gkz;jahr;" + key, "80101;2024;12,5", "80102;2024;zwölf",
				"80103;2024;1.23", "80104;2024;12 000", "80105;2024;5%", "80106;2024;1e5"));

		assertThat(where(problems)).containsExactly(at(3, key, "import.observation.notANumber"),
				at(4, key, "import.observation.notANumber"), at(5, key, "import.observation.notANumber"),
				at(6, key, "import.observation.notANumber"), at(7, key, "import.observation.notANumber"));
		assertThat(problems.get(0).args()).containsExactly("zwölf", ",");
		assertThat(problems.get(1).args()).as("a point that does not group thousands").containsExactly("1.23", ",");
	}

	@Test
	void textInAnExcelCell() {
		String key = count("xlsx_text");
		List<ImportProblem> problems = rejected(xlsx(new Object[] { "GKZ", "Jahr", key },
				new Object[] { 80101, 2024, 5 }, new Object[] { 80102, 2024, "fünf" }));

		assertThat(where(problems)).containsExactly(at(3, key, "import.observation.notANumber"));
	}

	@Test
	void negativeValuesOfACount() {
		String key = count("negative");
		String balance = IndicatorTestData.ensure(catalog, IndicatorTestData.balance(P + "balance")).key();
		List<ImportProblem> problems = rejected(utf8("gkz;jahr;" + balance + ";" + key, "80101;2024;-5;5",
				"80102;2024;-3;-3"));

		assertThat(where(problems)).containsExactly(at(3, key, "import.observation.negative"));
		assertThat(problems.get(0).args()).containsExactly("-3", key);
		assertThat(catalog.observations(balance, Period.parse("2024"), List.of())).isEmpty();
	}

	@Test
	void duplicateRows() {
		String key = count("duplicate");
		List<ImportProblem> problems = rejected(utf8("gebiet,merkmal,zeitraum,wert", "80101," + key + ",2024,1",
				"80102," + key + ",2024,2", "80101," + key + ",2023,1", "80101," + key.toUpperCase() + ",2024,1"));

		assertThat(where(problems)).containsExactly(at(5, "wert", "import.observation.duplicate"));
		assertThat(problems.get(0).args()).containsExactly(key, "80101", "2024", "2");

		// in the wide layout: the same area and period on two lines
		assertThat(where(rejected(utf8("gkz;jahr;" + key, "80101;2024;1", "80101;2024;.")))).containsExactly(
				at(3, key, "import.observation.duplicate"));
	}

	@Test
	void emptyFileAndFileWithOnlyAHeader() {
		assertThat(where(rejected(new byte[0]))).containsExactly(file("import.empty"));
		assertThat(where(rejected(utf8("gebiet;merkmal;zeitraum;wert")))).containsExactly(
				file("import.observation.noRows"));
		assertThat(where(rejected(xlsx()))).containsExactly(file("import.empty"));
	}

	@Test
	void headerWithoutRequiredColumns() {
		String key = count("header");
		assertThat(where(rejected(utf8("gebiet;merkmal;zeitraum", "80101;" + key + ";2024"),
				ObservationImportOptions.defaults().withLayout(Layout.LONG))))
			.containsExactly(at(1, "wert/value", "import.csv.missingColumn"));
		assertThat(where(rejected(utf8("name;jahr;" + key, "Blons;2024;1")))).containsExactly(
				at(1, "gebiet/code/gkz/ags/kennziffer/area", "import.csv.missingColumn"));
		assertThat(where(rejected(utf8("gkz;" + key, "80101;1")))).containsExactly(
				at(1, "zeitraum/period/jahr/stichtag/year", "import.csv.missingColumn"));
		assertThat(where(rejected(utf8("gkz;jahr;name", "80101;2024;Blons")))).containsExactly(
				at(1, null, "import.observation.noVariableColumns"));
		assertThat(where(rejected(utf8("gkz;jahr;" + key + ";" + key, "80101;2024;1;1")))).containsExactly(
				at(1, key, "import.observation.duplicateColumn"));
	}

	@Test
	void fileTooLarge() {
		byte[] big = new byte[20 * 1024 * 1024 + 1];
		Arrays.fill(big, (byte) 'a');
		List<ImportProblem> problems = rejected(big);
		assertThat(where(problems)).containsExactly(file("import.tooLarge"));
		assertThat(problems.get(0).args()).containsExactly("20.0", "20.0");
	}

	@Test
	void valuesWithTheOtherDecimalSeparatorThanTheFileAreReported() {
		String key = count("conflict");
		// more values show a decimal point: the comma value is wrong
		List<ImportProblem> problems = rejected(utf8("gkz;jahr;" + key, "80101;2024;1.5", "80102;2024;7",
				"80103;2024;3,75", "80104;2024;2.25"));
		assertThat(where(problems)).containsExactly(at(4, key, "import.observation.notANumber"));
		assertThat(problems.get(0).args()).containsExactly("3,75", ".");

		// a tie: the first decides
		assertThat(where(rejected(utf8("gkz;jahr;" + key, "80101;2024;12,5", "80102;2024;3.75"))))
			.containsExactly(at(3, key, "import.observation.notANumber"));

		// 0.125 cannot be a thousands separator after a lone 0
		assertThat(where(rejected(utf8("gkz;jahr;" + key, "80101;2024;0.125", "80102;2024;1,5"))))
			.containsExactly(at(3, key, "import.observation.notANumber"));
	}

	@Test
	void anUnquotedDecimalCommaInACommaSeparatedFile() {
		String key = count("unquoted");
		List<ImportProblem> problems = rejected(utf8("gebiet,merkmal,zeitraum,wert", "80101," + key + ",2024,12",
				"80102," + key + ",2024,12,5"));

		assertThat(where(problems)).containsExactly(at(3, null, "import.observation.tooManyCells"));
		assertThat(problems.get(0).args()).containsExactly("5", "4", ",");
	}

	@Test
	void statusThatDoesNotFitTheValue() {
		String key = count("status");
		List<ImportProblem> problems = rejected(utf8("gkz;merkmal;jahr;wert;status", "80101;" + key + ";2024;5;OK",
				"80102;" + key + ";2024;;geschätzt", "80103;" + key + ";2024;7;geheim",
				"80104;" + key + ";2024;7;unsicher", "80105;" + key + ";2024;x;fehlend"));

		assertThat(where(problems)).containsExactly(at(3, "wert", "import.observation.valueRequired"),
				at(4, "wert", "import.observation.valueNotAllowed"), at(5, "status", "import.observation.badStatus"));
	}

	@Test
	void filesThatAreNotTables() {
		assertThat(where(rejected(new byte[] { 'g', 'k', 'z', 0, 1, 2, '\n', 0, 0 }))).containsExactly(
				file("import.observation.binary"));
		assertThat(where(rejected(new byte[] { 'P', 'K', 3, 4, 9, 9, 9, 9, 9 }))).containsExactly(
				file("import.observation.unreadableWorkbook"));
		assertThat(where(rejected(utf8("gkz;jahr;x", "80101;\"2024;1")))).containsExactly(
				at(2, null, "import.csv.malformed"));
	}

	@Test
	void badOptions() {
		String key = count("options");
		byte[] csv = utf8("gkz;jahr;" + key, "80101;2024;1");
		assertThat(where(rejected(csv, ObservationImportOptions.defaults().withLevel("kontinent"))))
			.containsExactly(file("import.level.unknown"));
		assertThat(where(rejected(csv, ObservationImportOptions.defaults().withDecimalSeparator(';'))))
			.containsExactly(file("import.observation.badDecimalSeparator"));
		assertThat(where(rejected(csv, ObservationImportOptions.defaults().withMarkers(Map.of("n", Status.OK)))))
			.containsExactly(file("import.observation.badMarker"));
	}

	@Test
	void everyProblemOfAFileIsReportedInOrder() {
		String key = count("many");
		List<ImportProblem> problems = rejected(utf8("gkz;zeitraum;" + key, "89999;2024;1", "80101;20245;1",
				"80102;2024;eins", "80103;2024;-1", "80104;2024;1", "80104;2024;2"));

		assertThat(where(problems)).containsExactly(at(2, "gkz", "import.csv.unknownArea"),
				at(3, "zeitraum", "import.observation.badPeriod"), at(4, key, "import.observation.notANumber"),
				at(5, key, "import.observation.negative"), at(7, key, "import.observation.duplicate"));
	}
}
