package org.spange.indicator.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.spange.area.AreaHierarchy;

/**
 * The areas of all schemes as one tree to roll values up along: every area with the parts it is made of, and an
 * order in which parts come before the whole.
 * <p>
 * An area that is divided in several schemes (a Land into Bezirke in one, into planning regions in another) sums the
 * parts of the first scheme that divides it: all divisions cover the same ground, so the sums agree when the data is
 * complete, and one fixed choice keeps the coverage share well defined when it is not.
 */
final class RollUpTree {

	final long[] ids;
	final Map<Long, Integer> index;
	final int[][] parts;
	/** node indexes, every node after all of its parts */
	final int[] order;
	final long version;

	private RollUpTree(long[] ids, Map<Long, Integer> index, int[][] parts, int[] order, long version) {
		this.ids = ids;
		this.index = index;
		this.parts = parts;
		this.order = order;
		this.version = version;
	}

	int size() {
		return ids.length;
	}

	static RollUpTree of(AreaHierarchy hierarchy) {
		long[] ids = hierarchy.members().stream().mapToLong(m -> m.area().value()).distinct().sorted().toArray();
		Map<Long, Integer> index = new HashMap<>(ids.length * 2);
		for (int i = 0; i < ids.length; i++) {
			index.put(ids[i], i);
		}
		// children per parent, per scheme in the order schemes come (by id); the first scheme that divides wins
		Map<Integer, Map<String, List<Integer>>> bySchemes = new HashMap<>();
		for (AreaHierarchy.Member m : hierarchy.members()) {
			if (m.parent() == null) {
				continue;
			}
			Integer parent = index.get(m.parent().value());
			if (parent == null) {
				continue; // a parent that is no longer valid
			}
			bySchemes.computeIfAbsent(parent, k -> new LinkedHashMap<>())
				.computeIfAbsent(m.schemeKey(), k -> new ArrayList<>()).add(index.get(m.area().value()));
		}
		int[][] parts = new int[ids.length][];
		for (int i = 0; i < ids.length; i++) {
			Map<String, List<Integer>> schemes = bySchemes.get(i);
			parts[i] = schemes == null ? new int[0]
					: schemes.values().iterator().next().stream().mapToInt(Integer::intValue).toArray();
		}
		return new RollUpTree(ids, index, parts, postOrder(parts), hierarchy.version());
	}

	/** Depth-first post-order without recursion; an edge back into the current path (a cycle across schemes) is cut. */
	private static int[] postOrder(int[][] parts) {
		int n = parts.length;
		int[] order = new int[n];
		int count = 0;
		byte[] state = new byte[n]; // 0 new, 1 on the path, 2 done
		int[] stack = new int[n];
		int[] next = new int[n];
		for (int root = 0; root < n; root++) {
			if (state[root] != 0) {
				continue;
			}
			int top = 0;
			stack[0] = root;
			state[root] = 1;
			next[root] = 0;
			while (top >= 0) {
				int node = stack[top];
				if (next[node] < parts[node].length) {
					int child = parts[node][next[node]++];
					if (state[child] == 0) {
						state[child] = 1;
						next[child] = 0;
						stack[++top] = child;
					} else if (state[child] == 1) {
						cut(parts, node, child);
						next[node]--;
					}
				} else {
					state[node] = 2;
					order[count++] = node;
					top--;
				}
			}
		}
		return order;
	}

	private static void cut(int[][] parts, int node, int child) {
		parts[node] = Arrays.stream(parts[node]).filter(c -> c != child).toArray();
	}
}
