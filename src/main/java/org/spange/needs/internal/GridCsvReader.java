package org.spange.needs.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.spange.needs.GridRead;
import org.spange.needs.PopulationCell;
import org.spange.platform.imports.CsvTable;
import org.spange.platform.imports.CsvTable.CsvException;
import org.spange.platform.imports.CsvTable.Row;
import org.spange.platform.imports.ImportProblem;
import org.spange.platform.imports.ImportReport;
import org.spange.platform.imports.TextFiles;

/** Population grid CSV: every line checked, every problem reported with line and column, all or nothing. */
public final class GridCsvReader {

	static final String KIND = "population-grid";

	private GridCsvReader() {
	}

	public static GridRead<PopulationCell> read(String fileName, byte[] content) {
		List<ImportProblem> problems = new ArrayList<>();
		CsvTable table;
		try {
			table = CsvTable.parse(TextFiles.decode(content));
		} catch (CsvException e) {
			problems.add(ImportProblem.line(e.line(), null, "needs.grid.malformed", e.getMessage()));
			return new GridRead<>(ImportReport.rejected(KIND, fileName, 0, problems, List.of()), List.of());
		}
		Map<String, Integer> col = new HashMap<>();
		for (String name : List.of("id", "lon", "lat", "population")) {
			Optional<Integer> c = table.column(name);
			if (c.isEmpty()) {
				problems.add(ImportProblem.line(1, name, "needs.grid.column-missing",
						"Required column '" + name + "' is missing from the header", name));
			} else {
				col.put(name, c.get());
			}
		}
		for (String name : List.of("under18", "over65", "area")) {
			table.column(name).ifPresent(c -> col.put(name, c));
		}
		if (!problems.isEmpty()) {
			return new GridRead<>(ImportReport.rejected(KIND, fileName, table.rows().size(), problems, List.of()),
					List.of());
		}
		// the coordinates always have decimals: they tell the file's convention (German: 1.234,5; else 1234.5)
		int lonColumn = col.get("lon");
		int latColumn = col.get("lat");
		boolean comma = table.delimiter() != ',' && table.rows().stream()
			.anyMatch(r -> CsvTable.cell(r, lonColumn).contains(",") || CsvTable.cell(r, latColumn).contains(","));
		List<PopulationCell> cells = new ArrayList<>(table.rows().size());
		Map<String, Integer> seen = new HashMap<>();
		for (Row row : table.rows()) {
			int line = row.line();
			String id = CsvTable.cell(row, col.get("id"));
			if (id.isEmpty()) {
				problems.add(ImportProblem.line(line, "id", "needs.grid.id-missing", "The id is empty"));
			} else if (seen.putIfAbsent(id, line) != null) {
				problems.add(ImportProblem.line(line, "id", "needs.grid.id-duplicate",
						"The id '" + id + "' already appears on line " + seen.get(id), id, seen.get(id)));
			}
			Double lon = number(row, col.get("lon"), "lon", true, comma, problems);
			Double lat = number(row, col.get("lat"), "lat", true, comma, problems);
			if (lon != null && !(lon >= -180 && lon <= 180)) {
				problems.add(ImportProblem.line(line, "lon", "needs.grid.lon-range",
						"Longitude " + lon + " is outside −180…180", lon));
				lon = null;
			}
			if (lat != null && !(lat >= -90 && lat <= 90)) {
				problems.add(ImportProblem.line(line, "lat", "needs.grid.lat-range",
						"Latitude " + lat + " is outside −90…90", lat));
				lat = null;
			}
			Double population = number(row, col.get("population"), "population", false, comma, problems);
			Double under18 = col.containsKey("under18")
					? number(row, col.get("under18"), "under18", false, comma, problems) : null;
			Double over65 = col.containsKey("over65")
					? number(row, col.get("over65"), "over65", false, comma, problems) : null;
			for (Object[] band : new Object[][] { { "under18", under18 }, { "over65", over65 } }) {
				Double v = (Double) band[1];
				if (v != null && population != null && v > population) {
					problems.add(ImportProblem.line(line, (String) band[0], "needs.grid.band-exceeds",
							band[0] + " (" + v + ") exceeds the population (" + population + ")", v, population));
				}
			}
			String area = col.containsKey("area") ? CsvTable.cell(row, col.get("area")) : "";
			if (problems.isEmpty() && lon != null && lat != null) {
				cells.add(new PopulationCell(id, area.isEmpty() ? null : area, lon, lat, population, under18,
						over65));
			}
		}
		if (table.rows().isEmpty()) {
			problems.add(ImportProblem.file("needs.grid.empty", "The file has no cells"));
		}
		if (!problems.isEmpty()) {
			return new GridRead<>(ImportReport.rejected(KIND, fileName, table.rows().size(), problems, List.of()),
					List.of());
		}
		return new GridRead<>(new ImportReport(KIND, fileName, ImportReport.Outcome.PREVIEW, cells.size(), 0, 0, 0,
				List.of(), List.of()), List.copyOf(cells));
	}

	/**
	 * A number with decimal comma and thousands points ("1.234,5") in a German file, with decimal point ("1234.5")
	 * otherwise. Empty is unknown (null) where allowed;
	 * negative counts are refused: an unknown population is left empty, not written as −1.
	 */
	static Double number(Row row, int column, String field, boolean required, boolean comma,
			List<ImportProblem> problems) {
		String text = CsvTable.cell(row, column);
		if (text.isEmpty()) {
			if (required) {
				problems.add(ImportProblem.line(row.line(), field, "needs.grid.value-missing",
						"The " + field + " is empty", field));
			}
			return null;
		}
		String normal = comma ? text.replace(".", "").replace(',', '.') : text;
		double value;
		try {
			value = Double.parseDouble(normal);
		} catch (NumberFormatException e) {
			value = Double.NaN;
		}
		if (!Double.isFinite(value) || !normal.matches("[-+]?[0-9]*\\.?[0-9]+([eE][-+]?[0-9]+)?")) {
			problems.add(ImportProblem.line(row.line(), field, "needs.grid.not-a-number",
					"'" + text + "' is not a number", text));
			return null;
		}
		if (!required && value < 0) {
			problems.add(ImportProblem.line(row.line(), field, "needs.grid.negative",
					"The " + field + " " + text + " is negative (leave it empty if unknown)", field, text));
			return null;
		}
		return value;
	}
}
