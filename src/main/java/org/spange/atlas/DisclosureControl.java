package org.spange.atlas;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Disclosure control for published counts in a hierarchy (Land → Bezirke → Gemeinden): small counts are withheld, and
 * so are enough others that no withheld count can be worked out exactly from the published ones.
 * <p>
 * <b>Primary suppression:</b> every count c with 0 &lt; c &lt; threshold (default 5). Zeros are published by default
 * — that nobody in an area is counted reveals nothing about a person, and statistical offices publish them — and can
 * be suppressed, too, by option.
 * <p>
 * <b>Secondary suppression</b>, in every group of a parent and its children (the parent = the sum of the children):
 * <ul>
 * <li>a published parent with suppressed children needs at least two of them, and their sum must reach the threshold,
 * so that the difference "parent − published children" neither equals one cell nor pins small cells down;</li>
 * <li>a suppressed parent needs at least one suppressed child, or it would be the sum of its published children.</li>
 * </ul>
 * A group short of this withholds its smallest published positive child as the complement (equal counts: a base cell
 * first, as it has no group below to disturb, then the first in tree order); a published zero only when no positive
 * cell is left and a second suppressed cell is still needed; and when no child is left, the parent. Suppressing a
 * complement can break another group — the complement's own group, or its parent's group when the parent was
 * withheld — so all groups are checked again, top down, until nothing changes. The result: in every group with a
 * count for its parent, the withheld cells among parent and children are none or at least two; since each cell takes
 * part in at most two groups (as child, as parent) and the groups form a tree, no withheld cell is then determined by
 * the published ones (the sums leave each withheld cell a free direction).
 * <p>
 * Missing counts are never published and never suppressed. They do not count as protection, because an attacker may
 * know them from elsewhere; a group whose parent is missing has no total to attack and is left alone. Interval attacks
 * that use non-negativity across several groups are limited by the threshold on suppressed sums, not ruled out.
 */
public final class DisclosureControl {

	public static final int DEFAULT_THRESHOLD = 5;

	private final int threshold;
	private final boolean suppressZeros;

	/** Threshold 5, zeros published. */
	public DisclosureControl() {
		this(DEFAULT_THRESHOLD, false);
	}

	/**
	 * @param threshold counts above zero and below it are suppressed; at least 1 (1 suppresses nothing but zeros)
	 * @param suppressZeros whether zeros are suppressed, too
	 */
	public DisclosureControl(int threshold, boolean suppressZeros) {
		if (threshold < 1) {
			throw new IllegalArgumentException("the threshold must be at least 1");
		}
		this.threshold = threshold;
		this.suppressZeros = suppressZeros;
	}

	public int threshold() {
		return threshold;
	}

	public boolean suppressZeros() {
		return suppressZeros;
	}

	/**
	 * Decides which counts of the hierarchy may be published.
	 *
	 * @throws IllegalArgumentException if ids repeat or present children do not add up to their present parent
	 */
	public DisclosureResult apply(CountCell root) {
		return apply(root, Set.of());
	}

	/**
	 * Decides which counts of the hierarchy may be published when some cells are withheld anyway, such as cells
	 * withheld in another hierarchy over the same areas (see {@link LinkedDisclosureControl}): those cells start as
	 * {@link Suppression#SECONDARY} (unless their count is small, then {@link Suppression#PRIMARY}) and the groups are
	 * protected around them as around any other withheld cell.
	 *
	 * @param withheld ids of cells to withhold in any case; ids not in the tree and cells without a count are ignored
	 * @throws IllegalArgumentException if ids repeat or present children do not add up to their present parent
	 */
	public DisclosureResult apply(CountCell root, Set<String> withheld) {
		Tree tree = Tree.of(root);
		int n = tree.cells.size();
		Suppression[] status = new Suppression[n];
		for (int i = 0; i < n; i++) {
			Long c = tree.cells.get(i).count();
			if (c != null && (c > 0 || suppressZeros) && c < threshold) {
				status[i] = Suppression.PRIMARY;
			}
			else if (c != null && withheld.contains(tree.cells.get(i).id())) {
				status[i] = Suppression.SECONDARY;
			}
		}
		boolean changed = true;
		while (changed) {
			changed = false;
			for (int p = 0; p < n; p++) {
				if (!tree.children.get(p).isEmpty() && tree.cells.get(p).count() != null) {
					changed |= protect(tree, p, status);
				}
			}
		}
		Map<String, Long> published = new LinkedHashMap<>();
		Map<String, Suppression> suppressed = new LinkedHashMap<>();
		Set<String> missing = new LinkedHashSet<>();
		for (int i = 0; i < n; i++) {
			CountCell cell = tree.cells.get(i);
			if (cell.count() == null) {
				missing.add(cell.id());
			}
			else if (status[i] != null) {
				suppressed.put(cell.id(), status[i]);
			}
			else {
				published.put(cell.id(), cell.count());
			}
		}
		return new DisclosureResult(published, suppressed, missing);
	}

