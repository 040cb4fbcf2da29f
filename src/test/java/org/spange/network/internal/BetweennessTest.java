package org.spange.network.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Brandes' betweenness against known answers: a path, a star, a cycle (split shortest paths), a disconnected graph
 * and Krackhardt's kite (the values published with NetworkX's test suite, normalised, three decimals).
 */
class BetweennessTest {

	private static List<int[]> edges(int... pairs) {
		List<int[]> edges = new ArrayList<>();
		for (int i = 0; i < pairs.length; i += 2) {
			edges.add(new int[] { pairs[i], pairs[i + 1] });
		}
		return edges;
	}

	@Test
	void pathOfFive() {
		// node 1 lies on the paths 0–2, 0–3, 0–4 (3 of 6 pairs without it); node 2 on 0–3, 0–4, 1–3, 1–4 (4 of 6)
		double[] b = Betweenness.of(5, edges(0, 1, 1, 2, 2, 3, 3, 4));
		assertThat(b).containsExactly(new double[] { 0, 0.5, 4 / 6.0, 0.5, 0 }, within(1e-12));
	}

	@Test
	void starCentreIsOneLeavesZero() {
		double[] b = Betweenness.of(5, edges(0, 1, 0, 2, 0, 3, 0, 4));
		assertThat(b).containsExactly(new double[] { 1, 0, 0, 0, 0 }, within(1e-12));
	}

	@Test
	void cycleOfFourSplitsEachPairBetweenTwoPaths() {
		// the opposite pair 0–2 has two shortest paths (via 1 and via 3): each gets half; 0.5 of 3 pairs
		double[] b = Betweenness.of(4, edges(0, 1, 1, 2, 2, 3, 3, 0));
		assertThat(b).containsExactly(new double[] { 1 / 6.0, 1 / 6.0, 1 / 6.0, 1 / 6.0 }, within(1e-12));
	}

	@Test
	void disconnectedPartsRepeatedEdgesAndLoopsAreHarmless() {
		// 0–1–2 and 3–4: only node 1 brokers (pair 0–2), normalised by the 6 pairs of the other four nodes
		double[] b = Betweenness.of(5, edges(0, 1, 1, 2, 1, 0, 2, 2, 3, 4));
		assertThat(b).containsExactly(new double[] { 0, 1 / 6.0, 0, 0, 0 }, within(1e-12));
		assertThat(Betweenness.of(2, edges(0, 1))).containsExactly(0, 0);
		assertThat(Betweenness.of(0, List.of())).isEmpty();
	}

	@Test
	void krackhardtKite() {
		double[] b = Betweenness.of(10, edges(0, 1, 0, 2, 0, 3, 0, 5, 1, 3, 1, 4, 1, 6, 2, 3, 2, 5, 3, 4, 3, 5, 3, 6,
				4, 6, 5, 6, 5, 7, 6, 7, 7, 8, 8, 9));
		assertThat(b).containsExactly(
				new double[] { 0.023, 0.023, 0.000, 0.102, 0.000, 0.231, 0.231, 0.389, 0.222, 0.000 }, within(0.0005));
	}
}
