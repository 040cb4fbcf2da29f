package org.spange.indicator.web;

import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

import org.spange.access.Role;
import org.spange.area.AreaId;
import org.spange.indicator.IndicatorCatalog;
import org.spange.indicator.InvalidVariableException;
import org.spange.indicator.Observation;
import org.spange.indicator.Observation.Status;
import org.spange.indicator.ObservationImportOptions;
import org.spange.indicator.ObservationImportOptions.Columns;
import org.spange.indicator.ObservationImportOptions.Layout;
import org.spange.indicator.ObservationImportResult;
import org.spange.indicator.ObservationImports;
import org.spange.indicator.Period;
import org.spange.indicator.Topic;
import org.spange.indicator.Variable;
import org.spange.platform.imports.ImportReport;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

@RestController
@RequestMapping("/api/v1/indicators")
@Tag(name = "Indicators", description = "Topics, variables (Merkmale) and their observations per area and period")
class IndicatorApiController {

	/** Shown with every synthetic variable, wherever its numbers go. */
	static final String SYNTHETIC_NOTICE = "Synthetic demo data – not real statistics";

	private final IndicatorCatalog catalog;
	private final ObservationImports imports;

	IndicatorApiController(IndicatorCatalog catalog, ObservationImports imports) {
		this.catalog = catalog;
		this.imports = imports;
	}

	/** Planners and admins see unpublished variables; everybody else only published ones. */
	private static boolean seesAll(HttpServletRequest request) {
		return request.isUserInRole(Role.PLANNER.name()) || request.isUserInRole(Role.ADMIN.name());
	}

	@GetMapping("/topics")
	@Operation(summary = "All topics, parents before their subtopics")
	List<Topic> topics() {
		return catalog.topics();
	}

	@PutMapping("/topics/{key}")
	@Operation(summary = "Create or update a topic", description = "Planners and admins only; 422 with the problems.")
	Topic saveTopic(@PathVariable String key, @RequestBody Topic topic) {
		return catalog.saveTopic(new Topic(key, topic.nameDe(), topic.nameEn(), topic.parentKey()));
	}

	/** A variable as the API shows it: synthetic ones carry a notice. */
	record VariableView(Variable variable, String notice) {
		static VariableView of(Variable v) {
			return new VariableView(v, v.synthetic() ? SYNTHETIC_NOTICE : null);
		}
	}

	@GetMapping("/variables")
	@Operation(summary = "Variables (Merkmale) by key",
			description = "Anonymous visitors and roles other than planner and admin see published variables only.")
	List<VariableView> variables(HttpServletRequest request) {
		return catalog.variables(!seesAll(request)).stream().map(VariableView::of).toList();
	}

	@GetMapping("/variables/{key}")
	@Operation(summary = "One variable")
	VariableView variable(@PathVariable String key, HttpServletRequest request) {
		return VariableView.of(visible(key, request));
	}

	@PostMapping("/variables")
	@Operation(summary = "Create a variable", description = "Planners and admins only; 422 with every problem.")
	ResponseEntity<VariableView> create(@RequestBody VariableRequest variable) {
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(VariableView.of(catalog.createVariable(variable.toVariable())));
	}

	@PutMapping("/variables/{key}")
	@Operation(summary = "Update a variable (its key cannot change)",
			description = "Planners and admins only; 422 with every problem, 404 for an unknown key.")
	VariableView update(@PathVariable String key, @RequestBody VariableRequest variable) {
		return catalog.updateVariable(key, variable.toVariable()).map(VariableView::of)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Unknown variable " + key));
	}

	/** The observations of a variable in a period. */
	record ObservationsView(Variable variable, String notice, Period period, List<Observation> observations) {
	}

