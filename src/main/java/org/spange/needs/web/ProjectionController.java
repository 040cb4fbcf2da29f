package org.spange.needs.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.security.Principal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;

import org.spange.area.AreaId;
import org.spange.area.AreaQueries;
import org.spange.indicator.IndicatorCatalog;
import org.spange.indicator.Period;
import org.spange.needs.DemandProjections;
import org.spange.needs.GrowthRate;
import org.spange.needs.InvalidSupplyCategoryException.Problem;
import org.spange.needs.ProjectionScenario;
import org.spange.platform.imports.ImportReport;
import org.spange.platform.web.FormValues;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/**
 * Demand projection scenarios for planners (municipalities read): the list with a form for a new one, and a
 * scenario's page with its rates (form entry, CSV import checked before it is written, deletion).
 */
@Controller
class ProjectionController {

	/** The CSV example offered for download: a Bezirk, a Land and all ages, German number format. */
	static final String TEMPLATE = "area_code;band;rate_percent;from_year;to_year\r\n"
			+ "801;pop_80plus;1,5;;\r\n" + "801;children_u3;-0,5;;\r\n" + "8;*;0,4;;\r\n";

	private final DemandProjections projections;
	private final AreaQueries areas;
	private final IndicatorCatalog indicators;

	ProjectionController(DemandProjections projections, AreaQueries areas, IndicatorCatalog indicators) {
		this.projections = projections;
		this.areas = areas;
		this.indicators = indicators;
	}

	/** The scenario form as typed. */
	record ScenarioForm(String name, String source, String basePeriod) {
		static ScenarioForm of(ProjectionScenario s) {
			return new ScenarioForm(s.name(), s.source(), s.basePeriod() == null ? null : s.basePeriod().toString());
		}
	}

	/** The rate form as typed; {@code rateId} set when a rate is edited. */
	record RateForm(String rateId, String area, String band, String ratePercent, String fromYear, String toYear) {
		static final RateForm EMPTY = new RateForm(null, null, null, null, null, null);

		static RateForm of(GrowthRate r) {
			return new RateForm(r.id().toString(), Long.toString(r.area().value()), r.band(),
					r.ratePercent().toPlainString().replace('.', ','), r.fromYear() == null ? null : r.fromYear().toString(),
					r.toYear() == null ? null : r.toYear().toString());
		}
	}

	@GetMapping("/needs/projections")
	String list(Model model) {
		return renderList(ScenarioForm.of(ProjectionScenario.empty()), Map.of(), model);
	}

	@PostMapping("/needs/projections")
	String create(@RequestParam(required = false) String name, @RequestParam(required = false) String source,
			@RequestParam(required = false) String basePeriod, Principal principal, Model model) {
		ScenarioForm typed = new ScenarioForm(name, source, basePeriod);
		Map<String, String> problems = new LinkedHashMap<>();
		ProjectionScenario s = scenario(null, typed, problems);
		if (!problems.isEmpty()) {
			return renderList(typed, problems, model);
		}
		ProjectionScenario saved = projections.save(s, user(principal));
		return "redirect:/needs/projections/" + saved.id() + "?saved=true";
	}

	private ProjectionScenario scenario(Long id, ScenarioForm typed, Map<String, String> problems) {
		Period base = null;
		if (typed.basePeriod() != null && !typed.basePeriod().isBlank()) {
			base = Period.tryParse(typed.basePeriod()).orElse(null);
			if (base == null) {
				problems.put("s-basePeriod", "needs.projection.error.basePeriod");
			}
		}
		ProjectionScenario s = new ProjectionScenario(id, blankToNull(typed.name()), blankToNull(typed.source()), base);
		for (Problem p : projections.check(s)) {
			problems.putIfAbsent("s-" + p.field(), p.code());
		}
		return s;
	}

	private String renderList(ScenarioForm form, Map<String, String> problems, Model model) {
		List<ProjectionScenario> scenarios = projections.scenarios();
		Map<Long, Integer> counts = new HashMap<>();
		scenarios.forEach(s -> counts.put(s.id(), projections.rates(s.id()).size()));
		model.addAttribute("scenarios", scenarios);
		model.addAttribute("rateCounts", counts);
		model.addAttribute("form", form);
		model.addAttribute("problems", problems);
		return "needs/projections";
	}

	@GetMapping("/needs/projections/{id}")
	String scenario(@PathVariable long id, @RequestParam(required = false) Long editRate, Model model) {
		ProjectionScenario s = found(id);
		RateForm rate = RateForm.EMPTY;
		if (editRate != null) {
			rate = projections.rates(id).stream().filter(r -> r.id().equals(editRate)).findFirst().map(RateForm::of)
				.orElse(RateForm.EMPTY);
		}
		return renderScenario(s, ScenarioForm.of(s), rate, Map.of(), null, model);
	}

	@PostMapping("/needs/projections/{id}")
	String update(@PathVariable long id, @RequestParam(required = false) String name,
			@RequestParam(required = false) String source, @RequestParam(required = false) String basePeriod,
			Principal principal, Model model) {
		ProjectionScenario current = found(id);
		ScenarioForm typed = new ScenarioForm(name, source, basePeriod);
		Map<String, String> problems = new LinkedHashMap<>();
		ProjectionScenario s = scenario(id, typed, problems);
		if (!problems.isEmpty()) {
			return renderScenario(current, typed, RateForm.EMPTY, problems, null, model);
		}
		projections.save(s, user(principal));
		return "redirect:/needs/projections/" + id + "?saved=true";
	}

