package org.spange.indicator.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.spange.access.AuditLog;
import org.spange.area.AreaId;
import org.spange.area.AreaLevel;
import org.spange.area.AreaQueries;
import org.spange.area.AreaSummary;
import org.spange.indicator.Observation.Status;
import org.spange.indicator.ObservationImportOptions;
import org.spange.indicator.ObservationImportOptions.Layout;
import org.spange.indicator.ObservationImportResult;
import org.spange.indicator.ObservationImportResult.Change;
import org.spange.indicator.ObservationImports;
import org.spange.indicator.ObservationsImported;
import org.spange.indicator.Period;
import org.spange.indicator.internal.IndicatorStore.Key;
import org.spange.indicator.internal.IndicatorStore.Stored;
import org.spange.indicator.internal.IndicatorStore.StoredVariable;
import org.spange.indicator.internal.IndicatorStore.Write;
import org.spange.platform.imports.ImportProblem;
import org.spange.platform.imports.ImportProgress;
import org.spange.platform.imports.ImportProgress.Phase;
import org.spange.platform.imports.ImportReport;
import org.spange.platform.imports.ImportReport.Outcome;
import org.spange.platform.imports.TextFiles;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;

import tools.jackson.databind.json.JsonMapper;

/**
 * Observation import: the whole file is read and checked first, every problem collected with its line and
 * column; only a file without problems is compared with what is stored and written, in one transaction. The same
 * file again finds every observation unchanged and writes nothing.
 */
@Service
class ObservationImportService implements ObservationImports {

	static final String KIND = "observations";
	/** Problems reported at most; the rest are counted. */
	static final int MAX_PROBLEMS = 1000;
	/** Lines checked between two progress reports. */
	private static final int PROGRESS_STEP = 2_000;

	private static final List<String> AREA = List.of("gebiet", "code", "gkz", "ags", "kennziffer", "area");
	private static final List<String> LEVEL = List.of("ebene", "raumebene", "level");
	private static final List<String> VARIABLE = List.of("merkmal", "variable");
	private static final List<String> PERIOD = List.of("zeitraum", "period", "jahr", "stichtag", "year");
	private static final List<String> VALUE = List.of("wert", "value");
	private static final List<String> STATUS = List.of("status");
	private static final Map<String, Status> STATUS_WORDS = Map.ofEntries(Map.entry("ok", Status.OK),
			Map.entry("missing", Status.MISSING), Map.entry("fehlend", Status.MISSING),
			Map.entry("fehlt", Status.MISSING), Map.entry("suppressed", Status.SUPPRESSED),
			Map.entry("geheim", Status.SUPPRESSED), Map.entry("gesperrt", Status.SUPPRESSED),
			Map.entry("estimated", Status.ESTIMATED), Map.entry("geschätzt", Status.ESTIMATED),
			Map.entry("geschaetzt", Status.ESTIMATED), Map.entry("provisional", Status.PROVISIONAL),
			Map.entry("vorläufig", Status.PROVISIONAL), Map.entry("vorlaeufig", Status.PROVISIONAL));

	private final IndicatorStore store;
	private final AreaQueries areas;
	private final AuditLog audit;
	private final TransactionTemplate tx;
	private final ApplicationEventPublisher events;
	private final JsonMapper json;
	private final long maxBytes;

	ObservationImportService(IndicatorStore store, AreaQueries areas, AuditLog audit, TransactionTemplate tx,
			ApplicationEventPublisher events, JsonMapper json,
			@Value("${spange.import.max-file-size:20MB}") DataSize maxSize) {
		this.store = store;
		this.areas = areas;
		this.audit = audit;
		this.tx = tx;
		this.events = events;
		this.json = json;
		this.maxBytes = maxSize.toBytes();
	}

	/** Problems in file order, at most {@link #MAX_PROBLEMS}. */
	private static final class Problems {
		final List<ImportProblem> list = new ArrayList<>();
		int dropped;

