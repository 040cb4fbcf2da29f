package org.spange.atlas.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.spange.area.AreaHierarchy;
import org.spange.area.AreaId;
import org.spange.area.AreaQueries;
import org.spange.atlas.CountCell;
import org.spange.atlas.DisclosureControl;
import org.spange.atlas.DisclosureResult;
import org.spange.atlas.LinkedDisclosureControl;
import org.spange.atlas.Suppression;
import org.spange.indicator.IndicatorValue;
import org.spange.indicator.IndicatorValuesComputed;
import org.spange.indicator.IndicatorValues;
import org.spange.indicator.Period;
import org.spange.indicator.Variable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Which areas' values the public must not see: disclosure control of the count variables an indicator rests on,
 * over every scheme at once.
 * <p>
 * For each count variable (summed over areas, never negative) the computed values of every area of every scheme form
 * one hierarchy per scheme (root › … › base areas; several roots hang under a virtual root without a count). These
 * hierarchies share areas — the Gemeinden, often the Land — so they are protected together by
 * {@link LinkedDisclosureControl}: one pattern across schemes and levels, so that fetching the Gemeinde level and the
 * Bezirk level (or the planning regions) cannot be played against each other. An area is withheld for an indicator
 * when any of its count inputs is withheld there; this only hides more of each input, never less.
 * <p>
 * Results are kept per count variable and period until its values are recomputed or the areas change (the
 * hierarchy's data version is part of the key).
 * <p>
 * Values are rounded to whole counts. Where an area's own observation differs from the sum of its parts, the
 * hierarchy is made consistent in the attacker's favour: a larger total gets a never-shown remainder cell, a smaller
 * one is replaced by the sum of the parts.
 */
@Component
class CountDisclosure {

	static final String VIRTUAL_ROOT = "scheme:";
	static final String REMAINDER = "rest:";

	private final AreaQueries areas;
	private final IndicatorValues values;
	private final LinkedDisclosureControl control;
	private final Map<CacheKey, Map<AreaId, Suppression>> cache = new ConcurrentHashMap<>();
	private final AtomicLong generation = new AtomicLong();

	CountDisclosure(AreaQueries areas, IndicatorValues values,
			@Value("${spange.disclosure.min-count:5}") int threshold,
			@Value("${spange.disclosure.suppress-zeros:false}") boolean suppressZeros) {
		this.areas = areas;
		this.values = values;
		this.control = new LinkedDisclosureControl(new DisclosureControl(threshold, suppressZeros));
	}

	int threshold() {
		return control.control().threshold();
	}

	/** Whether a variable is a count that disclosure control protects. */
	static boolean isCount(Variable v) {
		return v.areaAggregation() == Variable.AreaAggregation.SUM && v.nonNegative();
	}

	/**
	 * The areas (of every scheme) whose values of anything resting on these counts the public must not see, with the
	 * reason: primary where any count is small there.
	 */
	Map<AreaId, Suppression> withheld(Collection<String> countKeys, Period period) {
		Map<AreaId, Suppression> withheld = new HashMap<>();
		if (countKeys.isEmpty() || period == null) {
			return withheld;
		}
		AreaHierarchy hierarchy = areas.hierarchy();
		for (String key : countKeys) {
			withheld(key, period, hierarchy).forEach((id, why) -> withheld.merge(id, why,
					(a, b) -> a == Suppression.PRIMARY ? a : b));
		}
		return withheld;
	}

	/** One count variable, from the cache while neither its values nor the areas have changed. */
	private Map<AreaId, Suppression> withheld(String key, Period period, AreaHierarchy hierarchy) {
		CacheKey cacheKey = new CacheKey(key, period, hierarchy.version());
		Map<AreaId, Suppression> cached = cache.get(cacheKey);
		if (cached != null) {
			return cached;
		}
		long generation = this.generation.get();
		Map<AreaId, Suppression> computed = Map.copyOf(compute(key, period, hierarchy));
		synchronized (cache) {
			// values recomputed meanwhile: the result may be stale, so it is used once and not kept
			if (generation == this.generation.get()) {
				cache.keySet().removeIf(k -> k.areaVersion() != hierarchy.version());
				cache.put(cacheKey, computed);
			}
		}
		return computed;
	}

	/** Forgets what rests on values that were just recomputed. */
	@TransactionalEventListener(fallbackExecution = true)
	void onComputed(IndicatorValuesComputed event) {
		synchronized (cache) {
			generation.incrementAndGet();
			cache.keySet().removeIf(k -> event.keys().contains(k.countKey()));
		}
	}

	private record CacheKey(String countKey, Period period, long areaVersion) {
	}

	private Map<AreaId, Suppression> compute(String key, Period period, AreaHierarchy hierarchy) {
		Map<AreaId, Suppression> withheld = new HashMap<>();
		Set<AreaId> all = new LinkedHashSet<>();
		Map<String, List<AreaHierarchy.Member>> bySchemes = new LinkedHashMap<>();
		for (AreaHierarchy.Member m : hierarchy.members()) {
			all.add(m.area());
			bySchemes.computeIfAbsent(m.schemeKey(), k -> new ArrayList<>()).add(m);
		}
		Map<AreaId, IndicatorValue> found = values.values(key, period, all);
		Map<AreaId, Long> counts = new HashMap<>();
		found.forEach((id, v) -> {
			if (v != null && v.value() != null) {
				counts.put(id, Math.max(0, Math.round(v.value())));
			}
		});
		if (counts.isEmpty()) {
			return withheld;
		}
		Map<String, Structure> structures = new LinkedHashMap<>();
		bySchemes.forEach((scheme, members) -> structures.put(scheme, Structure.of(members)));
		consistent(structures.values(), counts);
		List<CountCell> trees = new ArrayList<>();
		structures.forEach((scheme, structure) -> {
			CountCell tree = structure.tree(scheme, counts);
			if (tree != null) {
				trees.add(tree);
			}
		});
		DisclosureResult result = control.apply(trees);
		result.suppressed().forEach((id, why) -> {
			if (!id.startsWith(VIRTUAL_ROOT) && !id.startsWith(REMAINDER)) {
				withheld.put(new AreaId(Long.parseLong(id)), why);
			}
		});
		return withheld;
	}

	/**
	 * Raises every total that is smaller than the sum of its parts to that sum, in every scheme, until all agree: then
	 * an area has the same count in every hierarchy, and no part exceeds its whole.
	 */
	private static void consistent(Collection<Structure> structures, Map<AreaId, Long> counts) {
		boolean changed = true;
		while (changed) {
			changed = false;
			for (Structure structure : structures) {
				for (Map.Entry<AreaId, List<AreaId>> group : structure.children.entrySet()) {
					Long count = counts.get(group.getKey());
					if (count == null) {
						continue;
					}
					long sum = group.getValue().stream().map(counts::get).filter(java.util.Objects::nonNull)
						.mapToLong(Long::longValue).sum();
					if (sum > count) {
						counts.put(group.getKey(), sum);
						changed = true;
					}
				}
			}
		}
	}

	/** The parent-child structure of one scheme. */
	private record Structure(List<AreaId> roots, Map<AreaId, List<AreaId>> children) {

		static Structure of(List<AreaHierarchy.Member> members) {
			Map<AreaId, List<AreaId>> children = new LinkedHashMap<>();
			Set<AreaId> inScheme = new LinkedHashSet<>();
			members.forEach(m -> inScheme.add(m.area()));
			List<AreaId> roots = new ArrayList<>();
			for (AreaHierarchy.Member m : members) {
				if (m.parent() == null || !inScheme.contains(m.parent())) {
					roots.add(m.area());
				}
				else {
					children.computeIfAbsent(m.parent(), k -> new ArrayList<>()).add(m.area());
				}
			}
			return new Structure(roots, children);
		}

		/** The hierarchy of counts, or null when none of the scheme's areas has a count. */
		CountCell tree(String scheme, Map<AreaId, Long> counts) {
			boolean any = roots.stream().anyMatch(counts::containsKey)
					|| children.values().stream().flatMap(List::stream).anyMatch(counts::containsKey);
			if (!any) {
				return null;
			}
			List<CountCell> top = new ArrayList<>();
			for (AreaId root : roots) {
				top.add(cell(scheme, root, counts, new java.util.HashSet<>()));
			}
			return top.size() == 1 ? top.get(0) : new CountCell(VIRTUAL_ROOT + scheme, null, top);
		}

		private CountCell cell(String scheme, AreaId id, Map<AreaId, Long> counts, Set<AreaId> path) {
			if (!path.add(id)) {
				throw new IllegalStateException("area " + id + " is its own ancestor in " + scheme);
			}
			List<CountCell> kids = new ArrayList<>();
			for (AreaId child : children.getOrDefault(id, List.of())) {
				kids.add(cell(scheme, child, counts, path));
			}
			path.remove(id);
			Long count = counts.get(id);
			if (count != null && !kids.isEmpty() && kids.stream().allMatch(k -> k.count() != null)) {
				long sum = kids.stream().mapToLong(CountCell::count).sum();
				if (sum < count) {
					// the area's own figure counts people its parts do not: a remainder that is never shown
					kids.add(CountCell.leaf(REMAINDER + scheme + ":" + id.value(), count - sum));
				}
			}
			return new CountCell(Long.toString(id.value()), count, kids);
		}
	}
}
