package org.spange.atlas;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Disclosure control over several hierarchies that share cells, such as the Gemeinden of a Land under its Bezirke and,
 * in a second scheme, under its planning regions. Each hierarchy on its own is protected by {@link DisclosureControl};
 * linked hierarchies need two things more:
 * <ol>
 * <li><b>One pattern for all.</b> A cell is withheld in every hierarchy or in none; otherwise a Gemeinde published
 * in one scheme would fill the gap that protects a small neighbour in the other. Cells withheld in any hierarchy are
 * withheld in all, and every hierarchy is protected again around them, until nothing changes.</li>
 * <li><b>No solution from all sums together.</b> Two partitions of the same cells give equations that neither gives
 * alone (a + b known from a Bezirk, a + c and b + c from two planning regions fix a, b and c). The system of every
 * sum of every hierarchy is solved (reduced row echelon form over the withheld cells); while it fixes a withheld
 * cell, the smallest published positive cell of a group of that cell is withheld as well, and all is protected
 * again.</li>
 * </ol>
 * Missing counts are treated as {@link DisclosureControl} treats them: never published, and assumed known to an
 * attacker, so they protect nothing. The same id must carry the same count in every hierarchy.
 */
public final class LinkedDisclosureControl {

	private final DisclosureControl control;

	public LinkedDisclosureControl(DisclosureControl control) {
		this.control = control;
	}

	public DisclosureControl control() {
		return control;
	}

	/**
	 * Decides which counts of the linked hierarchies may be published.
	 *
	 * @return the published, withheld and missing cells over all hierarchies, each id once, in the order first met
	 * @throws IllegalArgumentException if an id has different counts in two hierarchies, or a hierarchy is inconsistent
	 */
	public DisclosureResult apply(List<CountCell> hierarchies) {
		Map<String, CountCell> cells = new LinkedHashMap<>();
		List<CountCell> groups = new ArrayList<>();
		for (CountCell root : hierarchies) {
			collect(root, cells, groups);
		}
		Set<String> withheld = new HashSet<>();
		Map<String, Suppression> suppressed;
		while (true) {
			boolean grew;
			do {
				Map<String, Suppression> found = new LinkedHashMap<>();
				for (CountCell root : hierarchies) {
					control.apply(root, withheld).suppressed().forEach((id, why) -> found
						.merge(id, why, (a, b) -> a == Suppression.PRIMARY || b == Suppression.PRIMARY
								? Suppression.PRIMARY : Suppression.SECONDARY));
				}
				suppressed = found;
				grew = !withheld.containsAll(suppressed.keySet());
				withheld.addAll(suppressed.keySet());
			} while (grew);
			List<String> determined = determined(groups, withheld);
			if (determined.isEmpty()) {
				break;
			}
			String complement = complement(determined, groups, cells, withheld);
			if (complement == null) {
				break; // nothing published is left near the determined cells: cannot happen with consistent sums
			}
			withheld.add(complement);
		}
		Map<String, Long> published = new LinkedHashMap<>();
		Map<String, Suppression> ordered = new LinkedHashMap<>();
		Set<String> missing = new LinkedHashSet<>();
		for (CountCell cell : cells.values()) {
			if (cell.count() == null) {
				missing.add(cell.id());
			}
			else if (suppressed.containsKey(cell.id())) {
				ordered.put(cell.id(), suppressed.get(cell.id()));
			}
			else {
				published.put(cell.id(), cell.count());
			}
		}
		return new DisclosureResult(published, ordered, missing);
	}

	private static void collect(CountCell cell, Map<String, CountCell> cells, List<CountCell> groups) {
		CountCell known = cells.putIfAbsent(cell.id(), cell);
		if (known != null && !java.util.Objects.equals(known.count(), cell.count())) {
			throw new IllegalArgumentException("cell " + cell.id() + " has the count " + known.count()
					+ " in one hierarchy and " + cell.count() + " in another");
		}
		if (!cell.children().isEmpty()) {
			groups.add(cell);
		}
		cell.children().forEach(child -> collect(child, cells, groups));
	}

