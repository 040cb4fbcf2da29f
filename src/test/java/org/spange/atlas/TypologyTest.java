package org.spange.atlas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.spange.atlas.Typology.Method;
import org.spange.atlas.Typology.Result;

/** Clustering on data with three obvious groups, and the silhouette, PCA and follow-up assignment around it. */
class TypologyTest {

	/** Three groups of 12, 10 and 8 areas around (0, 0), (10, 10) and (0, 10), jittered deterministically. */
	private static double[][] threeGroups() {
		double[][] centres = { { 0, 0 }, { 10, 10 }, { 0, 10 } };
		int[] sizes = { 12, 10, 8 };
		double[][] data = new double[30][];
		int row = 0;
		for (int g = 0; g < 3; g++) {
			for (int i = 0; i < sizes[g]; i++) {
				double jx = Math.sin(row * 12.9898) * 0.8;
				double jy = Math.cos(row * 78.233) * 0.8;
				data[row++] = new double[] { centres[g][0] + jx, centres[g][1] + jy };
			}
		}
		return data;
	}

	private static void assertThreeGroups(Result result) {
		assertThat(result.k()).isEqualTo(3);
		assertThat(result.silhouette()).isGreaterThan(0.8);
		int[] t = result.types();
		assertThat(Arrays.stream(t, 0, 12).distinct().toArray()).containsExactly(0);
		assertThat(Arrays.stream(t, 12, 22).distinct().toArray()).containsExactly(1);
		assertThat(Arrays.stream(t, 22, 30).distinct().toArray()).containsExactly(2);
	}

	@Test
	void kMeansFindsTheGroupsAndTheSilhouetteChoosesThree() {
		double[][] z = Typology.standardise(threeGroups());
		Result result = Typology.cluster(z, Method.K_MEANS, 2, 6, 42);
		assertThreeGroups(result);
		assertThat(result.silhouetteByK()).containsOnlyKeys(2, 3, 4, 5, 6);
		assertThat(result.silhouetteByK().get(3)).isGreaterThan(result.silhouetteByK().get(2))
			.isGreaterThan(result.silhouetteByK().get(4));
		assertThat(Typology.cluster(z, Method.K_MEANS, 2, 6, 42).types()).as("a fixed seed gives the same types")
			.containsExactly(result.types());
	}

	@Test
	void wardFindsTheSameGroups() {
		assertThreeGroups(Typology.cluster(Typology.standardise(threeGroups()), Method.WARD, 2, 6, 0));
	}

	@Test
	void wardMergesTheClosestPairFirst() {
		double[][] line = { { 0 }, { 1 }, { 10 }, { 11.5 } };
		assertThat(Typology.ward(line, 2, 3)).satisfiesExactly(
				two -> assertThat(two).containsExactly(0, 0, 1, 1),
				three -> assertThat(three).containsExactly(0, 0, 1, 2));
	}

	@Test
	void silhouetteOfAHandComputedExample() {
		// 0 and 11: a = 1, b = 10.5; 1 and 10: a = 1, b = 9.5; s = (b − a) / b
		double[][] points = { { 0 }, { 1 }, { 10 }, { 11 } };
		assertThat(Typology.silhouette(points, new int[] { 0, 0, 1, 1 }))
			.isCloseTo((2 * 9.5 / 10.5 + 2 * 8.5 / 9.5) / 4, within(1e-12));
	}

	@Test
	void pcaExplainsTwoDimensionsCompletelyAndNewDataFindsItsType() {
		double[][] z = Typology.standardise(threeGroups());
		Result result = Typology.cluster(z, Method.K_MEANS, 3, 3, 7);
		assertThat(result.explained()[0] + result.explained()[1]).isCloseTo(1, within(1e-9));
		assertThat(result.explained()[0]).isGreaterThanOrEqualTo(result.explained()[1]);
		int[] again = Typology.assign(z, result.centroids());
		assertThat(again).containsExactly(result.types());
	}

	@Test
	void aSingleOutlierDoesNotMakeATypeOfItsOwn() {
		double[][] data = new double[31][];
		double[][] groups = threeGroups();
		System.arraycopy(groups, 0, data, 0, 30);
		data[30] = new double[] { 200, -200 };
		Result result = Typology.cluster(Typology.standardise(data), Method.K_MEANS, 2, 6, 42);
		assertThat(result.outliers()[30]).isTrue();
		assertThat(result.k()).as("the three groups, not the outlier").isEqualTo(3);
		int outlierType = result.types()[30];
		assertThat(Arrays.stream(result.types()).filter(t -> t == outlierType).count())
			.as("the outlier joins a type of several areas").isGreaterThan(1);
	}
}
