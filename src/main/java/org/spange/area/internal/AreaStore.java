package org.spange.area.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;
import org.spange.area.AreaId;
import org.spange.area.AreaLevel;
import org.spange.area.AreaScheme;
import org.spange.area.AreaSummary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the area tables. Geometry goes in and out as WKB in WGS84. */
@Repository
class AreaStore {

	/** Columns of {@link AreaSummary} for a query over {@code a} (area) and {@code l} (level). */
	static final String SUMMARY_COLUMNS = "a.id, l.key as level_key, a.code, a.name, a.valid_from, a.valid_to, a.area_km2";
	/** Valid today. */
	static final String CURRENT = "a.valid_from <= current_date and (a.valid_to is null or a.valid_to >= current_date)";

	private final JdbcClient jdbc;

	AreaStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<AreaLevel> levels() {
		return jdbc.sql("select id, key, name_de, name_en, rank from area.area_level order by rank, key")
			.query(AreaLevel.class).list();
	}

	Optional<AreaLevel> level(String key) {
		return jdbc.sql("select id, key, name_de, name_en, rank from area.area_level where key = ?").param(key)
			.query(AreaLevel.class).optional();
	}

	List<AreaScheme> schemes() {
		return jdbc.sql("select id, key, name_de, name_en, description, illustrative from area.area_scheme order by id")
			.query(AreaScheme.class).list();
	}

	Optional<AreaScheme> scheme(String key) {
		return jdbc.sql("""
				select id, key, name_de, name_en, description, illustrative from area.area_scheme where key = ?""")
			.param(key).query(AreaScheme.class).optional();
	}

	int createScheme(String key, String nameDe, String nameEn, boolean illustrative) {
		return jdbc.sql("""
				insert into area.area_scheme (key, name_de, name_en, illustrative) values (?, ?, ?, ?) returning id""")
			.params(key, nameDe, nameEn, illustrative).query(Integer.class).single();
	}

	void describeScheme(String key, String description) {
		jdbc.sql("update area.area_scheme set description = ? where key = ?").params(description, key).update();
	}

	/** Existing versions of an area, valid at the given date, keyed by code. */
	Map<String, Long> idsByCode(int levelId, Collection<String> codes, LocalDate at) {
		Map<String, Long> ids = new HashMap<>();
		if (codes.isEmpty()) {
			return ids;
		}
		jdbc.sql("""
				select code, id from area.area a where level_id = :level and code in (:codes)
				and a.valid_from <= :at and (a.valid_to is null or a.valid_to >= :at)""")
			.param("level", levelId).param("codes", codes).param("at", at)
			.query((ResultSet rs) -> {
				ids.put(rs.getString(1), rs.getLong(2));
			});
		return ids;
	}

	/** The stored state of one version of an area, to decide whether an import changes it. */
	record Stored(long id, String name, byte[] geometry, String attributes, LocalDate validTo) {
	}

	Map<String, Stored> storedVersions(int levelId, LocalDate validFrom) {
		Map<String, Stored> stored = new HashMap<>();
		jdbc.sql("""
				select code, id, name, geometry, attributes::text, valid_to from area.area
				where level_id = ? and valid_from = ?""")
			.params(levelId, validFrom)
			.query((ResultSet rs) -> {
				stored.put(rs.getString(1), new Stored(rs.getLong(2), rs.getString(3), rs.getBytes(4),
						rs.getString(5), rs.getObject(6, LocalDate.class)));
			});
		return stored;
	}

	/** Closes earlier versions of these codes still valid on {@code validFrom} the day before. */
	int closeEarlierVersions(int levelId, Collection<String> codes, LocalDate validFrom) {
		if (codes.isEmpty()) {
			return 0;
		}
		return jdbc.sql("""
				update area.area set valid_to = :end, updated_at = now()
				where level_id = :level and code in (:codes) and valid_from < :from
				and (valid_to is null or valid_to >= :from)""")
			.param("end", validFrom.minusDays(1)).param("level", levelId).param("codes", codes)
			.param("from", validFrom).update();
	}

	/** How many versions {@link #closeEarlierVersions} would close. */
	int countEarlierVersions(int levelId, Collection<String> codes, LocalDate validFrom) {
		if (codes.isEmpty()) {
			return 0;
		}
		return jdbc.sql("""
				select count(*) from area.area
				where level_id = :level and code in (:codes) and valid_from < :from
				and (valid_to is null or valid_to >= :from)""")
			.param("level", levelId).param("codes", codes).param("from", validFrom).query(Integer.class).single();
	}

	long insert(int levelId, String code, String name, LocalDate validFrom, Geometry g, String attributesJson,
			String source) {
		Shape shape = Shape.of(g);
		// valid until the day before a later version of the same code, if there is one
		return jdbc.sql("""
				insert into area.area (level_id, code, name, valid_from, valid_to, geometry, min_lon, min_lat, max_lon,
				  max_lat, centroid_lon, centroid_lat, area_km2, attributes, source)
				values (?, ?, ?, ?, (select min(n.valid_from) - 1 from area.area n
				  where n.level_id = ? and n.code = ? and n.valid_from > ?),
				  ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?) returning id""")
			.params(levelId, code, name, validFrom, levelId, code, validFrom, shape.wkb(), shape.minLon(),
					shape.minLat(), shape.maxLon(), shape.maxLat(), shape.centroidLon(), shape.centroidLat(),
					shape.km2(), attributesJson, source)
			.query(Long.class).single();
	}

