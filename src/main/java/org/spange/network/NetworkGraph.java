package org.spange.network;

import java.time.LocalDate;
import java.util.List;

/**
 * The organisations' network on one day: organisations are nodes (persons never are), an edge joins two
 * organisations whose persons are members of the same network on that day or that have a co-operation running then.
 * {@code weight} is the number of shared networks plus the number of co-operations. Per node: degree (neighbours),
 * weighted degree (sum of the edge weights) and betweenness (Brandes, unweighted, normalised for undirected graphs).
 */
public record NetworkGraph(LocalDate day, List<Node> nodes, List<Edge> edges) {

	public NetworkGraph {
		nodes = List.copyOf(nodes);
		edges = List.copyOf(edges);
	}

	public record Node(long organizationId, String name, boolean inOfferDirectory, int degree, int weightedDegree,
			double betweenness, List<String> networks) {

		public Node {
			networks = List.copyOf(networks);
		}
	}

	public record Edge(long a, long b, List<String> sharedNetworks, List<String> cooperations) {

		public Edge {
			sharedNetworks = List.copyOf(sharedNetworks);
			cooperations = List.copyOf(cooperations);
		}

		public int weight() {
			return sharedNetworks.size() + cooperations.size();
		}
	}
}
