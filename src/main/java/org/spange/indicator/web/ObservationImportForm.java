package org.spange.indicator.web;

/**
 * Request parameters of an observation import; all optional. {@code markers} as {@code marker=STATUS} pairs
 * separated by {@code ;} (e.g. {@code x=SUPPRESSED;.=MISSING}), {@code ignoredColumns} separated by {@code ,}.
 */
record ObservationImportForm(String layout, String level, String period, String areaColumn, String levelColumn,
		String variableColumn, String periodColumn, String valueColumn, String statusColumn, String decimalSeparator,
		String markers, String ignoredColumns, Boolean preview, Integer previewRows) {
}