	@GetMapping("/variables/{key}/observations")
	@Operation(summary = "Observations of a variable in a period, per area",
			description = "Missing and suppressed observations have no value (never 0).")
	ObservationsView observations(@PathVariable String key,
			@Parameter(description = "2024, 2024-Q1, 2024-03 or 2024-12-31") @RequestParam String period,
			@Parameter(description = "area ids; none for every area with an observation") @RequestParam(
					name = "area", required = false) List<Long> areas,
			HttpServletRequest request) {
		Variable variable = visible(key, request);
		Period p = Period.tryParse(period).orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST,
				"Not a period: " + period + "; expected 2024, 2024-Q1, 2024-03 or 2024-12-31"));
		List<AreaId> ids = areas == null ? List.of() : areas.stream().map(AreaId::new).toList();
		return new ObservationsView(variable, variable.synthetic() ? SYNTHETIC_NOTICE : null, p,
				catalog.observations(key, p, ids));
	}

	@GetMapping("/variables/{key}/periods")
	@Operation(summary = "The periods with observations of a variable, in order")
	List<Period> periods(@PathVariable String key, HttpServletRequest request) {
		visible(key, request);
		return catalog.periods(key);
	}

	@PostMapping(value = "/imports/observations", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Import observations from CSV or XLSX, long or wide layout — all or nothing",
			description = "Every problem is reported with line and column; with problems nothing is written (HTTP"
					+ " 422). With preview=true nothing is written and the answer says what would be. Planners and"
					+ " admins only.")
	ResponseEntity<ObservationImportResult> importObservations(@RequestParam MultipartFile file,
			ObservationImportForm form) throws IOException {
		ObservationImportResult result;
		try {
			result = imports.importObservations(file.getOriginalFilename(), file.getBytes(), options(form));
		} catch (IllegalArgumentException e) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
		}
		return ResponseEntity.status(result.report().outcome() == ImportReport.Outcome.REJECTED
				? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.OK).body(result);
	}

	record Problems(List<InvalidVariableException.Problem> problems) {
	}

	@ExceptionHandler(InvalidVariableException.class)
	ResponseEntity<Problems> invalid(InvalidVariableException e) {
		return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(new Problems(e.problems()));
	}

	private Variable visible(String key, HttpServletRequest request) {
		Optional<Variable> variable = catalog.variable(key);
		if (variable.isEmpty() || !variable.get().published() && !seesAll(request)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "Unknown variable " + key);
		}
		return variable.get();
	}

	/** @throws IllegalArgumentException for an unknown layout, status or a decimal separator of several characters */
	static ObservationImportOptions options(ObservationImportForm f) {
		Layout layout = blank(f.layout()) ? null : Layout.valueOf(f.layout().strip().toUpperCase(Locale.ROOT));
		Character decimal = null;
		if (!blank(f.decimalSeparator())) {
			String s = f.decimalSeparator().strip();
			if (s.length() != 1) {
				throw new IllegalArgumentException("The decimal separator is one character: ',' or '.'");
			}
			decimal = s.charAt(0);
		}
		Map<String, Status> markers = null;
		if (!blank(f.markers())) {
			markers = new LinkedHashMap<>();
			for (String pair : f.markers().split(";")) {
				int eq = pair.lastIndexOf('=');
				if (eq < 0) {
					throw new IllegalArgumentException("Markers are written marker=STATUS, separated by ';'");
				}
				markers.put(pair.substring(0, eq).strip(),
						Status.valueOf(pair.substring(eq + 1).strip().toUpperCase(Locale.ROOT)));
			}
		}
		Set<String> ignored = blank(f.ignoredColumns()) ? null
				: new LinkedHashSet<>(Arrays.stream(f.ignoredColumns().split(",")).map(String::strip)
					.filter(s -> !s.isEmpty()).toList());
		Columns columns = new Columns(trim(f.areaColumn()), trim(f.levelColumn()), trim(f.variableColumn()),
				trim(f.periodColumn()), trim(f.valueColumn()), trim(f.statusColumn()));
		return new ObservationImportOptions(layout, trim(f.level()), trim(f.period()), columns, decimal, markers,
				ignored, Boolean.TRUE.equals(f.preview()),
				f.previewRows() == null ? ObservationImportOptions.DEFAULT_PREVIEW_ROWS : f.previewRows());
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}

	private static String trim(String s) {
		return blank(s) ? null : s.strip();
	}
}
