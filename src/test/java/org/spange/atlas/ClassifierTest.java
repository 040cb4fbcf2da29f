package org.spange.atlas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Random;

import org.junit.jupiter.api.Test;

class ClassifierTest {

	private static final double[] ONE_TO_TEN = { 7, 1, 10, 4, 2, 9, 3, 8, 5, 6 };

	@Test
	void quantilesUseType7Breaks() {
		Classification c = Classifier.quantiles(ONE_TO_TEN, 4);

		// positions (n-1)·p = 2.25, 4.5, 6.75 → 3.25, 5.5, 7.75
		assertThat(c.breaks()).containsExactly(1.0, 3.25, 5.5, 7.75, 10.0);
		assertThat(c.counts()).containsExactly(3, 2, 2, 3);
		assertThat(c.classIndexes()).containsExactly(2, 0, 3, 1, 0, 3, 0, 3, 1, 2);
		assertThat(c.reduced()).isFalse();
	}

	@Test
	void quantilesWithFiveClassesGiveEqualCounts() {
		Classification c = Classifier.quantiles(ONE_TO_TEN, 5);

		assertThat(c.breaks()).usingElementComparator((a, b) -> Math.abs(a - b) < 1e-12 ? 0 : Double.compare(a, b))
			.containsExactly(1.0, 2.8, 4.6, 6.4, 8.2, 10.0);
		assertThat(c.counts()).containsExactly(2, 2, 2, 2, 2);
	}

	@Test
	void tiedQuantilesMergeClassesAndSaySo() {
		double[] values = { 0, 0, 0, 0, 0, 0, 1, 2, 3, 4 };

		Classification c = Classifier.quantiles(values, 4);

		// q(.25) = q(.5) = 0 and q(.75) = 1.75: the zeros form one class of their own
		assertThat(c.breaks()).containsExactly(0.0, 0.0, 1.75, 4.0);
		assertThat(c.counts()).containsExactly(6, 1, 3);
		assertThat(c.classes()).isEqualTo(3);
		assertThat(c.reduced()).isTrue();
	}

	@Test
	void quantilesNeverLeaveAClassEmpty() {
		Random random = new Random(7);
		for (int round = 0; round < 300; round++) {
			double[] values = new double[2 + random.nextInt(30)];
			for (int i = 0; i < values.length; i++) {
				values[i] = random.nextInt(8);
			}
			int k = 2 + random.nextInt(8);
			Classification c = Classifier.quantiles(values, k);
			assertThat(c.counts()).allMatch(n -> n > 0);
			assertThat(c.counts().stream().mapToInt(Integer::intValue).sum()).isEqualTo(values.length);
		}
	}

	@Test
	void equalIntervalsKeepEmptyClasses() {
		Classification c = Classifier.equalIntervals(new double[] { 0, 1, 2, 5, 10 }, 4);

		assertThat(c.breaks()).containsExactly(0.0, 2.5, 5.0, 7.5, 10.0);
		assertThat(c.counts()).containsExactly(3, 1, 0, 1);
		assertThat(c.classIndexes()).containsExactly(0, 0, 0, 1, 3);
	}

	@Test
	void naturalBreaksFindTheHandComputedOptimum() {
		double[] values = { 1, 2, 4, 5, 7, 9, 10, 20 };

		Classification c = Classifier.naturalBreaks(values, 3);

		// {1,2,4,5} {7,9,10} {20}: squared deviations 10 + 14/3 + 0, the least of all 21 partitions
		assertThat(c.breaks()).containsExactly(1.0, 5.0, 10.0, 20.0);
		assertThat(c.counts()).containsExactly(4, 3, 1);
		// total squared deviation 255.5, so GVF = 1 − (44/3) / 255.5
		assertThat(Classifier.goodnessOfVarianceFit(values, c)).isCloseTo(1 - (44.0 / 3) / 255.5, within(1e-12));
	}

	@Test
	void naturalBreaksKeepTiesTogether() {
		double[] values = { -1, 2, -1, 2, 4, 5, 6, -1, 2, -1 };

		Classification c = Classifier.naturalBreaks(values, 3);

		assertThat(c.breaks()).containsExactly(-1.0, -1.0, 2.0, 6.0);
		assertThat(c.counts()).containsExactly(4, 3, 3);
	}

	@Test
	void naturalBreaksMatchBruteForceOverAllPartitions() {
		Random random = new Random(11);
		for (int round = 0; round < 400; round++) {
			double[] values = new double[3 + random.nextInt(9)];
			for (int i = 0; i < values.length; i++) {
				values[i] = random.nextInt(4) == 0 ? random.nextInt(5) : Math.round(random.nextGaussian() * 100) / 10.0;
			}
			double[] sorted = values.clone();
			Arrays.sort(sorted);
			int k = 2 + random.nextInt(3);
			if (k > Arrays.stream(sorted).distinct().count()) {
				continue;
			}
			Classification c = Classifier.naturalBreaks(values, k);
			assertThat(c.classes()).isEqualTo(k);
			assertThat(withinClassDeviation(values, c)).as("values %s, k %d", Arrays.toString(values), k)
				.isCloseTo(bruteForceOptimum(sorted, k), within(1e-9));
		}
	}

