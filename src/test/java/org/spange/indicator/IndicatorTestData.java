package org.spange.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.spange.indicator.Variable.AreaAggregation;
import org.spange.indicator.Variable.TimeAggregation;
import org.spange.platform.imports.ImportReport;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Helpers for the indicator tests: variables, small files, and the row counts that prove an import wrote nothing.
 */
public final class IndicatorTestData {

	private IndicatorTestData() {
	}

	/** A count: sums over areas and time, never negative. */
	public static Variable count(String key) {
		return new Variable(key, "Test " + key, "Test " + key, "Personen", null, "Test", "CC BY 4.0", null,
				AreaAggregation.SUM, null, TimeAggregation.LAST, true, false, false);
	}

	/** A measure that may be negative, such as a balance. */
	public static Variable balance(String key) {
		return new Variable(key, "Saldo " + key, "Balance " + key, "Personen", null, "Test", "CC BY 4.0", null,
				AreaAggregation.SUM, null, TimeAggregation.SUM, false, false, false);
	}

	/** Creates the variable unless it exists (tests share one database). */
	public static Variable ensure(IndicatorCatalog catalog, Variable variable) {
		return catalog.variable(variable.key()).orElseGet(() -> catalog.createVariable(variable));
	}

	/** Rows in the tables an import or a variable write touches. */
	public record Snapshot(long observations, long variables, long topics) {
	}

	public static Snapshot snapshot(JdbcClient jdbc) {
		return new Snapshot(count(jdbc, "indicator.observation"), count(jdbc, "indicator.variable"),
				count(jdbc, "indicator.topic"));
	}

	private static long count(JdbcClient jdbc, String table) {
		return jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

	public static void assertWritten(ObservationImportResult result) {
		assertThat(result.report().problems()).as("problems of %s", result.report().fileName()).isEmpty();
		assertThat(result.report().outcome()).isEqualTo(ImportReport.Outcome.WRITTEN);
	}

	public static void assertRejected(ObservationImportResult result) {
		assertThat(result.report().outcome()).as("outcome of %s", result.report())
			.isEqualTo(ImportReport.Outcome.REJECTED);
		assertThat(result.report().problems()).isNotEmpty();
		assertThat(result.report().created() + result.report().updated() + result.report().unchanged()).isZero();
		assertThat(result.rows()).isEmpty();
	}

	public static byte[] utf8(String... lines) {
		return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
	}

	/** As Excel saves "CSV (Trennzeichen-getrennt)" on a German Windows: Windows-1252 and CRLF. */
	public static byte[] windows1252(String... lines) {
		return (String.join("\r\n", lines) + "\r\n").getBytes(java.nio.charset.Charset.forName("windows-1252"));
	}

	/** A workbook with one sheet; numbers become number cells, everything else text cells, null an empty cell. */
	public static byte[] xlsx(Object[]... rows) {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet("Daten");
			for (int r = 0; r < rows.length; r++) {
				Row row = sheet.createRow(r);
				for (int c = 0; c < rows[r].length; c++) {
					Object value = rows[r][c];
					if (value instanceof Number n) {
						row.createCell(c).setCellValue(n.doubleValue());
					} else if (value != null) {
						row.createCell(c).setCellValue(value.toString());
					}
				}
			}
			workbook.write(out);
			return out.toByteArray();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
