package org.spange.needs;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.spange.indicator.Period;

/**
 * Supply and demand by category: the capacity of the active offers of a category per area against its target
 * population and normative target. An offer counts in the Gemeinde of each of its locations and in each area it
 * serves, once per area however many ways it reaches it; larger areas count each of their offers once.
 */
public interface SupplyDemand {

	/** Categories by name. */
	List<SupplyCategory> categories();

	Optional<SupplyCategory> category(String key);

	/** What saving this category would meet, without saving it: for forms. */
	List<InvalidSupplyCategoryException.Problem> check(SupplyCategory category);

	/**
	 * Creates the category, or updates the one with its key; all or nothing.
	 *
	 * @throws InvalidSupplyCategoryException with every problem by field
	 */
	SupplyCategory save(SupplyCategory category, String username);

	/**
	 * What refers to the category and keeps it from being deleted, as message keys with a count; empty when it can
	 * go.
	 */
	List<Dependent> dependents(String key);

	/** Something that refers to a category: {@code code} is a message key taking the count. */
	record Dependent(String code, long count) {
	}

	/**
	 * Deletes the category with its target history; false if there was none.
	 *
	 * @throws IllegalStateException when something depends on it (see {@link #dependents})
	 */
	boolean delete(String key, String username);

	/** Every target the category has had, newest first. */
	List<TargetChange> targetHistory(String key);

	/** A target set for a category: when, by whom, with its source. */
	record TargetChange(BigDecimal targetPer1000, String targetSource, String changedBy, Instant changedAt) {
	}

	/** The periods with values of the category's demand key, in order. */
	List<Period> periods(String categoryKey);

	/**
	 * The report for the areas of a level in a scheme; {@code period} null for the latest with values.
	 *
	 * @throws java.util.NoSuchElementException for an unknown category
	 */
	SupplyReport report(String categoryKey, Period period, String schemeKey, String levelKey);

	/**
	 * Today's supply against the demand now (the scenario's base period) and projected to {@code year} by the
	 * scenario (see {@link ProjectedDemand}), for the areas of a level in a scheme.
	 *
	 * @throws java.util.NoSuchElementException for an unknown category or scenario
	 */
	ProjectedSupplyReport projection(String categoryKey, long scenarioId, int year, String schemeKey,
			String levelKey);

	/**
	 * The supply points of a category for accessibility (issue 6, accessibility page): one per active matching offer
	 * and location with coordinates (locations without are left out), with the offer's places as capacity (1 where
	 * unknown). Includes confidential locations: for computing only, never to be shown as points.
	 *
	 * @throws java.util.NoSuchElementException for an unknown category
	 */
	List<SupplyPoint> supplyPoints(String categoryKey);
}