	/** Makes the group of parent p safe; whether anything was suppressed. */
	private boolean protect(Tree tree, int p, Suppression[] status) {
		int hidden = 0;
		long hiddenSum = 0;
		for (int child : tree.children.get(p)) {
			if (status[child] != null) {
				hidden++;
				hiddenSum += tree.cells.get(child).count();
			}
		}
		boolean changed = false;
		if (status[p] != null) {
			if (hidden == 0) {
				int complement = complement(tree, p, status, true);
				if (complement >= 0) {
					status[complement] = Suppression.SECONDARY;
					changed = true;
				}
			}
			return changed;
		}
		while (hidden > 0 && (hidden < 2 || hiddenSum < threshold)) {
			int complement = complement(tree, p, status, hidden < 2);
			if (complement < 0) {
				status[p] = Suppression.SECONDARY;
				return true;
			}
			status[complement] = Suppression.SECONDARY;
			hidden++;
			hiddenSum += tree.cells.get(complement).count();
			changed = true;
		}
		return changed;
	}

	/** The smallest published positive child (a base cell first among equals), else a published zero if allowed. */
	private static int complement(Tree tree, int p, Suppression[] status, boolean zeroAllowed) {
		int best = -1;
		for (int child : tree.children.get(p)) {
			Long count = tree.cells.get(child).count();
			if (status[child] != null || count == null || count == 0 && !zeroAllowed) {
				continue;
			}
			if (best < 0 || better(tree, child, best)) {
				best = child;
			}
		}
		return best;
	}

	private static boolean better(Tree tree, int a, int b) {
		long ca = tree.cells.get(a).count();
		long cb = tree.cells.get(b).count();
		if ((ca == 0) != (cb == 0)) {
			return cb == 0;
		}
		if (ca != cb) {
			return ca < cb;
		}
		return tree.children.get(a).isEmpty() && !tree.children.get(b).isEmpty();
	}

	/** The cells in breadth-first order (parents before children), with the children of each by position. */
	private record Tree(List<CountCell> cells, List<List<Integer>> children) {

		static Tree of(CountCell root) {
			if (root == null) {
				throw new IllegalArgumentException("no cells");
			}
			List<CountCell> cells = new ArrayList<>();
			List<List<Integer>> children = new ArrayList<>();
			Set<String> ids = new HashSet<>();
			cells.add(root);
			for (int i = 0; i < cells.size(); i++) {
				CountCell cell = cells.get(i);
				if (!ids.add(cell.id())) {
					throw new IllegalArgumentException("cell id " + cell.id() + " occurs twice");
				}
				checkSum(cell);
				List<Integer> kids = new ArrayList<>();
				for (CountCell child : cell.children()) {
					kids.add(cells.size());
					cells.add(child);
				}
				children.add(kids);
			}
			return new Tree(cells, children);
		}

		private static void checkSum(CountCell cell) {
			if (cell.count() == null || cell.children().isEmpty()) {
				return;
			}
			long sum = 0;
			for (CountCell child : cell.children()) {
				if (child.count() == null) {
					return;
				}
				sum += child.count();
			}
			if (sum != cell.count()) {
				throw new IllegalArgumentException("the children of " + cell.id() + " add up to " + sum + ", not "
						+ cell.count());
			}
		}
	}
}
