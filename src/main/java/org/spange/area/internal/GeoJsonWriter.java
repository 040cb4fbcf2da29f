package org.spange.area.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.spange.area.AreaSummary;

/** Compact GeoJSON for map layers: coordinates rounded to what the zoom level can show. */
final class GeoJsonWriter {

	private GeoJsonWriter() {
	}

	static void feature(StringBuilder out, AreaSummary a, Geometry g, int decimals) {
		out.append("{\"type\":\"Feature\",\"id\":").append(a.id().value()).append(",\"properties\":{");
		out.append("\"id\":").append(a.id().value());
		out.append(",\"code\":").append(string(a.code()));
		out.append(",\"name\":").append(string(a.name()));
		out.append(",\"level\":").append(string(a.levelKey()));
		if (a.parentId() != null) {
			out.append(",\"parentId\":").append(a.parentId().value());
			out.append(",\"parentName\":").append(string(a.parentName()));
		}
		out.append("},\"geometry\":{\"type\":\"MultiPolygon\",\"coordinates\":[");
		boolean firstPolygon = true;
		for (int i = 0; i < g.getNumGeometries(); i++) {
			if (!(g.getGeometryN(i) instanceof Polygon p) || p.isEmpty()) {
				continue;
			}
			if (!firstPolygon) {
				out.append(',');
			}
			firstPolygon = false;
			out.append('[');
			ring(out, p.getExteriorRing(), decimals);
			for (int h = 0; h < p.getNumInteriorRing(); h++) {
				out.append(',');
				ring(out, p.getInteriorRingN(h), decimals);
			}
			out.append(']');
		}
		out.append("]}}");
	}

	private static void ring(StringBuilder out, LineString ring, int decimals) {
		out.append('[');
		Coordinate[] cs = ring.getCoordinates();
		for (int i = 0; i < cs.length; i++) {
			if (i > 0) {
				out.append(',');
			}
			out.append('[').append(round(cs[i].x, decimals)).append(',').append(round(cs[i].y, decimals)).append(']');
		}
		out.append(']');
	}

	private static String round(double v, int decimals) {
		return BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
	}

	static String string(String s) {
		StringBuilder b = new StringBuilder(s.length() + 2).append('"');
		for (char c : s.toCharArray()) {
			switch (c) {
				case '"' -> b.append("\\\"");
				case '\\' -> b.append("\\\\");
				case '\n' -> b.append("\\n");
				case '\r' -> b.append("\\r");
				case '\t' -> b.append("\\t");
				default -> {
					if (c < 0x20 || c == '<' || c == '>' || c == '&') {
						b.append(String.format("\\u%04x", (int) c));
					} else {
						b.append(c);
					}
				}
			}
		}
		return b.append('"').toString();
	}
}