		void add(ImportProblem problem) {
			if (list.size() < MAX_PROBLEMS) {
				list.add(problem);
			} else {
				dropped++;
			}
		}

		boolean any() {
			return !list.isEmpty();
		}

		List<ImportProblem> all() {
			if (dropped == 0) {
				return list;
			}
			List<ImportProblem> all = new ArrayList<>(list);
			all.add(ImportProblem.file("import.observation.moreProblems",
					dropped + " further problems are not listed", dropped));
			return all;
		}
	}

	/** An observation read from the file and checked. */
	private record Parsed(int line, StoredVariable variable, String areaCode, String levelKey, AreaId area,
			Period period, BigDecimal value, Status status) {

		Key key() {
			return new Key(variable.id(), area.value(), period.toString());
		}
	}

	/** Where the columns are; -1 for absent ones. */
	private record Columns(int area, int level, int variable, int period, int value, int status,
			Map<Integer, StoredVariable> variables) {
	}

	@Override
	public ObservationImportResult importObservations(String fileName, byte[] content,
			ObservationImportOptions options, ImportProgress progress) {
		ObservationImportOptions opts = options == null ? ObservationImportOptions.defaults() : options;
		String name = fileName == null || fileName.isBlank() ? "upload" : fileName;
		Problems problems = new Problems();
		if (content == null || content.length == 0) {
			problems.add(ImportProblem.file("import.empty", "The file is empty"));
			return reject(name, content, 0, problems, null, null);
		}
		if (content.length > maxBytes) {
			problems.add(ImportProblem.file("import.tooLarge", "The file has " + megabytes(content.length)
					+ " MB; at most " + megabytes(maxBytes) + " MB are accepted", megabytes(content.length),
					megabytes(maxBytes)));
			return reject(name, content, 0, problems, null, null);
		}

		// options
		Map<String, AreaLevel> levels = new HashMap<>();
		areas.levels().forEach(l -> levels.put(l.key(), l));
		String defaultLevel = opts.levelKey() == null || opts.levelKey().isBlank() ? "gemeinde"
				: opts.levelKey().strip().toLowerCase(Locale.ROOT);
		if (!levels.containsKey(defaultLevel)) {
			problems.add(ImportProblem.file("import.level.unknown", "Unknown level '" + defaultLevel + "'",
					defaultLevel));
		}
		Period defaultPeriod = null;
		if (opts.period() != null && !opts.period().isBlank()) {
			defaultPeriod = Period.tryParse(opts.period()).orElse(null);
			if (defaultPeriod == null) {
				problems.add(ImportProblem.file("import.observation.badPeriod", "'" + opts.period()
						+ "' is not a period: write 2024, 2024-Q1, 2024-03 or 2024-12-31", opts.period()));
			}
		}
		if (opts.decimalSeparator() != null && opts.decimalSeparator() != ',' && opts.decimalSeparator() != '.') {
			problems.add(ImportProblem.file("import.observation.badDecimalSeparator",
					"The decimal separator must be ',' or '.'", opts.decimalSeparator()));
		}
		opts.markers().forEach((marker, status) -> {
			if (status == null || status.hasValue()) {
				problems.add(ImportProblem.file("import.observation.badMarker", "Marker '" + marker
						+ "' must stand for MISSING or SUPPRESSED, not " + status, marker, status));
			}
		});
		if (problems.any()) {
			return reject(name, content, 0, problems, null, null);
		}

		SourceTable table;
		try {
			table = SourceTable.read(content);
		} catch (SourceTable.Unreadable e) {
			problems.add(e.line == null ? ImportProblem.file(e.code, e.getMessage(), e.args.toArray())
					: ImportProblem.line(e.line, null, e.code, e.getMessage(), e.args.toArray()));
			return reject(name, content, 0, problems, null, null);
		}

		Map<String, StoredVariable> variables = new HashMap<>();
		store.variables(false).forEach(v -> variables.put(v.variable().key(), v));
		Layout layout = opts.layout() != null ? opts.layout()
				: find(table, opts.columns().variable(), VARIABLE) >= 0 && find(table, opts.columns().value(), VALUE) >= 0
						? Layout.LONG : Layout.WIDE;
		Columns columns = columns(table, layout, opts, variables, defaultPeriod != null, problems);
		if (table.rows.isEmpty()) {
			problems.add(ImportProblem.file("import.observation.noRows", "The file has a header but no data rows"));
		}
		if (problems.any()) {
			return reject(name, content, 0, problems, layout, null);
		}

		char decimal = decimalSeparator(table, columns, opts);
		int lines = table.rows.size();
		progress.update(Phase.READ, lines, lines);

		List<Parsed> parsed = new ArrayList<>();
		Map<String, Map<String, AreaId>> areaCodes = new HashMap<>();
		Map<String, Period> parsedPeriods = new HashMap<>(); // a file has few distinct periods: parse each once
		Map<Key, Integer> firstLine = new HashMap<>();
		int records = 0;
		int checked = 0;
		for (SourceTable.Line row : table.rows) {
			if (++checked % PROGRESS_STEP == 0) {
				progress.update(Phase.CHECK, checked, lines);
			}
			if (row.cells().size() > table.header.size()
					&& row.cells().subList(table.header.size(), row.cells().size()).stream()
						.anyMatch(c -> !c.text().isEmpty())) {
				problems.add(ImportProblem.line(row.line(), null, "import.observation.tooManyCells", "The line has "
						+ row.cells().size() + " cells, the header " + table.header.size()
						+ (table.delimiter == ',' ? ": decimal commas in a file separated by ',' must be quoted" : ""),
						row.cells().size(), table.header.size(), String.valueOf(table.delimiter)));
				continue;
			}
			// the area and period of the line
			String levelKey = defaultLevel;
			boolean lineOk = true;
			if (columns.level >= 0 && !row.cell(columns.level).text().isEmpty()) {
				levelKey = row.cell(columns.level).text().toLowerCase(Locale.ROOT);
				if (!levels.containsKey(levelKey)) {
					problems.add(ImportProblem.line(row.line(), table.header.get(columns.level),
							"import.observation.unknownLevel", "Unknown level '" + levelKey + "'", levelKey));
					lineOk = false;
				}
			}
			String code = row.cell(columns.area).text();
			AreaId area = null;
			if (code.isEmpty()) {
				problems.add(ImportProblem.line(row.line(), table.header.get(columns.area), "import.csv.emptyCell",
						"Empty area code"));
				lineOk = false;
			} else if (lineOk) {
				String level = levelKey;
				area = areaCodes.computeIfAbsent(level, areas::idsByCode).get(code);
				if (area == null) {
					problems.add(ImportProblem.line(row.line(), table.header.get(columns.area),
							"import.csv.unknownArea", "Unknown area " + code + " at level " + level, code,
							levels.get(level).nameDe()));
					lineOk = false;
				}
			}
			Period period = defaultPeriod;
			if (columns.period >= 0 && !row.cell(columns.period).text().isEmpty()) {
				String text = row.cell(columns.period).text();
				period = parsedPeriods.computeIfAbsent(text, t -> Period.tryParse(t).orElse(null));
				if (period == null) {
					problems.add(ImportProblem.line(row.line(), table.header.get(columns.period),
							"import.observation.badPeriod",
							"'" + text + "' is not a period: write 2024, 2024-Q1, 2024-03 or 2024-12-31", text));
					lineOk = false;
				}
			} else if (period == null) {
				problems.add(ImportProblem.line(row.line(), table.header.get(columns.period), "import.csv.emptyCell",
						"Empty period"));
				lineOk = false;
			}

			// the observations of the line: one in the long layout, one per variable column in the wide layout
			Map<Integer, StoredVariable> cells = new LinkedHashMap<>();
			if (layout == Layout.LONG) {
				String key = row.cell(columns.variable).text().toLowerCase(Locale.ROOT);
				String header = table.header.get(columns.variable);
				if (key.isEmpty()) {
					problems.add(ImportProblem.line(row.line(), header, "import.csv.emptyCell", "Empty variable"));
				} else if (!variables.containsKey(key)) {
					problems.add(ImportProblem.line(row.line(), header, "import.observation.unknownVariable",
							"Unknown variable '" + key + "'", key));
				} else {
					cells.put(columns.value, variables.get(key));
				}
				records++;
			} else {
				cells.putAll(columns.variables);
				records += columns.variables.size();
			}
			Status statusOfLine = null;
			if (columns.status >= 0 && !row.cell(columns.status).text().isEmpty()) {
				String text = row.cell(columns.status).text();
				statusOfLine = status(text);
				if (statusOfLine == null) {
					problems.add(ImportProblem.line(row.line(), table.header.get(columns.status),
							"import.observation.badStatus", "Unknown status '" + text
									+ "': OK, MISSING, SUPPRESSED, ESTIMATED or PROVISIONAL",
							text));
				}
			}
			for (var cell : cells.entrySet()) {
				int column = cell.getKey();
				StoredVariable variable = cell.getValue();
				String header = table.header.get(column);
				SourceTable.Cell value = row.cell(column);
				Status marker = value.number() == null ? opts.markers().get(value.text().toLowerCase(Locale.ROOT))
						: null;
				BigDecimal number = null;
				Status status;
				if (marker != null || value.text().isEmpty()) {
					status = marker != null ? marker : Status.MISSING;
					if (statusOfLine != null && statusOfLine.hasValue()) {
						problems.add(ImportProblem.line(row.line(), header, "import.observation.valueRequired",
								"Status " + statusOfLine + " needs a value", statusOfLine));
						continue;
					}
					if (statusOfLine != null) {
						status = statusOfLine;
					}
				} else {
					number = value.number() != null ? value.number() : DecimalNumbers.parse(value.text(), decimal);
					if (number == null) {
						problems.add(ImportProblem.line(row.line(), header, "import.observation.notANumber",
								"'" + value.text() + "' is not a number (decimal separator '" + decimal + "')",
								value.text(), decimal));
						continue;
					}
					if (statusOfLine != null && !statusOfLine.hasValue()) {
						problems.add(ImportProblem.line(row.line(), header, "import.observation.valueNotAllowed",
								"Status " + statusOfLine + " cannot have a value", value.text(), statusOfLine));
						continue;
					}
					if (number.signum() < 0 && variable.variable().nonNegative()) {
						problems.add(ImportProblem.line(row.line(), header, "import.observation.negative",
								"Variable " + variable.variable().key() + " cannot be negative: " + value.text(),
								value.text(), variable.variable().key()));
						continue;
					}
					status = statusOfLine != null ? statusOfLine : Status.OK;
				}
				if (!lineOk || statusOfLine == null && columns.status >= 0
						&& !row.cell(columns.status).text().isEmpty()) {
					continue;
				}
				Parsed observation = new Parsed(row.line(), variable, code, levelKey, area, period, number, status);
				Integer first = firstLine.putIfAbsent(observation.key(), row.line());
				if (first != null) {
					problems.add(ImportProblem.line(row.line(), header, "import.observation.duplicate",
							"Variable " + variable.variable().key() + ", area " + code + ", period " + period
									+ " occur already in line " + first,
							variable.variable().key(), code, period, first));
					continue;
				}
				parsed.add(observation);
			}
		}
		if (problems.any()) {
			return reject(name, content, records, problems, layout, decimal);
		}

		int total = records;
		return tx.execute(status -> {
			Set<Integer> variableIds = new TreeSet<>();
			Set<String> periods = new TreeSet<>();
			parsed.forEach(p -> {
				variableIds.add(p.variable().id());
				periods.add(p.period().toString());
			});
			Map<Key, Stored> stored = store.stored(variableIds, periods);
			int[] counts = new int[3];
			List<Write> writes = new ArrayList<>();
			List<ObservationImportResult.Row> sample = new ArrayList<>();
			Set<String> changedVariables = new TreeSet<>();
			Set<Period> changedPeriods = new TreeSet<>();
			for (Parsed p : parsed) {
				Key key = p.key();
				Stored old = stored.get(key);
				Change change = old == null ? Change.NEW
						: old.status() == p.status() && sameValue(old.value(), p.value()) ? Change.UNCHANGED
								: Change.CHANGED;
				counts[change.ordinal()]++;
				if (change != Change.UNCHANGED) {
					writes.add(new Write(key, p.value(), p.status()));
					changedVariables.add(p.variable().variable().key());
					changedPeriods.add(p.period());
				}
				if (sample.size() < opts.previewRows()) {
					sample.add(new ObservationImportResult.Row(p.line(), p.areaCode(), p.levelKey(), p.area(),
							p.variable().variable().key(), p.period(), p.value(), p.status(), change));
				}
			}
			Outcome outcome = opts.preview() ? Outcome.PREVIEW : Outcome.WRITTEN;
			ImportReport report = new ImportReport(KIND, name, outcome, total, counts[0], counts[1], counts[2],
					List.of(), List.of());
			if (!opts.preview()) {
				progress.update(Phase.WRITE, 0, writes.size());
				store.upsert(writes, done -> progress.update(Phase.WRITE, done, writes.size()));
				if (!writes.isEmpty()) {
					progress.update(Phase.COMPUTE, 0, 0);
					events.publishEvent(new ObservationsImported(List.copyOf(changedVariables),
							List.copyOf(changedPeriods), writes.size()));
				}
				String sha = TextFiles.sha256(content);
				Map<String, Object> details = new LinkedHashMap<>();
				details.put("file", name);
				details.put("sha256", sha);
				details.put("created", counts[0]);
				details.put("updated", counts[1]);
				details.put("unchanged", counts[2]);
				details.put("variables", String.join(",", changedVariables));
				audit.record("indicator.import." + KIND, "variable", abbreviate(String.join(",", changedVariables)),
						details);
				store.recordImportRun(KIND, name, sha, audit.currentActor(), outcome.name(),
						json.writeValueAsString(report));
			}
			return new ObservationImportResult(report, layout, decimal, sample);
		});
	}

