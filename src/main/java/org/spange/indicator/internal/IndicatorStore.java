package org.spange.indicator.internal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.spange.area.AreaId;
import org.spange.indicator.Indicator;
import org.spange.indicator.Observation;
import org.spange.indicator.Observation.Status;
import org.spange.indicator.Period;
import org.spange.indicator.Polarity;
import org.spange.indicator.Topic;
import org.spange.indicator.Variable;
import org.spange.indicator.Variable.AreaAggregation;
import org.spange.indicator.Variable.TimeAggregation;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the indicator tables. */
@Repository
class IndicatorStore {

	private static final String VARIABLE_COLUMNS = """
			select v.id, v.key, v.name_de, v.name_en, v.unit, t.key as topic_key, v.source, v.licence, v.description,
			  v.area_aggregation, w.key as weight_key, v.time_aggregation, v.non_negative, v.synthetic, v.published
			from indicator.variable v
			left join indicator.topic t on t.id = v.topic_id
			left join indicator.variable w on w.id = v.weight_variable_id
			""";

	private final JdbcClient jdbc;
	private final JdbcTemplate template;

	IndicatorStore(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	/** A variable with its database id. */
	record StoredVariable(int id, Variable variable) {
	}

	// topics

	List<Topic> topics() {
		return jdbc.sql("""
				with recursive tree as (
				  select id, key, name_de, name_en, parent_id, array[key] as path from indicator.topic
				  where parent_id is null
				  union all
				  select t.id, t.key, t.name_de, t.name_en, t.parent_id, tree.path || t.key
				  from indicator.topic t join tree on t.parent_id = tree.id)
				select tree.key, tree.name_de, tree.name_en, p.key as parent_key
				from tree left join indicator.topic p on p.id = tree.parent_id order by tree.path""")
			.query((rs, i) -> new Topic(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4))).list();
	}

	Optional<Integer> topicId(String key) {
		return jdbc.sql("select id from indicator.topic where key = ?").param(key).query(Integer.class).optional();
	}

	/** The keys of the topic and all its ancestors, nearest first. */
	List<String> topicAncestry(String key) {
		return jdbc.sql("""
				with recursive up as (
				  select id, key, parent_id, 0 as depth from indicator.topic where key = ?
				  union all
				  select t.id, t.key, t.parent_id, up.depth + 1 from indicator.topic t join up on t.id = up.parent_id
				  where up.depth < 100)
				select key from up order by depth""")
			.param(key).query(String.class).list();
	}

	void saveTopic(Topic topic, Integer parentId) {
		jdbc.sql("""
				insert into indicator.topic (key, name_de, name_en, parent_id) values (?, ?, ?, ?)
				on conflict (key) do update set name_de = excluded.name_de, name_en = excluded.name_en,
				  parent_id = excluded.parent_id""")
			.params(topic.key(), topic.nameDe(), topic.nameEn(), parentId).update();
	}

	// variables

	List<StoredVariable> variables(boolean publishedOnly) {
		return jdbc.sql(VARIABLE_COLUMNS + (publishedOnly ? " where v.published" : "") + " order by v.key")
			.query((rs, i) -> variable(rs)).list();
	}

	Optional<StoredVariable> variable(String key) {
		return jdbc.sql(VARIABLE_COLUMNS + " where v.key = ?").param(key).query((rs, i) -> variable(rs)).optional();
	}

