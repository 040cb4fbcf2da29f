package org.spange.needs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.spange.area.AreaId;
import org.spange.indicator.Period;
import org.spange.needs.internal.SupplyCalculator;
import org.spange.offer.Offer;
import org.spange.offer.Offer.Approach;
import org.spange.offer.Offer.Form;

/**
 * The arithmetic checked by hand. Gemeinden A and B form Bezirk X. Offer 1 is located in A with 10 places
 * (preventive, group); offer 2 is located in A and serves A and B with 6 places (interventive, individual); offer 3
 * is located in B without places. Demand: A 1,000, B 2,000. Target: 10 places per 1,000.
 */
class SupplyCalculatorTest {

	static final AreaId A = new AreaId(1);
	static final AreaId B = new AreaId(2);
	static final AreaId X = new AreaId(10);
	static final SupplyCategory CATEGORY = new SupplyCategory(1L, "test", "Test", "alter-pflege", null, null, null,
			"pop", new BigDecimal("10"), "Testannahme");
	static final Period YEAR = Period.year(2024);

	static Offer offer(long id, Integer places, Approach approach, Form form, List<Long> locations,
			List<Long> serves) {
		return new Offer(id, 1L, "Angebot " + id, null, Offer.Status.ACTIVE, null, null, null, null, null, null, places,
				null, null, List.of("alter-pflege"), null, List.of("aeltere"), 65, null, null, approach, form, null,
				null, locations, serves, null, null);
	}

	static final List<Offer> OFFERS = List.of(offer(1, 10, Approach.PREVENTIVE, Form.GROUP, List.of(101L), List.of()),
			offer(2, 6, Approach.INTERVENTIVE, Form.INDIVIDUAL, List.of(102L), List.of(1L, 2L)),
			offer(3, null, null, null, List.of(103L), List.of()));
	static final Map<Long, Long> LOCATIONS = Map.of(101L, 1L, 102L, 1L, 103L, 2L);
	static final Map<AreaId, AreaId> PARENTS = Map.of(A, X, B, X);

	static LinkedHashMap<AreaId, String> areas(Object... idAndName) {
		LinkedHashMap<AreaId, String> m = new LinkedHashMap<>();
		for (int i = 0; i < idAndName.length; i += 2) {
			m.put((AreaId) idAndName[i], (String) idAndName[i + 1]);
		}
		return m;
	}

	@Test
	void placesPer1000AndShortfallPerGemeinde() {
		SupplyReport r = SupplyCalculator.report(CATEGORY, YEAR, "s", "gemeinde", OFFERS, LOCATIONS, PARENTS,
				areas(A, "A", B, "B"), Map.of(A, 1000.0, B, 2000.0));
		AreaSupply a = r.areas().get(0);
		AreaSupply b = r.areas().get(1);
		// A: offers 1 and 2 (offer 2 located in and serving A counts once): 16 places for 1,000 people
		assertThat(a.offers()).isEqualTo(2);
		assertThat(a.places()).isEqualTo(16);
		assertThat(a.placesPer1000()).isEqualTo(16.0);
		assertThat(a.targetPlaces()).isEqualTo(10.0);
		assertThat(a.shortfall()).isEqualTo(0.0);
		// B: offer 2 serves it (6 places), offer 3 has no places: counted apart, not as 0
		assertThat(b.offers()).isEqualTo(2);
		assertThat(b.places()).isEqualTo(6);
		assertThat(b.offersWithoutPlaces()).isEqualTo(1);
		assertThat(b.placesPer1000()).isEqualTo(3.0);
		assertThat(b.targetPlaces()).isEqualTo(20.0);
		assertThat(b.shortfall()).isEqualTo(14.0);
		// the region counts offer 2 once: 16 places for 3,000 people, a ratio of sums
		assertThat(r.region().offers()).isEqualTo(3);
		assertThat(r.region().places()).isEqualTo(16);
		assertThat(r.region().placesPer1000()).isCloseTo(16000.0 / 3000, within(1e-9));
		assertThat(r.region().shortfall()).isEqualTo(14.0);
		// worst served first
		assertThat(r.ranking()).extracting(AreaSupply::name).containsExactly("B", "A");
		assertThat(r.missingDemand()).isZero();
	}

