package org.spange.atlas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * Two area schemes over the same base areas (Bezirke and planning regions over the Gemeinden of one Land): each scheme
 * alone protected is not enough, because the sums of both together pin cells down.
 */
class LinkedDisclosureControlTest {

	private final LinkedDisclosureControl linked = new LinkedDisclosureControl(new DisclosureControl());

	@Test
	void oneHierarchyIsProtectedExactlyAsByTheSingleControl() {
		CountCell land = CountCell.of("L", 100L, CountCell.leaf("A", 3), CountCell.leaf("B", 40),
				CountCell.leaf("C", 57));
		assertThat(linked.apply(List.of(land)).suppressed()).isEqualTo(new DisclosureControl().apply(land)
			.suppressed());
	}

	@Test
	void twoPartitionsTogetherWouldFixCellsThatEachAloneProtects() {
		// a = 2 is small; scheme 1 hides it with b in P, scheme 2 would hide it with c in Q while b and c sit together in
		// R: a + b, a + c and b + c together fix all three
		CountCell s1 = CountCell.of("L", 66L, CountCell.of("P", 12L, CountCell.leaf("a", 2), CountCell.leaf("b", 10)),
				CountCell.of("P2", 54L, CountCell.leaf("c", 11), CountCell.leaf("d", 43)));
		CountCell s2 = CountCell.of("L", 66L, CountCell.of("Q", 13L, CountCell.leaf("a", 2), CountCell.leaf("c", 11)),
				CountCell.of("R", 53L, CountCell.leaf("b", 10), CountCell.leaf("d", 43)));

		DisclosureResult result = linked.apply(List.of(s1, s2));

		assertThat(result.suppression("a")).contains(Suppression.PRIMARY);
		assertThat(determined(List.of(s1, s2), result)).isEmpty();
		assertThat(recomputed(List.of(s1, s2), result)).isEmpty();
		assertThat(result.isPublished("L")).isTrue();
	}

	@Test
	void partsWithoutDataGiveNoSumAndWithholdNothingMore() {
		// the Gemeinden a and b have Zählsprengel without data: their own counts are no sum of anything
		CountCell s1 = CountCell.of("L", 100L,
				CountCell.of("a", 2L, new CountCell("a1", null, List.of()), new CountCell("a2", null, List.of())),
				CountCell.of("b", 30L, new CountCell("b1", null, List.of())), CountCell.leaf("c", 68));
		CountCell s2 = CountCell.of("L", 100L, CountCell.of("R", 32L, CountCell.leaf("a", 2), CountCell.leaf("b", 30)),
				CountCell.of("S", 68L, CountCell.leaf("c", 68)));

		DisclosureResult result = linked.apply(List.of(s1, s2));

		assertThat(result.suppressed()).containsOnlyKeys("a", "b");
		assertThat(result.isPublished("L")).isTrue();
		assertThat(result.missing()).contains("a1", "a2", "b1");
	}

	@Test
	void refusesTheSameCellWithTwoCounts() {
		CountCell s1 = CountCell.of("L", 10L, CountCell.leaf("a", 4), CountCell.leaf("b", 6));
		CountCell s2 = CountCell.of("L", 11L, CountCell.leaf("a", 5), CountCell.leaf("b", 6));
		assertThatThrownBy(() -> linked.apply(List.of(s1, s2))).hasMessageContaining("cell L");
	}

