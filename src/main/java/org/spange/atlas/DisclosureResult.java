package org.spange.atlas;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * What may be published of a hierarchy of counts: each cell is published, suppressed, or missing.
 *
 * @param published the count of every cell that may be shown, by id, in tree order
 * @param suppressed the reason for every withheld cell, by id, in tree order
 * @param missing the cells that had no count: shown as "no data", never as suppressed
 */
public record DisclosureResult(Map<String, Long> published, Map<String, Suppression> suppressed,
		Set<String> missing) {

	public DisclosureResult {
		published = Collections.unmodifiableMap(new LinkedHashMap<>(published));
		suppressed = Collections.unmodifiableMap(new LinkedHashMap<>(suppressed));
		missing = Collections.unmodifiableSet(new LinkedHashSet<>(missing));
	}

	/** Whether the cell's count may be shown. */
	public boolean isPublished(String id) {
		return published.containsKey(id);
	}

	/** The count to show, empty when suppressed or missing. */
	public OptionalLong publishedCount(String id) {
		Long count = published.get(id);
		return count == null ? OptionalLong.empty() : OptionalLong.of(count);
	}

	/** Why the cell is withheld, empty when it is published or missing. */
	public Optional<Suppression> suppression(String id) {
		return Optional.ofNullable(suppressed.get(id));
	}
}
