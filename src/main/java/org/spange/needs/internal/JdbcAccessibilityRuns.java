package org.spange.needs.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.spange.needs.AccessMode;
import org.spange.needs.AccessResult;
import org.spange.needs.AccessibilityRuns;
import org.spange.needs.AreaAccess;
import org.spange.needs.CellAccess;
import org.spange.needs.GridRead;
import org.spange.needs.CatchmentDecay;
import org.spange.needs.PopulationBand;
import org.spange.needs.PopulationCell;
import org.spange.needs.PopulationGrid;
import org.spange.needs.RunSummary;
import org.spange.needs.StoredRun;
import org.spange.needs.SupplyPoint;
import org.spange.needs.SupplySet;
import org.spange.platform.imports.ImportProblem;
import org.spange.platform.imports.ImportReport;
import org.spange.platform.imports.TextFiles;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

@Service
class JdbcAccessibilityRuns implements AccessibilityRuns {

	private static final int BATCH = 2000;

	private final JdbcClient jdbc;
	private final JdbcTemplate template;
	private final TransactionTemplate tx;

	JdbcAccessibilityRuns(JdbcClient jdbc, JdbcTemplate template, TransactionTemplate tx) {
		this.jdbc = jdbc;
		this.template = template;
		this.tx = tx;
	}

	@Override
	public ImportReport importGrid(String gridKey, String fileName, byte[] content, boolean synthetic) {
		if (gridKey == null || !gridKey.matches("[a-z0-9_-]{1,60}")) {
			return ImportReport.rejected(GridCsvReader.KIND, fileName, 0, List.of(ImportProblem.file(
					"needs.grid.key", "The grid key must be 1–60 of a–z, 0–9, _ and -")), List.of());
		}
		GridRead<PopulationCell> read = GridCsvReader.read(fileName, content);
		if (read.report().outcome() == ImportReport.Outcome.REJECTED) {
			return read.report();
		}
		String sha = TextFiles.sha256(content);
		List<PopulationCell> cells = read.items();
		return tx.execute(status -> {
			Optional<String> existing = jdbc
				.sql("select file_sha256 from needs.population_grid where key = ? for update")
				.param(gridKey)
				.query(String.class)
				.optional();
			if (existing.isPresent() && existing.get().equals(sha)) {
				return new ImportReport(GridCsvReader.KIND, fileName, ImportReport.Outcome.WRITTEN, cells.size(), 0, 0,
						cells.size(), List.of(), List.of());
			}
			if (existing.isPresent()) {
				jdbc.sql("delete from needs.population_cell where grid_key = ?").param(gridKey).update();
				jdbc.sql("update needs.population_grid set file_name = ?, file_sha256 = ?, synthetic = ?, cells = ?,"
						+ " imported_at = now() where key = ?")
					.params(fileName, sha, synthetic, cells.size(), gridKey)
					.update();
			} else {
				jdbc.sql("insert into needs.population_grid (key, file_name, file_sha256, synthetic, cells)"
						+ " values (?, ?, ?, ?, ?)")
					.params(gridKey, fileName, sha, synthetic, cells.size())
					.update();
			}
			for (int from = 0; from < cells.size(); from += BATCH) {
				List<Object[]> rows = new ArrayList<>();
				for (PopulationCell c : cells.subList(from, Math.min(cells.size(), from + BATCH))) {
					rows.add(new Object[] { gridKey, c.id(), c.area(), c.lon(), c.lat(), c.population(), c.under18(),
							c.over65() });
				}
				template.batchUpdate("insert into needs.population_cell (grid_key, id, area, lon, lat, population,"
						+ " under18, over65) values (?, ?, ?, ?, ?, ?, ?, ?)", rows);
			}
			return new ImportReport(GridCsvReader.KIND, fileName, ImportReport.Outcome.WRITTEN, cells.size(),
					existing.isEmpty() ? cells.size() : 0, existing.isPresent() ? cells.size() : 0, 0, List.of(),
					List.of());
		});
	}

	@Override
	public List<PopulationCell> grid(String gridKey) {
		return jdbc.sql("select id, area, lon, lat, population, under18, over65 from needs.population_cell"
				+ " where grid_key = ? order by id")
			.param(gridKey)
			.query((rs, n) -> new PopulationCell(rs.getString(1), rs.getString(2), rs.getDouble(3), rs.getDouble(4),
					rs.getObject(5, Double.class), rs.getObject(6, Double.class), rs.getObject(7, Double.class)))
			.list();
	}

	@Override
	public StoredRun save(String gridKey, List<SupplyPoint> supply, AccessResult result) {
		return save(gridKey, supply, result, AccessMode.STRAIGHT_LINE, null, null);
	}

