package org.spange.needs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.spange.needs.internal.SpatialIndex;

/** Straight-line accessibility on a tiny example checked by hand, and the spatial index against brute force. */
class AccessibilityTest {

	/** 0.01° of longitude on the equator: 2π · 6,371,000 m / 360 · 0.01 = 1,111.949 m. */
	static final double STEP = 2 * Math.PI * 6_371_000 / 360 * 0.01;

	/*
	 * Four cells on the equator, two supply points:
	 *
	 *   lon    0.00   0.01   0.02   0.03   0.04   0.05
	 *          A,S1   B             C      S2     D
	 *   pop    100    200           50            unknown (null)
	 *   area   X      X             Y             Y
	 *
	 * S1 capacity 10, S2 capacity 5, both "kita".
	 */
	static final List<PopulationCell> CELLS = List.of(new PopulationCell("A", "X", 0.00, 0, 100.0, 20.0, 10.0),
			new PopulationCell("B", "X", 0.01, 0, 200.0, 40.0, null),
			new PopulationCell("C", "Y", 0.03, 0, 50.0, 5.0, 30.0),
			new PopulationCell("D", "Y", 0.05, 0, null, null, null));

	static final List<SupplyPoint> SUPPLY = List.of(new SupplyPoint("S1", 0.00, 0, 10, "kita"),
			new SupplyPoint("S2", 0.04, 0, 5, "kita"), new SupplyPoint("H", 0.05, 0, 99, "hospital"));

	final Accessibility accessibility = new Accessibility();

	@Test
	void nearestShareAndMeanDistanceByHand() {
		AccessResult result = accessibility.evaluate(CELLS, SUPPLY, "kita",
				new AccessOptions(PopulationBand.TOTAL, 1000, 3500, CatchmentDecay.NONE));
		// nearest: A→S1 0 m, B→S1 1 step, C→S2 1 step, D→S2 1 step (the hospital H at D is another category)
		assertThat(result.cells()).extracting(CellAccess::nearestId).containsExactly("S1", "S1", "S2", "S2");
		assertThat(result.cells().get(0).metres()).isCloseTo(0, within(1e-6));
		assertThat(result.cells().get(1).metres()).isCloseTo(STEP, within(0.01));
		assertThat(result.cells().get(2).metres()).isCloseTo(STEP, within(0.01));
		AreaAccess x = result.areas().get(0);
		AreaAccess y = result.areas().get(1);
		assertThat(x.area()).isEqualTo("X");
		// X: 300 people, 100 of them (A) within 1,000 m → 1/3; mean distance (100·0 + 200·1,111.95) / 300 = 741.30 m
		assertThat(x.population()).isEqualTo(300);
		assertThat(x.populationWithin()).isEqualTo(100);
		assertThat(x.shareWithin()).isCloseTo(1.0 / 3, within(1e-12));
		assertThat(x.meanMetres()).isCloseTo(200 * STEP / 300, within(0.01));
		assertThat(x.meanMetres()).isCloseTo(741.30, within(0.01));
		// Y: only C is known (D's population is missing, not 0): 50 people, none within 1,000 m, mean 1,111.95 m
		assertThat(y.cells()).isEqualTo(2);
		assertThat(y.cellsWithPopulation()).isEqualTo(1);
		assertThat(y.coverage()).isEqualTo(0.5);
		assertThat(y.population()).isEqualTo(50);
		assertThat(y.shareWithin()).isEqualTo(0.0);
		assertThat(y.meanMetres()).isCloseTo(1111.95, within(0.01));
	}

	@Test
	void twoStepFloatingCatchmentByHand() {
		/*
		 * d0 = 3,500 m (3 steps = 3,335.8 m are in, 4 steps = 4,447.8 m are out).
		 * Step 1: S1 reaches A, B, C → demand 100 + 200 + 50 = 350, R1 = 10 / 350 = 0.028571.
		 *         S2 reaches B, C, D → demand 200 + 50 (+ D unknown: no demand) = 250, R2 = 5 / 250 = 0.02.
		 * Step 2: A = R1 = 0.028571; B = R1 + R2 = 0.048571; C = R1 + R2 = 0.048571; D = R2 = 0.02.
		 */
		double[] a = accessibility.floatingCatchment(CELLS, SUPPLY.subList(0, 2), PopulationBand.TOTAL, 3500,
				CatchmentDecay.NONE);
		assertThat(a[0]).isCloseTo(10.0 / 350, within(1e-12));
		assertThat(a[1]).isCloseTo(10.0 / 350 + 5.0 / 250, within(1e-12));
		assertThat(a[2]).isCloseTo(0.048571, within(1e-6));
		assertThat(a[3]).isCloseTo(0.02, within(1e-12));
		/*
		 * Gaussian decay, d0 = 3,500 m: w(d) = (e^(-½(d/d0)²) − e^(-½)) / (1 − e^(-½)).
		 * w(0) = 1; w(1,111.95) = (0.950786 − 0.606531) / 0.393469 = 0.874922; w(3,335.8) = (0.634956 − 0.606531)
		 * / 0.393469 = 0.072243.
		 * S1: demand 100·1 + 200·0.874922 + 50·0.072243 = 278.597 → R1 = 10 / 278.597 = 0.035894.
		 * S2: demand 200·0.072243 + 50·0.874922 = 58.195 → R2 = 5 / 58.195 = 0.085918.
		 * A = 1·R1 = 0.035894; C = 0.072243·R1 + 0.874922·R2 = 0.002593 + 0.075172 = 0.077765.
		 */
		double[] g = accessibility.floatingCatchment(CELLS, SUPPLY.subList(0, 2), PopulationBand.TOTAL, 3500,
				CatchmentDecay.GAUSSIAN);
		assertThat(g[0]).isCloseTo(0.035894, within(2e-6));
		assertThat(g[2]).isCloseTo(0.077765, within(2e-6));
	}

