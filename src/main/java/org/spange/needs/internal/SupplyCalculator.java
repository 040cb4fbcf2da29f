package org.spange.needs.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.spange.area.AreaId;
import org.spange.indicator.Period;
import org.spange.needs.AreaSupply;
import org.spange.needs.StrategyRatio;
import org.spange.needs.SupplyCategory;
import org.spange.needs.SupplyReport;
import org.spange.offer.Offer;

/**
 * The arithmetic of supply and demand, free of the database so that it can be checked by hand: which offers belong
 * to a category, which areas each offer reaches, and the ratios per area and for the region.
 */
public final class SupplyCalculator {

	/** How many areas the ranking of the worst served shows. */
	static final int RANKING = 10;

	private SupplyCalculator() {
	}

	/**
	 * Whether an active offer belongs to the category: it has the category's field of action and target group (where
	 * given) and its age range meets the category's age band (an open bound is no limit).
	 */
	public static boolean matches(SupplyCategory category, Offer offer) {
		if (!offer.active()) {
			return false;
		}
		if (category.fieldOfAction() != null && !offer.fieldsOfAction().contains(category.fieldOfAction())) {
			return false;
		}
		if (category.targetGroup() != null && !offer.targetGroups().contains(category.targetGroup())) {
			return false;
		}
		int offerMin = offer.minAge() == null ? 0 : offer.minAge();
		int offerMax = offer.maxAge() == null ? Integer.MAX_VALUE : offer.maxAge();
		int bandMin = category.minAge() == null ? 0 : category.minAge();
		int bandMax = category.maxAge() == null ? Integer.MAX_VALUE : category.maxAge();
		return offerMin <= bandMax && bandMin <= offerMax;
	}

	/**
	 * The report over the given areas.
	 *
	 * @param offers       the offers of the category
	 * @param locationArea each location's Gemeinde (absent or null: none known)
	 * @param parents      each area's parent in the scheme shown (roots absent)
	 * @param areas        the areas to report, id to name, in the order to show
	 * @param demand       the target population per area; absent or null: missing
	 */
	public static SupplyReport report(SupplyCategory category, Period period, String schemeKey, String levelKey,
			List<Offer> offers, Map<Long, Long> locationArea, Map<AreaId, AreaId> parents,
			LinkedHashMap<AreaId, String> areas, Map<AreaId, Double> demand) {
		// every area an offer reaches: its locations' Gemeinden, the areas it serves, and all areas above them
		Map<AreaId, List<Offer>> byArea = new HashMap<>();
		Map<Long, Offer> inRegion = new LinkedHashMap<>();
		for (Offer offer : offers) {
			Set<AreaId> reached = new HashSet<>();
			for (Long location : offer.locationIds()) {
				Long area = locationArea.get(location);
				if (area != null) {
					addWithAncestors(new AreaId(area), parents, reached);
				}
			}
			for (Long area : offer.serviceAreaIds()) {
				addWithAncestors(new AreaId(area), parents, reached);
			}
			// a set per offer: an offer located in an area it also serves is counted there once
			for (AreaId area : reached) {
				if (areas.containsKey(area)) {
					byArea.computeIfAbsent(area, a -> new ArrayList<>()).add(offer);
					inRegion.put(offer.id(), offer);
				}
			}
		}
		double target = category.targetPer1000().doubleValue();
		List<AreaSupply> rows = new ArrayList<>();
		double demandSum = 0;
		boolean demandComplete = true;
		long missing = 0;
		for (Map.Entry<AreaId, String> e : areas.entrySet()) {
			Double d = demand.get(e.getKey());
			if (d == null) {
				demandComplete = false;
				missing++;
			} else {
				demandSum += d;
			}
			rows.add(row(e.getKey(), e.getValue(), d, byArea.getOrDefault(e.getKey(), List.of()), target));
		}
		AreaSupply region = row(null, null, demandComplete && !areas.isEmpty() ? demandSum : null,
				List.copyOf(inRegion.values()), target);
		List<AreaSupply> ranking = rows.stream().filter(r -> r.placesPer1000() != null)
			.sorted(Comparator.comparing(AreaSupply::placesPer1000)
				.thenComparing(AreaSupply::shortfall, Comparator.reverseOrder())
				.thenComparing(AreaSupply::name))
			.limit(RANKING)
			.toList();
		return new SupplyReport(category, period, schemeKey, levelKey, rows, region, ranking, missing);
	}

	private static void addWithAncestors(AreaId area, Map<AreaId, AreaId> parents, Set<AreaId> into) {
		AreaId a = area;
		while (a != null && into.add(a)) {
			a = parents.get(a);
		}
	}

	private static AreaSupply row(AreaId area, String name, Double demand, List<Offer> offers, double targetPer1000) {
		long places = 0;
		long withoutPlaces = 0;
		long[] s = new long[8];
		for (Offer o : offers) {
			long p = o.capacityPlaces() == null ? 0 : o.capacityPlaces();
			if (o.capacityPlaces() == null) {
				withoutPlaces++;
			} else {
				places += p;
			}
			if (o.approach() == Offer.Approach.PREVENTIVE) {
				s[0]++;
				s[1] += p;
			} else if (o.approach() == Offer.Approach.INTERVENTIVE) {
				s[2]++;
				s[3] += p;
			}
			if (o.form() == Offer.Form.GROUP) {
				s[4]++;
				s[5] += p;
			} else if (o.form() == Offer.Form.INDIVIDUAL) {
				s[6]++;
				s[7] += p;
			}
		}
		StrategyRatio strategy = new StrategyRatio(s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7]);
		Double per1000 = demand == null || demand <= 0 ? null : places * 1000.0 / demand;
		Double targetPlaces = demand == null ? null : demand * targetPer1000 / 1000.0;
		Double shortfall = targetPlaces == null ? null : Math.max(0, targetPlaces - places);
		return new AreaSupply(area, name, demand, offers.size(), places, withoutPlaces, per1000, targetPlaces,
				shortfall, strategy);
	}
}
