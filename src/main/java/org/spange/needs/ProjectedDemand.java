package org.spange.needs;

import java.math.BigDecimal;
import java.util.List;

import org.spange.area.AreaId;

/**
 * The demand of one area in a projection year.
 * <p>
 * Formula: projected = base × Π over the years y = base year + 1 … year of (1 + r(y) / 100), where r(y) is the
 * rate that holds in y for the area: a rate for the target population's own band before an all-ages rate, and
 * within each the area's own before the nearest containing area's (its parent in the scheme shown, then that one's
 * parent, and so on; then its containing areas in other schemes). An area below which some part has a rate of its
 * own is the sum of its parts' projections when every part has one, so that rates set for parts count and the area
 * equals the sum of its parts; otherwise (and always when no part has a rate of its own) its own base times its own
 * factor. A missing base stays missing; so does a year without any rate. Demand is a count of people, so parts add
 * up.
 *
 * @param base      the demand in the scenario's base period; null: missing
 * @param projected null when the base is missing or a year has no rate
 * @param basis     how it was projected
 * @param rates     the rates used, in the order of the years they first hold
 * @param yearWithoutRate the first year without a rate (basis {@link Basis#NO_RATE}), else null
 */
public record ProjectedDemand(AreaId area, Double base, Double projected, Basis basis, List<RateUse> rates,
		Integer yearWithoutRate) {

	public enum Basis {
		/** base × the rates of the area itself and/or containing areas */
		RATES,
		/** the sum of its parts' projections */
		PARTS,
		/** no base value: missing */
		NO_BASE,
		/** some year without any rate: missing */
		NO_RATE
	}

	public ProjectedDemand {
		rates = rates == null ? List.of() : List.copyOf(rates);
	}

	/**
	 * A rate used for an area.
	 *
	 * @param from      the area the rate is set for
	 * @param inherited whether that is a containing area rather than the area itself
	 */
	public record RateUse(AreaId from, String fromName, String band, BigDecimal ratePercent, Integer fromYear,
			Integer toYear, boolean inherited) {
	}

	/** Change from the base in per cent; null when either is missing or the base is 0. */
	public Double changePercent() {
		return base == null || projected == null || base == 0 ? null : 100.0 * (projected - base) / base;
	}
}
