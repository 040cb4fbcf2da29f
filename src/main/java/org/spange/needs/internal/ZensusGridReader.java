package org.spange.needs.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.spange.needs.GridRead;
import org.spange.needs.PopulationCell;
import org.spange.platform.imports.ImportProblem;
import org.spange.platform.imports.ImportReport;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The Zensus 2011 1 km grid as GeoJSON polygons; centre = middle of the square's corners. */
public final class ZensusGridReader {

	static final String KIND = "zensus-grid";

	private ZensusGridReader() {
	}

	public static GridRead<PopulationCell> read(String fileName, byte[] content) {
		List<ImportProblem> problems = new ArrayList<>();
		JsonNode features = features(content, problems);
		if (features == null) {
			return new GridRead<>(ImportReport.rejected(KIND, fileName, 0, problems, List.of()), List.of());
		}
		List<PopulationCell> cells = new ArrayList<>(features.size());
		Set<String> ids = new HashSet<>();
		for (int f = 0; f < features.size(); f++) {
			int number = f + 1;
			JsonNode feature = features.get(f);
			JsonNode p = feature.path("properties");
			String id = p.path("grid_id").asString("");
			if (id.isEmpty()) {
				problems.add(ImportProblem.feature(number, "grid_id", "needs.grid.id-missing", "The grid_id is empty"));
			} else if (!ids.add(id)) {
				problems.add(ImportProblem.feature(number, "grid_id", "needs.grid.id-duplicate",
						"The grid_id '" + id + "' appears twice", id));
			}
			double[] centre = centre(feature.path("geometry"));
			if (centre == null) {
				problems.add(ImportProblem.feature(number, "geometry", "needs.grid.geometry",
						"The geometry is not a polygon with WGS84 coordinates"));
				continue;
			}
			Double population = count(p.path("Einwohner"));
			Double under18 = share(population, p.path("unter18_A"));
			Double over65 = share(population, p.path("ab65_A"));
			String ags = p.path("ags").asString("");
			cells.add(new PopulationCell(id, ags.isEmpty() ? null : ags, centre[0], centre[1], population, under18,
					over65));
		}
		if (!problems.isEmpty()) {
			return new GridRead<>(ImportReport.rejected(KIND, fileName, features.size(), problems, List.of()),
					List.of());
		}
		return new GridRead<>(new ImportReport(KIND, fileName, ImportReport.Outcome.PREVIEW, cells.size(), 0, 0, 0,
				List.of(), List.of()), List.copyOf(cells));
	}

	static JsonNode features(byte[] content, List<ImportProblem> problems) {
		try {
			JsonNode root = JsonMapper.builder().build().readTree(content);
			JsonNode features = root.path("features");
			if (!features.isArray()) {
				problems.add(ImportProblem.file("needs.geojson.no-features", "Not a GeoJSON FeatureCollection"));
				return null;
			}
			return features;
		} catch (JacksonException e) {
			problems.add(ImportProblem.file("needs.geojson.malformed", "Not valid JSON: " + e.getOriginalMessage()));
			return null;
		}
	}

	/** Null and negative (−1 marks secrecy in some Zensus extracts) are unknown. */
	static Double count(JsonNode value) {
		return value.isNumber() && value.doubleValue() >= 0 ? value.doubleValue() : null;
	}

	/** A percentage share of a known population as a count; unknown if either is unknown. */
	static Double share(Double population, JsonNode percent) {
		Double pct = count(percent);
		return population == null || pct == null ? null : population * pct / 100;
	}

	static double[] centre(JsonNode geometry) {
		JsonNode ring = geometry.path("coordinates").path(0);
		if (!"Polygon".equals(geometry.path("type").asString("")) || !ring.isArray() || ring.size() < 4) {
			return null;
		}
		// the closing corner repeats the first: average the distinct corners
		int corners = ring.size() - 1;
		double lon = 0;
		double lat = 0;
		for (int i = 0; i < corners; i++) {
			JsonNode c = ring.get(i);
			if (!c.path(0).isNumber() || !c.path(1).isNumber()) {
				return null;
			}
			lon += c.get(0).doubleValue();
			lat += c.get(1).doubleValue();
		}
		lon /= corners;
		lat /= corners;
		return lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90 ? new double[] { lon, lat } : null;
	}
}
