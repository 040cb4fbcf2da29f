package org.spange.area.internal;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;
import org.spange.area.AreaDetail;
import org.spange.area.AreaHierarchy;
import org.spange.area.AreaId;
import org.spange.area.AreaLevel;
import org.spange.area.AreaQueries;
import org.spange.area.AreaScheme;
import org.spange.area.AreaSummary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

@Service
class JdbcAreaQueries implements AreaQueries {

	private static final String IN_SCHEME = """
			from area.scheme_member m
			join area.area a on a.id = m.area_id
			join area.area_level l on l.id = a.level_id
			join area.area_scheme s on s.id = m.scheme_id
			left join area.area p on p.id = m.parent_id
			""";

	private final JdbcClient jdbc;
	private final AreaStore store;
	/** Simplified map layers by (version, scheme, level, zoom); dropped as soon as the data version moves on. */
	private final Map<String, String> layers = new ConcurrentHashMap<>();
	private volatile long cachedVersion = -1;

	JdbcAreaQueries(JdbcClient jdbc, AreaStore store) {
		this.jdbc = jdbc;
		this.store = store;
	}

	@Override
	public List<AreaLevel> levels() {
		return store.levels();
	}

	@Override
	public List<AreaScheme> schemes() {
		return store.schemes();
	}

	@Override
	public Optional<AreaScheme> scheme(String key) {
		return store.scheme(key);
	}

	@Override
	public List<AreaLevel> levelsOf(String schemeKey) {
		return jdbc.sql("""
				select distinct l.id, l.key, l.name_de, l.name_en, l.rank
				""" + IN_SCHEME + " where s.key = ? and " + AreaStore.CURRENT + " order by l.rank")
			.param(schemeKey).query(AreaLevel.class).list();
	}

	@Override
	public List<AreaSummary> areas(String schemeKey, String levelKey) {
		return jdbc.sql("select " + AreaStore.SUMMARY_COLUMNS + ", p.id as parent_id, p.name as parent_name "
				+ IN_SCHEME + " where s.key = ? and l.key = ? and " + AreaStore.CURRENT + " order by a.name, a.code")
			.params(schemeKey, levelKey)
			.query((rs, i) -> AreaStore.summary(rs, (Long) rs.getObject("parent_id", Long.class),
					rs.getString("parent_name")))
			.list();
	}

	@Override
	public Optional<AreaSummary> byCode(String levelKey, String code) {
		return jdbc.sql("select " + AreaStore.SUMMARY_COLUMNS + """
				 from area.area a join area.area_level l on l.id = a.level_id
				where l.key = ? and a.code = ? and\s""" + AreaStore.CURRENT)
			.params(levelKey, code).query((rs, i) -> AreaStore.summary(rs, null, null)).optional();
	}

	@Override
	public Optional<AreaSummary> containing(String levelKey, double lon, double lat) {
		Point point = BoundaryFile.GEOMETRY.createPoint(new Coordinate(lon, lat));
		// bounding box first (plain columns), then the exact test on the few candidates' geometry
		List<AreaSummary> hits = new ArrayList<>();
		jdbc.sql("select " + AreaStore.SUMMARY_COLUMNS + """
				, a.geometry from area.area a join area.area_level l on l.id = a.level_id
				where l.key = ? and a.geometry is not null and a.min_lon <= ? and a.max_lon >= ? and a.min_lat <= ?
				and a.max_lat >= ? and\s""" + AreaStore.CURRENT + " order by a.area_km2 nulls last, a.id")
			.params(levelKey, lon, lon, lat, lat).query((ResultSet rs) -> {
				if (AreaStore.geometry(rs.getBytes("geometry")).covers(point)) {
					hits.add(AreaStore.summary(rs, null, null));
				}
			});
		return hits.stream().findFirst();
	}

	@Override
	public Map<String, AreaId> idsByCode(String levelKey) {
		Map<String, AreaId> ids = new HashMap<>();
		jdbc.sql("select a.code, a.id from area.area a join area.area_level l on l.id = a.level_id where l.key = ? and "
				+ AreaStore.CURRENT)
			.param(levelKey).query((ResultSet rs) -> {
				ids.put(rs.getString(1), new AreaId(rs.getLong(2)));
			});
		return ids;
	}

	@Override
	public AreaHierarchy hierarchy() {
		long version = dataVersion();
		List<AreaHierarchy.Member> members = jdbc.sql("select s.key as scheme_key, a.id, l.key as level_key, m.parent_id "
				+ IN_SCHEME + " where " + AreaStore.CURRENT + " order by s.id, a.id")
			.query((rs, i) -> new AreaHierarchy.Member(rs.getString("scheme_key"), new AreaId(rs.getLong("id")),
					rs.getString("level_key"),
					rs.getObject("parent_id") == null ? null : new AreaId(rs.getLong("parent_id"))))
			.list();
		return new AreaHierarchy(version, members);
	}

