package org.spange.atlas;

import java.util.List;

/**
 * The indicators and variables a caller may map, grouped by topic (topics in tree order; a last group without a
 * topic, key null, when there are such).
 */
public record AtlasCatalog(List<Group> groups) {

	public AtlasCatalog {
		groups = List.copyOf(groups);
	}

	/** A topic with what is filed under it. */
	public record Group(String topicKey, String topicName, String parentKey, List<Entry> indicators,
			List<Entry> variables) {
	}

	/**
	 * An indicator or variable to choose.
	 *
	 * @param hasValues whether there is any period with values
	 */
	public record Entry(String key, String name, String kind, String unit, boolean published, boolean synthetic,
			boolean hasValues) {
	}

	/** Every entry, indicators of each group before its variables. */
	public List<Entry> entries() {
		return groups.stream().flatMap(g -> java.util.stream.Stream.concat(g.indicators().stream(),
				g.variables().stream())).toList();
	}

	public java.util.Optional<Entry> entry(String key) {
		return entries().stream().filter(e -> e.key().equals(key)).findFirst();
	}

	public java.util.Optional<Group> group(String topicKey) {
		return groups.stream().filter(g -> java.util.Objects.equals(g.topicKey(), topicKey)).findFirst();
	}
}
