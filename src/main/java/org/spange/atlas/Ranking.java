package org.spange.atlas;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.spange.indicator.Polarity;

/**
 * Ranks of areas by an indicator, best first: with {@link Polarity#HIGHER_IS_BETTER} the highest value ranks 1, with
 * {@link Polarity#HIGHER_IS_WORSE} the lowest; {@link Polarity#NEUTRAL} ranks the highest value 1. Equal values share
 * the best of their ranks and the next rank is skipped ("1, 2, 2, 4", standard competition ranking), so a rank says how
 * many areas did strictly better.
 */
public final class Ranking {

	private Ranking() {
	}

	/** The rank of each value, in the order given. */
	public static List<Integer> ranks(double[] values, Polarity polarity) {
		Stats.finite(values);
		boolean lowFirst = polarity == Polarity.HIGHER_IS_WORSE;
		Integer[] order = new Integer[values.length];
		Arrays.setAll(order, i -> i);
		Comparator<Integer> byValue = Comparator.comparingDouble(i -> values[i]);
		Arrays.sort(order, lowFirst ? byValue : byValue.reversed());
		Integer[] ranks = new Integer[values.length];
		for (int pos = 0; pos < order.length; pos++) {
			int i = order[pos];
			boolean tie = pos > 0 && values[order[pos - 1]] == values[i];
			ranks[i] = tie ? ranks[order[pos - 1]] : pos + 1;
		}
		return List.of(ranks);
	}
}
