package org.spange.needs;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.spange.area.AreaId;
import org.spange.needs.InvalidSupplyCategoryException.Problem;
import org.spange.platform.imports.ImportReport;

/**
 * Demand projections: named scenarios with annual growth rates per area and age band, entered by form or imported
 * from CSV, and the projected demand they give (see {@link ProjectedDemand} for the formula).
 * <p>
 * CSV import: a header row with {@code area_code;band;rate_percent} and optionally {@code from_year;to_year} and
 * {@code level} (needed only where an area code occurs on two levels); {@code ;} or {@code ,} separated, decimal
 * comma or point, UTF-8 (with or without BOM) or Windows-1252. {@code band} is a variable or indicator key or
 * {@code *} / {@code alle} for all ages. A file is checked whole and written all or nothing; a line whose area, band
 * and years are already there updates that rate, and re-importing the same file changes nothing.
 */
public interface DemandProjections {

	/** The CSV columns in order; the last three are optional. */
	List<String> CSV_COLUMNS = List.of("area_code", "band", "rate_percent", "from_year", "to_year", "level");

	List<ProjectionScenario> scenarios();

	Optional<ProjectionScenario> scenario(long id);

	/** What saving the scenario would meet (fields {@code name}, {@code source}, {@code basePeriod}). */
	List<Problem> check(ProjectionScenario scenario);

	/**
	 * Creates the scenario (null id) or updates it.
	 *
	 * @throws InvalidProjectionException with every problem by field
	 */
	ProjectionScenario save(ProjectionScenario scenario, String username);

	/** Deletes the scenario with its rates; false if there was none. */
	boolean delete(long scenarioId, String username);

	/** The scenario's rates, by area name, band and years. */
	List<GrowthRate> rates(long scenarioId);

	/**
	 * What saving the rate would meet (fields {@code area}, {@code band}, {@code ratePercent}, {@code fromYear},
	 * {@code toYear}), including a rate of the same area and band in a common year.
	 */
	List<Problem> check(GrowthRate rate);

	/**
	 * Creates the rate (null id) or updates it.
	 *
	 * @throws InvalidProjectionException with every problem by field
	 */
	GrowthRate save(GrowthRate rate, String username);

	/** The areas of the rates as shown to people ("Bezirk Bludenz"), in the page's language. */
	Map<AreaId, String> labels(List<GrowthRate> rates);

	/** Deletes one rate of a scenario; false if there was none. */
	boolean deleteRate(long scenarioId, long rateId, String username);

	/** Checks the CSV file and, with {@code write} and no problem, writes it in one transaction. */
	ImportReport importRates(long scenarioId, String fileName, byte[] content, boolean write, String username);

	/**
	 * The projected demand for the target population {@code demandKey} in {@code year} for every area of the scheme
	 * (areas absent from the result: not in the scheme). The base is the indicator engine's value in the scenario's
	 * base period; a year at or before the base year gives the base itself.
	 *
	 * @throws java.util.NoSuchElementException for an unknown scenario
	 */
	Map<AreaId, ProjectedDemand> project(long scenarioId, String demandKey, int year, String schemeKey);
}
