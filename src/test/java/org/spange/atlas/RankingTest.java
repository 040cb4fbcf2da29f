package org.spange.atlas;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.spange.indicator.Polarity;

class RankingTest {

	@Test
	void tiesShareTheBestRankAndSkipTheNext() {
		assertThat(Ranking.ranks(new double[] { 30, 20, 20, 10 }, Polarity.HIGHER_IS_BETTER))
			.containsExactly(1, 2, 2, 4);
		assertThat(Ranking.ranks(new double[] { 10, 20, 20, 5 }, Polarity.HIGHER_IS_BETTER))
			.containsExactly(3, 1, 1, 4);
	}

	@Test
	void higherIsWorseRanksTheLowestFirst() {
		assertThat(Ranking.ranks(new double[] { 30, 20, 20, 10 }, Polarity.HIGHER_IS_WORSE))
			.containsExactly(4, 2, 2, 1);
		assertThat(Ranking.ranks(new double[] { 5, 5, 5 }, Polarity.HIGHER_IS_WORSE)).containsExactly(1, 1, 1);
	}

	@Test
	void neutralRanksTheHighestFirst() {
		assertThat(Ranking.ranks(new double[] { 1.5, 7, 1.5, 3 }, Polarity.NEUTRAL)).containsExactly(3, 1, 3, 2);
		assertThat(Ranking.ranks(new double[0], Polarity.NEUTRAL)).isEmpty();
	}
}
