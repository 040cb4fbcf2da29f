package org.spange.indicator;

/**
 * Importing observations from CSV or XLSX files, in long or wide layout: validated completely first, every
 * problem reported with line and column, then written all or nothing in one transaction. Importing the same file
 * again changes nothing. See {@link ObservationImportOptions} for the rules of reading.
 */
public interface ObservationImports {

	ObservationImportResult importObservations(String fileName, byte[] content, ObservationImportOptions options);
}