	int insertVariable(Variable v, Integer topicId, Integer weightId) {
		return jdbc.sql("""
				insert into indicator.variable (key, name_de, name_en, unit, topic_id, source, licence, description,
				  area_aggregation, weight_variable_id, time_aggregation, non_negative, synthetic, published)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(v.key(), v.nameDe(), v.nameEn(), v.unit(), topicId, v.source(), v.licence(), v.description(),
					v.areaAggregation().name(), weightId, v.timeAggregation().name(), v.nonNegative(), v.synthetic(),
					v.published())
			.query(Integer.class).single();
	}

	void updateVariable(int id, Variable v, Integer topicId, Integer weightId) {
		jdbc.sql("""
				update indicator.variable set name_de = ?, name_en = ?, unit = ?, topic_id = ?, source = ?, licence = ?,
				  description = ?, area_aggregation = ?, weight_variable_id = ?, time_aggregation = ?, non_negative = ?,
				  synthetic = ?, published = ?, updated_at = now()
				where id = ?""")
			.params(v.nameDe(), v.nameEn(), v.unit(), topicId, v.source(), v.licence(), v.description(),
					v.areaAggregation().name(), weightId, v.timeAggregation().name(), v.nonNegative(), v.synthetic(),
					v.published(), id)
			.update();
	}

	/** Keys of the variables whose weighted mean is weighted by this variable. */
	List<String> weightedBy(int variableId) {
		return jdbc.sql("select key from indicator.variable where weight_variable_id = ? order by key")
			.param(variableId).query(String.class).list();
	}

	/** Whether a stored value is negative, for a variable that is to become non-negative. */
	boolean hasNegativeValues(int variableId) {
		return jdbc.sql("select exists (select 1 from indicator.observation where variable_id = ? and value < 0)")
			.param(variableId).query(Boolean.class).single();
	}

	private static StoredVariable variable(ResultSet rs) throws SQLException {
		return new StoredVariable(rs.getInt("id"), new Variable(rs.getString("key"), rs.getString("name_de"),
				rs.getString("name_en"), rs.getString("unit"), rs.getString("topic_key"), rs.getString("source"),
				rs.getString("licence"), rs.getString("description"),
				AreaAggregation.valueOf(rs.getString("area_aggregation")), rs.getString("weight_key"),
				TimeAggregation.valueOf(rs.getString("time_aggregation")), rs.getBoolean("non_negative"),
				rs.getBoolean("synthetic"), rs.getBoolean("published")));
	}

	// observations

	List<Observation> observations(StoredVariable variable, Period period, Collection<AreaId> areas) {
		String key = variable.variable().key();
		var sql = jdbc.sql("select area_id, value, status from indicator.observation"
				+ " where variable_id = :variable and period = :period"
				+ (areas.isEmpty() ? "" : " and area_id in (:areas)") + " order by area_id")
			.param("variable", variable.id()).param("period", period.toString());
		if (!areas.isEmpty()) {
			sql = sql.param("areas", areas.stream().map(AreaId::value).toList());
		}
		return sql.query((rs, i) -> new Observation(key, new AreaId(rs.getLong(1)), period, rs.getBigDecimal(2),
				Status.valueOf(rs.getString(3)))).list();
	}

	List<Period> periods(int variableId) {
		return periodTexts(variableId).stream().map(Period::parse).sorted().toList();
	}

	/** The periods with observations of a variable: one index probe per period instead of reading every row. */
	List<String> periodTexts(int variableId) {
		return jdbc.sql("""
				with recursive p(period) as (
				  select min(period) from indicator.observation where variable_id = :v
				  union all
				  select (select min(o.period) from indicator.observation o where o.variable_id = :v and o.period > p.period)
				  from p where p.period is not null)
				select period from p where period is not null""")
			.param("v", variableId).query(String.class).list();
	}

	/** The identity of an observation. */
	record Key(int variableId, long areaId, String period) {

		/** Mixed well: the generated hash collides across variables and neighbouring area ids in large imports. */
		@Override
		public int hashCode() {
			long h = (areaId * 0x9E3779B97F4A7C15L) ^ (variableId * 0xC2B2AE3D27D4EB4FL) ^ period.hashCode();
			return (int) (h ^ (h >>> 32));
		}
	}

	/** What is stored for an observation. */
	record Stored(BigDecimal value, Status status) {
	}

	/** The stored observations of these variables in these periods. */
	Map<Key, Stored> stored(Collection<Integer> variableIds, Collection<String> periods) {
		Map<Key, Stored> stored = new HashMap<>();
		if (variableIds.isEmpty() || periods.isEmpty()) {
			return stored;
		}
		jdbc.sql("""
				select variable_id, area_id, period, value, status from indicator.observation
				where variable_id in (:variables) and period in (:periods)""")
			.param("variables", variableIds).param("periods", periods)
			.query((ResultSet rs) -> {
				stored.put(new Key(rs.getInt(1), rs.getLong(2), rs.getString(3)),
						new Stored(rs.getBigDecimal(4), Status.valueOf(rs.getString(5))));
			});
		return stored;
	}

	/** An observation to write. */
	record Write(Key key, BigDecimal value, Status status) {
	}

	/**
	 * Inserts or updates observations: streamed with COPY into a temporary table (the fastest way into PostgreSQL),
	 * then one upsert; rows whose value and status are stored already are left alone.
	 *
	 * @param progress told how many rows have been streamed
	 * @return the rows written
	 */
	int upsert(List<Write> writes, java.util.function.IntConsumer progress) {
		if (writes.isEmpty()) {
			return 0;
		}
		Integer n = template.execute((Connection con) -> {
			try (Statement st = con.createStatement()) {
				// an earlier import in the same transaction may have left its table
				st.execute("drop table if exists observation_in");
				st.execute("""
						create temporary table observation_in (variable_id int, area_id bigint, period text,
						  value numeric, status text) on commit drop""");
			}
			CopyManager copy = con.unwrap(PGConnection.class).getCopyAPI();
			CopyIn in = copy.copyIn("copy observation_in from stdin");
			try {
				StringBuilder buffer = new StringBuilder(1 << 16);
				for (int i = 0; i < writes.size(); i++) {
					Write w = writes.get(i);
					// text format: tab-separated, \N for null; keys, periods and statuses hold no tabs or escapes
					buffer.append(w.key().variableId()).append('\t').append(w.key().areaId()).append('\t')
						.append(w.key().period()).append('\t')
						.append(w.value() == null ? "\\N" : w.value().toPlainString()).append('\t')
						.append(w.status().name()).append('\n');
					if (buffer.length() > (1 << 16) - 200 || i == writes.size() - 1) {
						byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
						in.writeToCopy(bytes, 0, bytes.length);
						buffer.setLength(0);
						progress.accept(i + 1);
					}
				}
				in.endCopy();
			} catch (SQLException | RuntimeException e) {
				if (in.isActive()) {
					in.cancelCopy(); // or the connection stays in COPY mode
				}
				throw e;
			}
			try (Statement st = con.createStatement()) {
				return st.executeUpdate("""
						insert into indicator.observation as o (variable_id, area_id, period, value, status)
						select variable_id, area_id, period, value, status from observation_in
						on conflict (variable_id, area_id, period) do update
						  set value = excluded.value, status = excluded.status, updated_at = now()
						  where o.value is distinct from excluded.value or o.status <> excluded.status""");
			}
		});
		return n == null ? 0 : n;
	}

	// indicators

	private static final String INDICATOR_COLUMNS = """
			select i.key, i.name_de, i.name_en, i.formula, i.unit, i.polarity, i.decimals, t.key as topic_key,
			  i.description, i.published
			from indicator.indicator i left join indicator.topic t on t.id = i.topic_id
			""";

	List<Indicator> indicators(boolean publishedOnly) {
		return jdbc.sql(INDICATOR_COLUMNS + (publishedOnly ? " where i.published" : "") + " order by i.key")
			.query((rs, i) -> indicator(rs)).list();
	}

	Optional<Indicator> indicator(String key) {
		return jdbc.sql(INDICATOR_COLUMNS + " where i.key = ?").param(key).query((rs, i) -> indicator(rs)).optional();
	}

	/** Inserts or updates by key. */
	void saveIndicator(Indicator ind, Integer topicId) {
		jdbc.sql("""
				insert into indicator.indicator (key, name_de, name_en, formula, unit, polarity, decimals, topic_id,
				  description, published)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (key) do update set name_de = excluded.name_de, name_en = excluded.name_en,
				  formula = excluded.formula, unit = excluded.unit, polarity = excluded.polarity,
				  decimals = excluded.decimals, topic_id = excluded.topic_id, description = excluded.description,
				  published = excluded.published, updated_at = now()""")
			.params(ind.key(), ind.nameDe(), ind.nameEn(), ind.formula(), ind.unit(), ind.polarity().name(),
					ind.decimals(), topicId, ind.description(), ind.published())
			.update();
	}

	private static Indicator indicator(ResultSet rs) throws SQLException {
		return new Indicator(rs.getString("key"), rs.getString("name_de"), rs.getString("name_en"),
				rs.getString("formula"), rs.getString("unit"), Polarity.valueOf(rs.getString("polarity")),
				rs.getInt("decimals"), rs.getString("topic_key"), rs.getString("description"),
				rs.getBoolean("published"));
	}

	void recordImportRun(String kind, String fileName, String sha256, String actor, String outcome, String report) {
		jdbc.sql("""
				insert into indicator.import_run (kind, file_name, sha256, actor, outcome, report)
				values (?, ?, ?, ?, ?, cast(? as jsonb))""")
			.params(kind, fileName, sha256, actor, outcome, report).update();
	}
}
