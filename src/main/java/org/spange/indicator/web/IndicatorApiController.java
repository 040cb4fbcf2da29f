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
import org.spange.area.AreaQueries;
import org.spange.area.AreaSummary;
import org.spange.indicator.FormulaProblem;
import org.spange.indicator.Indicator;
import org.spange.indicator.IndicatorCatalog;
import org.spange.indicator.IndicatorValue;
import org.spange.indicator.IndicatorValues;
import org.spange.indicator.InvalidIndicatorException;
import org.spange.indicator.InvalidVariableException;
import org.spange.indicator.Observation;
import org.spange.indicator.Observation.Status;
import org.spange.indicator.ObservationImportOptions;
import org.spange.indicator.ObservationImportOptions.Columns;
import org.spange.indicator.ObservationImportOptions.Layout;
import org.spange.indicator.ObservationImportResult;
import org.spange.indicator.ObservationImports;
import org.spange.indicator.Period;
import org.spange.indicator.Polarity;
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
@Tag(name = "Indicators", description = "Topics, variables (Merkmale), observations, indicators and computed values")
class IndicatorApiController {

	/** Shown with every synthetic variable, wherever its numbers go. */
	static final String SYNTHETIC_NOTICE = "Synthetic demo data – not real statistics";

	private final IndicatorCatalog catalog;
	private final ObservationImports imports;
	private final IndicatorValues values;
	private final AreaQueries areas;

	IndicatorApiController(IndicatorCatalog catalog, ObservationImports imports, IndicatorValues values,
			AreaQueries areas) {
		this.catalog = catalog;
		this.imports = imports;
		this.values = values;
		this.areas = areas;
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
		Period p = period(period);
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

	@GetMapping("/indicators")
	@Operation(summary = "Indicators by key",
			description = "Anonymous visitors and roles other than planner and admin see published indicators only.")
	List<Indicator> indicators(HttpServletRequest request) {
		return catalog.indicators(!seesAll(request));
	}

	@GetMapping("/indicators/{key}")
	@Operation(summary = "One indicator")
	Indicator indicator(@PathVariable String key, HttpServletRequest request) {
		return catalog.indicator(key).filter(i -> i.published() || seesAll(request))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Unknown indicator " + key));
	}

	@PutMapping("/indicators/{key}")
	@Operation(summary = "Create or update an indicator; its values are computed at once",
			description = "Planners and admins only; 422 with every problem, formula problems with their position.")
	Indicator saveIndicator(@PathVariable String key, @RequestBody IndicatorRequest indicator) {
		return catalog.saveIndicator(indicator.toIndicator(key));
	}

	/** An indicator as sent: decimals default to 1, published to false. */
	record IndicatorRequest(String nameDe, String nameEn, String formula, String unit, Polarity polarity,
			Integer decimals, String topicKey, String description, Boolean published) {

		Indicator toIndicator(String key) {
			return new Indicator(key, nameDe, nameEn, formula, unit, polarity, decimals == null ? 1 : decimals,
					topicKey, description, Boolean.TRUE.equals(published));
		}
	}

	/** A computed value with the area it belongs to. */
	record AreaValue(AreaId area, String code, String name, Double value, double coverage) {
	}

	/** Values of one key in one period for the areas of a level in a scheme. */
	record ValuesView(String key, Period period, String scheme, String level, List<AreaValue> values) {
	}

	@GetMapping("/values/{key}")
	@Operation(summary = "Computed values of an indicator or variable for the areas of a level in a scheme",
			description = "Planners and admins only: unrounded and without disclosure control (the public atlas"
					+ " applies it). Values are ratios of sums; missing values are null, never 0; coverage is the"
					+ " share of the parts with data.")
	ValuesView values(@PathVariable String key, @RequestParam String period, @RequestParam String scheme,
			@RequestParam String level) {
		Period p = period(period);
		List<AreaSummary> listed = areas.areas(scheme, level);
		Map<AreaId, IndicatorValue> found = values.values(key, p, listed.stream().map(AreaSummary::id).toList());
		return new ValuesView(key, p, scheme, level, listed.stream().map(a -> {
			IndicatorValue v = found.get(a.id());
			return new AreaValue(a.id(), a.code(), a.name(), v == null ? null : v.value(), v == null ? 0 : v.coverage());
		}).toList());
	}

	@GetMapping("/values/{key}/series")
	@Operation(summary = "The time series of an indicator or variable for one area",
			description = "Planners and admins only; missing values are null.")
	List<IndicatorValue> series(@PathVariable String key, @RequestParam long area) {
		return values.series(key, new AreaId(area));
	}

	private static Period period(String text) {
		return Period.tryParse(text).orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST,
				"Not a period: " + text + "; expected 2024, 2024-Q1, 2024-03 or 2024-12-31"));
	}

	record IndicatorProblems(List<InvalidVariableException.Problem> problems, List<FormulaProblem> formulaProblems) {
	}

	@ExceptionHandler(InvalidIndicatorException.class)
	ResponseEntity<IndicatorProblems> invalid(InvalidIndicatorException e) {
		return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT)
			.body(new IndicatorProblems(e.fieldProblems(), e.formulaProblems()));
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
