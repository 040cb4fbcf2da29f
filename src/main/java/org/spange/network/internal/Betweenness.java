package org.spange.network.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * Betweenness centrality of an undirected, unweighted graph by Brandes' algorithm (U. Brandes, "A faster algorithm
 * for betweenness centrality", J. Math. Sociol. 25(2), 2001): one breadth-first search per source counts the
 * shortest paths, the dependencies are accumulated backwards. Each unordered pair is seen from both ends, so the sums
 * are halved; normalised by the number of pairs not containing the node, (n − 1)(n − 2) / 2, so a star's centre is 1.
 * Pure: no Spring, no database.
 */
final class Betweenness {

	private Betweenness() {
	}

	/**
	 * @param n     number of nodes, numbered 0 … n − 1
	 * @param edges pairs {a, b}; loops and repeated edges are ignored
	 * @return the normalised betweenness per node (all 0 for fewer than three nodes)
	 */
	static double[] of(int n, List<int[]> edges) {
		List<List<Integer>> adjacent = new ArrayList<>(n);
		for (int i = 0; i < n; i++) {
			adjacent.add(new ArrayList<>());
		}
		for (int[] e : edges) {
			if (e[0] == e[1] || adjacent.get(e[0]).contains(e[1])) {
				continue;
			}
			adjacent.get(e[0]).add(e[1]);
			adjacent.get(e[1]).add(e[0]);
		}
		double[] centrality = new double[n];
		int[] distance = new int[n];
		double[] paths = new double[n];
		double[] dependency = new double[n];
		for (int s = 0; s < n; s++) {
			List<List<Integer>> predecessors = new ArrayList<>(n);
			for (int i = 0; i < n; i++) {
				predecessors.add(new ArrayList<>());
			}
			Arrays.fill(distance, -1);
			Arrays.fill(paths, 0);
			Arrays.fill(dependency, 0);
			distance[s] = 0;
			paths[s] = 1;
			Deque<Integer> order = new ArrayDeque<>();
			Deque<Integer> queue = new ArrayDeque<>();
			queue.add(s);
			while (!queue.isEmpty()) {
				int v = queue.poll();
				order.push(v);
				for (int w : adjacent.get(v)) {
					if (distance[w] < 0) {
						distance[w] = distance[v] + 1;
						queue.add(w);
					}
					if (distance[w] == distance[v] + 1) {
						paths[w] += paths[v];
						predecessors.get(w).add(v);
					}
				}
			}
			while (!order.isEmpty()) {
				int w = order.pop();
				for (int v : predecessors.get(w)) {
					dependency[v] += paths[v] / paths[w] * (1 + dependency[w]);
				}
				if (w != s) {
					centrality[w] += dependency[w];
				}
			}
		}
		double pairs = (n - 1) * (n - 2) / 2.0;
		for (int i = 0; i < n; i++) {
			centrality[i] = pairs > 0 ? centrality[i] / 2 / pairs : 0;
		}
		return centrality;
	}
}
