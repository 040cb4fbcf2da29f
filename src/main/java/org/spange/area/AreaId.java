package org.spange.area;

/** Typed id of an {@link AreaSummary area}; other modules refer to areas by this id only. */
public record AreaId(long value) {

	@Override
	public String toString() {
		return Long.toString(value);
	}
}
