package org.spange.indicator;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.spange.indicator.Observation.Status;

/**
 * How to read an observation file. Null means the default or "detect".
 * <p>
 * <b>Files.</b> CSV (UTF-8 or Windows-1252, detected; separated by {@code ;}, {@code ,} or tab, detected from the
 * header line) or an Excel workbook ({@code .xlsx}, also old {@code .xls}; recognised by its content, the first
 * sheet is read). The first non-empty line is the header.
 * <p>
 * <b>Layouts.</b> {@link Layout#LONG}: one observation per line, with columns for the area code, the variable key,
 * the period and the value, optionally the area level and a status. {@link Layout#WIDE}: one line per area (and
 * period), one column per variable, headed by the variable's key. Without an explicit layout a file with a variable
 * and a value column is long, otherwise wide. Default header names (case-insensitive): area {@code gebiet},
 * {@code code}, {@code gkz}, {@code ags}, {@code kennziffer}, {@code area}; level {@code ebene}, {@code level};
 * variable {@code merkmal}, {@code variable}; period {@code zeitraum}, {@code period}, {@code jahr},
 * {@code stichtag}, {@code year}; value {@code wert}, {@code value}; status {@code status}. In the wide layout the
 * columns in {@link #ignoredColumns()} (default: area names such as {@code name}, {@code gemeinde},
 * {@code bezeichnung}) are skipped; every other column must be a variable key.
 * <p>
 * <b>Numbers.</b> The decimal separator is decided once per file (unless given). A value shows it unambiguously
 * when it has both {@code .} and {@code ,} (the last one is decimal: {@code 1.234,5}), when one separator occurs
 * twice (it groups thousands, so the other is decimal: {@code 1.234.567}), or when a single separator is not
 * followed by exactly three digits or follows a lone 0 ({@code 12,5}, {@code 0.125}); {@code 1.234} shows nothing.
 * The separator more values show wins (on a tie the one shown first); when no value shows one, a file separated by
 * {@code ;} or tab has a decimal comma, and one separated by {@code ,} (or a workbook's text cells) a decimal
 * point. The other separator is accepted only as a thousands separator between groups of three digits
 * ({@code 1.234,5}, {@code 14.500}); any other text in a value cell, such as {@code 1.23} in a file with decimal
 * commas, spaces between digits, {@code %} or {@code 1e5}, is reported with its line and column. Excel number
 * cells are read as numbers.
 * <p>
 * <b>Missing values.</b> A value cell that is empty or holds a marker has no value; the marker says its status.
 * Default markers ({@link #DEFAULT_MARKERS}), following the signs of the German and Austrian statistical offices:
 * empty, {@code .} (unknown or secret), {@code -} and {@code –} (nothing), {@code ...} and {@code …} (not yet
 * available), {@code /} (not reliable enough) and {@code x} (not meaningful or blocked) are all MISSING: from the
 * sign alone it is not known whether a value was withheld, so none is treated as SUPPRESSED (map {@code x=SUPPRESSED}
 * where a source uses it for secrecy) and none as 0. In the long layout a status column (OK, MISSING, SUPPRESSED,
 * ESTIMATED, PROVISIONAL or the German fehlend, geheim, geschätzt, vorläufig) overrides the marker's status.
 *
 * @param layout           long or wide; null to detect
 * @param levelKey         level of the area codes where the file has no level column; null for {@code gemeinde}
 * @param period           period of every line where the file has no period column (or the cell is empty)
 * @param columns          header names; null or null entries for the defaults
 * @param decimalSeparator {@code ','} or {@code '.'}; null to detect
 * @param markers          cell text (case-insensitive) → MISSING or SUPPRESSED; null for {@link #DEFAULT_MARKERS}
 * @param ignoredColumns   wide layout: columns to skip (case-insensitive); null for the defaults
 * @param preview          validate and count only, write nothing
 * @param previewRows      how many parsed observations to return, 0–1000
 */
