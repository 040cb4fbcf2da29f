package org.spange.needs.web;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.spange.area.AreaId;
import org.spange.area.AreaLevel;
import org.spange.area.AreaQueries;
import org.spange.area.AreaScheme;
import org.spange.area.AreaSummary;
import org.spange.indicator.IndicatorValue;
import org.spange.indicator.IndicatorValues;
import org.spange.indicator.Period;
import org.spange.needs.AccessMode;
import org.spange.needs.AccessRequest;
import org.spange.needs.AccessibilityRuns;
import org.spange.needs.AreaAccess;
import org.spange.needs.CatchmentDecay;
import org.spange.needs.PopulationBand;
import org.spange.needs.PopulationGrid;
import org.spange.needs.RunSummary;
import org.spange.needs.SupplyCategory;
import org.spange.needs.SupplyDemand;
import org.spange.needs.SupplySet;
import org.spange.needs.internal.AccessibilityJob;
import org.spange.needs.internal.RoadNetwork;
import org.spange.platform.exports.CsvRows;
import org.spange.platform.jobs.JobStatus;
import org.spange.platform.jobs.Jobs;
import org.spange.platform.web.FormValues;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The accessibility page: a planner starts a run (category, population grid, band, mode, threshold, 2SFCA catchment)
 * as a background job and follows its progress; everybody allowed on the page sees the stored runs and their results
 * as a map with a table beside it, and exports the table as CSV. Confidential locations count in the computation but
 * are never shown: the page shows areas, not supply points.
 */
@Controller
class AccessibilityController {

	/** Fills by share within the threshold (ColorBrewer RdYlGn, 4 classes); the table says the same in words. */
	static final Map<String, String> FILLS = Map.of("high", "#1a9641", "good", "#a6d96a", "half", "#fdae61",
			"low", "#d7191c", "missing", "#d9d9d9");
	/** The official population per band that the grid's population is compared with (variables of the region). */
	static final Map<PopulationBand, String> OFFICIAL = Map.of(PopulationBand.TOTAL, "pop_total",
			PopulationBand.OVER_65, "pop_65plus", PopulationBand.UNDER_18, "pop_u18");
	static final int LIST = 50;

	private final AccessibilityRuns runs;
	private final SupplyDemand supply;
	private final Jobs jobs;
	private final AreaQueries areas;
	private final IndicatorValues values;
	private final RoadNetwork roads;
	private final MessageSource messages;

	AccessibilityController(AccessibilityRuns runs, SupplyDemand supply, Jobs jobs, AreaQueries areas,
			IndicatorValues values, RoadNetwork roads, MessageSource messages) {
		this.runs = runs;
		this.supply = supply;
		this.jobs = jobs;
		this.areas = areas;
		this.values = values;
		this.roads = roads;
		this.messages = messages;
	}

	/** The form's values as typed, so that a rejected form shows them again. */
	record AccessForm(String category, String grid, String band, String mode, String threshold, String catchment,
			String decay) {

		static AccessForm defaults(List<SupplyCategory> categories, List<PopulationGrid> grids) {
			return new AccessForm(categories.isEmpty() ? null : categories.get(0).key(),
					grids.isEmpty() ? null : grids.get(0).key(), PopulationBand.TOTAL.name(),
					AccessMode.STRAIGHT_LINE.name(), "5", "10", CatchmentDecay.NONE.name());
		}
	}

	/** A stored run or job as listed. */
	record Listed(JobStatus job, String categoryName, String gridName, String mode, String threshold,
			RunSummary run, String started) {
	}

	/** One area of a result, as shown and exported. */
	record Row(String code, Long areaId, String name, Double official, double population, Double coverage,
			Double share, Double mean, Double per1000, String fill, int cells, int cellsWithPopulation) {
	}

