package org.spange.needs.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.spange.area.AreaId;
import org.spange.needs.GrowthRate;
import org.spange.needs.ProjectedDemand;
import org.spange.needs.ProjectedDemand.Basis;
import org.spange.needs.ProjectedDemand.RateUse;

/**
 * The arithmetic of demand projections, free of the database so that it can be checked by hand (see
 * {@link ProjectedDemand} for the formula and the order in which rates are looked for).
 */
public final class ProjectionCalculator {

	private ProjectionCalculator() {
	}

	/**
	 * The projected demand of every area.
	 *
	 * @param rates        the scenario's rates (of any band: only {@code band} and all ages are used)
	 * @param band         the target population's key
	 * @param parents      each area's parent in the scheme shown (roots absent)
	 * @param otherParents parents in other schemes, tried after the scheme shown, in order
	 * @param areas        the areas of the scheme shown
	 * @param base         the demand in the base period; absent or null: missing
	 * @param names        area names for the rates used; absent: none
	 */
	public static Map<AreaId, ProjectedDemand> project(List<GrowthRate> rates, String band, int baseYear, int year,
			Map<AreaId, AreaId> parents, List<Map<AreaId, AreaId>> otherParents, Collection<AreaId> areas,
			Map<AreaId, Double> base, Map<AreaId, String> names) {
		return new Run(rates, band, baseYear, year, parents, otherParents, areas, base, names).all();
	}

	private static final class Run {
		final String band;
		final int baseYear;
		final int year;
		final Map<AreaId, AreaId> parents;
		final List<Map<AreaId, AreaId>> otherParents;
		final Collection<AreaId> areas;
		final Map<AreaId, Double> base;
		final Map<AreaId, String> names;
		final Map<AreaId, List<GrowthRate>> ratesByArea = new HashMap<>();
		final Map<AreaId, List<AreaId>> children = new HashMap<>();
		final Map<AreaId, ProjectedDemand> done = new HashMap<>();
		final Map<AreaId, Boolean> ratesBelow = new HashMap<>();

		Run(List<GrowthRate> rates, String band, int baseYear, int year, Map<AreaId, AreaId> parents,
				List<Map<AreaId, AreaId>> otherParents, Collection<AreaId> areas, Map<AreaId, Double> base,
				Map<AreaId, String> names) {
			this.band = band;
			this.baseYear = baseYear;
			this.year = year;
			this.parents = parents;
			this.otherParents = otherParents;
			this.areas = areas;
			this.base = base;
			this.names = names;
			for (GrowthRate r : rates) {
				if (r.band().equals(band) || r.allAges()) {
					ratesByArea.computeIfAbsent(r.area(), a -> new ArrayList<>()).add(r);
				}
			}
			Set<AreaId> inScheme = Set.copyOf(areas);
			for (AreaId a : areas) {
				AreaId p = parents.get(a);
				if (p != null && inScheme.contains(p)) {
					children.computeIfAbsent(p, k -> new ArrayList<>()).add(a);
				}
			}
		}

		Map<AreaId, ProjectedDemand> all() {
			Map<AreaId, ProjectedDemand> result = new LinkedHashMap<>();
			for (AreaId a : areas) {
				result.put(a, project(a));
			}
			return result;
		}

		ProjectedDemand project(AreaId area) {
			ProjectedDemand known = done.get(area);
			if (known != null) {
				return known;
			}
			ProjectedDemand p = compute(area);
			done.put(area, p);
			return p;
		}

		private ProjectedDemand compute(AreaId area) {
			Double b = base.get(area);
			List<AreaId> parts = children.getOrDefault(area, List.of());
			if (year > baseYear && !parts.isEmpty() && hasRatesBelow(area)) {
				// rates set for parts: the area is the sum of its parts, when every part has a projection
				double sum = 0;
				boolean complete = true;
				for (AreaId part : parts) {
					ProjectedDemand pp = project(part);
					if (pp.projected() == null) {
						complete = false;
					} else {
						sum += pp.projected();
					}
				}
				if (complete) {
					return new ProjectedDemand(area, b, sum, Basis.PARTS, List.of(), null);
				}
			}
			if (b == null) {
				return new ProjectedDemand(area, null, null, Basis.NO_BASE, List.of(), null);
			}
			double value = b;
			Map<GrowthRate, RateUse> used = new LinkedHashMap<>();
			List<AreaId> chain = chain(area);
			for (int y = baseYear + 1; y <= year; y++) {
				GrowthRate r = resolve(chain, y);
				if (r == null) {
					return new ProjectedDemand(area, b, null, Basis.NO_RATE, List.copyOf(used.values()), y);
				}
				value *= 1 + r.ratePercent().doubleValue() / 100.0;
				used.computeIfAbsent(r, k -> new RateUse(k.area(), names.get(k.area()), k.band(), k.ratePercent(),
						k.fromYear(), k.toYear(), !k.area().equals(area)));
			}
			return new ProjectedDemand(area, b, value, Basis.RATES, List.copyOf(used.values()), null);
		}

		/** Whether an area below this one in the scheme shown has a rate of its own. */
		private boolean hasRatesBelow(AreaId area) {
			Boolean known = ratesBelow.get(area);
			if (known != null) {
				return known;
			}
			boolean below = false;
			for (AreaId part : children.getOrDefault(area, List.of())) {
				if (ratesByArea.containsKey(part) || hasRatesBelow(part)) {
					below = true;
					break;
				}
			}
			ratesBelow.put(area, below);
			return below;
		}

		/** The area, its ancestors in the scheme shown, then its ancestors in the other schemes. */
		private List<AreaId> chain(AreaId area) {
			LinkedHashSet<AreaId> chain = new LinkedHashSet<>();
			walk(area, parents, chain);
			for (Map<AreaId, AreaId> other : otherParents) {
				walk(area, other, chain);
			}
			return List.copyOf(chain);
		}

		private static void walk(AreaId area, Map<AreaId, AreaId> parents, Set<AreaId> into) {
			AreaId a = area;
			int guard = 0;
			while (a != null && guard++ < 100) {
				into.add(a);
				a = parents.get(a);
			}
		}

		/** The band's own rate before an all-ages one; within each the nearest area first. */
		private GrowthRate resolve(List<AreaId> chain, int y) {
			for (boolean own : new boolean[] { true, false }) {
				for (AreaId a : chain) {
					for (GrowthRate r : ratesByArea.getOrDefault(a, List.of())) {
						if (r.band().equals(band) == own && (own || r.allAges()) && r.covers(y)) {
							return r;
						}
					}
				}
			}
			return null;
		}
	}
}