	/** Finds the columns the layout needs; reports missing ones and, in the wide layout, unknown variables. */
	private static Columns columns(SourceTable table, Layout layout, ObservationImportOptions opts,
			Map<String, StoredVariable> variables, boolean periodGiven, Problems problems) {
		ObservationImportOptions.Columns names = opts.columns();
		int area = required(table, names.area(), AREA, problems);
		int level = find(table, names.level(), LEVEL);
		int period = find(table, names.period(), PERIOD);
		if (period < 0 && !periodGiven) {
			problems.add(missing(table, names.period(), PERIOD,
					" (or give the period of the whole file as an option)"));
		}
		int status = find(table, names.status(), STATUS);
		int variable = -1;
		int value = -1;
		Map<Integer, StoredVariable> wide = new LinkedHashMap<>();
		if (layout == Layout.LONG) {
			variable = required(table, names.variable(), VARIABLE, problems);
			value = required(table, names.value(), VALUE, problems);
		} else {
			if (status >= 0) {
				problems.add(ImportProblem.line(table.headerLine, table.header.get(status),
						"import.observation.statusInWide",
						"A status column only fits the long layout; in the wide layout write markers into the cells"));
			}
			Map<String, Integer> seen = new HashMap<>();
			for (int c = 0; c < table.header.size(); c++) {
				String header = table.header.get(c);
				String key = header.toLowerCase(Locale.ROOT);
				if (c == area || c == level || c == period || c == status || header.isEmpty()
						|| opts.ignoredColumns().contains(key)) {
					continue;
				}
				if (!variables.containsKey(key)) {
					problems.add(ImportProblem.line(table.headerLine, header, "import.observation.unknownVariable",
							"Unknown variable '" + header + "'", header));
				} else if (seen.putIfAbsent(key, c) != null) {
					problems.add(ImportProblem.line(table.headerLine, header, "import.observation.duplicateColumn",
							"Variable '" + header + "' has two columns", header));
				} else {
					wide.put(c, variables.get(key));
				}
			}
			if (wide.isEmpty() && !problems.any()) {
				problems.add(ImportProblem.line(table.headerLine, null, "import.observation.noVariableColumns",
						"The header names no variable: in the wide layout every column besides the area and period"
								+ " is headed by a variable key"));
			}
		}
		return new Columns(area, level, variable, period, value, status, wide);
	}

