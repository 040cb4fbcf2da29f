package org.spange.indicator;

import org.spange.platform.imports.ImportProgress;

/**
 * Importing observations from CSV or XLSX files, in long or wide layout: validated completely first, every
 * problem reported with line and column, then written all or nothing in one transaction. Importing the same file
 * again changes nothing. See {@link ObservationImportOptions} for the rules of reading.
 */
public interface ObservationImports {

	default ObservationImportResult importObservations(String fileName, byte[] content,
			ObservationImportOptions options) {
		return importObservations(fileName, content, options, ImportProgress.NONE);
	}

	/** The same, telling {@code progress} where it stands (for a progress bar). */
	ObservationImportResult importObservations(String fileName, byte[] content, ObservationImportOptions options,
			ImportProgress progress);
}
