package org.spange.needs.internal;

import java.util.ArrayList;
import java.util.List;

import org.spange.needs.GridRead;
import org.spange.needs.SupplyPoint;
import org.spange.platform.imports.ImportProblem;
import org.spange.platform.imports.ImportReport;

import tools.jackson.databind.JsonNode;

/** OpenStreetMap points of interest (OpenMapTiles {@code class}/{@code subclass}) as supply points. */
public final class OsmPoiReader {

	static final String KIND = "osm-poi";

	private OsmPoiReader() {
	}

	public static GridRead<SupplyPoint> read(String fileName, byte[] content) {
		List<ImportProblem> problems = new ArrayList<>();
		JsonNode features = ZensusGridReader.features(content, problems);
		if (features == null) {
			return new GridRead<>(ImportReport.rejected(KIND, fileName, 0, problems, List.of()), List.of());
		}
		List<SupplyPoint> points = new ArrayList<>();
		for (int f = 0; f < features.size(); f++) {
			int number = f + 1;
			JsonNode feature = features.get(f);
			JsonNode p = feature.path("properties");
			JsonNode g = feature.path("geometry");
			JsonNode c = g.path("coordinates");
			if (!"Point".equals(g.path("type").asString("")) || !c.path(0).isNumber() || !c.path(1).isNumber()
					|| Math.abs(c.get(0).doubleValue()) > 180 || Math.abs(c.get(1).doubleValue()) > 90) {
				problems.add(ImportProblem.feature(number, "geometry", "needs.poi.geometry",
						"The geometry is not a WGS84 point"));
				continue;
			}
			String subclass = p.path("subclass").asString("");
			String category = subclass.isEmpty() ? p.path("class").asString("") : subclass;
			if (category.isEmpty()) {
				problems.add(ImportProblem.feature(number, "class", "needs.poi.category",
						"Neither class nor subclass says what the point is"));
				continue;
			}
			String id = p.path("mvt_id").isNumber() ? "osm:" + p.path("mvt_id").asString() : "feature:" + number;
			points.add(new SupplyPoint(id, c.get(0).doubleValue(), c.get(1).doubleValue(), 1, category));
		}
		if (!problems.isEmpty()) {
			return new GridRead<>(ImportReport.rejected(KIND, fileName, features.size(), problems, List.of()),
					List.of());
		}
		return new GridRead<>(new ImportReport(KIND, fileName, ImportReport.Outcome.PREVIEW, points.size(), 0, 0, 0,
				List.of(), List.of()), List.copyOf(points));
	}
}
