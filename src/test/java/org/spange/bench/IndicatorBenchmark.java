package org.spange.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.IntPredicate;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.spange.area.AreaId;
import org.spange.area.AreaImports;
import org.spange.area.AreaListOptions;
import org.spange.area.AreaQueries;
import org.spange.area.AreaSummary;
import org.spange.indicator.Indicator;
import org.spange.indicator.IndicatorCatalog;
import org.spange.indicator.IndicatorValue;
import org.spange.indicator.IndicatorValues;
import org.spange.indicator.ObservationImportOptions;
import org.spange.indicator.ObservationImportOptions.Layout;
import org.spange.indicator.ObservationImportResult;
import org.spange.indicator.ObservationImports;
import org.spange.indicator.Period;
import org.spange.indicator.Variable;
import org.spange.platform.imports.ImportProgress.Phase;
import org.spange.platform.imports.ImportReport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The indicator benchmark (issue 3): builds the national data set of {@link BenchData} in its own database,
 * measures full recomputation against the same aggregation as one SQL statement ({@link BaselineSql}), the map query,
 * and the observation import against {@code COPY}, checks the engine's values against the baseline's, and writes
 * {@code bench/results/indicators.json} and {@code .md}.
 * <p>
 * Not part of the test suite (surefire excludes {@code **}{@code /bench/**}); run it with {@code ./mvnw -Pbench test}.
 * Timings are reported, never asserted; only the correctness check can fail it.
 */
@SpringBootTest(properties = { "spange.db.embedded.database=spange_bench", "spange.import.max-file-size=64MB",
		"spange.admin.username=bench", "spange.admin.password=benchmark-admin-only",
		"logging.level.org.spange=warn" })
@ActiveProfiles("test")
class IndicatorBenchmark {

	/** the rows of the import measurement: these variables in the last year, left out of the bulk load */
	static final int IMPORT_YEAR = BenchData.LAST_YEAR;
	static final int IMPORT_FIRST_VARIABLE = 131;
	static final int IMPORT_LAST_VARIABLE = 180;

	static final int RUNS = Integer.getInteger("bench.runs", 3);
	static final int MAP_QUERIES = Integer.getInteger("bench.mapQueries", 200);
	static final int MAP_WARMUP = 20;
	static final double TOLERANCE = 1e-9;
	/** periods whose value sets are compared, every key in each */
	static final List<String> CHECKED_PERIODS = List.of("2003", "2012", "2022");

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AreaImports areaImports;

	@Autowired
	AreaQueries areas;

	@Autowired
	IndicatorCatalog catalog;

	@Autowired
	ObservationImports imports;

	@Autowired
	IndicatorValues values;

	private final Map<String, Object> results = new LinkedHashMap<>();
	private final Map<String, Object> setup = new LinkedHashMap<>();
	private final List<String> notes = new ArrayList<>();
	private BenchData data;
	private Map<String, Integer> variableIds;
	private long[] gemeindeIds;

	@Test
	void indicators() throws Exception {
		long start = System.nanoTime();
		String url = jdbc.sql("select current_database()").query(String.class).single();
		assertThat(url).as("the benchmark rebuilds tables and indexes: it runs only in its own embedded database")
			.isEqualTo("spange_bench");
		machine();
		tuneServer();

		data = BenchData.load();
		boolean reuse = Boolean.getBoolean("bench.reuse")
				&& jdbc.sql("select count(*) from indicator.variable").query(Long.class).single() > 0;
		if (reuse) {
			// trying out: keep the data set of an earlier run (with -Dspange.db.embedded.clean=false); no files
			reuse();
		} else {
			task("areas", this::loadAreas);
			task("catalog", this::defineCatalog);
			task("bulk load", this::bulkLoad);
			task("import vs COPY", this::importVersusCopy);
		}
		task("recompute vs baseline", this::recomputeVersusBaseline);
		boolean matched = step("baseline check", this::checkAgainstBaseline);
		task("map query", this::measureMapQuery);
		if (reuse) {
			log("reused data set, results not written: " + results);
			assertThat(matched).isTrue();
			return;
		}

		results.put("targets", targets());
		results.put("setup", setup);
		results.put("notes", notes);
		results.put("total_run_s", Math.round((System.nanoTime() - start) / 1e9));
		results.put("load_average_end", load());
		Path dir = Path.of(System.getProperty("spange.bench.out", "bench/results"));
		Files.createDirectories(dir);
		Files.writeString(dir.resolve("indicators.json"), BenchReport.json(results), StandardCharsets.UTF_8);
		Files.writeString(dir.resolve("indicators.md"), BenchReport.markdown(results), StandardCharsets.UTF_8);
		log("results written to " + dir.toAbsolutePath());
		assertThat(matched).as("the engine's values equal the baseline's (see baseline_check in the results)").isTrue();
	}

	// setup

	private void machine() {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("cores", Runtime.getRuntime().availableProcessors());
		m.put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
		m.put("max_heap_mb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
		m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
				+ System.getProperty("os.arch"));
		m.put("memory_gb", Math.round(((com.sun.management.OperatingSystemMXBean) ManagementFactory
			.getOperatingSystemMXBean()).getTotalMemorySize() / 1e9));
		m.put("postgresql", jdbc.sql("select version()").query(String.class).single());
		m.put("shared_buffers", jdbc.sql("show shared_buffers").query(String.class).single());
		m.put("load_average_start", load());
		results.put("timestamp", Instant.now().toString());
		results.put("machine", m);
	}

	private static double load() {
		return Math.round(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage() * 100) / 100d;
	}

	/** The benchmark's own throw-away cluster: room for the WAL of the bulk load, the same for engine and baseline. */
	private void tuneServer() {
		try {
			jdbc.sql("alter system set max_wal_size = '16GB'").update();
			jdbc.sql("alter system set checkpoint_timeout = '30min'").update();
			jdbc.sql("select pg_reload_conf()").query(Boolean.class).single();
			notes.add("Server (the benchmark's own embedded cluster, fsync off as in all tests): max_wal_size 16GB,"
					+ " checkpoint_timeout 30min; shared_buffers left at the default "
					+ jdbc.sql("show shared_buffers").query(String.class).single() + ".");
		} catch (RuntimeException e) {
			notes.add("Server settings left as they are: " + e.getMessage());
		}
	}

	private void loadAreas() {
		long t = System.nanoTime();
		list("staat", data.staatCsv(), null, "parent", null);
		list("land", data.laenderCsv(), "staat", "parent", null);
		list("kreis", data.kreiseCsv(), "land", null, 2);
		list("gemeinde", data.gemeindenCsv(), "kreis", null, 5);
		List<AreaSummary> level = areas.areas(BenchData.SCHEME, "gemeinde");
		gemeindeIds = new long[data.gemeinden.size()];
		Map<String, AreaId> byCode = areas.idsByCode("gemeinde");
		for (int g = 0; g < gemeindeIds.length; g++) {
			gemeindeIds[g] = byCode.get(data.gemeinden.get(g).ags()).value();
		}
		long all = jdbc.sql("select count(*) from area.scheme_member m join area.area_scheme s on s.id = m.scheme_id"
				+ " where s.key = ?").param(BenchData.SCHEME).query(Long.class).single();
		results.put("areas", all);
		results.put("base_areas", level.size());
		results.put("levels", "Staat 1, Länder " + count("land") + ", Kreise " + count("kreis") + ", Gemeinden "
				+ level.size());
		setup.put("area_import_ms", ms(t));
	}

	private void reuse() {
		Map<String, AreaId> byCode = areas.idsByCode("gemeinde");
		gemeindeIds = data.gemeinden.stream().mapToLong(g -> byCode.get(g.ags()).value()).toArray();
		variableIds = new HashMap<>();
		jdbc.sql("select key, id from indicator.variable").query((ResultSet rs) -> {
			variableIds.put(rs.getString(1), rs.getInt(2));
		});
		results.put("areas", jdbc.sql("select count(*) from area.scheme_member").query(Long.class).single());
	}

	private long count(String level) {
		return areas.areas(BenchData.SCHEME, level).size();
	}

	private void list(String level, String csv, String parentLevel, String parentColumn, Integer prefix) {
		AreaListOptions options = AreaListOptions.of(level, "code", "name").inScheme(BenchData.SCHEME, parentLevel,
				parentLevel == null || prefix != null ? null : parentColumn, prefix);
		ImportReport report = areaImports.importAreaList(level + ".csv", csv.getBytes(StandardCharsets.UTF_8),
				options);
		assertThat(report.problems()).as("area list %s", level).isEmpty();
		assertThat(report.outcome()).isEqualTo(ImportReport.Outcome.WRITTEN);
	}

	private void defineCatalog() {
		long t = System.nanoTime();
		for (Variable v : data.variables) {
			catalog.createVariable(v);
		}
		for (Indicator i : data.indicators) {
			catalog.saveIndicator(i);
		}
		variableIds = new HashMap<>();
		jdbc.sql("select key, id from indicator.variable").query((ResultSet rs) -> {
			variableIds.put(rs.getString(1), rs.getInt(2));
		});
		results.put("variables", data.variables.size());
		results.put("indicators", data.indicators.size());
		results.put("periods", BenchData.years());
		results.put("period_range", BenchData.FIRST_YEAR + "–" + BenchData.LAST_YEAR);
		setup.put("catalog_ms", ms(t));
	}

	// bulk load

	private static boolean inImport(int v, int year) {
		return year == IMPORT_YEAR && v >= IMPORT_FIRST_VARIABLE && v <= IMPORT_LAST_VARIABLE;
	}

	/**
	 * Every observation except the import subset by {@code COPY … FREEZE} into the emptied table, with the indexes
	 * and the foreign key dropped before and built after, as a restore does.
	 */
	private void bulkLoad() throws SQLException {
		List<String> recreate = new ArrayList<>();
		try (Connection con = dataSource.getConnection(); Statement st = con.createStatement()) {
			con.setAutoCommit(false);
			List<String> drops = new ArrayList<>();
			try (ResultSet rs = st.executeQuery("""
					select conname, pg_get_constraintdef(oid), contype from pg_constraint
					where conrelid = 'indicator.observation'::regclass and contype in ('p', 'f', 'u')
					order by contype desc""")) {
				while (rs.next()) {
					drops.add("alter table indicator.observation drop constraint " + rs.getString(1));
					recreate.add("alter table indicator.observation add constraint " + rs.getString(1) + " "
							+ rs.getString(2));
				}
			}
			try (ResultSet rs = st.executeQuery("""
					select i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) from pg_index i
					where i.indrelid = 'indicator.observation'::regclass
					  and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)""")) {
				while (rs.next()) {
					drops.add("drop index " + rs.getString(1));
					recreate.add(0, rs.getString(2));
				}
			}
			for (String sql : drops) {
				st.execute(sql);
			}
			st.execute("truncate indicator.observation");
			long t = System.nanoTime();
			long[] rows = copy(con, "copy indicator.observation (variable_id, area_id, period, value, status)"
					+ " from stdin with (freeze)", (v) -> true, year -> true, true);
			con.commit();
			setup.put("bulk_copy_ms", ms(t));
			setup.put("bulk_copy_rows", rows[0]);
			log("bulk COPY of " + rows[0] + " rows: " + setup.get("bulk_copy_ms") + " ms");
			results.put("observations", rows[0] + (long) (IMPORT_LAST_VARIABLE - IMPORT_FIRST_VARIABLE + 1)
					* data.gemeinden.size());
			con.setAutoCommit(true);
			t = System.nanoTime();
			st.execute("set maintenance_work_mem = '1GB'");
			for (String sql : recreate) {
				st.execute(sql);
			}
			setup.put("bulk_indexes_and_keys_ms", ms(t));
			t = System.nanoTime();
			st.execute("vacuum analyze indicator.observation");
			setup.put("bulk_vacuum_analyze_ms", ms(t));
		}
		setup.put("observation_table_size", jdbc.sql(
				"select pg_size_pretty(pg_total_relation_size('indicator.observation'))").query(String.class).single());
		notes.add("The bulk of the data set (all but the import subset) is loaded with COPY … FREEZE into the emptied"
				+ " observation table, its indexes and foreign key dropped before and rebuilt after (as a restore"
				+ " does); the import path is measured separately on the subset.");
	}

	/**
	 * Streams generated rows into {@code COPY} (text format). Order: year, variable, Gemeinde: as yearly imports
	 * would lay the table down.
	 *
	 * @return rows, rows with a value
	 */
	private long[] copy(Connection con, String sql, IntPredicate variables, IntPredicate years, boolean bulk)
			throws SQLException {
		CopyIn in = con.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
		long rows = 0;
		long withValue = 0;
		StringBuilder sb = new StringBuilder(1 << 20);
		StringBuilder value = new StringBuilder(32);
		try {
			for (int year = BenchData.FIRST_YEAR; year <= BenchData.LAST_YEAR; year++) {
				if (!years.test(year)) {
					continue;
				}
				String period = Integer.toString(year);
				for (int v = 1; v <= BenchData.VARIABLES; v++) {
					if (!variables.test(v) || bulk && inImport(v, year)) {
						continue;
					}
					int id = variableIds.get(BenchData.variableKey(v));
					for (int g = 0; g < gemeindeIds.length; g++) {
						value.setLength(0);
						boolean known = data.value(v, g, year, value);
						sb.append(id).append('\t').append(gemeindeIds[g]).append('\t').append(period).append('\t');
						if (known) {
							sb.append(value).append("\tOK\n");
							withValue++;
						} else {
							sb.append("\\N\tMISSING\n");
						}
						rows++;
						if (sb.length() > (1 << 20) - 256) {
							byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
							in.writeToCopy(bytes, 0, bytes.length);
							sb.setLength(0);
						}
					}
				}
			}
			byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
			in.writeToCopy(bytes, 0, bytes.length);
			in.endCopy();
		} finally {
			if (in.isActive()) {
				in.cancelCopy();
			}
		}
		return new long[] { rows, withValue };
	}

	// import against COPY

	private static boolean importVariable(int v) {
		return v >= IMPORT_FIRST_VARIABLE && v <= IMPORT_LAST_VARIABLE;
	}

	/** The import subset as an observation file: long layout, ';', decimal comma, '.' for missing. */
	private byte[] importFile() {
		StringBuilder sb = new StringBuilder(32 << 20);
		sb.append("gebiet;merkmal;zeitraum;wert\n");
		StringBuilder value = new StringBuilder(32);
		String period = Integer.toString(IMPORT_YEAR);
		for (int v = IMPORT_FIRST_VARIABLE; v <= IMPORT_LAST_VARIABLE; v++) {
			String key = BenchData.variableKey(v);
			for (int g = 0; g < gemeindeIds.length; g++) {
				value.setLength(0);
				boolean known = data.value(v, g, IMPORT_YEAR, value);
				sb.append(data.gemeinden.get(g).ags()).append(';').append(key).append(';').append(period).append(';');
				if (known) {
					for (int i = 0; i < value.length(); i++) {
						char c = value.charAt(i);
						sb.append(c == '.' ? ',' : c);
					}
				} else {
					sb.append('.');
				}
				sb.append('\n');
			}
		}
		return sb.toString().getBytes(StandardCharsets.UTF_8);
	}

	private void importVersusCopy() throws SQLException {
		int rows = (IMPORT_LAST_VARIABLE - IMPORT_FIRST_VARIABLE + 1) * gemeindeIds.length;
		// COPY of the same rows into the same table (same indexes, same foreign key), rolled back; once to warm
		// the caches as the import will find them, then timed
		long copyNanos = 0;
		for (int round = 0; round < 2; round++) {
			try (Connection con = dataSource.getConnection()) {
				con.setAutoCommit(false);
				long t = System.nanoTime();
				long[] copied = copy(con, "copy indicator.observation (variable_id, area_id, period, value, status)"
						+ " from stdin", IndicatorBenchmark::importVariable, year -> year == IMPORT_YEAR, false);
				copyNanos = System.nanoTime() - t;
				assertThat(copied[0]).isEqualTo(rows);
				con.rollback();
				con.setAutoCommit(true);
			}
		}
		long t = System.nanoTime();
		jdbc.sql("vacuum indicator.observation").update();
		setup.put("vacuum_after_copy_rollback_ms", ms(t));

		byte[] file = importFile();
		Map<Phase, Long> phaseStart = new LinkedHashMap<>();
		ObservationImportOptions options = ObservationImportOptions.defaults().withLayout(Layout.LONG)
			.withDecimalSeparator(',');
		long t0;
		long end;
		ObservationImportResult result;
		try (StackSampler sampler = new StackSampler(Thread.currentThread(), 5)) {
			t0 = System.nanoTime();
			result = imports.importObservations("bench-import.csv", file, options,
					(phase, done, total) -> phaseStart.putIfAbsent(phase, System.nanoTime()));
			end = System.nanoTime();
			long total = (end - t0) / 1_000_000;
			Map<String, Object> where = new LinkedHashMap<>();
			where.put("samples", sampler.samples());
			sampler.hottestProjectFrames(15).forEach((k, v) -> where.put(k, Math.round(v * total) + " ms ("
					+ Math.round(v * 100) + " %)"));
			results.put("import_profile_innermost_spange_frames", where);
			Map<String, Object> hot = new LinkedHashMap<>();
			sampler.hottestFrames(12).forEach((k, v) -> hot.put(k, Math.round(v * 1000) / 10d + " %"));
			results.put("import_hottest_frames", hot);
		}
		assertThat(result.report().problems()).isEmpty();
		assertThat(result.report().outcome()).isEqualTo(ImportReport.Outcome.WRITTEN);
		assertThat(result.report().created()).isEqualTo(rows);

		long read = phaseStart.getOrDefault(Phase.READ, t0);
		long write = phaseStart.getOrDefault(Phase.WRITE, read);
		long compute = phaseStart.getOrDefault(Phase.COMPUTE, end);
		double importSeconds = (compute - t0) / 1e9;
		double copySeconds = copyNanos / 1e9;
		results.put("import_rows", rows);
		results.put("import_file_mb", Math.round(file.length / 1024d / 1024d * 10) / 10d);
		results.put("import_rows_per_s", Math.round(rows / importSeconds));
		results.put("import_with_recompute_rows_per_s", Math.round(rows / ((end - t0) / 1e9)));
		results.put("copy_rows_per_s", Math.round(rows / copySeconds));
		results.put("import_vs_copy", round(copySeconds / importSeconds, 3));
		Map<String, Object> phases = new LinkedHashMap<>();
		phases.put("parse_ms", (read - t0) / 1_000_000);
		phases.put("check_ms", (write - read) / 1_000_000);
		phases.put("write_ms", (compute - write) / 1_000_000);
		phases.put("recompute_and_commit_ms", (end - compute) / 1_000_000);
		phases.put("total_ms", (end - t0) / 1_000_000);
		phases.put("copy_ms", copyNanos / 1_000_000);
		results.put("import_phases", phases);
		notes.add("Import: " + rows + " observations (variables " + BenchData.variableKey(IMPORT_FIRST_VARIABLE) + "–"
				+ BenchData.variableKey(IMPORT_LAST_VARIABLE) + ", year " + IMPORT_YEAR + ", left out of the bulk"
				+ " load) as one CSV file (long layout, ';', decimal comma, '.' for missing) through"
				+ " ObservationImports into the full table. import_rows_per_s counts reading, checking and writing"
				+ " (until the import starts recomputing); import_with_recompute_rows_per_s includes the incremental"
				+ " recomputation of every dependent key for " + IMPORT_YEAR + " and the commit. copy_rows_per_s: COPY"
				+ " (text) of the same rows into the same table with the same indexes and foreign key, in a"
				+ " transaction rolled back afterwards (a first, untimed COPY warms the caches as the import finds"
				+ " them).");
		log("import " + rows + " rows: " + phases + ", COPY " + copyNanos / 1_000_000 + " ms");
	}

	// recomputation against the baseline

	private void recomputeVersusBaseline() throws SQLException {
		BaselineSql.prepare(jdbc, data.keys, variableIds, BenchData.SCHEME);
		List<Long> engine = new ArrayList<>();
		List<Long> baseline = new ArrayList<>();
		int written = 0;
		StackSampler profile = null;
		for (int run = 0; run < RUNS; run++) {
			// engine and baseline alternate, so noise from the machine falls on both
			vacuumValueSets();
			try (StackSampler sampler = new StackSampler(Thread.currentThread(), 5)) {
				long t = System.nanoTime();
				written = values.recomputeAll();
				engine.add(ms(t));
				profile = sampler;
			}
			log("recomputeAll run " + (run + 1) + ": " + engine.get(run) + " ms, " + written + " value sets");
			baseline.add(baseline());
			log("baseline run " + (run + 1) + ": " + baseline.get(run) + " ms");
		}
		long recompute = median(engine);
		long sql = median(baseline);
		results.put("value_sets_per_recompute", written);
		results.put("values_per_recompute", (long) written * ((Number) results.get("areas")).longValue());
		results.put("recompute_ms", recompute);
		results.put("recompute_runs_ms", engine);
		results.put("baseline_sql_ms", sql);
		results.put("baseline_runs_ms", baseline);
		results.put("baseline_work_mem", BaselineSql.WORK_MEM);
		results.put("recompute_vs_baseline", round(recompute / (double) sql, 3));
		results.put("baseline_value_sets", jdbc.sql("select count(*) from bench.baseline_value").query(Long.class)
			.single());
		results.put("recompute_profile_last_run", profileOf(profile, recompute));
		Map<String, Object> hot = new LinkedHashMap<>();
		profile.hottestFrames(12).forEach((k, v) -> hot.put(k, Math.round(v * 1000) / 10d + " %"));
		results.put("recompute_hottest_frames_last_run", hot);
		notes.add("recompute_ms: median of " + RUNS + " runs of IndicatorValues.recomputeAll() (every variable and"
				+ " indicator, every area, every period; one transaction: delete all value sets, read observations"
				+ " period by period, compute, write the value sets), the value_set table vacuumed before each run"
				+ " (untimed). baseline_sql_ms: median of " + RUNS + " runs of one CREATE UNLOGGED TABLE … AS"
				+ " statement computing the same keys at the same levels (see BaselineSql) with work_mem "
				+ BaselineSql.WORK_MEM + ". Each round runs the engine, then the baseline.");
	}

	/** Where a run spent its time, by category, in milliseconds. */
	private static Map<String, Object> profileOf(StackSampler sampler, long runMillis) {
		Map<String, Object> where = new LinkedHashMap<>();
		where.put("samples", sampler.samples());
		sampler.shares().forEach((k, v) -> where.put(k, Math.round(v * runMillis) + " ms (" + Math.round(v * 100)
				+ " %)"));
		return where;
	}

	private void vacuumValueSets() {
		jdbc.sql("vacuum indicator.value_set").update();
	}

	/** One run of the baseline statement on its own connection; returns milliseconds. */
	private long baseline() throws SQLException {
		try (Connection con = dataSource.getConnection(); Statement st = con.createStatement()) {
			st.execute("drop table if exists bench.baseline_value");
			st.execute("set work_mem = '" + BaselineSql.WORK_MEM + "'");
			long t = System.nanoTime();
			st.execute(BaselineSql.STATEMENT);
			long elapsed = ms(t);
			st.execute("reset work_mem");
			return elapsed;
		}
	}

	/** Every key in the checked periods: the engine's value sets against the baseline's, area by area. */
	private boolean checkAgainstBaseline() {
		record Set(long[] ids, double[] values) {
		}
		long sets = 0;
		long compared = 0;
		long missingBoth = 0;
		List<String> mismatches = new ArrayList<>();
		for (String period : CHECKED_PERIODS) {
			for (BenchData.Key key : data.keys) {
				Set engine = jdbc.sql("select area_ids, value from indicator.value_set where key = ? and period = ?")
					.params(key.key(), period).query((rs, i) -> new Set(longs(rs, 1), doubles(rs, 2))).optional()
					.orElse(null);
				Set base = jdbc.sql("""
						select b.area_ids, b.value from bench.baseline_value b join bench.key_def d using (key_id)
						where d.key = ? and b.period = ?""")
					.params(key.key(), period).query((rs, i) -> new Set(longs(rs, 1), doubles(rs, 2))).optional()
					.orElse(null);
				sets++;
				if (engine == null || base == null) {
					mismatches.add(key.key() + " " + period + ": value set missing in "
							+ (engine == null ? "engine" : "baseline"));
					continue;
				}
				Map<Long, Double> baseById = new HashMap<>(base.ids().length * 2);
				for (int i = 0; i < base.ids().length; i++) {
					baseById.put(base.ids()[i], base.values()[i]);
				}
				for (int i = 0; i < engine.ids().length; i++) {
					double e = engine.values()[i];
					Double b = baseById.remove(engine.ids()[i]);
					boolean eMissing = Double.isNaN(e);
					boolean bMissing = b == null || b.isNaN();
					if (eMissing && bMissing) {
						missingBoth++;
						continue;
					}
					compared++;
					if (eMissing != bMissing || Math.abs(e - b) > TOLERANCE * Math.max(Math.abs(e), Math.abs(b))
							+ 1e-12) {
						if (mismatches.size() < 20) {
							mismatches.add(key.key() + " " + period + " area " + engine.ids()[i] + ": engine " + e
									+ ", baseline " + b);
						}
					}
				}
				for (Map.Entry<Long, Double> extra : baseById.entrySet()) {
					if (!extra.getValue().isNaN() && mismatches.size() < 20) {
						mismatches.add(key.key() + " " + period + " area " + extra.getKey() + ": only the baseline has "
								+ extra.getValue());
					}
				}
			}
		}
		Map<String, Object> check = new LinkedHashMap<>();
		check.put("matched", mismatches.isEmpty());
		check.put("periods", CHECKED_PERIODS);
		check.put("value_sets_compared", sets);
		check.put("values_compared", compared);
		check.put("missing_in_both", missingBoth);
		check.put("tolerance", "relative " + TOLERANCE + " (plus 1e-12 absolute near zero)");
		check.put("mismatches", mismatches);
		results.put("baseline_check", check);
		log("baseline check: " + check);
		return mismatches.isEmpty();
	}

	private static long[] longs(ResultSet rs, int column) throws SQLException {
		Object[] boxed = (Object[]) rs.getArray(column).getArray();
		long[] out = new long[boxed.length];
		for (int i = 0; i < out.length; i++) {
			out[i] = ((Number) boxed[i]).longValue();
		}
		return out;
	}

	private static double[] doubles(ResultSet rs, int column) throws SQLException {
		Object[] boxed = (Object[]) rs.getArray(column).getArray();
		double[] out = new double[boxed.length];
		for (int i = 0; i < out.length; i++) {
			out[i] = boxed[i] == null ? Double.NaN : ((Number) boxed[i]).doubleValue();
		}
		return out;
	}

	// the map query

	/** One indicator, one period, every Gemeinde: what the atlas asks for a map. */
	private void measureMapQuery() {
		Map<String, Object> m = mapQuery();
		results.putAll(m);
		notes.add("Map query: " + MAP_QUERIES + " calls (after " + MAP_WARMUP + " warm-up calls) of"
				+ " IndicatorValues.values(key, period, areas) for a random indicator and year with the ids of all "
				+ m.get("map_query_areas") + " Gemeinden, timed in the calling thread (reads one value-set row and"
				+ " picks the areas).");
	}

	private Map<String, Object> mapQuery() {
		Map<String, Object> results = new LinkedHashMap<>();
		List<AreaId> level = Arrays.stream(gemeindeIds).mapToObj(AreaId::new).toList();
		Random random = new Random(BenchData.SEED);
		long[] nanos = new long[MAP_QUERIES];
		int returned = 0;
		for (int q = -MAP_WARMUP; q < MAP_QUERIES; q++) {
			String key = BenchData.indicatorKey(1 + random.nextInt(BenchData.INDICATORS));
			Period period = Period.parse(Integer.toString(BenchData.FIRST_YEAR + random.nextInt(BenchData.years())));
			long t = System.nanoTime();
			Map<AreaId, IndicatorValue> map = values.values(key, period, level);
			long elapsed = System.nanoTime() - t;
			if (q >= 0) {
				nanos[q] = elapsed;
				returned = map.size();
			}
		}
		Arrays.sort(nanos);
		results.put("map_query_p50_ms", round(percentile(nanos, 0.50) / 1e6, 2));
		results.put("map_query_p95_ms", round(percentile(nanos, 0.95) / 1e6, 2));
		results.put("map_query_max_ms", round(nanos[nanos.length - 1] / 1e6, 2));
		results.put("map_queries", MAP_QUERIES);
		results.put("map_query_areas", returned);
		return results;
	}

	private static long percentile(long[] sorted, double p) {
		int rank = (int) Math.ceil(p * sorted.length);
		return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
	}

	// results

	private Map<String, Object> targets() {
		Map<String, Object> t = new LinkedHashMap<>();
		t.put("recompute_at_most_half_of_baseline", ((Number) results.get("recompute_ms")).doubleValue()
				<= 0.5 * ((Number) results.get("baseline_sql_ms")).doubleValue());
		t.put("map_query_p95_at_most_20_ms", ((Number) results.get("map_query_p95_ms")).doubleValue() <= 20);
		t.put("import_at_least_half_of_copy", ((Number) results.get("import_rows_per_s")).doubleValue()
				>= 0.5 * ((Number) results.get("copy_rows_per_s")).doubleValue());
		return t;
	}

	// helpers

	@FunctionalInterface
	private interface Step<T> {
		T run() throws Exception;
	}

	@FunctionalInterface
	private interface VoidStep {
		void run() throws Exception;
	}

	private <T> T step(String name, Step<T> step) throws Exception {
		long t = System.nanoTime();
		log(name + " …");
		T out = step.run();
		log(name + " done in " + ms(t) / 1000 + " s");
		return out;
	}

	private void task(String name, VoidStep step) throws Exception {
		step(name, () -> {
			step.run();
			return null;
		});
	}

	private static long ms(long startNanos) {
		return (System.nanoTime() - startNanos) / 1_000_000;
	}

	private static long median(List<Long> xs) {
		List<Long> sorted = new ArrayList<>(xs);
		sorted.sort(null);
		int n = sorted.size();
		return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
	}

	private static double round(double x, int digits) {
		double f = Math.pow(10, digits);
		return Math.round(x * f) / f;
	}

	private static void log(String message) {
		System.out.printf(Locale.ROOT, "[bench %tT] %s%n", System.currentTimeMillis(), message);
	}
}
