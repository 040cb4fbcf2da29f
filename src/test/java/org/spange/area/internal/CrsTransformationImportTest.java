package org.spange.area.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Locale;
import java.util.StringJoiner;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.spange.SpangeTest;
import org.spange.area.AreaImports;
import org.spange.area.AreaQueries;
import org.spange.area.AreaSummary;
import org.spange.area.AreaTestData;
import org.spange.area.BoundaryImportOptions;
import org.spange.platform.imports.ImportReport;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Vorarlberg Gemeinde transformed to a projected CRS in the test, imported from that CRS, comes back in
 * WGS84 within a metre of the original.
 */
@SpangeTest
class CrsTransformationImportTest {

	private static final String P = "CrsTransformationTest-";
	/** About a metre, in degrees. */
	private static final double TOLERANCE = 1e-5;

	@Autowired
	AreaImports imports;

	@Autowired
	AreaQueries areas;

	@Autowired
	JsonMapper json;

	@ParameterizedTest(name = "EPSG:{0} declared as {1}")
	@CsvSource({
			"31287, urn:ogc:def:crs:EPSG::31287, false",
			"25832, urn:ogc:def:crs:EPSG::25832, false",
			"25832, EPSG:25832, true",
			"31254, http://www.opengis.net/def/crs/EPSG/0/31254, false" })
	void aProjectedGemeindeComesBackWithinAMetre(int epsg, String crsName, boolean crsAsOption) {
		JsonNode original = gemeinde("80101"); // Bartholomäberg
		Polygon wgs84 = (Polygon) BoundaryFile.polygonal(original.path("geometry"));
		Polygon projected = (Polygon) CoordinateSystems.fromWgs84(wgs84, epsg);
		// really projected: metres, not degrees
		assertThat(Math.abs(projected.getCoordinates()[0].x)).isGreaterThan(1000);
		assertThat(projected.getCoordinates()).hasSameSizeAs(wgs84.getCoordinates());

		String code = P + epsg + (crsAsOption ? "-option" : "-declared");
		byte[] file = crsAsOption ? AreaTestData.collection(feature(projected, code))
				: AreaTestData.collectionWithCrs(crsName, feature(projected, code));
		BoundaryImportOptions options = BoundaryImportOptions.of("sozialraum", "code", "name");
		ImportReport report = imports.importBoundaries("bartholomaeberg-" + epsg + ".geojson", file,
				crsAsOption ? options.withCrs(crsName) : options);

		AreaTestData.assertWritten(report);
		assertThat(report.created() + report.unchanged()).isEqualTo(1);
		assertThat(report.warnings()).isEmpty();

		AreaSummary stored = areas.byCode("sozialraum", code).orElseThrow();
		JsonNode feature = json.readTree(areas.geoJson(stored.id()).orElseThrow());
		JsonNode polygons = feature.path("geometry").path("coordinates");
		assertThat(feature.path("geometry").path("type").asString()).isEqualTo("MultiPolygon");
		assertThat(polygons.size()).isEqualTo(1);
		JsonNode ring = polygons.get(0).get(0);
		Coordinate[] expected = wgs84.getExteriorRing().getCoordinates();
		assertThat(polygons.get(0).size()).as("rings").isEqualTo(1);
		assertThat(ring.size()).isEqualTo(expected.length);
		for (int i = 0; i < expected.length; i++) {
			assertThat(ring.get(i).get(0).asDouble()).as("lon of position %d", i).isCloseTo(expected[i].x,
					within(TOLERANCE));
			assertThat(ring.get(i).get(1).asDouble()).as("lat of position %d", i).isCloseTo(expected[i].y,
					within(TOLERANCE));
		}
		// and the area is that of the Gemeinde itself
		AreaSummary gemeinde = areas.byCode("gemeinde", "80101").orElseThrow();
		assertThat(stored.areaKm2()).isCloseTo(gemeinde.areaKm2(), within(gemeinde.areaKm2() * 1e-4));
	}

	/**
	 * Absolute check, independent of the transformation code under test: the corners of a square of 0.05° in
	 * Montafon (9.90–9.95° E, 47.10–47.15° N), projected outside Spange with the Krüger series (UTM, GRS80) and
	 * with EPSG:1618 (MGI → WGS 84, position vector) plus Lambert conformal conic on Bessel (Austria Lambert).
	 */
	@ParameterizedTest(name = "EPSG:{0}")
	@CsvSource(delimiter = '|', value = {
			"25832 | 568295.0488 5216669.7877, 572089.1938 5216714.6627, 572021.6723 5222271.0476, 568231.0816 5222226.1784",
			"31287 | 139582.2399 361366.3504, 143373.1009 361199.8264, 143615.1825 366751.4674, 139827.8938 366917.8346" })
	void projectedCornersLandWhereTheyBelong(int epsg, String corners) {
		double[][] expected = { { 9.90, 47.10 }, { 9.95, 47.10 }, { 9.95, 47.15 }, { 9.90, 47.15 } };
		StringJoiner ring = new StringJoiner(",", "[", "]");
		String[] xy = corners.split(",");
		for (int i = 0; i <= xy.length; i++) {
			String[] p = xy[i % xy.length].trim().split(" ");
			ring.add("[" + p[0] + "," + p[1] + "]");
		}
		String code = P + "ref-" + epsg;
		String feature = "{\"type\":\"Feature\",\"properties\":{\"code\":\"" + code
				+ "\",\"name\":\"Referenz\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[" + ring + "]}}";

		ImportReport report = imports.importBoundaries("reference-" + epsg + ".geojson",
				AreaTestData.collectionWithCrs("EPSG:" + epsg, feature),
				BoundaryImportOptions.of("sozialraum", "code", "name"));

		AreaTestData.assertWritten(report);
		AreaSummary stored = areas.byCode("sozialraum", code).orElseThrow();
		JsonNode ringBack = json.readTree(areas.geoJson(stored.id()).orElseThrow()).path("geometry")
			.path("coordinates").get(0).get(0);
		assertThat(ringBack.size()).isEqualTo(5);
		for (int i = 0; i < 5; i++) {
			assertThat(ringBack.get(i).get(0).asDouble()).as("lon of corner %d", i).isCloseTo(expected[i % 4][0],
					within(TOLERANCE));
			assertThat(ringBack.get(i).get(1).asDouble()).as("lat of corner %d", i).isCloseTo(expected[i % 4][1],
					within(TOLERANCE));
		}
		// 0.05° × 0.05° at 47.125° N on the GRS80 ellipsoid: 21.09 km² (5.56 km × 3.79 km)
		assertThat(stored.areaKm2()).isCloseTo(21.09, within(0.05));
	}

	private JsonNode gemeinde(String gkz) {
		JsonNode file = json.readTree(AreaTestData.resource("/data/vorarlberg/gemeinden-2021.geojson"));
		for (JsonNode f : file.path("features")) {
			if (gkz.equals(f.path("properties").path("gkz").asString())) {
				return f;
			}
		}
		throw new AssertionError("No Gemeinde " + gkz + " in the demo file");
	}

	private static String feature(Geometry projected, String code) {
		StringJoiner ring = new StringJoiner(",", "[", "]");
		for (Coordinate c : ((Polygon) projected).getExteriorRing().getCoordinates()) {
			ring.add(String.format(Locale.ROOT, "[%s,%s]", c.x, c.y));
		}
		return "{\"type\":\"Feature\",\"properties\":{\"code\":\"" + code + "\",\"name\":\"Bartholomäberg (projiziert)\"},"
				+ "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[" + ring + "]}}";
	}
}