	/** Updates an area; without a geometry (an area list) the stored boundary stays. */
	void update(long id, String name, Geometry g, String attributesJson, String source) {
		if (g == null) {
			jdbc.sql("""
					update area.area set name = ?, attributes = cast(? as jsonb), source = ?, updated_at = now()
					where id = ?""").params(name, attributesJson, source, id).update();
			return;
		}
		Shape shape = Shape.of(g);
		jdbc.sql("""
				update area.area set name = ?, geometry = ?, min_lon = ?, min_lat = ?, max_lon = ?, max_lat = ?,
				  centroid_lon = ?, centroid_lat = ?, area_km2 = ?, attributes = cast(? as jsonb), source = ?,
				  updated_at = now()
				where id = ?""")
			.params(name, shape.wkb(), shape.minLon(), shape.minLat(), shape.maxLon(), shape.maxLat(),
					shape.centroidLon(), shape.centroidLat(), shape.km2(), attributesJson, source, id)
			.update();
	}

	/** The stored columns derived from a geometry; all null for an area without boundary. */
	private record Shape(byte[] wkb, Double minLon, Double minLat, Double maxLon, Double maxLat, Double centroidLon,
			Double centroidLat, Double km2) {

		static Shape of(Geometry g) {
			if (g == null) {
				return new Shape(null, null, null, null, null, null, null, null);
			}
			Envelope e = g.getEnvelopeInternal();
			Point c = g.getInteriorPoint();
			return new Shape(AreaStore.wkb(g), e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY(), c.getX(), c.getY(),
					squareKilometres(g));
		}
	}

	Map<String, String> codes(long areaId) {
		Map<String, String> codes = new java.util.TreeMap<>();
		jdbc.sql("select kind, code from area.area_code where area_id = ?").param(areaId)
			.query((ResultSet rs) -> {
				codes.put(rs.getString(1), rs.getString(2));
			});
		return codes;
	}

	void replaceCodes(long areaId, Map<String, String> codes) {
		jdbc.sql("delete from area.area_code where area_id = ?").param(areaId).update();
		codes.forEach((kind, code) -> jdbc.sql("insert into area.area_code (area_id, kind, code) values (?, ?, ?)")
			.params(areaId, kind, code).update());
	}

	/** Parent of an area in a scheme: empty if not a member, a null-valued optional inside for a root. */
	Optional<Optional<Long>> membership(int schemeId, long areaId) {
		return jdbc.sql("select parent_id from area.scheme_member where scheme_id = ? and area_id = ?")
			.params(schemeId, areaId)
			.query((rs, i) -> Optional.ofNullable((Long) rs.getObject(1, Long.class)))
			.optional();
	}

	void setMembership(int schemeId, long areaId, Long parentId) {
		jdbc.sql("""
				insert into area.scheme_member (scheme_id, area_id, parent_id) values (?, ?, ?)
				on conflict (scheme_id, area_id) do update set parent_id = excluded.parent_id""")
			.params(schemeId, areaId, parentId).update();
	}

	List<Geometry> geometries(Collection<Long> areaIds) {
		return jdbc.sql("select geometry from area.area where id in (:ids) and geometry is not null order by id")
			.param("ids", areaIds)
			.query((rs, i) -> geometry(rs.getBytes(1)))
			.list();
	}

	Optional<String> source(long areaId) {
		return jdbc.sql("select source from area.area where id = ?").param(areaId).query(String.class).optional();
	}

	long dataVersion() {
		return jdbc.sql("select version from area.data_version").query(Long.class).single();
	}

	void bumpDataVersion() {
		jdbc.sql("update area.data_version set version = version + 1").update();
	}

	void recordImportRun(String kind, String fileName, String sha256, String actor, String outcome, String report) {
		jdbc.sql("""
				insert into area.import_run (kind, file_name, sha256, actor, outcome, report)
				values (?, ?, ?, ?, ?, cast(? as jsonb))""")
			.params(kind, fileName, sha256, actor, outcome, report).update();
	}

	static AreaSummary summary(ResultSet rs, Long parentId, String parentName) throws SQLException {
		return new AreaSummary(new AreaId(rs.getLong("id")), rs.getString("level_key"), rs.getString("code"),
				rs.getString("name"), rs.getObject("valid_from", LocalDate.class),
				rs.getObject("valid_to", LocalDate.class), (Double) rs.getObject("area_km2", Double.class),
				parentId == null ? null : new AreaId(parentId), parentName);
	}

	static byte[] wkb(Geometry g) {
		return new WKBWriter(2).write(g);
	}

	static Geometry geometry(byte[] wkb) {
		try {
			Geometry g = new WKBReader(BoundaryFile.GEOMETRY).read(wkb);
			g.setSRID(CoordinateSystems.WGS84);
			return g;
		} catch (ParseException e) {
			throw new IllegalStateException("Stored geometry is not WKB", e);
		}
	}

	static double squareKilometres(Geometry wgs84) {
		return CoordinateSystems.fromWgs84(wgs84, CoordinateSystems.EQUAL_AREA).getArea() / 1_000_000d;
	}
}
