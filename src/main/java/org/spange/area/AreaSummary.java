package org.spange.area;

import java.time.LocalDate;

/** An area as listed: its level, primary official code, name, validity and, within a scheme, its parent. */
public record AreaSummary(AreaId id, String levelKey, String code, String name, LocalDate validFrom,
		LocalDate validTo, Double areaKm2, AreaId parentId, String parentName) {
}
