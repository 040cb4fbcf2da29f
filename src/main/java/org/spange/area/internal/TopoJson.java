package org.spange.area.internal;

import java.util.ArrayList;
import java.util.List;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

import tools.jackson.databind.JsonNode;

/**
 * Decodes TopoJSON: shared arcs (delta-encoded when the topology is quantized) stitched into the rings of
 * polygons. Reads the first object of the topology.
 */
final class TopoJson {

	private TopoJson() {
	}

	static List<BoundaryFile.Feature> features(JsonNode topology) throws BoundaryFile.FormatException {
		List<Coordinate[]> arcs = arcs(topology);
		JsonNode objects = topology.path("objects");
		if (!objects.isObject() || objects.isEmpty()) {
			throw new BoundaryFile.FormatException("The Topology has no objects", null, null);
		}
		JsonNode object = objects.get(objects.propertyNames().iterator().next());
		Iterable<JsonNode> geometries = "GeometryCollection".equals(object.path("type").asString(""))
				? object.path("geometries") : List.of(object);
		List<BoundaryFile.Feature> features = new ArrayList<>();
		int number = 0;
		for (JsonNode g : geometries) {
			number++;
			Geometry geometry = null;
			String error = null;
			try {
				geometry = geometry(g, arcs);
			} catch (IllegalArgumentException | IndexOutOfBoundsException e) {
				error = e.getMessage();
			}
			features.add(new BoundaryFile.Feature(number, g.path("properties"), geometry, error));
		}
		return features;
	}

	private static List<Coordinate[]> arcs(JsonNode topology) {
		JsonNode transform = topology.path("transform");
		boolean quantized = transform.isObject();
		double sx = quantized ? transform.path("scale").path(0).asDouble(1) : 1;
		double sy = quantized ? transform.path("scale").path(1).asDouble(1) : 1;
		double tx = quantized ? transform.path("translate").path(0).asDouble(0) : 0;
		double ty = quantized ? transform.path("translate").path(1).asDouble(0) : 0;
		List<Coordinate[]> arcs = new ArrayList<>();
		for (JsonNode arc : topology.path("arcs")) {
			Coordinate[] cs = new Coordinate[arc.size()];
			double x = 0;
			double y = 0;
			for (int i = 0; i < cs.length; i++) {
				JsonNode p = arc.get(i);
				if (quantized) {
					x += p.get(0).asDouble();
					y += p.get(1).asDouble();
					cs[i] = new Coordinate(x * sx + tx, y * sy + ty);
				} else {
					cs[i] = new Coordinate(p.get(0).asDouble(), p.get(1).asDouble());
				}
			}
			arcs.add(cs);
		}
		return arcs;
	}

	private static Geometry geometry(JsonNode g, List<Coordinate[]> arcs) {
		String type = g.path("type").asString("");
		return switch (type) {
			case "Polygon" -> polygon(g.path("arcs"), arcs);
			case "MultiPolygon" -> {
				List<Polygon> polygons = new ArrayList<>();
				for (JsonNode p : g.path("arcs")) {
					polygons.add(polygon(p, arcs));
				}
				yield BoundaryFile.GEOMETRY.createMultiPolygon(polygons.toArray(Polygon[]::new));
			}
			case "" -> throw new IllegalArgumentException("The feature has no geometry");
			default -> throw new IllegalArgumentException(
					"Geometry type '" + type + "' is not an area (Polygon or MultiPolygon expected)");
		};
	}

	private static Polygon polygon(JsonNode ringArcs, List<Coordinate[]> arcs) {
		List<Coordinate[]> rings = new ArrayList<>();
		for (JsonNode ring : ringArcs) {
			List<Coordinate> cs = new ArrayList<>();
			for (JsonNode index : ring) {
				int i = index.asInt();
				Coordinate[] arc = arcs.get(i >= 0 ? i : ~i);
				for (int k = 0; k < arc.length; k++) {
					Coordinate c = arc[i >= 0 ? k : arc.length - 1 - k];
					// consecutive arcs share their end point: keep it once
					if (k > 0 || cs.isEmpty()) {
						cs.add(c);
					}
				}
			}
			rings.add(cs.toArray(Coordinate[]::new));
		}
		return BoundaryFile.polygon(rings);
	}
}
