package org.spange.indicator.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.NumberToTextConverter;
import org.spange.platform.imports.CsvTable;
import org.spange.platform.imports.TextFiles;

/**
 * A table read from a CSV file or the first sheet of an Excel workbook: a header and rows with their line (the
 * Excel row number). Cells are text; Excel number cells carry their number as well.
 */
final class SourceTable {

	/** What a file is, recognised by its first bytes. */
	enum Format {
		CSV, EXCEL
	}

	/** A cell: trimmed text, and for an Excel number cell the number as Excel shows it (15 significant digits). */
	record Cell(String text, BigDecimal number) {

		static final Cell EMPTY = new Cell("", null);
	}

	record Line(int line, List<Cell> cells) {

		Cell cell(int column) {
			return column < cells.size() ? cells.get(column) : Cell.EMPTY;
		}
	}

	/** The file cannot be read as a table. */
	static final class Unreadable extends Exception {

		private static final long serialVersionUID = 1L;
		final Integer line;
		final String code;
		final List<String> args;

		Unreadable(Integer line, String code, String message, String... args) {
			super(message);
			this.line = line;
			this.code = code;
			this.args = List.of(args);
		}
	}

	final Format format;
	/** The CSV delimiter; 0 for a workbook. */
	final char delimiter;
	final int headerLine;
	final List<String> header;
	final List<Line> rows;

	private SourceTable(Format format, char delimiter, int headerLine, List<String> header, List<Line> rows) {
		this.format = format;
		this.delimiter = delimiter;
		this.headerLine = headerLine;
		this.header = header;
		this.rows = rows;
	}

	static SourceTable read(byte[] content) throws Unreadable {
		if (isZip(content) || isOle2(content)) {
			return excel(content);
		}
		String text = TextFiles.decode(content);
		if (text.indexOf('\0') >= 0) {
			throw new Unreadable(null, "import.observation.binary",
					"The file is neither a CSV text file nor an Excel workbook");
		}
		CsvTable table;
		try {
			table = CsvTable.parse(text);
		} catch (CsvTable.CsvException e) {
			throw new Unreadable(e.line(), "import.csv.malformed", e.getMessage(), e.getMessage());
		}
		List<Line> rows = new ArrayList<>(table.rows().size());
		for (CsvTable.Row row : table.rows()) {
			List<Cell> cells = new ArrayList<>(row.cells().size());
			row.cells().forEach(c -> cells.add(c.isBlank() ? Cell.EMPTY : new Cell(c.strip(), null)));
			rows.add(new Line(row.line(), cells));
		}
		List<String> header = table.header().stream().map(String::strip).toList();
		// CsvTable skips blank lines before the header, which is almost always line 1
		return new SourceTable(Format.CSV, table.delimiter(), 1, header, rows);
	}

	private static SourceTable excel(byte[] content) throws Unreadable {
		try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(content))) {
			if (workbook.getNumberOfSheets() == 0) {
				throw new Unreadable(null, "import.empty", "The workbook has no sheet");
			}
			Sheet sheet = workbook.getSheetAt(0);
			List<String> header = null;
			int headerLine = 1;
			List<Line> rows = new ArrayList<>();
			for (Row row : sheet) {
				List<Cell> cells = new ArrayList<>();
				for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
					cells.add(cell(row.getCell(c)));
				}
				while (!cells.isEmpty() && cells.get(cells.size() - 1).text().isEmpty()) {
					cells.remove(cells.size() - 1);
				}
				if (cells.isEmpty()) {
					continue;
				}
				if (header == null) {
					header = cells.stream().map(Cell::text).toList();
					headerLine = row.getRowNum() + 1;
				} else {
					rows.add(new Line(row.getRowNum() + 1, cells));
				}
			}
			if (header == null) {
				throw new Unreadable(null, "import.empty", "The first sheet of the workbook is empty");
			}
			return new SourceTable(Format.EXCEL, (char) 0, headerLine, header, rows);
		} catch (EncryptedDocumentException e) {
			throw new Unreadable(null, "import.observation.unreadableWorkbook",
					"The workbook is protected by a password", "password");
		} catch (IOException | RuntimeException e) {
			throw new Unreadable(null, "import.observation.unreadableWorkbook",
					"The file looks like an Excel workbook but cannot be read: " + e.getMessage(),
					String.valueOf(e.getMessage()));
		}
	}

	private static Cell cell(org.apache.poi.ss.usermodel.Cell cell) {
		if (cell == null) {
			return Cell.EMPTY;
		}
		CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
		return switch (type) {
			case NUMERIC -> {
				if (DateUtil.isCellDateFormatted(cell)) {
					// a reference date such as a Stichtag; Excel keeps dates as day numbers
					yield new Cell(cell.getLocalDateTimeCellValue().toLocalDate().toString(), null);
				}
				BigDecimal number = new BigDecimal(NumberToTextConverter.toText(cell.getNumericCellValue()));
				yield new Cell(plain(number), number);
			}
			case STRING -> {
				String text = cell.getStringCellValue().strip();
				yield text.isEmpty() ? Cell.EMPTY : new Cell(text, null);
			}
			case BOOLEAN -> new Cell(Boolean.toString(cell.getBooleanCellValue()).toUpperCase(), null);
			case ERROR -> new Cell(FormulaError.forInt(cell.getErrorCellValue()).getString(), null);
			default -> Cell.EMPTY;
		};
	}

	/** 80101 rather than 80101.0 or 8.0101E+4: codes and years written as numbers read as the same text. */
	static String plain(BigDecimal number) {
		BigDecimal stripped = number.stripTrailingZeros();
		return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
	}

	private static boolean isZip(byte[] b) {
		return b.length >= 4 && b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4;
	}

	private static boolean isOle2(byte[] b) {
		return b.length >= 8 && (b[0] & 0xff) == 0xD0 && (b[1] & 0xff) == 0xCF && (b[2] & 0xff) == 0x11
				&& (b[3] & 0xff) == 0xE0;
	}
}
