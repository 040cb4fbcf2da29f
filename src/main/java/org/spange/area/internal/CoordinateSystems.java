package org.spange.area.internal;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * The coordinate reference systems boundary files come in, and their transformation to WGS84 (lon/lat), the
 * only CRS Spange stores.
 */
final class CoordinateSystems {

	static final int WGS84 = 4326;
	/** ETRS89 Lambert azimuthal equal-area: for areas in km² across Austria and Germany. */
	static final int EQUAL_AREA = 3035;

	/** EPSG code → German description; geographic ones are in degrees, all others in metres. */
	static final Map<Integer, String> SUPPORTED = Map.ofEntries(
			Map.entry(4326, "WGS 84 (Länge/Breite)"),
			Map.entry(4258, "ETRS89 (Länge/Breite)"),
			Map.entry(3857, "WGS 84 / Pseudo-Mercator"),
			Map.entry(31287, "MGI / Austria Lambert"),
			Map.entry(31254, "MGI / Austria GK West"),
			Map.entry(31255, "MGI / Austria GK Central"),
			Map.entry(31256, "MGI / Austria GK East"),
			Map.entry(25832, "ETRS89 / UTM Zone 32N"),
			Map.entry(25833, "ETRS89 / UTM Zone 33N"),
			Map.entry(3035, "ETRS89 / LAEA Europe"),
			Map.entry(31467, "DHDN / 3-degree Gauss-Krüger zone 3"),
			Map.entry(31468, "DHDN / 3-degree Gauss-Krüger zone 4"));

	private static final Pattern EPSG = Pattern.compile("(?i)(?:EPSG:{1,2}|EPSG/\\d+/|crs:EPSG:[^:]*:)(\\d{4,5})$");
	private static final CRSFactory CRS = new CRSFactory();
	private static final Map<String, CoordinateTransform> TRANSFORMS = new ConcurrentHashMap<>();

	private CoordinateSystems() {
	}

	/** Parses {@code EPSG:31287}, {@code urn:ogc:def:crs:EPSG::25832}, OGC CRS84 and the opengis URL form. */
	static Optional<Integer> parse(String name) {
		if (name == null || name.isBlank()) {
			return Optional.empty();
		}
		String n = name.trim();
		if (n.toUpperCase().endsWith("CRS84")) {
			return Optional.of(WGS84);
		}
		Matcher m = EPSG.matcher(n);
		return m.find() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
	}

	static boolean isSupported(int epsg) {
		return SUPPORTED.containsKey(epsg);
	}

	static boolean isGeographic(int epsg) {
		return epsg == 4326 || epsg == 4258;
	}

	/** Transforms a geometry in place from the given CRS to WGS84 lon/lat. */
	static Geometry toWgs84(Geometry geometry, int fromEpsg) {
		if (fromEpsg == WGS84 || fromEpsg == 4258) {
			return geometry; // ETRS89 and WGS84 agree within a metre: no shift at map scales
		}
		apply(geometry, transform(fromEpsg, WGS84));
		return geometry;
	}

	/** A copy of a WGS84 geometry in the given projected CRS. */
	static Geometry fromWgs84(Geometry geometry, int toEpsg) {
		Geometry copy = geometry.copy();
		apply(copy, transform(WGS84, toEpsg));
		return copy;
	}

	private static CoordinateTransform transform(int from, int to) {
		return TRANSFORMS.computeIfAbsent(from + ">" + to, k -> new CoordinateTransformFactory()
			.createTransform(CRS.createFromName("EPSG:" + from), CRS.createFromName("EPSG:" + to)));
	}

	private static void apply(Geometry geometry, CoordinateTransform transform) {
		geometry.apply(new CoordinateSequenceFilter() {
			private final ProjCoordinate in = new ProjCoordinate();
			private final ProjCoordinate out = new ProjCoordinate();

			@Override
			public void filter(CoordinateSequence seq, int i) {
				in.x = seq.getX(i);
				in.y = seq.getY(i);
				// CoordinateTransform is not thread-safe; the cache hands the same one to every import
				synchronized (transform) {
					transform.transform(in, out);
				}
				seq.setOrdinate(i, 0, out.x);
				seq.setOrdinate(i, 1, out.y);
			}

			@Override
			public boolean isDone() {
				return false;
			}

			@Override
			public boolean isGeometryChanged() {
				return true;
			}
		});
		geometry.geometryChanged();
	}
}