	@Test
	void populationReachedByTwoSupplyPointsCountsOnce() {
		// threshold 4,000 m: B and C are within reach of both S1 and S2; everyone is served exactly once
		AccessResult result = accessibility.evaluate(CELLS, SUPPLY, "kita",
				new AccessOptions(PopulationBand.TOTAL, 4000, 3500, CatchmentDecay.NONE));
		double within = result.areas().stream().mapToDouble(AreaAccess::populationWithin).sum();
		assertThat(within).isEqualTo(350);
		assertThat(result.areas()).allSatisfy(a -> assertThat(a.shareWithin()).isEqualTo(1.0));
	}

	@Test
	void missingPopulationIsNotCountedAsZero() {
		// band 65+: B is unknown. Counting it as 0 would give X a share of 10/10 but 2 known cells; it is left out
		AccessResult result = accessibility.evaluate(CELLS, SUPPLY, "kita",
				new AccessOptions(PopulationBand.OVER_65, 1000, 3500, CatchmentDecay.NONE));
		AreaAccess x = result.areas().get(0);
		assertThat(x.cellsWithPopulation()).isEqualTo(1);
		assertThat(x.cells()).isEqualTo(2);
		assertThat(x.population()).isEqualTo(10);
		assertThat(x.shareWithin()).isEqualTo(1.0);
		assertThat(x.meanMetres()).isCloseTo(0, within(1e-6));
		// an area with no known population has no share and no mean: unknown, not 0
		AreaAccess y = accessibility.evaluate(List.of(CELLS.get(3)), SUPPLY, "kita",
				new AccessOptions(PopulationBand.TOTAL, 1000, 3500, CatchmentDecay.NONE)).areas().get(0);
		assertThat(y.shareWithin()).isNull();
		assertThat(y.meanMetres()).isNull();
		assertThat(y.coverage()).isZero();
	}

	@Test
	void noSupplyOfTheCategoryMeansNoDistance() {
		AccessResult result = accessibility.evaluate(CELLS, SUPPLY, "school",
				new AccessOptions(PopulationBand.TOTAL, 1000, 3500, CatchmentDecay.NONE));
		assertThat(result.cells()).allSatisfy(c -> assertThat(c.metres()).isNull());
		assertThat(result.areas().get(0).shareWithin()).isEqualTo(0.0);
		assertThat(result.areas().get(0).meanMetres()).isNull();
	}

	@Test
	void nearestIsExactAgainstBruteForce() {
		// a region from the Alps to the North Sea (lat 46–55), supply clustered in a few towns and scattered
		Random random = new Random(42);
		List<SupplyPoint> supply = new ArrayList<>();
		for (int j = 0; j < 400; j++) {
			boolean town = j % 2 == 0;
			double lon = town ? 9 + (j % 10) * 0.5 + random.nextGaussian() * 0.02 : 6 + random.nextDouble() * 10;
			double lat = town ? 47 + (j % 7) + random.nextGaussian() * 0.02 : 46 + random.nextDouble() * 9;
			supply.add(new SupplyPoint("s" + j, lon, lat, 1, "c"));
		}
		int n = 10_000;
		double[] lon = new double[n];
		double[] lat = new double[n];
		for (int i = 0; i < n; i++) {
			// some cells well outside the supply's extent
			lon[i] = 4 + random.nextDouble() * 14;
			lat[i] = 45 + random.nextDouble() * 11;
		}
		NearestSupply nearest = accessibility.nearest(lon, lat, supply);
		for (int i = 0; i < n; i++) {
			double best = Double.POSITIVE_INFINITY;
			for (SupplyPoint s : supply) {
				best = Math.min(best, SpatialIndex.haversine(lon[i], lat[i], s.lon(), s.lat()));
			}
			SupplyPoint found = supply.get(nearest.index()[i]);
			assertThat(SpatialIndex.haversine(lon[i], lat[i], found.lon(), found.lat())).as("cell %d", i)
				.isCloseTo(best, within(1e-6));
			assertThat(nearest.metres()[i]).isCloseTo(best, within(1e-3));
		}
	}

	@Test
	void radiusQueryFindsExactlyThePointsWithin() {
		Random random = new Random(7);
		int m = 2000;
		double[] lon = new double[m];
		double[] lat = new double[m];
		for (int j = 0; j < m; j++) {
			lon[j] = 9.8 + random.nextDouble() * 0.4;
			lat[j] = 51.4 + random.nextDouble() * 0.3;
		}
		SpatialIndex index = new SpatialIndex(lon, lat);
		for (int q = 0; q < 200; q++) {
			double qlon = 9.7 + random.nextDouble() * 0.6;
			double qlat = 51.3 + random.nextDouble() * 0.5;
			List<Integer> found = new ArrayList<>();
			index.within(qlon, qlat, 2500, (j, d) -> found.add(j));
			long expected = java.util.stream.IntStream.range(0, m)
				.filter(j -> SpatialIndex.haversine(qlon, qlat, lon[j], lat[j]) <= 2500)
				.count();
			assertThat(found).hasSize((int) expected).doesNotHaveDuplicates();
		}
	}
}
