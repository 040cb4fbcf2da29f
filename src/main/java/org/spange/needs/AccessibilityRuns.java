package org.spange.needs;

import java.util.List;
import java.util.Optional;

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

	/**
	 * Stores a result of a given mode like {@link #save(String, List, AccessResult)}. A road run's areas hold the share
	 * within {@code thresholdMinutes} and mean seconds; the mode and time threshold are part of the inputs' hash (a
	 * straight-line run hashes as before), the creator is not.
	 */
	StoredRun save(String gridKey, List<SupplyPoint> supply, AccessResult result, AccessMode mode,
			Double thresholdMinutes, String createdBy);

	/** A stored run's inputs. */
	Optional<RunSummary> run(long runId);

	/** The stored grids by name. */
	List<PopulationGrid> grids();

	Optional<PopulationGrid> gridInfo(String gridKey);

	/** Names a stored grid and says where it comes from (shown with every result); false if there is no such grid. */
	boolean describeGrid(String gridKey, String name, String attribution, String areaLevel);

	/**
	 * Stores supply points from outside the offer inventory under a key, replacing the set's points (their category
	 * is not kept: a run names the set as {@code set:key}).
	 *
	 * @throws IllegalArgumentException for a bad key, a missing name or duplicate point ids
	 */
	SupplySet saveSupplySet(String key, String name, String attribution, List<SupplyPoint> points);

	List<SupplySet> supplySets();

	Optional<SupplySet> supplySet(String key);

	/** The points of a set, by id, with the category {@code set:key}; empty if there is no such set. */
	List<SupplyPoint> supplySetPoints(String key);
}
