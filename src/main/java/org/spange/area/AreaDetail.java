package org.spange.area;

import java.util.List;
import java.util.Map;

/**
 * One area with all it is known by: further codes (e.g. ARS beside AGS), and per scheme its chain of parents
 * (from the root down) and its children.
 */
public record AreaDetail(AreaSummary area, AreaLevel level, Map<String, String> codes, double[] bbox,
		double[] centroid, List<SchemePosition> schemes) {

	public record SchemePosition(AreaScheme scheme, List<AreaSummary> ancestors, List<AreaSummary> children) {
	}
}
