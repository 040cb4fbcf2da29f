package org.spange.needs;

import java.math.BigDecimal;

import org.spange.area.AreaId;

/**
 * An annual growth rate of a projection scenario for one area and age band, in per cent (negative for a decline).
 * The band is the indicator-engine key of a target population (the demand key of a category, e.g.
 * {@code pop_80plus}) or {@link #ALL_AGES}. {@code fromYear}/{@code toYear} (inclusive, null: open) limit the rate to
 * some years. {@code id} is null for a new one.
 */
public record GrowthRate(Long id, Long scenarioId, AreaId area, String band, BigDecimal ratePercent, Integer fromYear,
		Integer toYear) {

	/** The band of every age: used for a target population without a rate of its own. */
	public static final String ALL_AGES = "*";

	/** Whether the rate holds in the year. */
	public boolean covers(int year) {
		return (fromYear == null || fromYear <= year) && (toYear == null || year <= toYear);
	}

	/** Whether the two rates hold in a common year. */
	public boolean overlaps(GrowthRate other) {
		int from = Math.max(fromYear == null ? Integer.MIN_VALUE : fromYear,
				other.fromYear == null ? Integer.MIN_VALUE : other.fromYear);
		int to = Math.min(toYear == null ? Integer.MAX_VALUE : toYear,
				other.toYear == null ? Integer.MAX_VALUE : other.toYear);
		return from <= to;
	}

	public boolean allAges() {
		return ALL_AGES.equals(band);
	}
}
