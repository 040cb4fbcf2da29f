package org.spange.needs.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import org.spange.access.AuditLog;
import org.spange.area.AreaDetail;
import org.spange.area.AreaHierarchy;
import org.spange.area.AreaId;
import org.spange.area.AreaLevel;
import org.spange.area.AreaQueries;
import org.spange.area.AreaScheme;
import org.spange.indicator.IndicatorCatalog;
import org.spange.indicator.IndicatorValue;
import org.spange.indicator.IndicatorValues;
import org.spange.indicator.Period;
import org.spange.needs.DemandProjections;
import org.spange.needs.GrowthRate;
import org.spange.needs.InvalidProjectionException;
import org.spange.needs.InvalidSupplyCategoryException.Problem;
import org.spange.needs.ProjectedDemand;
import org.spange.needs.ProjectionScenario;
import org.spange.platform.imports.CsvTable;
import org.spange.platform.imports.ImportProblem;
import org.spange.platform.imports.ImportReport;
import org.spange.platform.imports.TextFiles;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class JdbcDemandProjections implements DemandProjections {

	static final String KIND = "needs-projection-rates";
	/** The largest annual change accepted, in per cent either way. */
	static final BigDecimal MAX_RATE = BigDecimal.valueOf(50);
	private static final Pattern NUMBER = Pattern.compile("[+-]?\\d{1,3}(\\.\\d+)?");
	private static final String RATE_COLUMNS = "id, scenario_id, area_id, band, rate_percent, from_year, to_year";

	private final JdbcClient jdbc;
	private final AreaQueries areas;
	private final IndicatorCatalog indicators;
	private final IndicatorValues values;
	private final AuditLog audit;

	JdbcDemandProjections(JdbcClient jdbc, AreaQueries areas, IndicatorCatalog indicators, IndicatorValues values,
			AuditLog audit) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.areas = areas;
		this.indicators = indicators;
		this.values = values;
	}

	// scenarios

	@Override
	public List<ProjectionScenario> scenarios() {
		return jdbc.sql("select id, name, source, base_period from needs.projection_scenario order by name")
			.query(JdbcDemandProjections::scenario)
			.list();
	}

	@Override
	public Optional<ProjectionScenario> scenario(long id) {
		return jdbc.sql("select id, name, source, base_period from needs.projection_scenario where id = ?")
			.param(id)
			.query(JdbcDemandProjections::scenario)
			.optional();
	}

	private static ProjectionScenario scenario(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new ProjectionScenario(rs.getLong("id"), rs.getString("name"), rs.getString("source"),
				Period.parse(rs.getString("base_period")));
	}

	@Override
	public List<Problem> check(ProjectionScenario s) {
		List<Problem> problems = new ArrayList<>();
		if (blank(s.name()) || s.name().strip().length() > 200) {
			problems.add(new Problem("name", "needs.projection.error.name", "A name of 1–200 characters is required"));
		} else if (jdbc.sql("select count(*) from needs.projection_scenario where name = ? and id <> ?")
			.params(s.name().strip(), s.id() == null ? -1L : s.id()).query(Long.class).single() > 0) {
			problems.add(new Problem("name", "needs.projection.error.nameTaken", "Another scenario has this name"));
		}
		if (blank(s.source()) || s.source().strip().length() > 2000) {
			problems.add(new Problem("source", "needs.projection.error.source",
					"Say where the assumptions come from (1–2,000 characters)"));
		}
		if (s.basePeriod() == null) {
			problems.add(new Problem("basePeriod", "needs.projection.error.basePeriod",
					"The base period is a period such as 2026 or 2026-01-01"));
		}
		if (s.id() != null && scenario(s.id()).isEmpty()) {
			throw new NoSuchElementException("No scenario " + s.id());
		}
		return problems;
	}

	@Override
	@Transactional
	public ProjectionScenario save(ProjectionScenario s, String username) {
		List<Problem> problems = check(s);
		if (!problems.isEmpty()) {
			throw new InvalidProjectionException(problems);
		}
		long id;
		if (s.id() == null) {
			id = jdbc.sql("""
					insert into needs.projection_scenario (name, source, base_period, updated_by)
					values (?, ?, ?, ?) returning id""")
				.params(s.name().strip(), s.source().strip(), s.basePeriod().toString(), username)
				.query(Long.class)
				.single();
		} else {
			id = s.id();
			jdbc.sql("""
					update needs.projection_scenario set name = ?, source = ?, base_period = ?, updated_by = ?,
					    updated_at = now() where id = ?""")
				.params(s.name().strip(), s.source().strip(), s.basePeriod().toString(), username, id)
				.update();
		}
		audit.record(s.id() == null ? "needs.projection.create" : "needs.projection.update", "projection_scenario",
				Long.toString(id), Map.of("basePeriod", s.basePeriod().toString()));
		return scenario(id).orElseThrow();
	}

	@Override
	@Transactional
	public boolean delete(long scenarioId, String username) {
		boolean deleted = jdbc.sql("delete from needs.projection_scenario where id = ?").param(scenarioId).update() > 0;
		if (deleted) {
			audit.record("needs.projection.delete", "projection_scenario", Long.toString(scenarioId), Map.of());
		}
		return deleted;
	}

	// rates

	@Override
	public List<GrowthRate> rates(long scenarioId) {
		List<GrowthRate> rates = jdbc.sql("select " + RATE_COLUMNS + " from needs.projection_rate where scenario_id = ?")
			.param(scenarioId)
			.query(JdbcDemandProjections::rate)
			.list();
		Map<AreaId, String> names = names(rates);
		return rates.stream()
			.sorted(Comparator.comparing((GrowthRate r) -> names.getOrDefault(r.area(), ""))
				.thenComparing(GrowthRate::band)
				.thenComparing(r -> r.fromYear() == null ? Integer.MIN_VALUE : r.fromYear()))
			.toList();
	}

	private static GrowthRate rate(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new GrowthRate(rs.getLong("id"), rs.getLong("scenario_id"), new AreaId(rs.getLong("area_id")),
				rs.getString("band"), rs.getBigDecimal("rate_percent").stripTrailingZeros(),
				(Integer) rs.getObject("from_year"), (Integer) rs.getObject("to_year"));
	}

	/** "Bezirk Bludenz": the level's name before the area's, in the page's language. */
	Map<AreaId, String> names(List<GrowthRate> rates) {
		Locale locale = LocaleContextHolder.getLocale();
		Map<String, AreaLevel> levels = new HashMap<>();
		areas.levels().forEach(l -> levels.put(l.key(), l));
		Map<AreaId, String> names = new HashMap<>();
		for (GrowthRate r : rates) {
			names.computeIfAbsent(r.area(), id -> areas.area(id).map(d -> label(d, levels, locale)).orElse("#" + id.value()));
		}
		return names;
	}

	private static String label(AreaDetail d, Map<String, AreaLevel> levels, Locale locale) {
		AreaLevel level = levels.get(d.area().levelKey());
		return (level == null ? "" : level.name(locale) + " ") + d.area().name();
	}

	@Override
	public Map<AreaId, String> labels(List<GrowthRate> rates) {
		return names(rates);
	}

	@Override
	public List<Problem> check(GrowthRate r) {
		List<Problem> problems = new ArrayList<>();
		if (r.scenarioId() == null || scenario(r.scenarioId()).isEmpty()) {
			throw new NoSuchElementException("No scenario " + r.scenarioId());
		}
		if (r.area() == null || areas.area(r.area()).isEmpty()) {
			problems.add(new Problem("area", "needs.projection.error.area", "Choose an area"));
		}
		if (!knownBand(r.band())) {
			problems.add(new Problem("band", "needs.projection.error.band",
					"Choose a target population (variable or indicator) or all ages"));
		}
		problems.addAll(rateProblems(r.ratePercent()));
		problems.addAll(yearProblems(r.fromYear(), r.toYear()));
		if (problems.isEmpty()) {
			for (GrowthRate other : rates(r.scenarioId())) {
				if (!Objects.equals(other.id(), r.id()) && other.area().equals(r.area()) && other.band().equals(r.band())
						&& other.overlaps(r)) {
					problems.add(new Problem("fromYear", "needs.projection.error.overlap",
							"This area and band already have a rate in some of these years"));
					break;
				}
			}
		}
		return problems;
	}

	private boolean knownBand(String band) {
		return GrowthRate.ALL_AGES.equals(band) || !blank(band)
				&& (indicators.variable(band).isPresent() || indicators.indicator(band).isPresent());
	}

	private static List<Problem> rateProblems(BigDecimal rate) {
		if (rate == null || rate.abs().compareTo(MAX_RATE) > 0 || rate.stripTrailingZeros().scale() > 3) {
			return List.of(new Problem("ratePercent", "needs.projection.error.rate",
					"The rate is a number of per cent a year from -50 to 50, at most three decimals"));
		}
		return List.of();
	}

	private static List<Problem> yearProblems(Integer from, Integer to) {
		List<Problem> problems = new ArrayList<>();
		if (from != null && (from < 1000 || from > 9999)) {
			problems.add(new Problem("fromYear", "needs.projection.error.year", "A year has four digits"));
		}
		if (to != null && (to < 1000 || to > 9999)) {
			problems.add(new Problem("toYear", "needs.projection.error.year", "A year has four digits"));
		} else if (from != null && to != null && from > to) {
			problems.add(new Problem("toYear", "needs.projection.error.yearOrder", "The last year is before the first"));
		}
		return problems;
	}

	@Override
	@Transactional
	public GrowthRate save(GrowthRate r, String username) {
		List<Problem> problems = check(r);
		if (!problems.isEmpty()) {
			throw new InvalidProjectionException(problems);
		}
		long id;
		if (r.id() == null) {
			id = jdbc.sql("""
					insert into needs.projection_rate (scenario_id, area_id, band, rate_percent, from_year, to_year,
					    updated_by) values (?, ?, ?, ?, ?, ?, ?) returning id""")
				.params(r.scenarioId(), r.area().value(), r.band(), r.ratePercent(), r.fromYear(), r.toYear(), username)
				.query(Long.class)
				.single();
		} else {
			id = r.id();
			int n = jdbc.sql("""
					update needs.projection_rate set area_id = ?, band = ?, rate_percent = ?, from_year = ?,
					    to_year = ?, updated_by = ?, updated_at = now() where id = ? and scenario_id = ?""")
				.params(r.area().value(), r.band(), r.ratePercent(), r.fromYear(), r.toYear(), username, id,
						r.scenarioId())
				.update();
			if (n == 0) {
				throw new NoSuchElementException("No rate " + id + " in scenario " + r.scenarioId());
			}
		}
		audit.record(r.id() == null ? "needs.projection.rate.create" : "needs.projection.rate.update",
				"projection_rate", Long.toString(id), Map.of("scenario", r.scenarioId(), "band", r.band(),
						"ratePercent", r.ratePercent().toPlainString()));
		return jdbc.sql("select " + RATE_COLUMNS + " from needs.projection_rate where id = ?").param(id)
			.query(JdbcDemandProjections::rate).single();
	}

	@Override
	@Transactional
	public boolean deleteRate(long scenarioId, long rateId, String username) {
		boolean deleted = jdbc.sql("delete from needs.projection_rate where id = ? and scenario_id = ?")
			.params(rateId, scenarioId).update() > 0;
		if (deleted) {
			audit.record("needs.projection.rate.delete", "projection_rate", Long.toString(rateId),
					Map.of("scenario", scenarioId));
		}
		return deleted;
	}

	// import

	/** A line of the file as read. */
	private record Line(int line, GrowthRate rate) {
	}

	@Override
	@Transactional
	public ImportReport importRates(long scenarioId, String fileName, byte[] content, boolean write, String username) {
		if (scenario(scenarioId).isEmpty()) {
			throw new NoSuchElementException("No scenario " + scenarioId);
		}
		List<ImportProblem> problems = new ArrayList<>();
		if (content == null || content.length == 0) {
			problems.add(ImportProblem.file("import.empty", "The file is empty"));
			return ImportReport.rejected(KIND, fileName, 0, problems, List.of());
		}
		CsvTable table;
		try {
			table = CsvTable.parse(TextFiles.decode(content));
		} catch (CsvTable.CsvException e) {
			problems.add(ImportProblem.line(e.line(), null, "import.csv.malformed", e.getMessage(), e.getMessage()));
			return ImportReport.rejected(KIND, fileName, 0, problems, List.of());
		}
		Map<String, Integer> col = new HashMap<>();
		for (String name : CSV_COLUMNS) {
			table.column(name).ifPresent(i -> col.put(name, i));
		}
		for (String required : CSV_COLUMNS.subList(0, 3)) {
			if (!col.containsKey(required)) {
				problems.add(ImportProblem.file("import.csv.missingColumn", "Column '" + required + "' is missing",
						required));
			}
		}
		if (!problems.isEmpty()) {
			return ImportReport.rejected(KIND, fileName, table.rows().size(), problems, List.of());
		}
		if (table.rows().isEmpty()) {
			problems.add(ImportProblem.file("import.observation.noRows", "The file has a header but no rows"));
			return ImportReport.rejected(KIND, fileName, 0, problems, List.of());
		}
		// every current area by level and code, and the levels by key
		Map<String, AreaLevel> levels = new LinkedHashMap<>();
		areas.levels().forEach(l -> levels.put(l.key(), l));
		Map<String, Map<String, AreaId>> codes = new HashMap<>();
		for (String level : levels.keySet()) {
			codes.put(level, areas.idsByCode(level));
		}
		List<Line> lines = new ArrayList<>();
		for (CsvTable.Row row : table.rows()) {
			int n = row.line();
			int before = problems.size();
			AreaId area = area(row, col, levels, codes, problems);
			String band = cell(row, col, "band");
			String normalised = band.isEmpty() ? null
					: List.of("*", "alle", "all").contains(band.toLowerCase(Locale.ROOT)) ? GrowthRate.ALL_AGES : band;
			if (normalised == null) {
				problems.add(ImportProblem.line(n, "band", "import.csv.emptyCell", "Empty field"));
			} else if (!knownBand(normalised)) {
				problems.add(ImportProblem.line(n, "band", "needs.projection.import.unknownBand",
						"Unknown band '" + band + "': a variable or indicator key, or * for all ages", band));
			}
			BigDecimal rate = number(row, col, n, problems);
			Integer from = year(row, col, "from_year", n, problems);
			Integer to = year(row, col, "to_year", n, problems);
			if (from != null && to != null && from > to) {
				problems.add(ImportProblem.line(n, "to_year", "needs.projection.import.yearOrder",
						"to_year " + to + " is before from_year " + from, to, from));
			}
			if (problems.size() == before) {
				GrowthRate r = new GrowthRate(null, scenarioId, area, normalised, rate, from, to);
				for (Line earlier : lines) {
					GrowthRate e = earlier.rate();
					if (e.area().equals(area) && e.band().equals(normalised) && e.overlaps(r)) {
						problems.add(ImportProblem.line(n, "area_code", "needs.projection.import.duplicate",
								"The same area and band already have a rate for these years in line " + earlier.line(),
								earlier.line()));
						break;
					}
				}
				lines.add(new Line(n, r));
			}
		}
		// rates already there: the same area, band and years are updated; other years must not overlap
		List<GrowthRate> existing = rates(scenarioId);
		int created = 0;
		int updated = 0;
		int unchanged = 0;
		List<Runnable> writes = new ArrayList<>();
		for (Line l : lines) {
			GrowthRate r = l.rate();
			GrowthRate same = null;
			for (GrowthRate e : existing) {
				if (e.area().equals(r.area()) && e.band().equals(r.band())) {
					if (Objects.equals(e.fromYear(), r.fromYear()) && Objects.equals(e.toYear(), r.toYear())) {
						same = e;
					} else if (e.overlaps(r)) {
						problems.add(ImportProblem.line(l.line(), "from_year", "needs.projection.import.overlapsExisting",
								"The scenario already has a rate for this area and band in some of these years",
								years(e)));
					}
				}
			}
			if (same == null) {
				created++;
				writes.add(() -> jdbc.sql("""
						insert into needs.projection_rate (scenario_id, area_id, band, rate_percent, from_year,
						    to_year, updated_by) values (?, ?, ?, ?, ?, ?, ?)""")
					.params(scenarioId, r.area().value(), r.band(), r.ratePercent(), r.fromYear(), r.toYear(), username)
					.update());
			} else if (same.ratePercent().compareTo(r.ratePercent()) == 0) {
				unchanged++;
			} else {
				updated++;
				long id = same.id();
				writes.add(() -> jdbc.sql("""
						update needs.projection_rate set rate_percent = ?, updated_by = ?, updated_at = now()
						where id = ?""").params(r.ratePercent(), username, id).update());
			}
		}
		int records = table.rows().size();
		if (!problems.isEmpty()) {
			problems.sort(Comparator.comparing((ImportProblem p) -> p.number() == null ? 0 : p.number()));
			return ImportReport.rejected(KIND, fileName, records, problems, List.of());
		}
		if (!write) {
			return new ImportReport(KIND, fileName, ImportReport.Outcome.PREVIEW, records, created, updated, unchanged,
					List.of(), List.of());
		}
		writes.forEach(Runnable::run);
		if (created + updated > 0) {
			audit.record("needs.projection.import", "projection_scenario", Long.toString(scenarioId),
					Map.of("file", String.valueOf(fileName), "created", created, "updated", updated));
		}
		return new ImportReport(KIND, fileName, ImportReport.Outcome.WRITTEN, records, created, updated, unchanged,
				List.of(), List.of());
	}

	private static String years(GrowthRate r) {
		return (r.fromYear() == null ? "…" : r.fromYear().toString()) + "–"
				+ (r.toYear() == null ? "…" : r.toYear().toString());
	}

	private static String cell(CsvTable.Row row, Map<String, Integer> col, String name) {
		Integer i = col.get(name);
		return i == null ? "" : CsvTable.cell(row, i);
	}

	private static AreaId area(CsvTable.Row row, Map<String, Integer> col, Map<String, AreaLevel> levels,
			Map<String, Map<String, AreaId>> codes, List<ImportProblem> problems) {
		int n = row.line();
		String code = cell(row, col, "area_code");
		String level = cell(row, col, "level");
		if (!level.isEmpty() && !levels.containsKey(level)) {
			problems.add(ImportProblem.line(n, "level", "import.observation.unknownLevel", "Unknown level " + level,
					level));
			return null;
		}
		if (code.isEmpty()) {
			problems.add(ImportProblem.line(n, "area_code", "import.csv.emptyCell", "Empty field"));
			return null;
		}
		List<AreaId> found = new ArrayList<>();
		for (Map.Entry<String, Map<String, AreaId>> e : codes.entrySet()) {
			if ((level.isEmpty() || e.getKey().equals(level)) && e.getValue().containsKey(code)) {
				found.add(e.getValue().get(code));
			}
		}
		if (found.isEmpty()) {
			problems.add(ImportProblem.line(n, "area_code", "needs.projection.import.unknownArea",
					"No current area has the code " + code, code));
			return null;
		}
		if (found.size() > 1) {
			problems.add(ImportProblem.line(n, "area_code", "needs.projection.import.ambiguousArea",
					"The code " + code + " occurs on several levels: add a column 'level'", code));
			return null;
		}
		return found.get(0);
	}

	/** A rate as written in German ("1,5", "-0,5", "+2") or plainly ("1.5"), optionally with "%". */
	private static BigDecimal number(CsvTable.Row row, Map<String, Integer> col, int n, List<ImportProblem> problems) {
		String text = cell(row, col, "rate_percent");
		if (text.isEmpty()) {
			problems.add(ImportProblem.line(n, "rate_percent", "import.csv.emptyCell", "Empty field"));
			return null;
		}
		String t = text.replace('\u2212', '-').replace("%", "").replace("\u00a0", "").replace(" ", "")
			.replace(',', '.');
		BigDecimal value = NUMBER.matcher(t).matches() ? new BigDecimal(t.startsWith("+") ? t.substring(1) : t) : null;
		if (value == null || !rateProblems(value).isEmpty()) {
			problems.add(ImportProblem.line(n, "rate_percent", "needs.projection.import.badRate",
					"'" + text + "' is not a rate: per cent a year from -50 to 50 such as 1,5 or -0,5", text));
			return null;
		}
		return value;
	}

	private static Integer year(CsvTable.Row row, Map<String, Integer> col, String name, int n,
			List<ImportProblem> problems) {
		String text = cell(row, col, name);
		if (text.isEmpty()) {
			return null;
		}
		if (!text.matches("\\d{4}")) {
			problems.add(ImportProblem.line(n, name, "needs.projection.import.badYear",
					"'" + text + "' is not a year", text));
			return null;
		}
		return Integer.valueOf(text);
	}

	// projection

	@Override
	public Map<AreaId, ProjectedDemand> project(long scenarioId, String demandKey, int year, String schemeKey) {
		ProjectionScenario s = scenario(scenarioId)
			.orElseThrow(() -> new NoSuchElementException("No scenario " + scenarioId));
		Map<String, Map<AreaId, AreaId>> parentsByScheme = new LinkedHashMap<>();
		List<AreaId> inScheme = new ArrayList<>();
		for (AreaScheme scheme : areas.schemes()) {
			parentsByScheme.put(scheme.key(), new HashMap<>());
		}
		for (AreaHierarchy.Member m : areas.hierarchy().members()) {
			Map<AreaId, AreaId> parents = parentsByScheme.computeIfAbsent(m.schemeKey(), k -> new HashMap<>());
			if (m.parent() != null) {
				parents.put(m.area(), m.parent());
			}
			if (m.schemeKey().equals(schemeKey)) {
				inScheme.add(m.area());
			}
		}
		Map<AreaId, AreaId> parents = parentsByScheme.getOrDefault(schemeKey, Map.of());
		List<Map<AreaId, AreaId>> others = parentsByScheme.entrySet().stream()
			.filter(e -> !e.getKey().equals(schemeKey)).map(Map.Entry::getValue).toList();
		Map<AreaId, Double> base = new HashMap<>();
		if (!inScheme.isEmpty()) {
			for (Map.Entry<AreaId, IndicatorValue> e : values.values(demandKey, s.basePeriod(), inScheme).entrySet()) {
				if (!e.getValue().missing()) {
					base.put(e.getKey(), e.getValue().value());
				}
			}
		}
		List<GrowthRate> rates = rates(scenarioId);
		return ProjectionCalculator.project(rates, demandKey, s.basePeriod().year(), year, parents, others, inScheme,
				base, names(rates));
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}
}
