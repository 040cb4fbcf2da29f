package org.spange.needs.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.spange.needs.AccessResult;
import org.spange.needs.AccessibilityRuns;
import org.spange.needs.AreaAccess;
import org.spange.needs.CellAccess;
import org.spange.needs.GridRead;
import org.spange.needs.PopulationCell;
import org.spange.needs.StoredRun;
import org.spange.needs.SupplyPoint;
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
		String hash = hash(gridKey, supply, result);
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
					+ " catchment_m, decay, cells, supply_points) values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id")
				.params(hash, gridKey, result.category(), result.options().band().name(),
						result.options().thresholdMetres(), result.options().catchmentMetres(),
						result.options().decay().name(), result.cells().size(),
						supply.stream().filter(s -> result.category().equals(s.category())).count())
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

	/** SHA-256 over a canonical text of the inputs: cells in order, supply points of the category, options. */
	static String hash(String gridKey, List<SupplyPoint> supply, AccessResult result) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			StringBuilder line = new StringBuilder();
			line.append("v1|").append(gridKey).append('|').append(result.category()).append('|')
				.append(result.options()).append('\n');
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