	@Override
	public StoredRun save(String gridKey, List<SupplyPoint> supply, AccessResult result, AccessMode mode,
			Double thresholdMinutes, String createdBy) {
		if (mode.timed() != (thresholdMinutes != null)) {
			throw new IllegalArgumentException("a time threshold belongs to a road run, and only there");
		}
		String hash = hash(gridKey, supply, result, mode, thresholdMinutes);
		return tx.execute(status -> {
			// one writer per input set: the unique hash settles a race, the lock keeps the loser from failing
			jdbc.sql("select 1 from (select pg_advisory_xact_lock(hashtext(?))) l")
				.param(hash)
				.query(Integer.class)
				.single();
			Optional<Long> existing = jdbc.sql("select id from needs.access_run where input_hash = ?")
				.param(hash)
				.query(Long.class)
				.optional();
			if (existing.isPresent()) {
				return new StoredRun(existing.get(), hash, false);
			}
			long id = jdbc.sql("insert into needs.access_run (input_hash, grid_key, category, band, threshold_m,"
					+ " catchment_m, decay, cells, supply_points, mode, threshold_min, created_by)"
					+ " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id")
				.params(hash, gridKey, result.category(), result.options().band().name(),
						result.options().thresholdMetres(), result.options().catchmentMetres(),
						result.options().decay().name(), result.cells().size(),
						supply.stream().filter(s -> result.category().equals(s.category())).count(), mode.name(),
						thresholdMinutes, createdBy)
				.query(Long.class)
				.single();
			List<Object[]> areas = new ArrayList<>();
			for (AreaAccess a : result.areas()) {
				areas.add(new Object[] { id, a.area(), a.cells(), a.cellsWithPopulation(), a.population(),
						a.populationWithin(), a.shareWithin(), a.meanMetres(), a.meanSupplyRatio() });
			}
			template.batchUpdate("insert into needs.access_area (run_id, area, cells, cells_with_population,"
					+ " population, population_within, share_within, mean_metres, mean_supply_ratio)"
					+ " values (?, ?, ?, ?, ?, ?, ?, ?, ?)", areas);
			List<CellAccess> cells = result.cells();
			for (int from = 0; from < cells.size(); from += BATCH) {
				List<Object[]> rows = new ArrayList<>();
				for (CellAccess c : cells.subList(from, Math.min(cells.size(), from + BATCH))) {
					rows.add(new Object[] { id, c.cell().id(), c.nearestId(), c.metres(), c.supplyRatio() });
				}
				template.batchUpdate("insert into needs.access_cell (run_id, cell_id, nearest_id, metres,"
						+ " supply_ratio) values (?, ?, ?, ?, ?)", rows);
			}
			return new StoredRun(id, hash, true);
		});
	}

	@Override
	public List<AreaAccess> areas(long runId) {
		return jdbc.sql("select area, cells, cells_with_population, population, population_within, share_within,"
				+ " mean_metres, mean_supply_ratio from needs.access_area where run_id = ? order by area")
			.param(runId)
			.query((rs, n) -> new AreaAccess(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getDouble(4),
					rs.getDouble(5), rs.getObject(6, Double.class), rs.getObject(7, Double.class),
					rs.getObject(8, Double.class)))
			.list();
	}

	@Override
	public Optional<RunSummary> run(long runId) {
		return jdbc.sql("select id, input_hash, grid_key, category, band, mode, threshold_m, threshold_min,"
				+ " catchment_m, decay, cells, supply_points, created_by, created_at from needs.access_run where id = ?")
			.param(runId)
			.query((rs, n) -> new RunSummary(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					PopulationBand.valueOf(rs.getString(5)), AccessMode.valueOf(rs.getString(6)), rs.getDouble(7),
					rs.getObject(8, Double.class), rs.getDouble(9), CatchmentDecay.valueOf(rs.getString(10)),
					rs.getInt(11), rs.getInt(12), rs.getString(13), rs.getTimestamp(14).toInstant()))
			.optional();
	}

	private static final String GRID = "select g.key, coalesce(g.name, g.key), g.file_name, g.synthetic, g.cells,"
			+ " g.attribution, g.area_level, exists (select 1 from needs.population_cell c where c.grid_key = g.key"
			+ " and c.under18 is not null), exists (select 1 from needs.population_cell c where c.grid_key = g.key"
			+ " and c.over65 is not null), g.imported_at from needs.population_grid g";

	@Override
	public List<PopulationGrid> grids() {
		return jdbc.sql(GRID + " order by 2, 1").query((rs, n) -> grid(rs)).list();
	}

	@Override
	public Optional<PopulationGrid> gridInfo(String gridKey) {
		return jdbc.sql(GRID + " where g.key = ?").param(gridKey).query((rs, n) -> grid(rs)).optional();
	}

