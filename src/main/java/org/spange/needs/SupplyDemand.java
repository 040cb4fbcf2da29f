package org.spange.needs;

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

	/** The periods with values of the category's demand key, in order. */
	List<Period> periods(String categoryKey);

	/**
	 * The report for the areas of a level in a scheme; {@code period} null for the latest with values.
	 *
	 * @throws java.util.NoSuchElementException for an unknown category
	 */
	SupplyReport report(String categoryKey, Period period, String schemeKey, String levelKey);
}