	@PostMapping("/needs/projections/{id}/delete")
	String delete(@PathVariable long id, @RequestParam(required = false) String confirm, Principal principal,
			Model model) {
		ProjectionScenario s = found(id);
		if (!"yes".equals(confirm)) {
			return renderScenario(s, ScenarioForm.of(s), RateForm.EMPTY, Map.of("d-confirm",
					"needs.projection.error.confirm"), null, model);
		}
		projections.delete(id, user(principal));
		return "redirect:/needs/projections?deleted=true";
	}

	@PostMapping("/needs/projections/{id}/rates")
	String saveRate(@PathVariable long id, @RequestParam(required = false) String rateId,
			@RequestParam(required = false) String area, @RequestParam(required = false) String band,
			@RequestParam(required = false) String ratePercent, @RequestParam(required = false) String fromYear,
			@RequestParam(required = false) String toYear, Principal principal, Model model) {
		ProjectionScenario s = found(id);
		RateForm typed = new RateForm(rateId, area, band, ratePercent, fromYear, toYear);
		Map<String, String> problems = new LinkedHashMap<>();
		Long rid = FormValues.id(rateId, "r-area", problems);
		Long areaId = FormValues.id(area, "r-area", problems);
		BigDecimal rate = decimal(ratePercent, "r-ratePercent", problems);
		Integer from = FormValues.integer(fromYear, "r-fromYear", problems);
		Integer to = FormValues.integer(toYear, "r-toYear", problems);
		GrowthRate r = new GrowthRate(rid, id, areaId == null ? null : new AreaId(areaId), blankToNull(band), rate,
				from, to);
		for (Problem p : projections.check(r)) {
			problems.putIfAbsent("r-" + p.field(), p.code());
		}
		if (!problems.isEmpty()) {
			return renderScenario(s, ScenarioForm.of(s), typed, problems, null, model);
		}
		try {
			projections.save(r, user(principal));
		} catch (NoSuchElementException e) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return "redirect:/needs/projections/" + id + "?rateSaved=true#rates";
	}

	@PostMapping("/needs/projections/{id}/rates/{rateId}/delete")
	String deleteRate(@PathVariable long id, @PathVariable long rateId, Principal principal) {
		found(id);
		if (!projections.deleteRate(id, rateId, user(principal))) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return "redirect:/needs/projections/" + id + "?rateDeleted=true#rates";
	}

	@PostMapping("/needs/projections/{id}/import")
	String importRates(@PathVariable long id, @RequestParam(required = false) MultipartFile file,
			@RequestParam(required = false) String write, Principal principal, Model model) throws IOException {
		ProjectionScenario s = found(id);
		if (file == null || file.isEmpty()) {
			return renderScenario(s, ScenarioForm.of(s), RateForm.EMPTY, Map.of("i-file",
					"needs.projection.error.noFile"), null, model);
		}
		ImportReport report = projections.importRates(id, file.getOriginalFilename(), file.getBytes(),
				write != null, user(principal));
		return renderScenario(s, ScenarioForm.of(s), RateForm.EMPTY, Map.of(), report, model);
	}

	@GetMapping("/needs/projections/template.csv")
	ResponseEntity<byte[]> template() {
		byte[] bom = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };
		byte[] body = TEMPLATE.getBytes(java.nio.charset.StandardCharsets.UTF_8);
		byte[] all = new byte[bom.length + body.length];
		System.arraycopy(bom, 0, all, 0, bom.length);
		System.arraycopy(body, 0, all, bom.length, body.length);
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"spange-prognose-raten.csv\"")
			.contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
			.body(all);
	}

	private String renderScenario(ProjectionScenario s, ScenarioForm form, RateForm rate, Map<String, String> problems,
			ImportReport report, Model model) {
		Locale locale = LocaleContextHolder.getLocale();
		List<GrowthRate> rates = projections.rates(s.id());
		model.addAttribute("scenario", s);
		model.addAttribute("form", form);
		model.addAttribute("rateForm", rate);
		model.addAttribute("problems", problems);
		model.addAttribute("rates", rates);
		model.addAttribute("areaLabels", projections.labels(rates));
		model.addAttribute("areaChoices", areas.choices(locale));
		model.addAttribute("bandNames", bandNames(indicators, locale));
		model.addAttribute("report", report);
		model.addAttribute("columns", DemandProjections.CSV_COLUMNS);
		return "needs/projection";
	}

	/** The bands a rate can be for: all ages, then every variable and indicator by name, key to label. */
	static Map<String, String> bandNames(IndicatorCatalog indicators, Locale locale) {
		Map<String, String> names = new LinkedHashMap<>();
		names.put(GrowthRate.ALL_AGES, "en".equals(locale.getLanguage()) ? "all ages" : "alle Altersgruppen");
		indicators.variables(false).forEach(v -> names.put(v.key(), v.name(locale) + " (" + v.key() + ")"));
		indicators.indicators(false).forEach(i -> names.put(i.key(), i.name(locale) + " (" + i.key() + ")"));
		return names;
	}

	private ProjectionScenario found(long id) {
		return projections.scenario(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private static String user(Principal principal) {
		return principal == null ? null : principal.getName();
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

	/** A German decimal ("1,5", "-0,5") or a plain one ("1.5"). */
	static BigDecimal decimal(String text, String field, Map<String, String> problems) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String t = text.strip().replace(" ", "").replace('\u2212', '-').replace("%", "");
		if (t.contains(",")) {
			t = t.replace(".", "").replace(',', '.');
		}
		try {
			return new BigDecimal(t);
		} catch (NumberFormatException e) {
			problems.put(field, "needs.projection.error.rate");
			return null;
		}
	}
}