	@Test
	void naturalBreaksMatchThePlainQuadraticRecurrence() {
		Random random = new Random(5);
		double[] values = new double[1500];
		for (int i = 0; i < values.length; i++) {
			values[i] = Math.round(Math.exp(random.nextGaussian()) * 50) / 10.0;
		}
		for (int k = 2; k <= 9; k++) {
			Classification c = Classifier.naturalBreaks(values, k);
			double[] sorted = values.clone();
			Arrays.sort(sorted);
			double optimum = quadraticOptimum(sorted, k);
			assertThat(withinClassDeviation(values, c)).as("k %d", k).isCloseTo(optimum, within(optimum * 1e-9));
		}
	}

	@Test
	void naturalBreaksHandleElevenThousandValuesAndBeatOtherMethods() {
		Random random = new Random(2024);
		double[] values = new double[11_000];
		for (int i = 0; i < values.length; i++) {
			values[i] = Math.exp(random.nextGaussian() * 0.8) * 12.5;
		}

		Classification jenks = Classifier.naturalBreaks(values, 7);

		assertThat(jenks.classes()).isEqualTo(7);
		assertThat(jenks.counts().stream().mapToInt(Integer::intValue).sum()).isEqualTo(11_000);
		assertThat(jenks.counts()).allMatch(n -> n > 0);
		for (int i = 1; i < jenks.breaks().size(); i++) {
			assertThat(jenks.breaks().get(i)).isGreaterThan(jenks.breaks().get(i - 1));
		}
		double gvf = Classifier.goodnessOfVarianceFit(values, jenks);
		assertThat(gvf).isGreaterThanOrEqualTo(
				Classifier.goodnessOfVarianceFit(values, Classifier.quantiles(values, 7)));
		assertThat(gvf).isGreaterThanOrEqualTo(
				Classifier.goodnessOfVarianceFit(values, Classifier.equalIntervals(values, 7)));
	}

	@Test
	void standardDeviationsAroundTheMean() {
		// mean 5, population standard deviation 2
		double[] values = { 2, 4, 4, 4, 5, 5, 7, 9 };

		Classification even = Classifier.standardDeviations(values, 4, OptionalDouble.empty(), 1);
		assertThat(even.breaks()).containsExactly(2.0, 3.0, 5.0, 7.0, 9.0);
		assertThat(even.counts()).containsExactly(1, 5, 1, 1);

		// odd: breaks at ±0.5 and ±1.5 sd = 4, 6 and 2, 8; 2 is not inside the data and is left out
		Classification odd = Classifier.standardDeviations(values, 5, OptionalDouble.empty(), 1);
		assertThat(odd.breaks()).containsExactly(2.0, 4.0, 6.0, 8.0, 9.0);
		assertThat(odd.counts()).containsExactly(4, 2, 1, 1);
		assertThat(odd.reduced()).isTrue();
	}

	@Test
	void standardDeviationsAroundAReferenceValue() {
		double[] values = { 2, 4, 4, 4, 5, 5, 7, 9 };

		Classification c = Classifier.standardDeviations(values, 3, OptionalDouble.of(6), 1);
		assertThat(c.breaks()).containsExactly(2.0, 5.0, 7.0, 9.0);
		assertThat(c.counts()).containsExactly(6, 1, 1);

		Classification half = Classifier.standardDeviations(values, 2, OptionalDouble.of(6), 0.5);
		assertThat(half.breaks()).containsExactly(2.0, 6.0, 9.0);
	}

	@Test
	void manualBreaksAreValidated() {
		double[] values = { 1, 5, 10 };

		Classification c = Classifier.manual(values, List.of(0.0, 5.0, 10.0));
		assertThat(c.counts()).containsExactly(2, 1);
		assertThat(c.breaks()).containsExactly(0.0, 5.0, 10.0);
		assertThat(Classifier.manual(values, List.of(-100.0, 0.0, 3.0, 1000.0)).counts()).containsExactly(0, 1, 2);

		assertThatThrownBy(() -> Classifier.manual(values, List.of(0.0, 5.0, 5.0, 10.0)))
			.isInstanceOf(IllegalArgumentException.class).hasMessageContaining("greater");
		assertThatThrownBy(() -> Classifier.manual(values, List.of(2.0, 5.0, 10.0)))
			.hasMessageContaining("enclose");
		assertThatThrownBy(() -> Classifier.manual(values, List.of(0.0, 5.0, 9.0)))
			.hasMessageContaining("enclose");
		assertThatThrownBy(() -> Classifier.manual(values, List.of(0.0, 10.0)))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> Classifier.manual(values, List.of(0.0, Double.NaN, 10.0)))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void emptyInputGivesNoClasses() {
		for (ClassificationMethod method : List.of(ClassificationMethod.QUANTILES, ClassificationMethod.EQUAL_INTERVALS,
				ClassificationMethod.NATURAL_BREAKS, ClassificationMethod.STANDARD_DEVIATIONS)) {
			Classification c = Classifier.classify(new double[0], method, 5);
			assertThat(c.classes()).isZero();
			assertThat(c.breaks()).isEmpty();
			assertThat(c.reduced()).isTrue();
		}
	}

