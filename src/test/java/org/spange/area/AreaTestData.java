package org.spange.area;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.StringJoiner;

import org.spange.platform.imports.ImportReport;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Helpers for the area integration tests: small GeoJSON files written by hand, classpath resources, and the row
 * counts that prove a rejected import wrote nothing.
 */
public final class AreaTestData {

	private AreaTestData() {
	}

	/** Rows in the tables an import writes to, and the data version. */
	public record Snapshot(long areas, long schemeMembers, long codes, long schemes, long dataVersion) {
	}

	public static Snapshot snapshot(JdbcClient jdbc) {
		return new Snapshot(count(jdbc, "area.area"), count(jdbc, "area.scheme_member"), count(jdbc, "area.area_code"),
				count(jdbc, "area.area_scheme"),
				jdbc.sql("select version from area.data_version").query(Long.class).single());
	}

	private static long count(JdbcClient jdbc, String table) {
		return jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

	/** Asserts a rejection: outcome, no counts, at least one problem. */
	public static void assertRejected(ImportReport report) {
		assertThat(report.outcome()).as("outcome of %s", report).isEqualTo(ImportReport.Outcome.REJECTED);
		assertThat(report.problems()).as("problems").isNotEmpty();
		assertThat(report.created() + report.updated() + report.unchanged()).as("counts of a rejection").isZero();
	}

	/** Asserts a successful write without problems. */
	public static void assertWritten(ImportReport report) {
		assertThat(report.problems()).as("problems of %s", report.fileName()).isEmpty();
		assertThat(report.outcome()).as("outcome of %s", report).isEqualTo(ImportReport.Outcome.WRITTEN);
	}

	/** A GeoJSON Polygon geometry: an axis-parallel square with its south-west corner at (x, y). */
	public static String square(double x, double y, double size) {
		return polygon(x, y, x + size, y, x + size, y + size, x, y + size, x, y);
	}

	/** A GeoJSON Polygon geometry from x, y pairs (the ring must be closed by the caller). */
	public static String polygon(double... xy) {
		StringJoiner ring = new StringJoiner(",", "[", "]");
		for (int i = 0; i < xy.length; i += 2) {
			ring.add("[" + number(xy[i]) + "," + number(xy[i + 1]) + "]");
		}
		return "{\"type\":\"Polygon\",\"coordinates\":[" + ring + "]}";
	}

	/**
	 * A GeoJSON Feature; properties as alternating names and values (strings are quoted, numbers written as
	 * they are, null as JSON null).
	 */
	public static String feature(String geometryJson, Object... properties) {
		StringJoiner props = new StringJoiner(",", "{", "}");
		for (int i = 0; i < properties.length; i += 2) {
			Object v = properties[i + 1];
			String value = v == null ? "null" : v instanceof Number ? v.toString() : quote(v.toString());
			props.add(quote(properties[i].toString()) + ":" + value);
		}
		return "{\"type\":\"Feature\",\"properties\":" + props + ",\"geometry\":"
				+ (geometryJson == null ? "null" : geometryJson) + "}";
	}

	/** A FeatureCollection as UTF-8 bytes. */
	public static byte[] collection(String... features) {
		return collectionWithCrs(null, features);
	}

	/** A FeatureCollection with a GeoJSON 2008 {@code crs} member (unless null), as UTF-8 bytes. */
	public static byte[] collectionWithCrs(String crsName, String... features) {
		String crs = crsName == null ? ""
				: "\"crs\":{\"type\":\"name\",\"properties\":{\"name\":" + quote(crsName) + "}},";
		return ("{\"type\":\"FeatureCollection\"," + crs + "\"features\":[" + String.join(",\n", features) + "]}")
			.getBytes(StandardCharsets.UTF_8);
	}

	public static byte[] resource(String path) {
		try (InputStream in = AreaTestData.class.getResourceAsStream(path)) {
			assertThat(in).as("classpath resource %s", path).isNotNull();
			return in.readAllBytes();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static String number(double d) {
		return String.format(Locale.ROOT, "%s", d);
	}

	static String quote(String s) {
		return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}
}
