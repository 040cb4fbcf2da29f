package org.spange.planning.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.spange.area.AreaHierarchy;
import org.spange.area.AreaLevel;
import org.spange.area.AreaQueries;
import org.spange.area.AreaScheme;
import org.spange.area.AreaSummary;
import org.springframework.stereotype.Component;

/** The areas a goal or measure can be set for, grouped by level (coarsest first), and which lie within which. */
@Component
class AreaChoices {

	/** One level's areas, for an optgroup. */
	public record Group(String levelKey, String levelName, List<Option> options) {
	}

	public record Option(long id, String name) {
	}

	private final AreaQueries areas;

	AreaChoices(AreaQueries areas) {
		this.areas = areas;
	}

	List<Group> groups(Locale locale) {
		Map<String, AreaLevel> levels = new HashMap<>();
		areas.levels().forEach(l -> levels.put(l.key(), l));
		Map<String, Map<Long, Option>> byLevel = new LinkedHashMap<>();
		for (AreaScheme scheme : areas.schemes()) {
			for (AreaLevel level : areas.levelsOf(scheme.key())) {
				Map<Long, Option> options = byLevel.computeIfAbsent(level.key(), k -> new LinkedHashMap<>());
				for (AreaSummary a : areas.areas(scheme.key(), level.key())) {
					options.putIfAbsent(a.id().value(), new Option(a.id().value(), a.name()));
				}
			}
		}
		List<Group> groups = new ArrayList<>();
		byLevel.entrySet().stream()
			.sorted((a, b) -> Integer.compare(levels.get(a.getKey()).rank(), levels.get(b.getKey()).rank()))
			.forEach(e -> {
				AreaLevel level = levels.get(e.getKey());
				List<Option> options = new ArrayList<>(e.getValue().values());
				options.sort((x, y) -> x.name().compareToIgnoreCase(y.name()));
				groups.add(new Group(level.key(), "en".equals(locale.getLanguage()) ? level.nameEn() : level.nameDe(),
						options));
			});
		return groups;
	}

	/** Area id → "name (level)". */
	Map<Long, String> labels(Locale locale) {
		return labels(groups(locale));
	}

	static Map<Long, String> labels(List<Group> groups) {
		Map<Long, String> labels = new HashMap<>();
		for (Group g : groups) {
			g.options().forEach(o -> labels.put(o.id(), o.name() + " (" + g.levelName() + ")"));
		}
		return labels;
	}

	/** Area id → its level's key. */
	static Map<Long, String> levels(List<Group> groups) {
		Map<Long, String> levels = new HashMap<>();
		for (Group g : groups) {
			g.options().forEach(o -> levels.put(o.id(), g.levelKey()));
		}
		return levels;
	}

	/** The area and every area below it in any scheme. */
	Set<Long> within(long area) {
		Map<Long, List<Long>> children = new HashMap<>();
		for (AreaHierarchy.Member m : areas.hierarchy().members()) {
			if (m.parent() != null) {
				children.computeIfAbsent(m.parent().value(), k -> new ArrayList<>()).add(m.area().value());
			}
		}
		Set<Long> within = new HashSet<>();
		List<Long> todo = new ArrayList<>(List.of(area));
		while (!todo.isEmpty()) {
			Long next = todo.remove(todo.size() - 1);
			if (within.add(next)) {
				todo.addAll(children.getOrDefault(next, List.of()));
			}
		}
		return within;
	}
}