	/**
	 * The decimal separator of the file: given, else the one more values show unambiguously (on a tie the one shown
	 * first), else the default of the format. Values that show the other one are then reported as not numbers.
	 */
	private static char decimalSeparator(SourceTable table, Columns columns, ObservationImportOptions opts) {
		if (opts.decimalSeparator() != null) {
			return opts.decimalSeparator();
		}
		List<Integer> valueColumns = columns.value >= 0 ? List.of(columns.value)
				: List.copyOf(columns.variables.keySet());
		int commas = 0;
		int points = 0;
		char first = 0;
		for (SourceTable.Line row : table.rows) {
			for (int column : valueColumns) {
				SourceTable.Cell cell = row.cell(column);
				char evidence = cell.number() == null ? DecimalNumbers.evidence(cell.text()) : 0;
				if (evidence == ',') {
					commas++;
				} else if (evidence == '.') {
					points++;
				}
				if (first == 0) {
					first = evidence;
				}
			}
		}
		if (commas != points) {
			return commas > points ? ',' : '.';
		}
		if (first != 0) {
			return first;
		}
		return table.format == SourceTable.Format.CSV && table.delimiter != ',' ? ',' : '.';
	}

	private static Status status(String text) {
		String word = text.strip().toLowerCase(Locale.ROOT);
		return STATUS_WORDS.get(word);
	}