	/**
	 * The withheld cells fixed by the system of all sums: one equation per group with a count for its parent and for at
	 * least one child (parent − children = 0, published and missing cells being known), unknowns the withheld cells
	 * with a count.
	 */
	static List<String> determined(List<CountCell> groups, Set<String> withheld) {
		List<String> unknowns = new ArrayList<>();
		Map<String, Integer> column = new HashMap<>();
		List<Map<Integer, Double>> rows = new ArrayList<>();
		for (CountCell group : groups) {
			// no total, or no part with a count (such as a Gemeinde whose Zählsprengel have no data): no sum to use
			if (group.count() == null || group.children().stream().allMatch(c -> c.count() == null)) {
				continue;
			}
			Map<Integer, Double> row = new HashMap<>();
			if (withheld.contains(group.id())) {
				row.merge(columnOf(group.id(), unknowns, column), 1.0, Double::sum);
			}
			for (CountCell child : group.children()) {
				if (child.count() != null && withheld.contains(child.id())) {
					row.merge(columnOf(child.id(), unknowns, column), -1.0, Double::sum);
				}
			}
			row.values().removeIf(v -> v == 0);
			if (!row.isEmpty()) {
				rows.add(row);
			}
		}
		int m = unknowns.size();
		double[][] a = new double[rows.size()][m];
		for (int r = 0; r < rows.size(); r++) {
			for (Map.Entry<Integer, Double> e : rows.get(r).entrySet()) {
				a[r][e.getKey()] = e.getValue();
			}
		}
		int rank = 0;
		for (int col = 0; col < m && rank < a.length; col++) {
			int pivot = -1;
			for (int r = rank; r < a.length; r++) {
				if (Math.abs(a[r][col]) > 1e-9) {
					pivot = r;
					break;
				}
			}
			if (pivot < 0) {
				continue;
			}
			double[] p = a[pivot];
			a[pivot] = a[rank];
			a[rank] = p;
			double f = p[col];
			for (int c = 0; c < m; c++) {
				p[c] /= f;
			}
			for (int r = 0; r < a.length; r++) {
				if (r != rank && Math.abs(a[r][col]) > 1e-9) {
					double g = a[r][col];
					for (int c = 0; c < m; c++) {
						a[r][c] -= g * p[c];
					}
				}
			}
			rank++;
		}
		List<String> determined = new ArrayList<>();
		for (double[] row : a) {
			int nonZero = 0;
			int at = -1;
			for (int c = 0; c < m; c++) {
				if (Math.abs(row[c]) > 1e-9) {
					nonZero++;
					at = c;
				}
			}
			if (nonZero == 1) {
				determined.add(unknowns.get(at));
			}
		}
		return determined;
	}

	private static int columnOf(String id, List<String> unknowns, Map<String, Integer> column) {
		return column.computeIfAbsent(id, k -> {
			unknowns.add(k);
			return unknowns.size() - 1;
		});
	}

	/**
	 * The published cell to withhold next: the smallest positive one in a group of a determined cell (a base cell first
	 * among equals), else the smallest positive one in any group with a withheld cell; null when there is none.
	 */
	private static String complement(List<String> determined, List<CountCell> groups, Map<String, CountCell> cells,
			Set<String> withheld) {
		Set<String> parents = new HashSet<>();
		groups.forEach(g -> parents.add(g.id()));
		Set<String> targets = new HashSet<>(determined);
		for (int round = 0; round < 2; round++) {
			int pass = round;
			String best = null;
			for (CountCell group : groups) {
				List<CountCell> members = new ArrayList<>(group.children());
				members.add(group);
				boolean near = members.stream().anyMatch(c -> pass == 0 ? targets.contains(c.id())
						: withheld.contains(c.id()));
				if (!near || group.count() == null) {
					continue;
				}
				for (CountCell c : members) {
					if (c.count() == null || c.count() == 0 || withheld.contains(c.id())) {
						continue;
					}
					if (best == null || better(c, cells.get(best), parents)) {
						best = c.id();
					}
				}
			}
			if (best != null) {
				return best;
			}
		}
		return null;
	}

	private static boolean better(CountCell a, CountCell b, Set<String> parents) {
		if (!a.count().equals(b.count())) {
			return a.count() < b.count();
		}
		return !parents.contains(a.id()) && parents.contains(b.id());
	}
}
