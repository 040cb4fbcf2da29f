package org.spange.indicator.web;

import java.io.IOException;
import java.security.Principal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.spange.area.AreaQueries;
import org.spange.indicator.FormulaProblem;
import org.spange.indicator.Indicator;
import org.spange.indicator.IndicatorCatalog;
import org.spange.indicator.InvalidIndicatorException;
import org.spange.indicator.ObservationImportResult;
import org.spange.indicator.ObservationImports;
import org.spange.indicator.Polarity;
import org.spange.platform.imports.ImportJobs;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/**
 * Maintaining statistics: observation imports (with a preview, and a progress bar where JavaScript runs), indicators
 * with their formula checked on the spot, and the catalogue of variables with sources and licences.
 */
@Controller
class IndicatorAdminController {

	private final IndicatorCatalog catalog;
	private final ObservationImports imports;
	private final AreaQueries areas;
	private final ImportJobs jobs;
	private final JdbcClient jdbc;

	IndicatorAdminController(IndicatorCatalog catalog, ObservationImports imports, AreaQueries areas, ImportJobs jobs,
			JdbcClient jdbc) {
		this.catalog = catalog;
		this.imports = imports;
		this.areas = areas;
		this.jobs = jobs;
		this.jdbc = jdbc;
	}

	record Run(OffsetDateTime finishedAt, String fileName, String actor, String outcome) {
	}

	/** The indicator form as sent, kept on errors. */
	record IndicatorForm(String key, String nameDe, String nameEn, String formula, String unit, Polarity polarity,
			Integer decimals, String topicKey, String description, Boolean published) {

		static IndicatorForm of(Indicator i) {
			return new IndicatorForm(i.key(), i.nameDe(), i.nameEn(), i.formula(), i.unit(), i.polarity(),
					i.decimals(), i.topicKey(), i.description(), i.published());
		}

		Indicator toIndicator() {
			return new Indicator(key == null ? null : key.strip(), nameDe, nameEn, formula, unit, polarity,
					decimals == null ? 1 : decimals, topicKey, description, Boolean.TRUE.equals(published));
		}
	}

	/** A formula problem with the formula cut at its position, to mark it in the page. */
	record MarkedProblem(FormulaProblem problem, String before, String marked, String after) {

		static MarkedProblem of(FormulaProblem p, String formula) {
			String text = formula == null ? "" : formula;
			int from = Math.min(Math.max(p.position(), 0), text.length());
			int to = Math.min(from + Math.max(p.length(), 0), text.length());
			return new MarkedProblem(p, text.substring(0, from), text.substring(from, to), text.substring(to));
		}
	}

	@GetMapping("/admin/indicators")
	String page(@RequestParam(required = false) String edit, @RequestParam(required = false) String job,
			Principal user, Model model) {
		if (!model.containsAttribute("indicatorForm")) {
			model.addAttribute("indicatorForm", edit == null ? null
					: catalog.indicator(edit).map(IndicatorForm::of).orElse(null));
		}
		if (job != null) {
			jobs.status(job, user.getName()).filter(ImportJobs.Status::finished).ifPresent(s -> {
				if (s.result() instanceof ObservationImportResult r) {
					model.addAttribute("result", r);
					model.addAttribute("report", r.report());
				} else {
					model.addAttribute("jobError", s.error());
				}
			});
		}
		model.addAttribute("levels", areas.levels());
		model.addAttribute("topics", catalog.topics());
		model.addAttribute("variables", catalog.variables(false));
		model.addAttribute("indicators", catalog.indicators(false));
		model.addAttribute("polarities", Polarity.values());
		model.addAttribute("runs", jdbc.sql("""
				select finished_at, file_name, actor, outcome from indicator.import_run order by id desc limit 20""")
			.query(Run.class).list());
		return "indicator/admin";
	}

	@PostMapping("/admin/indicators/observations")
	String importObservations(@RequestParam("file") MultipartFile file, ObservationImportForm form, Principal user,
			Model model) throws IOException {
		ObservationImportResult result;
		try {
			result = imports.importObservations(file.getOriginalFilename(), file.getBytes(),
					IndicatorApiController.options(form));
		} catch (IllegalArgumentException e) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
		}
		model.addAttribute("result", result);
		model.addAttribute("report", result.report());
		model.addAttribute("importForm", form);
		return page(null, null, user, model);
	}

	/** Starts the import in the background; the page polls {@link #job} and then shows the report. */
	@PostMapping(value = "/admin/indicators/observations/jobs", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	Map<String, String> startImport(@RequestParam("file") MultipartFile file, ObservationImportForm form,
			Principal user) throws IOException {
		byte[] content = file.getBytes();
		String name = file.getOriginalFilename();
		var options = IndicatorApiController.options(form);
		return Map.of("id", jobs.start(user.getName(), progress -> imports.importObservations(name, content, options,
				progress)));
	}

	@GetMapping(value = "/admin/indicators/observations/jobs/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	Map<String, Object> job(@PathVariable String id, Principal user) {
		ImportJobs.Status s = jobs.status(id, user.getName())
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such import"));
		return Map.of("phase", s.phase().name(), "done", s.done(), "total", s.total(), "finished", s.finished());
	}

	@PostMapping("/admin/indicators/save")
	String saveIndicator(IndicatorForm form, @RequestParam(defaultValue = "save") String action, Principal user,
			Model model) {
		Indicator indicator = form.toIndicator();
		model.addAttribute("indicatorForm", form);
		if ("check".equals(action)) {
			List<FormulaProblem> problems = catalog.checkIndicator(indicator);
			model.addAttribute("formulaProblems", marked(problems, form.formula()));
			model.addAttribute("formulaChecked", true);
			return page(null, null, user, model);
		}
		try {
			Indicator saved = catalog.saveIndicator(indicator);
			model.addAttribute("savedIndicator", saved);
			model.addAttribute("indicatorForm", IndicatorForm.of(saved));
		} catch (InvalidIndicatorException e) {
			model.addAttribute("fieldProblems", e.fieldProblems());
			model.addAttribute("formulaProblems", marked(e.formulaProblems(), form.formula()));
		}
		return page(null, null, user, model);
	}

	private static List<MarkedProblem> marked(List<FormulaProblem> problems, String formula) {
		return problems.stream().map(p -> MarkedProblem.of(p, formula == null ? "" : formula.strip())).toList();
	}
}