	@GetMapping("/needs/accessibility")
	String page(@RequestParam(required = false) String run, @RequestParam(required = false) String job,
			Model model) {
		Long jobId = parseId(job);
		Long runId = parseId(run);
		if (jobId != null) {
			Optional<JobStatus> status = jobs.status(jobId).filter(s -> AccessibilityJob.KIND.equals(s.kind()));
			if (status.isPresent()) {
				model.addAttribute("job", status.get());
				if (status.get().state() == JobStatus.State.DONE && runId == null) {
					runId = parseId(status.get().result());
				}
			}
		}
		return render(runId, null, Map.of(), model);
	}

	@PostMapping("/needs/accessibility")
	String start(@RequestParam(required = false) String category, @RequestParam(required = false) String grid,
			@RequestParam(required = false) String band, @RequestParam(required = false) String mode,
			@RequestParam(required = false) String threshold, @RequestParam(required = false) String catchment,
			@RequestParam(required = false) String decay, Principal principal, Model model,
			HttpServletResponse response) {
		AccessForm typed = new AccessForm(category, grid, band, mode, threshold, catchment, decay);
		Map<String, String> problems = new LinkedHashMap<>();
		String supplyKey = null;
		if (!blank(category) && category.strip().startsWith(SupplySet.PREFIX)) {
			supplyKey = runs.supplySet(category.strip().substring(SupplySet.PREFIX.length())).map(SupplySet::choice)
				.orElse(null);
		} else if (!blank(category)) {
			supplyKey = supply.category(category.strip()).map(SupplyCategory::key).orElse(null);
		}
		if (supplyKey == null) {
			problems.put("a-category", "needs.access.error.category");
		}
		Optional<PopulationGrid> g = blank(grid) ? Optional.empty() : runs.gridInfo(grid.strip());
		if (g.isEmpty()) {
			problems.put("a-grid", "needs.access.error.grid");
		}
		PopulationBand b = FormValues.choice(PopulationBand.class, band, "a-band", problems);
		if (b == null) {
			problems.putIfAbsent("a-band", FormValues.CHOICE);
		} else if (g.isPresent() && !g.get().has(b)) {
			problems.put("a-band", "needs.access.error.band");
		}
		AccessMode m = FormValues.choice(AccessMode.class, mode, "a-mode", problems);
		if (m == null) {
			problems.putIfAbsent("a-mode", FormValues.CHOICE);
		} else if (m.timed() && !roads.configured()) {
			problems.put("a-mode", "needs.access.error.routing");
		}
		BigDecimal t = decimal(threshold, "a-threshold", "needs.access.error.threshold", problems);
		double limit = m != null && m.timed() ? 600 : 200;
		if (t == null) {
			problems.putIfAbsent("a-threshold", "needs.access.error.threshold");
		} else if (t.signum() <= 0 || t.doubleValue() > limit) {
			problems.put("a-threshold", m != null && m.timed() ? "needs.access.error.thresholdMinutes"
					: "needs.access.error.thresholdKm");
		}
		BigDecimal d0 = decimal(catchment, "a-catchment", "needs.access.error.catchment", problems);
		if (d0 == null) {
			problems.putIfAbsent("a-catchment", "needs.access.error.catchment");
		} else if (d0.signum() <= 0 || d0.doubleValue() > 200) {
			problems.put("a-catchment", "needs.access.error.catchment");
		}
		CatchmentDecay k = FormValues.choice(CatchmentDecay.class, decay, "a-decay", problems);
		if (k == null) {
			problems.putIfAbsent("a-decay", FormValues.CHOICE);
		}
		if (!problems.isEmpty()) {
			response.setStatus(422);
			return render(null, typed, problems, model);
		}
		double thresholdValue = m.timed() ? t.doubleValue() : t.doubleValue() * 1000;
		AccessRequest params = new AccessRequest(supplyKey, g.get().key(), b, m,
				thresholdValue, d0.doubleValue() * 1000, k);
		long id = jobs.submit(AccessibilityJob.KIND, principal.getName(), params.asMap());
		return "redirect:/needs/accessibility?job=" + id;
	}

