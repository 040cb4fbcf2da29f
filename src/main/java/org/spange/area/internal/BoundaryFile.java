package org.spange.area.internal;

import java.util.ArrayList;
import java.util.List;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the features of a GeoJSON FeatureCollection or a TopoJSON Topology into JTS polygons in the file's own
 * coordinates. Problems are kept per feature, so that every one of them can be reported.
 */
final class BoundaryFile {

	static final GeometryFactory GEOMETRY = new GeometryFactory(new PrecisionModel(), CoordinateSystems.WGS84);

	/** A feature as read: its 1-based number, properties, and either a geometry or why there is none. */
	record Feature(int number, JsonNode properties, Geometry geometry, String geometryError) {
	}

	/** The file's declared CRS (GeoJSON 2008 {@code crs} member), or null. */
	final String declaredCrs;
	final List<Feature> features;

	private BoundaryFile(String declaredCrs, List<Feature> features) {
		this.declaredCrs = declaredCrs;
		this.features = features;
	}

	static final class FormatException extends Exception {
		final Integer line;
		final Integer column;

		FormatException(String message, Integer line, Integer column) {
			super(message);
			this.line = line;
			this.column = column;
		}
	}

	static BoundaryFile read(byte[] content, JsonMapper json) throws FormatException {
		JsonNode root;
		try {
			root = json.readTree(content);
		} catch (JacksonException e) {
			var loc = e.getLocation();
			// a binary file (e.g. a zipped shapefile) puts control characters into the message; the report is
			// stored as jsonb, which cannot hold NUL
			String message = e.getOriginalMessage().replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]", "\uFFFD");
			throw new FormatException("Malformed JSON: " + message, loc == null ? null : loc.getLineNr(),
					loc == null ? null : loc.getColumnNr());
		}
		if (root == null || !root.isObject()) {
			throw new FormatException("The file is not a JSON object", null, null);
		}
		String type = root.path("type").asString("");
		String crs = root.path("crs").path("properties").path("name").asString(null);
		return switch (type) {
			case "FeatureCollection" -> new BoundaryFile(crs, geoJsonFeatures(root));
			case "Topology" -> new BoundaryFile(crs, TopoJson.features(root));
			default -> throw new FormatException(
					"Expected a GeoJSON FeatureCollection or a TopoJSON Topology, found type '" + type + "'", null, null);
		};
	}

	private static List<Feature> geoJsonFeatures(JsonNode root) throws FormatException {
		JsonNode array = root.path("features");
		if (!array.isArray()) {
			throw new FormatException("The FeatureCollection has no 'features' array", null, null);
		}
		List<Feature> features = new ArrayList<>(array.size());
		int number = 0;
		for (JsonNode f : array) {
			number++;
			JsonNode geometry = f.path("geometry");
			Geometry g = null;
			String error = null;
			try {
				g = polygonal(geometry);
			} catch (IllegalArgumentException e) {
				error = e.getMessage();
			}
			features.add(new Feature(number, f.path("properties"), g, error));
		}
		return features;
	}

	/** A Polygon or MultiPolygon from its GeoJSON geometry object. */
	static Geometry polygonal(JsonNode geometry) {
		if (geometry.isMissingNode() || geometry.isNull()) {
			throw new IllegalArgumentException("The feature has no geometry");
		}
		String type = geometry.path("type").asString("");
		JsonNode coords = geometry.path("coordinates");
		return switch (type) {
			case "Polygon" -> polygon(coords);
			case "MultiPolygon" -> {
				if (!coords.isArray() || coords.isEmpty()) {
					throw new IllegalArgumentException("MultiPolygon without polygons");
				}
				Polygon[] polygons = new Polygon[coords.size()];
				for (int i = 0; i < polygons.length; i++) {
					polygons[i] = polygon(coords.get(i));
				}
				yield GEOMETRY.createMultiPolygon(polygons);
			}
			default -> throw new IllegalArgumentException(
					"Geometry type '" + type + "' is not an area (Polygon or MultiPolygon expected)");
		};
	}

	static Polygon polygon(JsonNode rings) {
		if (!rings.isArray() || rings.isEmpty()) {
			throw new IllegalArgumentException("Polygon without rings");
		}
		List<Coordinate[]> parsed = new ArrayList<>();
		for (JsonNode ring : rings) {
			if (!ring.isArray()) {
				throw new IllegalArgumentException("A ring is not an array of positions");
			}
			Coordinate[] cs = new Coordinate[ring.size()];
			for (int i = 0; i < cs.length; i++) {
				JsonNode p = ring.get(i);
				if (!p.isArray() || p.size() < 2 || !p.get(0).isNumber() || !p.get(1).isNumber()) {
					throw new IllegalArgumentException("Position " + (i + 1) + " of a ring is not [x, y]");
				}
				cs[i] = new Coordinate(p.get(0).doubleValue(), p.get(1).doubleValue());
			}
			parsed.add(cs);
		}
		return polygon(parsed);
	}

	static Polygon polygon(List<Coordinate[]> rings) {
		LinearRing[] linear = new LinearRing[rings.size()];
		for (int r = 0; r < linear.length; r++) {
			Coordinate[] cs = rings.get(r);
			if (cs.length < 4) {
				throw new IllegalArgumentException("A ring has " + cs.length + " positions; at least 4 are needed");
			}
			if (!cs[0].equals2D(cs[cs.length - 1])) {
				throw new IllegalArgumentException("A ring is not closed (first and last position differ)");
			}
			linear[r] = GEOMETRY.createLinearRing(cs);
		}
		LinearRing[] holes = new LinearRing[linear.length - 1];
		System.arraycopy(linear, 1, holes, 0, holes.length);
		return GEOMETRY.createPolygon(linear[0], holes);
	}
}
