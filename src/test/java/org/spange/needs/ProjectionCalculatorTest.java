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
import org.spange.needs.ProjectedDemand.Basis;
import org.spange.needs.internal.ProjectionCalculator;
import org.spange.needs.internal.SupplyCalculator;
import org.spange.offer.Offer;

/**
 * Projection arithmetic checked by hand. Land L contains Bezirke X and Y; X contains Gemeinden A and B, Y contains
 * C. Base year 2026. Base demand of the band "old": A 1,000, B 2,000, C missing, X 3,000, Y 500, L 3,500.
 */
class ProjectionCalculatorTest {

	static final AreaId L = new AreaId(100);
	static final AreaId X = new AreaId(10);
	static final AreaId Y = new AreaId(20);
	static final AreaId A = new AreaId(1);
	static final AreaId B = new AreaId(2);
	static final AreaId C = new AreaId(3);
	static final Map<AreaId, AreaId> PARENTS = Map.of(A, X, B, X, C, Y, X, L, Y, L);
	static final List<AreaId> AREAS = List.of(L, X, Y, A, B, C);
	static final Map<AreaId, Double> BASE = new HashMap<>(Map.of(A, 1000.0, B, 2000.0, X, 3000.0, Y, 500.0, L, 3500.0));
	static final Map<AreaId, String> NAMES = Map.of(L, "Land L", X, "Bezirk X", Y, "Bezirk Y", A, "Gemeinde A");

	static GrowthRate rate(AreaId area, String band, String percent, Integer from, Integer to) {
		return new GrowthRate(null, 1L, area, band, new BigDecimal(percent), from, to);
	}

	static Map<AreaId, ProjectedDemand> project(List<GrowthRate> rates, int year) {
		return ProjectionCalculator.project(rates, "old", 2026, year, PARENTS, List.of(), AREAS, BASE, NAMES);
	}

	@Test
	void compoundGrowthOverTheYears() {
		// 2 % a year for three years: 1,000 × 1.02³ = 1,061.208
		Map<AreaId, ProjectedDemand> p = project(List.of(rate(L, "old", "2", null, null)), 2029);
		assertThat(p.get(A).projected()).isCloseTo(1061.208, within(1e-9));
		assertThat(p.get(A).changePercent()).isCloseTo(6.1208, within(1e-9));
		// no rate below the Land: each area is its own base times its factor
		assertThat(p.get(X).basis()).isEqualTo(Basis.RATES);
		assertThat(p.get(X).projected()).isCloseTo(3000 * 1.061208, within(1e-9));
		assertThat(p.get(L).projected()).isCloseTo(3500 * 1.061208, within(1e-9));
		// the base year itself: the base
		assertThat(project(List.of(rate(L, "old", "2", null, null)), 2026).get(A).projected()).isEqualTo(1000.0);
	}

	@Test
	void negativeRatesAndRatesForSomeYearsOnly() {
		// -0.5 % in 2027 and 2028, then +1 % in 2029 and 2030: 1,000 × 0.995² × 1.01² = 1,009.9502... (hand:
		// 0.995² = 0.990025, 1.01² = 1.0201, product 1.0099245...)
		List<GrowthRate> rates = List.of(rate(X, "old", "-0.5", 2027, 2028), rate(X, "old", "1", 2029, null));
		ProjectedDemand a = project(rates, 2030).get(A);
		assertThat(a.projected()).isCloseTo(1000 * 0.990025 * 1.0201, within(1e-9));
		assertThat(a.projected()).isCloseTo(1009.9245, within(1e-4));
		assertThat(a.rates()).extracting(ProjectedDemand.RateUse::ratePercent)
			.containsExactly(new BigDecimal("-0.5"), new BigDecimal("1"));
		// a year without any rate: missing, and the year is named
		ProjectedDemand gap = project(List.of(rate(X, "old", "1", 2028, null)), 2030).get(A);
		assertThat(gap.projected()).isNull();
		assertThat(gap.basis()).isEqualTo(Basis.NO_RATE);
		assertThat(gap.yearWithoutRate()).isEqualTo(2027);
	}