	@PostMapping("/needs/accessibility/jobs/{id}/retry")
	String retry(@PathVariable long id) {
		jobs.status(id).filter(s -> AccessibilityJob.KIND.equals(s.kind())).ifPresent(s -> jobs.retry(id));
		return "redirect:/needs/accessibility?job=" + id;
	}

	/** The job's progress for the page's progress bar. */
	@GetMapping(path = "/needs/accessibility/jobs/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	ResponseEntity<Map<String, Object>> status(@PathVariable long id) {
		Optional<JobStatus> found = jobs.status(id).filter(s -> AccessibilityJob.KIND.equals(s.kind()));
		if (found.isEmpty()) {
			return ResponseEntity.notFound().build();
		}
		JobStatus s = found.get();
		Locale locale = LocaleContextHolder.getLocale();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("id", s.id());
		body.put("state", s.state().name());
		body.put("stateText", messages.getMessage("needs.access.state." + s.state().name(), null, locale));
		body.put("phase", s.phase());
		body.put("phaseText", s.phase() == null ? messages.getMessage("needs.access.phase.queued", null, locale)
				: messages.getMessage(s.phase(), null, s.phase(), locale));
		body.put("done", s.done());
		body.put("total", s.total());
		body.put("percent", s.percent());
		body.put("attempts", s.attempts());
		body.put("finished", s.finished());
		body.put("error", s.error());
		body.put("runId", s.state() == JobStatus.State.DONE ? parseId(s.result()) : null);
		return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store").body(body);
	}

