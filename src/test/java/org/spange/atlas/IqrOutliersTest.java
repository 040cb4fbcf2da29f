package org.spange.atlas;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IqrOutliersTest {

	@Test
	void findsAHighOutlierWithType7Quartiles() {
		IqrOutliers outliers = IqrOutliers.of(new double[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 100 });

		// as R's quantile(c(1:9, 100)): 3.25 and 7.75; IQR 4.5; fences −3.5 and 14.5
		assertThat(outliers.q1()).isEqualTo(3.25);
		assertThat(outliers.q3()).isEqualTo(7.75);
		assertThat(outliers.lowerFence()).isEqualTo(-3.5);
		assertThat(outliers.upperFence()).isEqualTo(14.5);
		assertThat(outliers.indexes()).containsExactly(9);
		assertThat(outliers.isOutlier(9)).isTrue();
		assertThat(outliers.isOutlier(8)).isFalse();
	}

	@Test
	void findsOutliersOnBothSidesInInputOrder() {
		IqrOutliers outliers = IqrOutliers.of(new double[] { 100, 1, 2, 3, 4, 5, 6, 7, 8, 9, -50 });

		// sorted −50, 1 … 9, 100: quartiles at positions 2.5 and 7.5 → 2.5 and 7.5; fences −5 and 15
		assertThat(outliers.q1()).isEqualTo(2.5);
		assertThat(outliers.q3()).isEqualTo(7.5);
		assertThat(outliers.indexes()).containsExactly(0, 10);
	}

	@Test
	void valuesOnTheFenceAreNotOutliers() {
		// q1 = 2, q3 = 3 (positions 1 and 3 of 5): fences 0.5 and 4.5
		IqrOutliers outliers = IqrOutliers.of(new double[] { 0.5, 2, 2.5, 3, 4.5 });

		assertThat(outliers.indexes()).isEmpty();
	}

	@Test
	void equalOrNoValuesHaveNoOutliers() {
		assertThat(IqrOutliers.of(new double[] { 4, 4, 4 }).indexes()).isEmpty();
		IqrOutliers none = IqrOutliers.of(new double[0]);
		assertThat(none.indexes()).isEmpty();
		assertThat(none.q1()).isNaN();
	}
}