public record ObservationImportOptions(Layout layout, String levelKey, String period, Columns columns,
		Character decimalSeparator, Map<String, Status> markers, Set<String> ignoredColumns, boolean preview,
		int previewRows) {

	public enum Layout {
		LONG, WIDE
	}

	/** Header names of the columns; null for the defaults. */
	public record Columns(String area, String level, String variable, String period, String value, String status) {

		public static final Columns DEFAULT = new Columns(null, null, null, null, null, null);
	}

	public static final Map<String, Status> DEFAULT_MARKERS;

	static {
		Map<String, Status> markers = new LinkedHashMap<>();
		for (String marker : new String[] { "", ".", "-", "–", "...", "…", "/", "x" }) {
			markers.put(marker, Status.MISSING);
		}
		DEFAULT_MARKERS = java.util.Collections.unmodifiableMap(markers);
	}

	public static final Set<String> DEFAULT_IGNORED_COLUMNS = Set.of("name", "gemeinde", "gemeindename",
			"bezeichnung", "gebietsname", "area_name");

	public static final int DEFAULT_PREVIEW_ROWS = 20;

	public ObservationImportOptions {
		columns = columns == null ? Columns.DEFAULT : columns;
		markers = markers == null ? DEFAULT_MARKERS : lowerCaseKeys(markers);
		ignoredColumns = ignoredColumns == null ? DEFAULT_IGNORED_COLUMNS
				: Set.copyOf(ignoredColumns.stream().map(c -> c.strip().toLowerCase(Locale.ROOT)).toList());
		previewRows = Math.max(0, Math.min(previewRows, 1000));
	}

	/** Detect everything; Gemeinde codes; write. */
	public static ObservationImportOptions defaults() {
		return new ObservationImportOptions(null, null, null, null, null, null, null, false, DEFAULT_PREVIEW_ROWS);
	}

	public ObservationImportOptions asPreview() {
		return new ObservationImportOptions(layout, levelKey, period, columns, decimalSeparator, markers,
				ignoredColumns, true, previewRows);
	}

	public ObservationImportOptions withLayout(Layout layout) {
		return new ObservationImportOptions(layout, levelKey, period, columns, decimalSeparator, markers,
				ignoredColumns, preview, previewRows);
	}

	public ObservationImportOptions withLevel(String levelKey) {
		return new ObservationImportOptions(layout, levelKey, period, columns, decimalSeparator, markers,
				ignoredColumns, preview, previewRows);
	}

	public ObservationImportOptions withPeriod(String period) {
		return new ObservationImportOptions(layout, levelKey, period, columns, decimalSeparator, markers,
				ignoredColumns, preview, previewRows);
	}

	public ObservationImportOptions withColumns(Columns columns) {
		return new ObservationImportOptions(layout, levelKey, period, columns, decimalSeparator, markers,
				ignoredColumns, preview, previewRows);
	}

	public ObservationImportOptions withDecimalSeparator(Character decimalSeparator) {
		return new ObservationImportOptions(layout, levelKey, period, columns, decimalSeparator, markers,
				ignoredColumns, preview, previewRows);
	}

	public ObservationImportOptions withMarkers(Map<String, Status> markers) {
		return new ObservationImportOptions(layout, levelKey, period, columns, decimalSeparator, markers,
				ignoredColumns, preview, previewRows);
	}

	public ObservationImportOptions withIgnoredColumns(Set<String> ignoredColumns) {
		return new ObservationImportOptions(layout, levelKey, period, columns, decimalSeparator, markers,
				ignoredColumns, preview, previewRows);
	}

	private static Map<String, Status> lowerCaseKeys(Map<String, Status> markers) {
		Map<String, Status> copy = new LinkedHashMap<>();
		markers.forEach((marker, status) -> copy.put(marker == null ? "" : marker.strip().toLowerCase(Locale.ROOT),
				status));
		return java.util.Collections.unmodifiableMap(copy);
	}
}