	/**
	 * 300 random pairs of schemes over the same 6 to 24 base cells: one pattern for both, and neither the repeated
	 * single-unknown attack nor the full linear system learns any withheld cell.
	 */
	@Test
	void noWithheldCellFollowsFromTheSumsOfBothSchemes() {
		Random random = new Random(20261123);
		int withheld = 0;
		int neededTheJointCheck = 0;
		for (int round = 0; round < 300; round++) {
			int n = 6 + random.nextInt(19);
			long[] counts = new long[n];
			for (int i = 0; i < n; i++) {
				counts[i] = random.nextInt(3) == 0 ? random.nextInt(5) : random.nextInt(60);
			}
			List<CountCell> schemes = List.of(partition(random, "s1", counts), partition(random, "s2", counts));

			DisclosureResult result = linked.apply(schemes);

			for (int i = 0; i < n; i++) {
				boolean small = counts[i] > 0 && counts[i] < 5;
				assertThat(result.suppression("g" + i).filter(s -> s == Suppression.PRIMARY).isPresent())
					.as("primary g%d = %d", i, counts[i]).isEqualTo(small);
			}
			assertThat(recomputed(schemes, result)).as("recomputed in round %d", round).isEmpty();
			assertThat(determined(schemes, result)).as("determined in round %d", round).isEmpty();
			withheld += result.suppressed().size();
			if (!LinkedDisclosureControl.determined(groups(schemes), onePatternOnly(schemes)).isEmpty()) {
				neededTheJointCheck++;
			}
		}
		assertThat(withheld).as("the data must exercise the rules").isGreaterThan(500);
		// one pattern for both schemes alone leaves cells open to the linear system in about a quarter of the cases
		assertThat(neededTheJointCheck).as("rounds that needed the joint check").isGreaterThan(30);
	}

	/** The first stage alone: each scheme protected around what any scheme withholds, until nothing changes. */
	private static Set<String> onePatternOnly(List<CountCell> schemes) {
		DisclosureControl single = new DisclosureControl();
		Set<String> withheld = new HashSet<>();
		boolean grew = true;
		while (grew) {
			Set<String> found = new HashSet<>();
			schemes.forEach(s -> found.addAll(single.apply(s, withheld).suppressed().keySet()));
			grew = !withheld.containsAll(found);
			withheld.addAll(found);
		}
		return withheld;
	}

	/** Base cells g0… grouped at random into 2 to 5 groups under a shared root L. */
	private static CountCell partition(Random random, String scheme, long[] counts) {
		int groups = 2 + random.nextInt(4);
		List<List<CountCell>> members = new ArrayList<>();
		for (int g = 0; g < groups; g++) {
			members.add(new ArrayList<>());
		}
		for (int i = 0; i < counts.length; i++) {
			members.get(i < groups ? i : random.nextInt(groups)).add(CountCell.leaf("g" + i, counts[i]));
		}
		List<CountCell> parents = new ArrayList<>();
		long total = 0;
		for (int g = 0; g < groups; g++) {
			long sum = members.get(g).stream().mapToLong(CountCell::count).sum();
			parents.add(new CountCell(scheme + "-" + g, sum, members.get(g)));
			total += sum;
		}
		return new CountCell("L", total, parents);
	}

	private static List<CountCell> groups(List<CountCell> roots) {
		List<CountCell> groups = new ArrayList<>();
		List<CountCell> todo = new ArrayList<>(roots);
		while (!todo.isEmpty()) {
			CountCell c = todo.remove(todo.size() - 1);
			if (!c.children().isEmpty()) {
				groups.add(c);
				todo.addAll(c.children());
			}
		}
		return groups;
	}

	/** The attacker's loop: a sum with one unknown gives it away; repeat with what was learnt. */
	static Set<String> recomputed(List<CountCell> roots, DisclosureResult result) {
		Map<String, Long> known = new HashMap<>(result.published());
		boolean learnt = true;
		while (learnt) {
			learnt = false;
			for (CountCell group : groups(roots)) {
				List<CountCell> all = new ArrayList<>(group.children());
				all.add(group);
				List<CountCell> unknown = all.stream().filter(c -> !known.containsKey(c.id())).toList();
				if (unknown.size() == 1) {
					CountCell target = unknown.get(0);
					long children = group.children().stream().filter(c -> c != target)
						.mapToLong(c -> known.get(c.id())).sum();
					long value = target == group ? children : known.get(group.id()) - children;
					assertThat(value).isEqualTo(target.count());
					known.put(target.id(), value);
					learnt = true;
				}
			}
		}
		Set<String> found = new HashSet<>(result.suppressed().keySet());
		found.retainAll(known.keySet());
		return found;
	}

	static List<String> determined(List<CountCell> roots, DisclosureResult result) {
		return LinkedDisclosureControl.determined(groups(roots), result.suppressed().keySet());
	}
}
