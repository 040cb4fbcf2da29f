package org.spange.platform.exports;

import java.math.BigDecimal;
import java.util.List;

/**
 * Rows of a CSV export as spreadsheets read them: quoted where needed, CRLF, and a cell that starts like a formula
 * prefixed with {@code '} so that a spreadsheet shows it instead of running it (CSV injection).
 */
public final class CsvRows {

	/** German spreadsheets expect {@code ;} (the comma is the decimal separator); English ones {@code ,}. */
	public static char separator(boolean german) {
		return german ? ';' : ',';
	}

	public static void row(StringBuilder out, char separator, List<String> cells) {
		for (int i = 0; i < cells.size(); i++) {
			if (i > 0) {
				out.append(separator);
			}
			out.append(cell(cells.get(i), separator));
		}
		out.append("\r\n");
	}

	/** Unrounded and plain (no exponent, no grouping), with a decimal comma for German spreadsheets. */
	public static String number(double value, boolean decimalComma) {
		String plain = BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
		return decimalComma ? plain.replace('.', ',') : plain;
	}

	static String cell(String text, char separator) {
		String t = text == null ? "" : text;
		if (!t.isEmpty() && "=+@\t\r".indexOf(t.charAt(0)) >= 0) {
			t = "'" + t;
		}
		if (t.indexOf(separator) >= 0 || t.indexOf('"') >= 0 || t.indexOf('\n') >= 0 || t.indexOf('\r') >= 0) {
			return '"' + t.replace("\"", "\"\"") + '"';
		}
		return t;
	}

	private CsvRows() {
	}
}
