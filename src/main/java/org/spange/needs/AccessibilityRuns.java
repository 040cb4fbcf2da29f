package org.spange.needs;

import java.util.List;

import org.spange.platform.imports.ImportReport;

/** Population grids and accessibility results in the database. The computation itself: {@link Accessibility}. */
public interface AccessibilityRuns {

	/**
	 * Imports a population grid CSV (see {@link PopulationGrids#csv}) under a key: all or nothing; the same file
	 * again changes nothing, another file replaces the grid's cells.
	 */
	ImportReport importGrid(String gridKey, String fileName, byte[] content, boolean synthetic);

	/** The cells of a grid (empty if there is none), unknown populations as null. */
	List<PopulationCell> grid(String gridKey);

	/**
	 * Stores a result with its inputs' hash; if a run with the same inputs exists, returns it and writes nothing.
	 *
	 * @param gridKey the grid the cells come from, or null
	 */
	StoredRun save(String gridKey, List<SupplyPoint> supply, AccessResult result);

	/** The area results of a stored run, sorted by area. */
	List<AreaAccess> areas(long runId);
}
