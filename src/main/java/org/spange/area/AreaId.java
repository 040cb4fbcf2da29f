package org.spange.area;

import com.fasterxml.jackson.annotation.JsonValue;

/** Typed id of an {@link AreaSummary area}; other modules refer to areas by this id only. */
public record AreaId(@JsonValue long value) {

	@Override
	public String toString() {
		return Long.toString(value);
	}
}