	@Override
	public Optional<AreaDetail> area(AreaId id) {
		record Row(AreaSummary summary, AreaLevel level, double[] bbox, double[] centroid) {
		}
		Optional<Row> row = jdbc.sql("select " + AreaStore.SUMMARY_COLUMNS + """
				, l.id as l_id, l.name_de, l.name_en, l.rank, a.min_lon, a.min_lat, a.max_lon, a.max_lat,
				  a.centroid_lon, a.centroid_lat
				from area.area a join area.area_level l on l.id = a.level_id where a.id = ?""")
			.param(id.value())
			.query((rs, i) -> new Row(AreaStore.summary(rs, null, null),
					new AreaLevel(rs.getInt("l_id"), rs.getString("level_key"), rs.getString("name_de"),
							rs.getString("name_en"), rs.getInt("rank")),
					rs.getObject("min_lon") == null ? null
							: new double[] { rs.getDouble("min_lon"), rs.getDouble("min_lat"), rs.getDouble("max_lon"),
									rs.getDouble("max_lat") },
					rs.getObject("centroid_lon") == null ? null
							: new double[] { rs.getDouble("centroid_lon"), rs.getDouble("centroid_lat") }))
			.optional();
		return row.map(r -> new AreaDetail(r.summary(), r.level(), store.codes(id.value()), r.bbox(), r.centroid(),
				positions(id)));
	}

	private List<AreaDetail.SchemePosition> positions(AreaId id) {
		List<AreaDetail.SchemePosition> positions = new ArrayList<>();
		for (AreaScheme scheme : store.schemes()) {
			if (store.membership(scheme.id(), id.value()).isEmpty()) {
				continue;
			}
			List<AreaSummary> ancestors = jdbc.sql("""
					with recursive up(area_id, parent_id, depth) as (
					  select area_id, parent_id, 0 from area.scheme_member where scheme_id = :s and area_id = :a
					  union all
					  select m.area_id, m.parent_id, up.depth + 1 from area.scheme_member m
					  join up on m.area_id = up.parent_id and m.scheme_id = :s where up.depth < 20)
					select\s""" + AreaStore.SUMMARY_COLUMNS + """
					 from up join area.area a on a.id = up.area_id join area.area_level l on l.id = a.level_id
					where up.depth > 0 order by up.depth desc""")
				.param("s", scheme.id()).param("a", id.value())
				.query((rs, i) -> AreaStore.summary(rs, null, null)).list();
			List<AreaSummary> children = jdbc.sql("select " + AreaStore.SUMMARY_COLUMNS + ", p.id as parent_id,"
					+ " p.name as parent_name " + IN_SCHEME + " where m.scheme_id = ? and m.parent_id = ? and "
					+ AreaStore.CURRENT + " order by a.name")
				.params(scheme.id(), id.value())
				.query((rs, i) -> AreaStore.summary(rs, (Long) rs.getObject("parent_id", Long.class),
						rs.getString("parent_name")))
				.list();
			positions.add(new AreaDetail.SchemePosition(scheme, ancestors, children));
		}
		return positions;
	}

	@Override
	public String geoJson(String schemeKey, String levelKey, int zoom) {
		int z = Math.max(0, Math.min(zoom, 14));
		long version = dataVersion();
		if (version != cachedVersion) {
			layers.clear();
			cachedVersion = version;
		}
		return layers.computeIfAbsent(version + "|" + schemeKey + "|" + levelKey + "|" + z,
				k -> renderLayer(schemeKey, levelKey, z));
	}

	private String renderLayer(String schemeKey, String levelKey, int zoom) {
		// about half a screen pixel at this zoom, in degrees; at zoom 14 and above the full geometry
		double tolerance = zoom >= 14 ? 0 : 360d / (256 * Math.pow(2, zoom)) / 2;
		int decimals = zoom >= 14 ? 6 : Math.max(3, Math.min(6, (int) Math.ceil(-Math.log10(tolerance)) + 1));
		StringBuilder out = new StringBuilder(64 * 1024).append("{\"type\":\"FeatureCollection\",\"features\":[");
		boolean[] first = { true };
		jdbc.sql("select " + AreaStore.SUMMARY_COLUMNS + ", p.id as parent_id, p.name as parent_name, a.geometry "
				+ IN_SCHEME + " where s.key = ? and l.key = ? and a.geometry is not null and " + AreaStore.CURRENT
				+ " order by a.name")
			.params(schemeKey, levelKey)
			.query((ResultSet rs) -> {
				AreaSummary a = AreaStore.summary(rs, (Long) rs.getObject("parent_id", Long.class),
						rs.getString("parent_name"));
				Geometry g = AreaStore.geometry(rs.getBytes("geometry"));
				if (tolerance > 0) {
					g = TopologyPreservingSimplifier.simplify(g, tolerance);
				}
				if (!first[0]) {
					out.append(',');
				}
				first[0] = false;
				GeoJsonWriter.feature(out, a, g, decimals);
			});
		return out.append("]}").toString();
	}

	@Override
	public Optional<String> geoJson(AreaId id) {
		return jdbc.sql("select " + AreaStore.SUMMARY_COLUMNS + """
				, a.geometry from area.area a join area.area_level l on l.id = a.level_id
				where a.id = ? and a.geometry is not null""")
			.param(id.value())
			.query((rs, i) -> {
				StringBuilder out = new StringBuilder();
				GeoJsonWriter.feature(out, AreaStore.summary(rs, null, null), AreaStore.geometry(rs.getBytes("geometry")),
						6);
				return out.toString();
			})
			.optional();
	}

	@Override
	public long dataVersion() {
		return store.dataVersion();
	}
}