	@Test
	void anOfferCountsOnceInTheBezirk() {
		SupplyReport r = SupplyCalculator.report(CATEGORY, YEAR, "s", "bezirk", OFFERS, LOCATIONS, PARENTS,
				areas(X, "X"), Map.of(X, 3000.0));
		AreaSupply x = r.areas().get(0);
		// not 10 + 6 + 6: offer 2 reaches X through A and B but is one offer
		assertThat(x.offers()).isEqualTo(3);
		assertThat(x.places()).isEqualTo(16);
		assertThat(x.offersWithoutPlaces()).isEqualTo(1);
		assertThat(x.targetPlaces()).isEqualTo(30.0);
		assertThat(x.shortfall()).isEqualTo(14.0);
	}

	@Test
	void missingDemandStaysMissing() {
		Map<AreaId, Double> demand = new HashMap<>();
		demand.put(A, 1000.0);
		SupplyReport r = SupplyCalculator.report(CATEGORY, YEAR, "s", "gemeinde", OFFERS, LOCATIONS, PARENTS,
				areas(A, "A", B, "B"), demand);
		AreaSupply b = r.areas().get(1);
		assertThat(b.demand()).isNull();
		assertThat(b.placesPer1000()).isNull();
		assertThat(b.targetPlaces()).isNull();
		assertThat(b.shortfall()).isNull();
		// the supply itself is still known
		assertThat(b.places()).isEqualTo(6);
		// the region's demand is incomplete, so no ratio; B is left out of the ranking
		assertThat(r.region().demand()).isNull();
		assertThat(r.region().placesPer1000()).isNull();
		assertThat(r.ranking()).extracting(AreaSupply::name).containsExactly("A");
		assertThat(r.missingDemand()).isEqualTo(1);
	}

	@Test
	void strategyRatiosCountOffersAndPlaces() {
		SupplyReport r = SupplyCalculator.report(CATEGORY, YEAR, "s", "gemeinde", OFFERS, LOCATIONS, PARENTS,
				areas(A, "A", B, "B"), Map.of(A, 1000.0, B, 2000.0));
		StrategyRatio s = r.region().strategy();
		assertThat(s).isEqualTo(new StrategyRatio(1, 10, 1, 6, 1, 10, 1, 6));
		assertThat(s.preventiveShare()).isEqualTo(50.0);
		assertThat(s.preventivePlacesShare()).isCloseTo(62.5, within(1e-9));
		assertThat(r.areas().get(1).strategy().groupShare()).isEqualTo(0.0);
		assertThat(StrategyRatio.NONE.groupShare()).isNull();
	}

	@Test
	void theAgeBandAndStatusSelectOffers() {
		SupplyCategory children = new SupplyCategory(2L, "kinder", "Kinder", "alter-pflege", null, 0, 17, "pop",
				BigDecimal.TEN, "x");
		assertThat(SupplyCalculator.matches(children, OFFERS.get(0))).isFalse();
		assertThat(SupplyCalculator.matches(CATEGORY, OFFERS.get(0))).isTrue();
		SupplyCategory group = new SupplyCategory(3L, "g", "G", null, "kinder", null, null, "pop", BigDecimal.TEN, "x");
		assertThat(SupplyCalculator.matches(group, OFFERS.get(0))).isFalse();
		Offer o = OFFERS.get(0);
		Offer inactive = new Offer(o.id(), o.organizationId(), o.name(), null, Offer.Status.INACTIVE, null, null, null,
				null, null, null, 10, null, null, o.fieldsOfAction(), null, o.targetGroups(), 65, null, null, null,
				null, null, null, o.locationIds(), o.serviceAreaIds(), null, null);
		assertThat(SupplyCalculator.matches(CATEGORY, inactive)).isFalse();
	}
}