	@GetMapping("/needs/accessibility/runs/{id}.csv")
	ResponseEntity<byte[]> csv(@PathVariable long id) {
		Optional<RunSummary> run = runs.run(id);
		if (run.isEmpty()) {
			return ResponseEntity.notFound().build();
		}
		Locale locale = LocaleContextHolder.getLocale();
		boolean german = !"en".equals(locale.getLanguage());
		char sep = CsvRows.separator(german);
		RunSummary r = run.get();
		Result result = result(r);
		StringBuilder out = new StringBuilder();
		CsvRows.row(out, sep, List.of(msg("needs.access.csv.code", locale), msg("area.name", locale),
				msg("needs.access.col.official", locale), msg("needs.access.col.population", locale),
				msg("needs.access.col.coverage", locale), msg("needs.access.col.share", locale),
				msg(r.mode().timed() ? "needs.access.col.meanMinutes" : "needs.access.col.meanKm", locale),
				msg("needs.access.col.per1000", locale), msg("needs.access.col.cells", locale),
				msg("needs.access.col.cellsWithPopulation", locale)));
		for (Row row : result.rows()) {
			CsvRows.row(out, sep, List.of(row.code(), row.name(), number(row.official(), german),
					CsvRows.number(row.population(), german), number(row.coverage(), german),
					number(row.share(), german), number(row.mean(), german), number(row.per1000(), german),
					Integer.toString(row.cells()), Integer.toString(row.cellsWithPopulation())));
		}
		Row total = result.total();
		CsvRows.row(out, sep, List.of("", msg("needs.region", locale), number(total.official(), german),
				CsvRows.number(total.population(), german), number(total.coverage(), german),
				number(total.share(), german), number(total.mean(), german), number(total.per1000(), german),
				Integer.toString(total.cells()), Integer.toString(total.cellsWithPopulation())));
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"erreichbarkeit-" + id + ".csv\"")
			.body(("\uFEFF" + out).getBytes(StandardCharsets.UTF_8));
	}

	private String render(Long runId, AccessForm form, Map<String, String> problems, Model model) {
		List<SupplyCategory> categories = supply.categories();
		List<PopulationGrid> grids = runs.grids();
		List<SupplySet> sets = runs.supplySets();
		Map<String, String> categoryNames = new HashMap<>();
		categories.forEach(c -> categoryNames.put(c.key(), c.name()));
		sets.forEach(set -> categoryNames.put(set.choice(), set.name()));
		model.addAttribute("supplySets", sets);
		Map<String, PopulationGrid> gridsByKey = new HashMap<>();
		grids.forEach(g -> gridsByKey.put(g.key(), g));
		model.addAttribute("categories", categories);
		model.addAttribute("grids", grids);
		model.addAttribute("bands", PopulationBand.values());
		model.addAttribute("modes", roads.configured() ? AccessMode.values() : new AccessMode[] { AccessMode.STRAIGHT_LINE });
		model.addAttribute("decays", CatchmentDecay.values());
		model.addAttribute("routing", roads.configured());
		model.addAttribute("form", form == null ? AccessForm.defaults(categories, grids) : form);
		model.addAttribute("problems", problems);
		model.addAttribute("fills", FILLS);

		Locale locale = LocaleContextHolder.getLocale();
		List<Listed> listed = new ArrayList<>();
		for (JobStatus s : jobs.list(AccessibilityJob.KIND, LIST)) {
			Map<String, String> p = s.params();
			Long stored = s.state() == JobStatus.State.DONE ? parseId(s.result()) : null;
			RunSummary summary = stored == null ? null : runs.run(stored).orElse(null);
			PopulationGrid g = gridsByKey.get(p.get("grid"));
			listed.add(new Listed(s, categoryNames.getOrDefault(p.get("category"), p.get("category")),
					g == null ? p.get("grid") : g.name(), p.get("mode"), threshold(p, locale), summary,
					time(s.createdAt())));
		}
		model.addAttribute("runs", listed);

		if (runId != null) {
			runs.run(runId).ifPresent(r -> {
				model.addAttribute("run", r);
				model.addAttribute("runCategory", categoryNames.getOrDefault(r.category(), r.category()));
				model.addAttribute("runGrid", gridsByKey.get(r.gridKey()));
				model.addAttribute("runComputed", time(r.createdAt()));
				sets.stream().filter(set -> set.choice().equals(r.category())).findFirst()
					.ifPresent(set -> model.addAttribute("runSupplySet", set));
				model.addAttribute("result", result(r));
			});
		}
		return "needs/accessibility";
	}

	/** Times as the region reads them. */
	static final java.time.format.DateTimeFormatter TIME = java.time.format.DateTimeFormatter
		.ofPattern("dd.MM.yyyy HH:mm").withZone(java.time.ZoneId.of("Europe/Vienna"));

	private static String time(java.time.Instant instant) {
		return instant == null ? "–" : TIME.format(instant);
	}

	/** The threshold of a job as shown: km with German decimals, or minutes. */
	private static String threshold(Map<String, String> p, Locale locale) {
		try {
			double value = Double.parseDouble(p.get("threshold"));
			boolean timed = AccessMode.valueOf(p.get("mode")).timed();
			NumberFormat f = NumberFormat.getNumberInstance(locale);
			f.setMaximumFractionDigits(2);
			return timed ? f.format(value) + " min" : f.format(value / 1000) + " km";
		} catch (RuntimeException e) {
			return p.get("threshold");
		}
	}

	/** A result with its areas named and placed on the map. */
	record Result(List<Row> rows, Row total, String schemeKey, String levelKey, Period officialPeriod,
			boolean timed) {
	}

	private Result result(RunSummary run) {
		List<AreaAccess> stored = runs.areas(run.id());
		PopulationGrid grid = runs.gridInfo(run.gridKey()).orElse(null);
		String levelKey = grid == null || grid.areaLevel() == null ? "gemeinde" : grid.areaLevel();
		// the scheme whose areas of the level know most of the codes: the map shows them
		String schemeKey = null;
		Map<String, AreaSummary> byCode = Map.of();
		long best = 0;
		for (AreaScheme scheme : areas.schemes()) {
			if (areas.levelsOf(scheme.key()).stream().map(AreaLevel::key).noneMatch(levelKey::equals)) {
				continue;
			}
			Map<String, AreaSummary> codes = new HashMap<>();
			for (AreaSummary a : areas.areas(scheme.key(), levelKey)) {
				codes.put(a.code(), a);
			}
			long known = stored.stream().filter(a -> codes.containsKey(a.area())).count();
			if (known > best) {
				best = known;
				schemeKey = scheme.key();
				byCode = codes;
			}
		}
		// the official population of the band, to show how much of it the grid places
		String officialKey = OFFICIAL.get(run.band());
		List<Period> periods = values.periods(officialKey);
		Period period = periods.isEmpty() ? null : periods.get(periods.size() - 1);
		Map<AreaId, IndicatorValue> official = new HashMap<>();
		if (period != null && !byCode.isEmpty()) {
			official = values.values(officialKey, period, byCode.values().stream().map(AreaSummary::id).toList());
		}
		boolean timed = run.mode().timed();
		List<Row> rows = new ArrayList<>();
		double pop = 0;
		double within = 0;
		double meanSum = 0;
		double meanPop = 0;
		double ratioSum = 0;
		double officialSum = 0;
		boolean officialComplete = true;
		int cells = 0;
		int cellsWithPopulation = 0;
		for (AreaAccess a : stored) {
			AreaSummary area = byCode.get(a.area());
			IndicatorValue v = area == null ? null : official.get(area.id());
			Double off = v == null || v.missing() ? null : v.value();
			Double mean = a.meanMetres() == null ? null : timed ? a.meanMetres() / 60 : a.meanMetres() / 1000;
			Double per1000 = a.meanSupplyRatio() == null ? null : a.meanSupplyRatio() * 1000;
			Double coverage = off == null || off <= 0 ? null : a.population() / off;
			rows.add(new Row(a.area(), area == null ? null : area.id().value(),
					area == null ? (a.area().isEmpty() ? "–" : a.area()) : area.name(), off, a.population(), coverage,
					a.shareWithin(), mean, per1000, fill(a.shareWithin()), a.cells(), a.cellsWithPopulation()));
			pop += a.population();
			within += a.populationWithin();
			if (mean != null) {
				meanSum += mean * a.population();
				meanPop += a.population();
			}
			if (a.meanSupplyRatio() != null) {
				ratioSum += a.meanSupplyRatio() * a.population();
			}
			if (off == null) {
				officialComplete = false;
			} else {
				officialSum += off;
			}
			cells += a.cells();
			cellsWithPopulation += a.cellsWithPopulation();
		}
		rows.sort((x, y) -> x.name().compareToIgnoreCase(y.name()));
		Double totalOfficial = officialComplete && !stored.isEmpty() ? officialSum : null;
		Row total = new Row("", null, "", totalOfficial, pop,
				totalOfficial == null || totalOfficial <= 0 ? null : pop / totalOfficial, pop > 0 ? within / pop : null,
				meanPop > 0 ? meanSum / meanPop : null, pop > 0 ? ratioSum / pop * 1000 : null, fill(null), cells,
				cellsWithPopulation);
		return new Result(rows, total, schemeKey, levelKey, official.isEmpty() ? null : period, timed);
	}

	static String fill(Double share) {
		if (share == null) {
			return FILLS.get("missing");
		}
		return FILLS.get(share >= 0.9 ? "high" : share >= 0.75 ? "good" : share >= 0.5 ? "half" : "low");
	}

	private String msg(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}

	private static String number(Double value, boolean german) {
		return value == null ? "" : CsvRows.number(value, german);
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}

	private static Long parseId(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Long.valueOf(text.strip());
		} catch (NumberFormatException e) {
			return null;
		}
	}

	/** A German decimal ("2,5", "1.000,5") or a plain one ("2.5"); null and a problem if it is not a number. */
	private static BigDecimal decimal(String text, String field, String key, Map<String, String> problems) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String t = text.strip().replace(" ", "").replace("\u00a0", "");
		if (t.contains(",")) {
			t = t.replace(".", "").replace(',', '.');
		}
		try {
			return new BigDecimal(t);
		} catch (NumberFormatException e) {
			problems.put(field, key);
			return null;
		}
	}
}
