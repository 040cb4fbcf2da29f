package org.spange.atlas.web;

import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.spange.area.AreaSummary;
import org.spange.atlas.SocialIndex;
import org.spange.atlas.SocialIndex.AreaResult;
import org.spange.atlas.IndexDefinition;
import org.spange.atlas.internal.SocialMonitoring;
import org.spange.atlas.internal.SocialMonitoring.IndexView;
import org.spange.atlas.internal.SocialMonitoring.TypologyView;
import org.spange.atlas.TypologyDefinition;
import org.spange.indicator.Indicator;
import org.spange.indicator.IndicatorCatalog;
import org.spange.indicator.Period;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;

import tools.jackson.databind.json.JsonMapper;

/**
 * Social monitoring pages: the social index (map by status class, table with each area's explanation, status ×
 * dynamics matrix, sensitivity, CSV export) and the typology (types with profiles, silhouette, biplot, movement).
 * Definitions are maintained through the API.
 */
@Controller
class MonitoringController {

	/** Status classes from good to very low, colour-blind safe (ColorBrewer RdYlBu), each with a text label too. */
	static final Map<SocialIndex.StatusClass, String> STATUS_COLOURS = Map.of(SocialIndex.StatusClass.HIGH, "#2c7bb6",
			SocialIndex.StatusClass.MIDDLE, "#abd9e9", SocialIndex.StatusClass.LOW, "#fdae61",
			SocialIndex.StatusClass.VERY_LOW, "#d7191c");
	/** Areas left out of the index: neutral grey, named in the legend. */
	static final String EXCLUDED_COLOUR = "#bdbdbd";
	/** Types: ColorBrewer Set2 (qualitative). */
	static final String[] TYPE_COLOURS = { "#66c2a5", "#fc8d62", "#8da0cb", "#e78ac3", "#a6d854", "#ffd92f", "#e5c494",
			"#b3b3b3", "#1b9e77", "#d95f02", "#7570b3", "#e7298a" };

	private final SocialMonitoring monitoring;
	private final IndicatorCatalog catalog;
	private final JsonMapper json;

	MonitoringController(SocialMonitoring monitoring, IndicatorCatalog catalog, JsonMapper json) {
		this.monitoring = monitoring;
		this.catalog = catalog;
		this.json = json;
	}

	@GetMapping("/atlas/monitoring")
	String overview(Model model) {
		model.addAttribute("indexes", monitoring.indexes());
		model.addAttribute("typologies", monitoring.typologies());
		return "atlas/monitoring";
	}

	/** One row of the index table. */
	record IndexRow(AreaSummary area, AreaResult result, String fill, String status, String dynamics,
			List<String[]> explanation) {
	}

	@GetMapping("/atlas/index/{key}")
	String index(@PathVariable String key, @RequestParam(required = false) String period, Locale locale,
			Model model) {
		IndexDefinition d = monitoring.index(key).orElseThrow(() -> notFound(key));
		IndexView view = monitoring.computeIndex(d, period == null ? null : Period.tryParse(period).orElse(null))
			.orElse(null);
		model.addAttribute("definition", d);
		model.addAttribute("view", view);
		model.addAttribute("periods", monitoring.indexPeriods(d));
		model.addAttribute("names", names(locale));
		if (view != null) {
			NumberFormat f = decimals(locale, 2);
			List<IndexRow> rows = new ArrayList<>();
			for (int i = 0; i < view.areas().size(); i++) {
				AreaResult r = view.result().areas().get(i);
				List<String[]> explanation = r.contributions().stream().map(c -> new String[] { c.key(),
						f.format(c.raw()), f.format(c.reference()), f.format(c.standardised()),
						f.format(c.contribution()) }).toList();
				rows.add(new IndexRow(view.areas().get(i), r,
						r.statusClass() == null ? EXCLUDED_COLOUR : STATUS_COLOURS.get(r.statusClass()),
						Double.isNaN(r.status()) ? "–" : f.format(r.status()),
						Double.isNaN(r.dynamics()) ? "–" : f.format(r.dynamics()), explanation));
			}
			model.addAttribute("rows", rows);
			model.addAttribute("colours", STATUS_COLOURS);
			model.addAttribute("withoutBoundary", withoutBoundary(view.areas()));
		}
		return "atlas/index";
	}

