package org.spange.network;

import java.util.List;
import java.util.Map;

/**
 * What a round shows. Results ({@code factors}, {@code comments}) only when the round is finished and at least
 * {@code minAnswers} members have answered; otherwise both are empty and {@code hidden} says why. Results are held
 * back until the round is finished so that nobody can read one member's answer from the change between two looks.
 */
public record ReviewResult(ReviewRound round, int answers, int minAnswers, Hidden hidden,
		Map<ReviewFactor, FactorResult> factors, List<String> comments) {

	public enum Hidden {
		/** fewer than the minimum number of answers */
		TOO_FEW,
		/** enough answers, but the round is still open */
		STILL_OPEN
	}

	public ReviewResult {
		factors = factors == null ? Map.of() : Map.copyOf(factors);
		comments = comments == null ? List.of() : List.copyOf(comments);
	}

	public boolean shown() {
		return hidden == null;
	}

	/** How many more answers are needed before anything is shown. */
	public int needed() {
		return Math.max(0, minAnswers - answers);
	}

	/** The mean (1–5) and how many answered 1, 2, 3, 4 and 5. */
	public record FactorResult(double mean, List<Integer> distribution) {

		public FactorResult {
			distribution = List.copyOf(distribution);
		}
	}
}
