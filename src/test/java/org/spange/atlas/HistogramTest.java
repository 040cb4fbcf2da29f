package org.spange.atlas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class HistogramTest {

	@Test
	void countsValuesIntoBinsWithInclusiveUpperEnds() {
		Histogram histogram = Histogram.of(new double[] { 0, 1, 2, 5, 10, 11, -1 }, List.of(0.0, 5.0, 10.0));

		assertThat(histogram.counts()).containsExactly(4, 1);
		assertThat(histogram.below()).isEqualTo(1);
		assertThat(histogram.above()).isEqualTo(1);
	}

	@Test
	void theMapsBreaksGiveTheMapsCounts() {
		double[] values = { 3, 8, 1, 9, 4, 4, 12, 0.5, 7 };
		Classification classification = Classifier.naturalBreaks(values, 3);

		Histogram histogram = Histogram.of(values, classification.breaks());

		assertThat(histogram.counts()).isEqualTo(classification.counts());
		assertThat(histogram.below() + histogram.above()).isZero();
	}

	@Test
	void refusesBadBoundaries() {
		assertThatThrownBy(() -> Histogram.of(new double[] { 1 }, List.of(1.0)))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> Histogram.of(new double[] { 1 }, List.of(2.0, 1.0)))
			.isInstanceOf(IllegalArgumentException.class);
	}
}
