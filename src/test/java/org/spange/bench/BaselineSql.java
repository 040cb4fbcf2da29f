package org.spange.bench;

import java.util.List;
import java.util.Map;

import org.spange.bench.BenchData.Key;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The baseline: the same roll-up as the engine's full recomputation, written as one plain PostgreSQL statement over
 * a definition table (one row per variable or indicator key: its kind, factor and up to four input variables) and a
 * dimension table of the base areas (Gemeinde → Kreis → Land → Staat, read from the scheme).
 * <p>
 * Per key, the inputs of every Gemeinde and period are joined (index-only scans of the observation table); a
 * Gemeinde counts only where the key itself is computable there (complete case: every input present, no division
 * by zero); the sums go up the hierarchy in one sorted pass ({@code ROLLUP}), and the formula is applied to the
 * sums, so every level is a ratio of sums over the same Gemeinden. The result is written like the engine's: one row
 * per key and period with the area ids and values as arrays, into an unlogged table.
 */
final class BaselineSql {

	/** What the baseline session gets; the engine's queries need no sort or hash memory of that size. */
	static final String WORK_MEM = "256MB";

	static final String STATEMENT = """
			create unlogged table bench.baseline_value as
			with base as (
			  -- every key's inputs per Gemeinde and period, where the key is computable there (complete case)
			  select d.key_id, d.kind, d.factor, x.area_id, x.period, x.x1, x.x2, x.x3, x.x4
			  from bench.key_def d cross join lateral (
			    select o1.area_id, o1.period, o1.value::float8 as x1, o2.value::float8 as x2,
			           o3.value::float8 as x3, o4.value::float8 as x4
			    from indicator.observation o1
			    left join indicator.observation o2
			      on o2.variable_id = d.v2 and o2.area_id = o1.area_id and o2.period = o1.period
			    left join indicator.observation o3
			      on o3.variable_id = d.v3 and o3.area_id = o1.area_id and o3.period = o1.period
			    left join indicator.observation o4
			      on o4.variable_id = d.v4 and o4.area_id = o1.area_id and o4.period = o1.period
			    where o1.variable_id = d.v1 and o1.value is not null) x
			  where case d.kind when 'SUM' then true
			                    when 'WMEAN' then true
			                    when 'RATIO' then x.x2 <> 0
			                    when 'DIFF' then x.x2 <> 0 and x.x3 is not null and x.x4 <> 0
			                    else x.x2 <> 0 and x.x3 <> 0 and x.x4 <> 0 end
			), rolled as (
			  -- Gemeinde, Kreis, Land and Staat in one sorted pass; the formula over the sums
			  select b.key_id, b.period, coalesce(b.area_id, g.kreis_id, g.land_id, g.staat_id) as area_id,
			    case b.kind
			      when 'SUM' then sum(b.x1)
			      when 'WMEAN' then case when grouping(b.area_id) = 0 then sum(b.x1)
			                             else sum(b.x1 * b.x2) / nullif(sum(b.x2), 0) end
			      when 'RATIO' then b.factor * sum(b.x1) / nullif(sum(b.x2), 0)
			      when 'DIFF' then b.factor * sum(b.x1) / nullif(sum(b.x2), 0)
			                       - b.factor * sum(b.x3) / nullif(sum(b.x4), 0)
			      else b.factor * (sum(b.x1) / nullif(sum(b.x2), 0)) / nullif(sum(b.x3) / nullif(sum(b.x4), 0), 0)
			    end as value
			  from base b join bench.base_area g on g.area_id = b.area_id
			  group by b.key_id, b.period, b.kind, b.factor, rollup (g.staat_id, g.land_id, g.kreis_id, b.area_id)
			  having grouping(g.staat_id) = 0
			)
			select key_id, period, array_agg(area_id order by area_id) as area_ids,
			       array_agg(value order by area_id) as value
			from rolled
			group by key_id, period""";

	private BaselineSql() {
	}

	/** The definition and dimension tables (not timed). */
	static void prepare(JdbcClient jdbc, List<Key> keys, Map<String, Integer> variableIds, String scheme) {
		jdbc.sql("create schema if not exists bench").update();
		jdbc.sql("drop table if exists bench.key_def, bench.base_area, bench.baseline_value").update();
		jdbc.sql("""
				create table bench.key_def (key_id int primary key, key text not null unique, kind text not null,
				  factor float8 not null, v1 int not null, v2 int, v3 int, v4 int)""").update();
		for (int k = 0; k < keys.size(); k++) {
			Key key = keys.get(k);
			Integer[] v = new Integer[4];
			for (int j = 0; j < key.inputs().length; j++) {
				v[j] = variableIds.get(BenchData.variableKey(key.inputs()[j]));
			}
			jdbc.sql("insert into bench.key_def values (?, ?, ?, ?, ?, ?, ?, ?)")
				.params(k + 1, key.key(), key.kind().name(), key.factor(), v[0], v[1], v[2], v[3]).update();
		}
		jdbc.sql("""
				create table bench.base_area as
				select g.area_id, k.area_id as kreis_id, l.area_id as land_id, s.area_id as staat_id
				from area.scheme_member g
				join area.scheme_member k on k.scheme_id = g.scheme_id and k.area_id = g.parent_id
				join area.scheme_member l on l.scheme_id = g.scheme_id and l.area_id = k.parent_id
				join area.scheme_member s on s.scheme_id = g.scheme_id and s.area_id = l.parent_id
				where s.parent_id is null and g.scheme_id = (select id from area.area_scheme where key = ?)""")
			.param(scheme).update();
		jdbc.sql("alter table bench.base_area add primary key (area_id)").update();
		jdbc.sql("analyze bench.key_def").update();
		jdbc.sql("analyze bench.base_area").update();
	}
}
