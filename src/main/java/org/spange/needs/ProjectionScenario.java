package org.spange.needs;

import org.spange.indicator.Period;

/**
 * A demand projection scenario (e.g. "Bevölkerungsprognose 2035"): its name, where its assumptions come from, and
 * the period whose demand it starts from. {@code id} is null for a new one.
 */
public record ProjectionScenario(Long id, String name, String source, Period basePeriod) {

	/** How many years past its base a scenario is shown at most. */
	public static final int HORIZON = 15;

	public static ProjectionScenario empty() {
		return new ProjectionScenario(null, null, null, null);
	}

	/** The years a report can be projected to: the base year + 1 to + {@link #HORIZON}. */
	public java.util.List<Integer> years() {
		int base = basePeriod.year();
		return java.util.stream.IntStream.rangeClosed(base + 1, base + HORIZON).boxed().toList();
	}
}
