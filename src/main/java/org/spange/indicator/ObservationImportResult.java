package org.spange.indicator;

import java.math.BigDecimal;
import java.util.List;

import org.spange.area.AreaId;
import org.spange.indicator.Observation.Status;
import org.spange.indicator.ObservationImportOptions.Layout;
import org.spange.platform.imports.ImportReport;

/**
 * What an observation import did or, as a preview, would do. The report counts observations (a line of a wide
 * file holds several): created, updated (a different value or status) and unchanged.
 *
 * @param report           outcome, counts and every problem by line and column
 * @param layout           the layout the file was read in; null when it could not be decided
 * @param decimalSeparator the decimal separator the values were read with; null when it could not be decided
 * @param rows             the first observations as parsed (see {@link ObservationImportOptions#previewRows()});
 *                         empty for a rejected file
 */
public record ObservationImportResult(ImportReport report, Layout layout, Character decimalSeparator,
		List<Row> rows) {

	public enum Change {
		NEW, CHANGED, UNCHANGED
	}

	/** One observation as read from the file, and what importing it does. */
	public record Row(int line, String areaCode, String levelKey, AreaId area, String variableKey, Period period,
			BigDecimal value, Status status, Change change) {
	}

	public ObservationImportResult {
		rows = List.copyOf(rows);
	}
}
