package org.spange.needs;

import java.util.List;

/**
 * Supply against demand now (the scenario's base period) and in a projection year, side by side: today's supply
 * against the projected demand. Both reports count the same offers; only the demand differs. The region's projected
 * demand is the sum of the areas' (a ratio of sums), missing when any area's is.
 */
public record ProjectedSupplyReport(ProjectionScenario scenario, int year, SupplyReport now, SupplyReport projected,
		List<Comparison> rows, Comparison region) {

	public ProjectedSupplyReport {
		rows = List.copyOf(rows);
	}

	/** One area now and projected; {@code demand} null for the region row. */
	public record Comparison(AreaSupply now, AreaSupply projected, ProjectedDemand demand) {

		/** Change of the demand in per cent; null when either is missing or the base is 0. */
		public Double changePercent() {
			return now.demand() == null || projected.demand() == null || now.demand() == 0 ? null
					: 100.0 * (projected.demand() - now.demand()) / now.demand();
		}
	}
}
