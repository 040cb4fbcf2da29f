package org.spange.demo;

import java.util.ArrayList;
import java.util.List;

import org.spange.platform.imports.ImportReport;

/**
 * The statistics of one demo region, loaded in two steps: its areas first (for all regions), then its catalogue
 * and observations, because every change of areas recomputes all values and that is cheapest while there are none.
 */
interface RegionStatistics {

	/** Whether an earlier load finished: its last import wrote its last period. */
	boolean complete();

	/** The areas the statistics need beyond the region's boundaries; the reports of the area imports. */
	List<ImportReport> loadAreas();

	/**
	 * Creates the topics, variables and indicators that are missing and, with {@code imports}, imports the
	 * observations.
	 *
	 * @return the reports of the observation imports run
	 */
	List<ImportReport> loadStatistics(boolean imports);

	/** Everything at once; unless forced, a complete earlier load only creates missing variables and indicators. */
	default List<ImportReport> load(boolean force) {
		boolean complete = !force && complete();
		List<ImportReport> reports = new ArrayList<>();
		if (!complete) {
			reports.addAll(loadAreas());
		}
		reports.addAll(loadStatistics(!complete));
		return reports;
	}
}