	@Test
	void equalValuesFormOneClass() {
		for (ClassificationMethod method : List.of(ClassificationMethod.QUANTILES, ClassificationMethod.EQUAL_INTERVALS,
				ClassificationMethod.NATURAL_BREAKS, ClassificationMethod.STANDARD_DEVIATIONS)) {
			Classification c = Classifier.classify(new double[] { 3, 3, 3 }, method, 5);
			assertThat(c.breaks()).containsExactly(3.0, 3.0);
			assertThat(c.counts()).containsExactly(3);
			assertThat(c.classIndexes()).containsExactly(0, 0, 0);
			assertThat(c.reduced()).isTrue();
		}
	}

	@Test
	void fewerDistinctValuesThanClassesGiveOneClassEach() {
		double[] values = { 1, 1, 2, 2, 3 };

		Classification jenks = Classifier.naturalBreaks(values, 5);
		assertThat(jenks.breaks()).containsExactly(1.0, 1.0, 2.0, 3.0);
		assertThat(jenks.counts()).containsExactly(2, 2, 1);
		assertThat(jenks.requestedClasses()).isEqualTo(5);

		Classification quantiles = Classifier.quantiles(values, 5);
		assertThat(quantiles.counts()).containsExactly(2, 2, 1);
		assertThat(quantiles.reduced()).isTrue();
	}

	@Test
	void classCountAndValuesAreChecked() {
		assertThatThrownBy(() -> Classifier.quantiles(ONE_TO_TEN, 1)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> Classifier.naturalBreaks(ONE_TO_TEN, 10))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> Classifier.equalIntervals(new double[] { 1, Double.NaN }, 3))
			.hasMessageContaining("missing");
		assertThatThrownBy(() -> Classifier.classify(ONE_TO_TEN, ClassificationMethod.MANUAL, 3))
			.isInstanceOf(IllegalArgumentException.class);
		for (int k = 2; k <= 9; k++) {
			assertThat(Classifier.naturalBreaks(ONE_TO_TEN, k).classes()).isEqualTo(k);
			assertThat(Classifier.quantiles(ONE_TO_TEN, k).classes()).isEqualTo(k);
		}
	}

	private static double withinClassDeviation(double[] values, Classification c) {
		double[] sum = new double[c.classes()];
		for (int i = 0; i < values.length; i++) {
			sum[c.classOf(i)] += values[i];
		}
		double ssd = 0;
		for (int i = 0; i < values.length; i++) {
			double mean = sum[c.classOf(i)] / c.counts().get(c.classOf(i));
			ssd += (values[i] - mean) * (values[i] - mean);
		}
		return ssd;
	}

	/** The least within-class deviation over every way to cut the sorted values into k runs. */
	private static double bruteForceOptimum(double[] sorted, int k) {
		return cut(sorted, 0, k);
	}

	private static double cut(double[] sorted, int from, int k) {
		if (k == 1) {
			return ssd(sorted, from, sorted.length - 1);
		}
		double best = Double.POSITIVE_INFINITY;
		for (int end = from; end <= sorted.length - k; end++) {
			best = Math.min(best, ssd(sorted, from, end) + cut(sorted, end + 1, k - 1));
		}
		return best;
	}

	/** The textbook O(k·n²) Fisher recurrence on all sorted values. */
	private static double quadraticOptimum(double[] sorted, int k) {
		int n = sorted.length;
		double[] row = new double[n];
		for (int j = 0; j < n; j++) {
			row[j] = ssd(sorted, 0, j);
		}
		for (int m = 1; m < k; m++) {
			double[] next = new double[n];
			Arrays.fill(next, Double.POSITIVE_INFINITY);
			for (int j = m; j < n; j++) {
				double sum = 0;
				double sumSq = 0;
				for (int i = j; i >= m; i--) {
					sum += sorted[i];
					sumSq += sorted[i] * sorted[i];
					int w = j - i + 1;
					next[j] = Math.min(next[j], row[i - 1] + Math.max(0, sumSq - sum * sum / w));
				}
			}
			row = next;
		}
		return row[n - 1];
	}

	private static double ssd(double[] sorted, int from, int to) {
		double mean = 0;
		for (int i = from; i <= to; i++) {
			mean += sorted[i];
		}
		mean /= to - from + 1;
		double ssd = 0;
		for (int i = from; i <= to; i++) {
			ssd += (sorted[i] - mean) * (sorted[i] - mean);
		}
		return ssd;
	}
}
