package org.spange.planning;

import java.util.List;

/**
 * A goal (Ziel) for an area of any level, serving one or more guidelines, optionally below a parent goal whose area
 * contains or equals its own.
 */
public record Goal(Long id, Long areaId, Long parentId, String title, String description, List<Long> guidelineIds,
		List<IndicatorTarget> targets) {

	public Goal {
		guidelineIds = guidelineIds == null ? List.of() : List.copyOf(guidelineIds);
		targets = targets == null ? List.of() : List.copyOf(targets);
	}
}