	private static PopulationGrid grid(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new PopulationGrid(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getInt(5),
				rs.getString(6), rs.getString(7), rs.getBoolean(8), rs.getBoolean(9), rs.getTimestamp(10).toInstant());
	}

	@Override
	public boolean describeGrid(String gridKey, String name, String attribution, String areaLevel) {
		return jdbc.sql("update needs.population_grid set name = ?, attribution = ?, area_level = ? where key = ?")
			.params(name, attribution, areaLevel, gridKey)
			.update() == 1;
	}

	@Override
	public SupplySet saveSupplySet(String key, String name, String attribution, List<SupplyPoint> points) {
		if (key == null || !key.matches("[a-z0-9_-]{1,60}")) {
			throw new IllegalArgumentException("The set key must be 1–60 of a–z, 0–9, _ and -");
		}
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("A supply set needs a name");
		}
		if (points.stream().map(SupplyPoint::id).distinct().count() != points.size()) {
			throw new IllegalArgumentException("The ids of a set's points must differ");
		}
		tx.executeWithoutResult(status -> {
			jdbc.sql("insert into needs.supply_set (key, name, attribution) values (?, ?, ?) on conflict (key) do"
					+ " update set name = excluded.name, attribution = excluded.attribution, imported_at = now()")
				.params(key, name.strip(), attribution)
				.update();
			jdbc.sql("delete from needs.supply_set_point where set_key = ?").param(key).update();
			List<Object[]> rows = new ArrayList<>();
			for (SupplyPoint p : points) {
				rows.add(new Object[] { key, p.id(), p.lon(), p.lat(), p.capacity() });
			}
			template.batchUpdate("insert into needs.supply_set_point (set_key, id, lon, lat, capacity)"
					+ " values (?, ?, ?, ?, ?)", rows);
		});
		return supplySet(key).orElseThrow();
	}

	private static final String SET = "select s.key, s.name, s.attribution, (select count(*) from"
			+ " needs.supply_set_point p where p.set_key = s.key), s.imported_at from needs.supply_set s";

	@Override
	public List<SupplySet> supplySets() {
		return jdbc.sql(SET + " order by s.name, s.key").query((rs, n) -> supplySet(rs)).list();
	}

	@Override
	public Optional<SupplySet> supplySet(String key) {
		return jdbc.sql(SET + " where s.key = ?").param(key).query((rs, n) -> supplySet(rs)).optional();
	}

	private static SupplySet supplySet(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new SupplySet(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
				rs.getTimestamp(5).toInstant());
	}

	@Override
	public List<SupplyPoint> supplySetPoints(String key) {
		return jdbc.sql("select id, lon, lat, capacity from needs.supply_set_point where set_key = ? order by id")
			.param(key)
			.query((rs, n) -> new SupplyPoint(rs.getString(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4),
					SupplySet.PREFIX + key))
			.list();
	}

	static String hash(String gridKey, List<SupplyPoint> supply, AccessResult result) {
		return hash(gridKey, supply, result, AccessMode.STRAIGHT_LINE, null);
	}

	/**
	 * SHA-256 over a canonical text of the inputs: cells in order, supply points of the category, options, and for a
	 * road run its mode and time threshold (a straight-line run hashes as it did before modes existed).
	 */
	static String hash(String gridKey, List<SupplyPoint> supply, AccessResult result, AccessMode mode,
			Double thresholdMinutes) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			StringBuilder line = new StringBuilder();
			line.append("v1|").append(gridKey).append('|').append(result.category()).append('|')
				.append(result.options()).append('\n');
			if (mode.timed()) {
				line.append("mode|").append(mode.name()).append('|').append(hex(thresholdMinutes)).append('\n');
			}
			digest.update(line.toString().getBytes(StandardCharsets.UTF_8));
			for (CellAccess c : result.cells()) {
				PopulationCell p = c.cell();
				line.setLength(0);
				line.append(p.id()).append('|').append(p.area()).append('|').append(hex(p.lon())).append('|')
					.append(hex(p.lat())).append('|').append(p.population()).append('|').append(p.under18())
					.append('|').append(p.over65()).append('\n');
				digest.update(line.toString().getBytes(StandardCharsets.UTF_8));
			}
			for (SupplyPoint s : supply) {
				if (!result.category().equals(s.category())) {
					continue;
				}
				line.setLength(0);
				line.append(s.id()).append('|').append(hex(s.lon())).append('|').append(hex(s.lat())).append('|')
					.append(hex(s.capacity())).append('\n');
				digest.update(line.toString().getBytes(StandardCharsets.UTF_8));
			}
			return HexFormat.of().formatHex(digest.digest());
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private static String hex(double value) {
		return Double.toHexString(value).toLowerCase(Locale.ROOT);
	}
}
