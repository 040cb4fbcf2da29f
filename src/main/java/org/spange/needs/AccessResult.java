package org.spange.needs;

import java.util.List;

/** Accessibility of one category: per cell (input order) and per area (sorted by area). */
public record AccessResult(String category, AccessOptions options, List<CellAccess> cells, List<AreaAccess> areas) {
}
