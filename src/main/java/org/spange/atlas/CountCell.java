package org.spange.atlas;

import java.util.Arrays;
import java.util.List;

/**
 * One cell of a hierarchy of counts to publish, such as a Land with its Bezirke and their Gemeinden, for one variable in
 * one period; the counts of the children add up to the count of their parent.
 *
 * @param id unique within the hierarchy, such as the area's id
 * @param count a non-negative count; null when missing (no data)
 * @param children the cells it divides into; empty for the base areas
 */
public record CountCell(String id, Long count, List<CountCell> children) {

	public CountCell {
		if (id == null || id.isBlank()) {
			throw new IllegalArgumentException("a cell needs an id");
		}
		if (count != null && count < 0) {
			throw new IllegalArgumentException("cell " + id + " has a negative count");
		}
		children = children == null ? List.of() : List.copyOf(children);
	}

	/** A base cell. */
	public static CountCell leaf(String id, long count) {
		return new CountCell(id, count, List.of());
	}

	/** A cell with its children; count null when missing. */
	public static CountCell of(String id, Long count, CountCell... children) {
		return new CountCell(id, count, Arrays.asList(children));
	}
}
