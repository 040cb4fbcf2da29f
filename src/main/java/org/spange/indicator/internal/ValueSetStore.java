package org.spange.indicator.internal;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.postgresql.PGConnection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Computed values as one row per key and period with parallel arrays (see the migration). Missing values are stored
 * as NaN inside the float8 array so the arrays travel as primitive arrays; they are never 0 and are read back as
 * missing.
 */
@Repository
class ValueSetStore {

	/** The computed values of one key in one period, by position; NaN where missing. */
	record ValueSet(String key, String period, long[] areaIds, double[] values, float[] coverage) {
	}

	private final JdbcClient jdbc;
	private final JdbcTemplate template;

	ValueSetStore(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	/** Writes value sets, replacing those of the same key and period. */
	void write(List<ValueSet> sets) {
		if (sets.isEmpty()) {
			return;
		}
		template.execute((Connection con) -> {
			// the driver's own createArrayOf takes primitive arrays and sends them without boxing every element
			PGConnection pg = con.unwrap(PGConnection.class);
			try (PreparedStatement ps = con.prepareStatement("""
					insert into indicator.value_set (key, period, area_ids, value, coverage) values (?, ?, ?, ?, ?)
					on conflict (key, period) do update set area_ids = excluded.area_ids, value = excluded.value,
					  coverage = excluded.coverage, computed_at = now()""")) {
				for (ValueSet set : sets) {
					ps.setString(1, set.key());
					ps.setString(2, set.period());
					ps.setArray(3, pg.createArrayOf("int8", set.areaIds()));
					ps.setArray(4, pg.createArrayOf("float8", set.values()));
					ps.setArray(5, pg.createArrayOf("float4", set.coverage()));
					ps.addBatch();
				}
				ps.executeBatch();
			}
			return null;
		});
	}

	void delete(String key, String period) {
		jdbc.sql("delete from indicator.value_set where key = ? and period = ?").params(key, period).update();
	}

	void deleteKey(String key) {
		jdbc.sql("delete from indicator.value_set where key = ?").param(key).update();
	}

	void deleteAll() {
		jdbc.sql("delete from indicator.value_set").update();
	}

	Optional<ValueSet> read(String key, String period) {
		return jdbc.sql("select key, period, area_ids, value, coverage from indicator.value_set where key = ? and period = ?")
			.params(key, period).query((rs, i) -> valueSet(rs)).optional();
	}

	List<String> periods(String key) {
		return jdbc.sql("select period from indicator.value_set where key = ?").param(key).query(String.class).list();
	}

	/** One area's value and coverage per period (NaN where missing); no row where the area is not in the set. */
	record Point(String period, double value, float coverage) {
	}

	List<Point> series(String key, long areaId) {
		return jdbc.sql("""
				select period, value[i], coverage[i] from (
				  select period, value, coverage, array_position(area_ids, ?) as i from indicator.value_set
				  where key = ?) s
				where i is not null""")
			.params(areaId, key)
			.query((rs, n) -> new Point(rs.getString(1), rs.getDouble(2), rs.getFloat(3))).list();
	}

	private static ValueSet valueSet(ResultSet rs) throws SQLException {
		return new ValueSet(rs.getString(1), rs.getString(2), longs(rs.getArray(3)), doubles(rs.getArray(4)),
				floats(rs.getArray(5)));
	}

	private static long[] longs(Array array) throws SQLException {
		Object[] boxed = (Object[]) array.getArray();
		long[] out = new long[boxed.length];
		for (int i = 0; i < out.length; i++) {
			out[i] = ((Number) boxed[i]).longValue();
		}
		return out;
	}

	private static double[] doubles(Array array) throws SQLException {
		Object[] boxed = (Object[]) array.getArray();
		double[] out = new double[boxed.length];
		for (int i = 0; i < out.length; i++) {
			out[i] = boxed[i] == null ? Double.NaN : ((Number) boxed[i]).doubleValue();
		}
		return out;
	}

	private static float[] floats(Array array) throws SQLException {
		Object[] boxed = (Object[]) array.getArray();
		float[] out = new float[boxed.length];
		for (int i = 0; i < out.length; i++) {
			out[i] = boxed[i] == null ? 0f : ((Number) boxed[i]).floatValue();
		}
		return out;
	}
}