	@Test
	void anAreaWithoutARateInheritsTheNearestContainingOne() {
		// Land +1 %, Bezirk X +3 %: A (no rate of its own) takes X's; Y takes the Land's
		List<GrowthRate> rates = List.of(rate(L, "old", "1", null, null), rate(X, "old", "3", null, null));
		Map<AreaId, ProjectedDemand> p = project(rates, 2027);
		assertThat(p.get(A).projected()).isCloseTo(1030.0, within(1e-9));
		assertThat(p.get(A).rates()).singleElement().satisfies(u -> {
			assertThat(u.from()).isEqualTo(X);
			assertThat(u.fromName()).isEqualTo("Bezirk X");
			assertThat(u.inherited()).isTrue();
		});
		assertThat(p.get(Y).projected()).isCloseTo(505.0, within(1e-9));
		assertThat(p.get(Y).rates().get(0).from()).isEqualTo(L);
		// X has its own rate: not inherited
		assertThat(p.get(X).rates().get(0).inherited()).isFalse();
		// the band's own rate at the Land comes before an all-ages rate of the Bezirk
		Map<AreaId, ProjectedDemand> q = project(
				List.of(rate(L, "old", "1", null, null), rate(X, GrowthRate.ALL_AGES, "5", null, null),
						rate(Y, "young", "9", null, null)),
				2027);
		assertThat(q.get(A).projected()).isCloseTo(1010.0, within(1e-9));
		// only all ages: that one; another band's rate never counts
		Map<AreaId, ProjectedDemand> r = project(List.of(rate(X, GrowthRate.ALL_AGES, "5", null, null),
				rate(L, "young", "9", null, null)), 2027);
		assertThat(r.get(A).projected()).isCloseTo(1050.0, within(1e-9));
		assertThat(r.get(Y).basis()).isEqualTo(Basis.NO_RATE);
	}

	@Test
	void anAreaWithRatesInItsPartsIsTheSumOfItsParts() {
		// Land +1 %, Gemeinde A +10 %: X = A 1,100 + B 2,020 = 3,120 (not 3,000 × 1.01 = 3,030)
		List<GrowthRate> rates = List.of(rate(L, "old", "1", null, null), rate(A, "old", "10", null, null));
		Map<AreaId, ProjectedDemand> p = project(rates, 2027);
		assertThat(p.get(A).projected()).isCloseTo(1100.0, within(1e-9));
		assertThat(p.get(B).projected()).isCloseTo(2020.0, within(1e-9));
		assertThat(p.get(X).basis()).isEqualTo(Basis.PARTS);
		assertThat(p.get(X).projected()).isCloseTo(3120.0, within(1e-9));
		// Y has no rate below it: its own base × the Land's rate
		assertThat(p.get(Y).basis()).isEqualTo(Basis.RATES);
		assertThat(p.get(Y).projected()).isCloseTo(505.0, within(1e-9));
		// the Land: the sum of X and Y
		assertThat(p.get(L).basis()).isEqualTo(Basis.PARTS);
		assertThat(p.get(L).projected()).isCloseTo(3625.0, within(1e-9));
		// a rate for C, whose base is missing: Y cannot be summed and falls back to its own base × its factor
		Map<AreaId, ProjectedDemand> q = project(List.of(rate(L, "old", "1", null, null), rate(C, "old", "5", null,
				null)), 2027);
		assertThat(q.get(C).projected()).isNull();
		assertThat(q.get(Y).basis()).isEqualTo(Basis.RATES);
		assertThat(q.get(Y).projected()).isCloseTo(505.0, within(1e-9));
	}

	@Test
	void aMissingBaseStaysMissing() {
		Map<AreaId, ProjectedDemand> p = project(List.of(rate(L, "old", "2", null, null)), 2036);
		assertThat(p.get(C).projected()).isNull();
		assertThat(p.get(C).basis()).isEqualTo(Basis.NO_BASE);
		assertThat(p.get(C).changePercent()).isNull();
	}

	@Test
	void theRegionInAFutureYearIsARatioOfSums() {
		// A: 1,000 → 1,100 (+10 %), B: 2,000 → 2,020 (+1 %); 16 places in A, 6 serving B (see SupplyCalculatorTest)
		List<GrowthRate> rates = List.of(rate(L, "old", "1", null, null), rate(A, "old", "10", null, null));
		Map<AreaId, ProjectedDemand> p = project(rates, 2027);
		LinkedHashMap<AreaId, String> shown = SupplyCalculatorTest.areas(A, "A", B, "B");
		Map<AreaId, Double> then = Map.of(A, p.get(A).projected(), B, p.get(B).projected());
		List<Offer> offers = SupplyCalculatorTest.OFFERS;
		SupplyReport r = SupplyCalculator.report(SupplyCalculatorTest.CATEGORY, Period.year(2027), "s", "gemeinde",
				offers, SupplyCalculatorTest.LOCATIONS, SupplyCalculatorTest.PARENTS, shown, then);
		// the region: 16 places for 3,120 people = 5.128… per 1,000, not the mean of A's and B's ratios
		assertThat(r.region().demand()).isCloseTo(3120.0, within(1e-9));
		assertThat(r.region().placesPer1000()).isCloseTo(16000.0 / 3120, within(1e-9));
		double meanOfRates = (16000.0 / 1100 + 6000.0 / 2020) / 2;
		assertThat(r.region().placesPer1000()).isNotCloseTo(meanOfRates, within(0.1));
		// target 10 per 1,000: B needs 20.2 places, has 6: 14.2 missing
		assertThat(r.areas().get(1).shortfall()).isCloseTo(14.2, within(1e-9));
		assertThat(r.region().targetPlaces()).isCloseTo(31.2, within(1e-9));
		assertThat(r.region().shortfall()).isCloseTo(15.2, within(1e-9));
	}
}
