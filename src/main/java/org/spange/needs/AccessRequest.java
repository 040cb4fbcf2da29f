package org.spange.needs;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an accessibility run is asked to compute, as the parameters of its background job ({@code platform.jobs}, kind
 * {@link #JOB_KIND}): the supply (a category key or {@code set:} and a supply set's key), the grid, the population
 * band, the mode, the threshold (metres for a straight-line run, minutes for a road run) and the 2SFCA catchment.
 */
public record AccessRequest(String category, String grid, PopulationBand band, AccessMode mode, double threshold,
		double catchmentMetres, CatchmentDecay decay) {

	public static final String JOB_KIND = "needs.accessibility";

	public Map<String, String> asMap() {
		Map<String, String> map = new LinkedHashMap<>();
		map.put("category", category);
		map.put("grid", grid);
		map.put("band", band.name());
		map.put("mode", mode.name());
		map.put("threshold", plain(threshold));
		map.put("catchment", plain(catchmentMetres));
		map.put("decay", decay.name());
		return map;
	}

	public static AccessRequest of(Map<String, String> map) {
		return new AccessRequest(map.get("category"), map.get("grid"), PopulationBand.valueOf(map.get("band")),
				AccessMode.valueOf(map.get("mode")), Double.parseDouble(map.get("threshold")),
				Double.parseDouble(map.get("catchment")), CatchmentDecay.valueOf(map.get("decay")));
	}

	private static String plain(double value) {
		return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
	}
}
