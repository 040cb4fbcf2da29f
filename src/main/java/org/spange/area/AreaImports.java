package org.spange.area;

import org.spange.platform.imports.ImportReport;

/** Importing boundaries and scheme assignments: validated first, then written all or nothing. */
public interface AreaImports {

	ImportReport importBoundaries(String fileName, byte[] content, BoundaryImportOptions options);

	/** Areas without boundaries from a CSV list, optionally placed in a scheme; all or nothing. */
	ImportReport importAreaList(String fileName, byte[] content, AreaListOptions options);

	ImportReport importSchemeAssignment(String fileName, byte[] content, SchemeAssignmentOptions options);

	/** The coordinate reference systems a boundary file may come in: {@code EPSG:code} → description. */
	java.util.SortedMap<String, String> supportedCrs();

	/** The scheme with this key, created with these names when it does not exist yet. */
	AreaScheme ensureScheme(String key, String nameDe, String nameEn, String description, boolean illustrative);
}
