package org.spange.atlas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.spange.atlas.SocialIndex.AreaResult;
import org.spange.atlas.SocialIndex.Component;
import org.spange.atlas.SocialIndex.DynamicsClass;
import org.spange.atlas.SocialIndex.Exclusion;
import org.spange.atlas.SocialIndex.Input;
import org.spange.atlas.SocialIndex.Result;
import org.spange.atlas.SocialIndex.Standardisation;
import org.spange.atlas.SocialIndex.StatusClass;
import org.spange.indicator.Polarity;

/**
 * Known answers, computed by hand. Unemployment (higher is worse) 2, 4, 6, 8, 10 has mean 6 and population sd √8, so
 * its z-scores are ∓√2, ∓√2/2, 0 and, turned so that higher is better, √2, √2/2, 0, −√2/2, −√2. Childcare (higher is
 * better) 10 … 50 turns the other way. With weights 3 : 1 the score is ¾ of the first minus ¼ of the second:
 * √2/2, √2/4, 0, −√2/4, −√2/2, whose own z-scores are again √2, √2/2, 0, … — so area 1 is high (≥ 1), area 5 low
 * (≤ −1 but above −1.5), the rest middle.
 */
class SocialIndexTest {

	private static final double R2 = Math.sqrt(2);

	private static Input input(double weightA, Map<String, double[]> earlier, Standardisation method) {
		return new Input(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L),
				List.of(new Component("unemployment", Polarity.HIGHER_IS_WORSE, weightA),
						new Component("childcare", Polarity.HIGHER_IS_BETTER, 1)),
				Map.of("unemployment", new double[] { 2, 4, 6, 8, 10, 1, Double.NaN },
						"childcare", new double[] { 10, 20, 30, 40, 50, 99, Double.NaN }),
				earlier, new double[] { 1000, 1000, 1000, 1000, 1000, 299, 5000 }, 300, method, null);
	}

	@Test
	void zScoresWeightsAndClassesAsComputedByHand() {
		Result result = SocialIndex.compute(input(3, null, Standardisation.Z_SCORE));
		List<AreaResult> areas = result.areas();
		assertThat(areas.get(0).score()).isCloseTo(R2 / 2, within(1e-12));
		assertThat(areas.get(1).score()).isCloseTo(R2 / 4, within(1e-12));
		assertThat(areas.get(0).status()).isCloseTo(R2, within(1e-12));
		assertThat(areas.subList(0, 5)).extracting(AreaResult::statusClass).containsExactly(StatusClass.HIGH,
				StatusClass.MIDDLE, StatusClass.MIDDLE, StatusClass.MIDDLE, StatusClass.LOW);

		assertThat(areas.get(0).contributions()).satisfiesExactly(c -> {
			assertThat(c.key()).isEqualTo("unemployment");
			assertThat(c.raw()).isEqualTo(2);
			assertThat(c.standardised()).isCloseTo(R2, within(1e-12));
			assertThat(c.contribution()).isCloseTo(0.75 * R2, within(1e-12));
			assertThat(c.reference()).isEqualTo(6);
			assertThat(c.sd()).isCloseTo(Math.sqrt(8), within(1e-12));
		}, c -> assertThat(c.contribution()).isCloseTo(-0.25 * R2, within(1e-12)));
	}

	@Test
	void smallAndIncompleteAreasAreLeftOutAndSayWhy() {
		List<AreaResult> areas = SocialIndex.compute(input(1, null, Standardisation.Z_SCORE)).areas();
		assertThat(areas.get(5).exclusion()).as("299 inhabitants < 300").isEqualTo(Exclusion.SMALL_POPULATION);
		assertThat(areas.get(6).exclusion()).isEqualTo(Exclusion.MISSING_DATA);
		assertThat(areas.get(5).statusClass()).isNull();
		assertThat(areas.get(5).contributions()).isEmpty();
		assertThat(areas.get(0).contributions().get(0).reference()).as("the excluded areas do not move the mean")
			.isEqualTo(6);
	}

	@Test
	void dynamicsAndTheMatrix() {
		Map<String, double[]> earlier = Map.of("unemployment", new double[] { 3, 4, 6, 8, 9, 1, 5 },
				"childcare", new double[] { 10, 20, 30, 40, 50, 99, 1 });
		Result result = SocialIndex.compute(input(3, earlier, Standardisation.Z_SCORE));
		List<AreaResult> areas = result.areas();
		assertThat(areas.get(0).dynamics()).as("unemployment fell by one: the best change")
			.isCloseTo(Math.sqrt(2.5), within(1e-12));
		assertThat(areas.subList(0, 5)).extracting(AreaResult::dynamicsClass).containsExactly(DynamicsClass.POSITIVE,
				DynamicsClass.STABLE, DynamicsClass.STABLE, DynamicsClass.STABLE, DynamicsClass.NEGATIVE);
		assertThat(result.matrix().get(StatusClass.HIGH).get(DynamicsClass.POSITIVE)).isEqualTo(1);
		assertThat(result.matrix().get(StatusClass.MIDDLE).get(DynamicsClass.STABLE)).isEqualTo(3);
		assertThat(result.matrix().get(StatusClass.LOW).get(DynamicsClass.NEGATIVE)).isEqualTo(1);
	}

	@Test
	void sensitivityCountsTheAreasThatChangeClass() {
		Result result = SocialIndex.compute(input(3, null, Standardisation.Z_SCORE));
		assertThat(result.sensitivity()).satisfiesExactly(s -> {
			assertThat(s.key()).isEqualTo("unemployment");
			assertThat(s.changedWithout()).as("childcare alone turns areas 1 and 5 round").isEqualTo(2);
			assertThat(s.changedWeightUp()).isZero();
			assertThat(s.changedWeightDown()).isZero();
		}, s -> assertThat(s.changedWithout()).isZero());
	}

	@Test
	void rankAndMinMaxStandardisation() {
		assertThat(SocialIndex.standardise(new double[] { 5, 1, 3, 3 }, Standardisation.RANK))
			.containsExactly(1, 0, 0.5, 0.5);
		assertThat(SocialIndex.standardise(new double[] { 5, 1, 3 }, Standardisation.MIN_MAX))
			.containsExactly(1, 0, 0.5);
		assertThat(SocialIndex.standardise(new double[] { 4, 4 }, Standardisation.Z_SCORE)).containsExactly(0, 0);
	}

	@Test
	void neutralIndicatorsAndBadWeightsCannotEnter() {
		assertThatThrownBy(() -> new Component("x", Polarity.NEUTRAL, 1)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new Component("x", Polarity.HIGHER_IS_BETTER, 0))
			.isInstanceOf(IllegalArgumentException.class);
	}
}