	private static boolean sameValue(BigDecimal a, BigDecimal b) {
		return a == null ? b == null : b != null && a.compareTo(b) == 0;
	}

	/** The column with the configured name or, without one, the first default name found; -1 if none. */
	private static int find(SourceTable table, String configured, List<String> defaults) {
		List<String> names = configured == null || configured.isBlank() ? defaults : List.of(configured);
		for (String name : names) {
			for (int c = 0; c < table.header.size(); c++) {
				if (table.header.get(c).equalsIgnoreCase(name.strip())) {
					return c;
				}
			}
		}
		return -1;
	}

	private static int required(SourceTable table, String configured, List<String> defaults, Problems problems) {
		int column = find(table, configured, defaults);
		if (column < 0) {
			problems.add(missing(table, configured, defaults, ""));
		}
		return column;
	}

	private static ImportProblem missing(SourceTable table, String configured, List<String> defaults, String hint) {
		String name = configured == null || configured.isBlank() ? String.join("/", defaults) : configured;
		return ImportProblem.line(table.headerLine, name, "import.csv.missingColumn",
				"Column '" + name + "' is missing in the header" + hint, name);
	}

	private ObservationImportResult reject(String fileName, byte[] content, int records, Problems problems,
			Layout layout, Character decimal) {
		ImportReport report = ImportReport.rejected(KIND, fileName, records, problems.all(), List.of());
		store.recordImportRun(KIND, fileName, TextFiles.sha256(content == null ? new byte[0] : content),
				audit.currentActor(), report.outcome().name(), json.writeValueAsString(report));
		return new ObservationImportResult(report, layout, decimal, List.of());
	}

	private static String abbreviate(String s) {
		return s.length() <= 200 ? s : s.substring(0, 199) + "…";
	}

	private static String megabytes(long bytes) {
		return String.format(Locale.ROOT, "%.1f", bytes / 1024d / 1024d);
	}
}