	@GetMapping("/atlas/index/{key}/export.csv")
	ResponseEntity<byte[]> exportIndex(@PathVariable String key, @RequestParam(required = false) String period,
			Locale locale) {
		IndexDefinition d = monitoring.index(key).orElseThrow(() -> notFound(key));
		IndexView view = monitoring.computeIndex(d, period == null ? null : Period.tryParse(period).orElse(null))
			.orElseThrow(() -> notFound(key));
		NumberFormat f = decimals(Locale.GERMANY, 4);
		StringBuilder csv = new StringBuilder("\uFEFF");
		csv.append("# ").append(d.nameDe()).append(" – Zeitraum ").append(view.period())
			.append(view.comparedPeriod() == null ? "" : ", Dynamik gegenüber " + view.comparedPeriod())
			.append("; Spange Sozialindex\n");
		csv.append("code;name;ausschluss;statusindex;statusklasse;dynamikindex;dynamikklasse");
		d.components().forEach(c -> csv.append(';').append(c.key()).append(";beitrag_").append(c.key()));
		csv.append('\n');
		for (int i = 0; i < view.areas().size(); i++) {
			AreaSummary a = view.areas().get(i);
			AreaResult r = view.result().areas().get(i);
			csv.append(a.code()).append(';').append(a.name().replace(';', ',')).append(';')
				.append(r.exclusion() == null ? "" : r.exclusion()).append(';')
				.append(Double.isNaN(r.status()) ? "" : f.format(r.status())).append(';')
				.append(r.statusClass() == null ? "" : r.statusClass()).append(';')
				.append(Double.isNaN(r.dynamics()) ? "" : f.format(r.dynamics())).append(';')
				.append(r.dynamicsClass() == null ? "" : r.dynamicsClass());
			for (int c = 0; c < d.components().size(); c++) {
				if (r.contributions().isEmpty()) {
					csv.append(";;");
				} else {
					csv.append(';').append(f.format(r.contributions().get(c).raw())).append(';')
						.append(f.format(r.contributions().get(c).contribution()));
				}
			}
			csv.append('\n');
		}
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + key + "-" + view.period() + ".csv\"")
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.body(csv.toString().getBytes(StandardCharsets.UTF_8));
	}

	@GetMapping("/atlas/typology/{key}")
	String typology(@PathVariable String key, @RequestParam(required = false) String period, Locale locale,
			Model model) {
		TypologyDefinition d = monitoring.typology(key).orElseThrow(() -> notFound(key));
		TypologyView view = monitoring.computeTypology(d, period == null ? null : Period.tryParse(period).orElse(null))
			.orElse(null);
		model.addAttribute("definition", d);
		model.addAttribute("view", view);
		model.addAttribute("periods", monitoring.typologyPeriods(d));
		model.addAttribute("names", names(locale));
		model.addAttribute("typeColours", TYPE_COLOURS);
		if (view != null) {
			Map<String, Object> chart = new LinkedHashMap<>();
			chart.put("silhouette", view.result().silhouetteByK());
			chart.put("k", view.result().k());
			chart.put("scores", view.result().scores());
			chart.put("types", view.result().types());
			chart.put("labels", view.areas().stream().map(AreaSummary::name).toList());
			chart.put("loadings", view.result().loadings());
			chart.put("indicators", d.indicatorKeys().stream().map(k -> names(locale).getOrDefault(k, k)).toList());
			chart.put("explained", view.result().explained());
			chart.put("colours", TYPE_COLOURS);
			chart.put("locale", locale.toLanguageTag());
			model.addAttribute("chart", json.writeValueAsString(chart));
			model.addAttribute("withoutBoundary", withoutBoundary(view.areas()));
		}
		return "atlas/typology";
	}

	@PostMapping("/atlas/typology/{key}/types/{type}")
	String nameType(@PathVariable String key, @PathVariable int type, @RequestParam String name) {
		monitoring.typology(key).orElseThrow(() -> notFound(key));
		monitoring.nameType(key, type, name);
		return "redirect:/atlas/typology/" + key;
	}

	@PutMapping(value = "/api/v1/atlas/indexes/{key}", consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	IndexDefinition saveIndex(@PathVariable String key, @RequestBody IndexDefinition d) {
		return monitoring.saveIndex(new IndexDefinition(key, d.nameDe(), d.nameEn(), d.schemeKey(), d.levelKey(),
				d.populationKey(), d.minPopulation(), d.method(), d.dynamicsPeriods(), d.cutoffs(), d.components()));
	}

	@PutMapping(value = "/api/v1/atlas/typologies/{key}", consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	TypologyDefinition saveTypology(@PathVariable String key, @RequestBody TypologyDefinition d) {
		return monitoring.saveTypology(new TypologyDefinition(key, d.nameDe(), d.nameEn(), d.schemeKey(),
				d.levelKey(), d.indicatorKeys(), d.method(), d.minTypes(), d.maxTypes(), d.seed()));
	}

	record Problems(List<String> problems) {
	}

	@ExceptionHandler(SocialMonitoring.InvalidDefinition.class)
	ResponseEntity<Problems> invalid(SocialMonitoring.InvalidDefinition e) {
		return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(new Problems(e.problems()));
	}

	/** Areas the map cannot draw (lists without boundaries, such as the Kreise outside the demo region). */
	private static long withoutBoundary(List<AreaSummary> areas) {
		return areas.stream().filter(a -> a.areaKm2() == null).count();
	}

	private Map<String, String> names(Locale locale) {
		Map<String, String> names = new LinkedHashMap<>();
		for (Indicator i : catalog.indicators(false)) {
			names.put(i.key(), i.name(locale));
		}
		catalog.variables(false).forEach(v -> names.putIfAbsent(v.key(), v.name(locale)));
		return names;
	}

	private static NumberFormat decimals(Locale locale, int digits) {
		NumberFormat f = NumberFormat.getNumberInstance(locale);
		f.setMinimumFractionDigits(digits);
		f.setMaximumFractionDigits(digits);
		return f;
	}

	private static ResponseStatusException notFound(String key) {
		return new ResponseStatusException(HttpStatus.NOT_FOUND, "Unknown " + key);
	}
}
