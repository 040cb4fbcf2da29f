package org.spange.platform.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A delimited text file as a header and rows, with the line number of every row. The delimiter ({@code ;},
 * {@code ,} or tab) is taken from the header line; quoted fields may contain delimiters, doubled quotes and
 * line breaks.
 */
public final class CsvTable {

	public record Row(int line, List<String> cells) {
	}

	private final List<String> header;
	private final Map<String, Integer> columns = new HashMap<>();
	private final List<Row> rows;
	private final char delimiter;

	private CsvTable(List<String> header, List<Row> rows, char delimiter) {
		this.header = header;
		this.rows = rows;
		this.delimiter = delimiter;
		for (int i = 0; i < header.size(); i++) {
			columns.putIfAbsent(header.get(i).trim().toLowerCase(), i);
		}
	}

	/** Parses decoded text; a malformed file (unterminated quote) is reported with its line. */
	public static CsvTable parse(String text) throws CsvException {
		String firstLine = text.lines().findFirst().orElse("");
		char delimiter = detectDelimiter(firstLine);
		List<Row> records = new ArrayList<>();
		List<String> cells = new ArrayList<>();
		StringBuilder cell = new StringBuilder();
		boolean quoted = false;
		int line = 1;
		int recordLine = 1;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (quoted) {
				if (c == '"') {
					if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
						cell.append('"');
						i++;
					} else {
						quoted = false;
					}
				} else {
					if (c == '\n') {
						line++;
					}
					cell.append(c);
				}
			} else if (c == '"' && cell.isEmpty()) {
				quoted = true;
			} else if (c == delimiter) {
				cells.add(cell.toString());
				cell.setLength(0);
			} else if (c == '\n' || c == '\r') {
				if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
					i++;
				}
				cells.add(cell.toString());
				cell.setLength(0);
				addRecord(records, cells, recordLine);
				cells = new ArrayList<>();
				line++;
				recordLine = line;
			} else {
				cell.append(c);
			}
		}
		if (quoted) {
			throw new CsvException(recordLine, "Unterminated quoted field");
		}
		if (!cell.isEmpty() || !cells.isEmpty()) {
			cells.add(cell.toString());
			addRecord(records, cells, recordLine);
		}
		if (records.isEmpty()) {
			throw new CsvException(1, "The file has no header line");
		}
		return new CsvTable(records.get(0).cells(), List.copyOf(records.subList(1, records.size())), delimiter);
	}

	private static void addRecord(List<Row> records, List<String> cells, int line) {
		boolean blank = cells.stream().allMatch(String::isBlank);
		if (!blank) {
			records.add(new Row(line, List.copyOf(cells)));
		}
	}

	private static char detectDelimiter(String headerLine) {
		char best = ',';
		long bestCount = -1;
		for (char candidate : new char[] { ';', ',', '\t' }) {
			long count = headerLine.chars().filter(ch -> ch == candidate).count();
			if (count > bestCount) {
				best = candidate;
				bestCount = count;
			}
		}
		return best;
	}

	public List<String> header() {
		return header;
	}

	public List<Row> rows() {
		return rows;
	}

	public char delimiter() {
		return delimiter;
	}

	/** Index of a column by its (case-insensitive, trimmed) header name. */
	public Optional<Integer> column(String name) {
		return Optional.ofNullable(columns.get(name.trim().toLowerCase()));
	}

	/** The trimmed cell, or an empty string where the row is shorter. */
	public static String cell(Row row, int column) {
		return column < row.cells().size() ? row.cells().get(column).trim() : "";
	}

	public static final class CsvException extends Exception {
		private final int line;

		public CsvException(int line, String message) {
			super(message);
			this.line = line;
		}

		public int line() {
			return line;
		}
	}
}
