package org.spange.atlas.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.spange.access.Role;
import org.spange.area.AreaDetail;
import org.spange.area.AreaId;
import org.spange.area.AreaQueries;
import org.spange.area.AreaSummary;
import org.spange.atlas.IndexDefinition;
import org.spange.atlas.SocialIndex;
import org.spange.atlas.internal.NumberDisplay;
import org.spange.atlas.internal.SocialMonitoring;
import org.spange.indicator.Indicator;
import org.spange.indicator.IndicatorCatalog;
import org.spange.indicator.IndicatorValue;
import org.spange.indicator.IndicatorValues;
import org.spange.indicator.Topic;
import org.spange.indicator.Variable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.json.JsonMapper;

/**
 * The area profile (every indicator of one area against its parents in each scheme, with time series and the change
 * since the previous period) and the comparison of 2–5 areas side by side.
 */
@Controller
class ProfileController {

	static final int MAX_COMPARED = 5;

	private final AreaQueries areas;
	private final IndicatorCatalog catalog;
	private final IndicatorValues values;
	private final PublicFigures figures;
	private final SocialMonitoring monitoring;
	private final JsonMapper json;

	ProfileController(AreaQueries areas, IndicatorCatalog catalog, IndicatorValues values, PublicFigures figures,
			SocialMonitoring monitoring, JsonMapper json) {
		this.monitoring = monitoring;
		this.areas = areas;
		this.catalog = catalog;
		this.values = values;
		this.figures = figures;
		this.json = json;
	}

	/** A value as shown: formatted for the reader's language with the indicator's decimals. */
	record Shown(String areaName, String levelName, String text, boolean partial, boolean suppressed) {
	}

	/** One indicator in the profile. */
	record Row(Indicator indicator, String latestPeriod, String value, String change, boolean partial,
			boolean suppressed, List<Shown> references, boolean synthetic, String sources, String chart,
			List<String[]> table) {
	}

	/** Indicators of one topic. */
	record Group(String topic, List<Row> rows) {
	}

	@GetMapping("/atlas/areas/{id}")
	String profile(@PathVariable long id, HttpServletRequest request, Locale locale, Model model) {
		AreaDetail area = areas.area(new AreaId(id))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Unknown area " + id));
		boolean all = seesAll(request);
		List<AreaSummary> references = references(area);
		Map<String, Group> groups = new LinkedHashMap<>();
		Map<String, String> topicNames = topicNames(locale);
		for (Indicator indicator : catalog.indicators(!all)) {
			Optional<Row> row = row(indicator, area, references, all, locale);
			row.ifPresent(r -> groups.computeIfAbsent(topicNames.getOrDefault(indicator.topicKey(), ""),
					t -> new Group(t, new ArrayList<>())).rows().add(r));
		}
		model.addAttribute("area", area);
		model.addAttribute("groups", groups.values());
		model.addAttribute("suppressionThreshold", figures.threshold());
		if (all || request.isUserInRole(Role.MUNICIPALITY.name())) {
			model.addAttribute("indexes", indexPositions(area.area().id()));
		}
		return "atlas/profile";
	}

	@GetMapping("/atlas/compare")
	String compare(@RequestParam(name = "area", required = false) List<Long> ids, HttpServletRequest request,
			Locale locale, Model model) {
		List<AreaDetail> compared = (ids == null ? List.<Long>of() : ids).stream().distinct().limit(MAX_COMPARED)
			.map(i -> areas.area(new AreaId(i))).flatMap(Optional::stream).toList();
		boolean all = seesAll(request);
		List<Indicator> indicators = catalog.indicators(!all);
		List<Map<String, Object>> rows = new ArrayList<>();
		for (Indicator indicator : indicators) {
			List<String> cells = new ArrayList<>();
			String period = null;
			boolean any = false;
			for (AreaDetail a : compared) {
				List<IndicatorValue> series = values.series(indicator.key(), a.area().id());
				IndicatorValue latest = series.isEmpty() ? null : series.get(series.size() - 1);
				if (latest != null) {
					period = period == null || latest.period().toString().compareTo(period) > 0
							? latest.period().toString() : period;
				}
				Figure f = latest == null ? Figure.MISSING : figures.figure(indicator, latest, all);
				any |= f.value() != null;
				cells.add(f.value() == null ? (f.suppressed() ? "•" : "–") : format(f.value(), indicator, locale)
						+ (f.partial() ? "*" : ""));
			}
			if (any) {
				Map<String, Object> row = new LinkedHashMap<>();
				row.put("indicator", indicator);
				row.put("period", period);
				row.put("cells", cells);
				row.put("synthetic", catalog.inputs(indicator.key()).stream().anyMatch(Variable::synthetic));
				rows.add(row);
			}
		}
		model.addAttribute("compared", compared);
		model.addAttribute("rows", rows);
		model.addAttribute("max", MAX_COMPARED);
		model.addAttribute("tooMany", ids != null && ids.stream().distinct().count() > MAX_COMPARED);
		return "atlas/compare";
	}

	private Optional<Row> row(Indicator indicator, AreaDetail area, List<AreaSummary> references, boolean all,
			Locale locale) {
		List<IndicatorValue> series = values.series(indicator.key(), area.area().id());
		if (series.stream().allMatch(IndicatorValue::missing)) {
			return Optional.empty();
		}
		IndicatorValue latest = series.get(series.size() - 1);
		Figure figure = figures.figure(indicator, latest, all);
		String change = null;
		if (series.size() > 1 && figure.value() != null) {
			Figure previous = figures.figure(indicator, series.get(series.size() - 2), all);
			if (previous.value() != null) {
				change = signed(figure.value() - previous.value(), indicator, locale) + " "
						+ (locale.getLanguage().equals("en") ? "since " : "seit ") + series.get(series.size() - 2).period();
			}
		}
		List<Shown> shown = new ArrayList<>();
		Map<String, List<Double>> chartSeries = new LinkedHashMap<>();
		List<String> periods = series.stream().map(v -> v.period().toString()).toList();
		chartSeries.put(area.area().name(), shownValues(indicator, series, all));
		for (AreaSummary ref : references) {
			Map<AreaId, IndicatorValue> found = values.values(indicator.key(), latest.period(), List.of(ref.id()));
			IndicatorValue v = found.get(ref.id());
			Figure f = v == null ? Figure.MISSING : figures.figure(indicator, v, all);
			shown.add(new Shown(ref.name(), levelName(ref.levelKey(), locale),
					f.value() == null ? "–" : format(f.value(), indicator, locale), f.partial(), f.suppressed()));
		}
		if (!references.isEmpty()) {
			AreaSummary region = references.get(0);
			List<IndicatorValue> regionSeries = values.series(indicator.key(), region.id());
			Map<String, IndicatorValue> byPeriod = new LinkedHashMap<>();
			regionSeries.forEach(v -> byPeriod.put(v.period().toString(), v));
			chartSeries.put(region.name(), periods.stream().map(p -> byPeriod.get(p))
				.map(v -> v == null ? null : figures.figure(indicator, v, all).value()).toList());
		}
		List<String[]> table = new ArrayList<>();
		for (int i = 0; i < series.size(); i++) {
			Double v = chartSeries.get(area.area().name()).get(i);
			table.add(new String[] { periods.get(i), v == null ? "–" : format(v, indicator, locale) });
		}
		List<Variable> inputs = catalog.inputs(indicator.key());
		String sources = String.join("; ", inputs.stream()
			.map(v -> (v.source() == null ? v.key() : v.source()) + (v.licence() == null ? "" : " (" + v.licence() + ")"))
			.distinct().toList());
		Map<String, Object> chart = new LinkedHashMap<>();
		chart.put("periods", periods);
		chart.put("series", chartSeries);
		chart.put("decimals", indicator.decimals());
		chart.put("unit", indicator.unit());
		chart.put("locale", locale.toLanguageTag());
		return Optional.of(new Row(indicator, latest.period().toString(),
				figure.value() == null ? (figure.suppressed() ? null : "–") : format(figure.value(), indicator, locale),
				change, figure.partial(), figure.suppressed(), shown, inputs.stream().anyMatch(Variable::synthetic),
				sources, json.writeValueAsString(chart), table));
	}

	/** The area in one social index: its result and the index's period. */
	record IndexPosition(IndexDefinition index, String period, SocialIndex.AreaResult result) {
	}

	/** The area's place in every social index that covers it (internal: the index is a steering instrument). */
	private List<IndexPosition> indexPositions(AreaId id) {
		List<IndexPosition> positions = new ArrayList<>();
		for (IndexDefinition d : monitoring.indexes()) {
			monitoring.computeIndex(d, null).ifPresent(view -> {
				for (int i = 0; i < view.areas().size(); i++) {
					if (view.areas().get(i).id().equals(id)) {
						positions.add(new IndexPosition(d, view.period().toString(), view.result().areas().get(i)));
					}
				}
			});
		}
		return positions;
	}

	private List<Double> shownValues(Indicator indicator, List<IndicatorValue> series, boolean all) {
		return series.stream().map(v -> figures.figure(indicator, v, all).value()).toList();
	}

	/** The area's parents in every scheme, the whole region first, each once. */
	private static List<AreaSummary> references(AreaDetail area) {
		Map<AreaId, AreaSummary> refs = new LinkedHashMap<>();
		for (AreaDetail.SchemePosition position : area.schemes()) {
			position.ancestors().forEach(a -> refs.putIfAbsent(a.id(), a));
		}
		return new ArrayList<>(refs.values());
	}

	private Map<String, String> topicNames(Locale locale) {
		Map<String, String> names = new LinkedHashMap<>();
		for (Topic t : catalog.topics()) {
			names.put(t.key(), "en".equals(locale.getLanguage()) ? t.nameEn() : t.nameDe());
		}
		return names;
	}

	private String levelName(String key, Locale locale) {
		return areas.levels().stream().filter(l -> l.key().equals(key)).findFirst().map(l -> l.name(locale))
			.orElse(key);
	}

	/** Rounded as the map rounds it (half up), so that a value reads the same on every page. */
	static String format(double value, Indicator indicator, Locale locale) {
		String unit = indicator.unit() == null || indicator.unit().isEmpty() ? "" : " " + indicator.unit();
		return NumberDisplay.format(value, indicator.decimals(), locale) + unit;
	}

	/** A change with its sign; the change of a percentage is in percentage points. */
	static String signed(double change, Indicator indicator, Locale locale) {
		String text = NumberDisplay.format(change, indicator.decimals(), locale);
		if (change > 0 && !text.matches("[0,.]+")) {
			text = "+" + text;
		} else if (change < 0 && text.matches("-[0,.]+")) {
			text = text.substring(1); // rounded to zero: no minus
		}
		String unit = "%".equals(indicator.unit()) ? ("en".equals(locale.getLanguage()) ? " pp" : " Pp.")
				: indicator.unit() == null || indicator.unit().isEmpty() ? "" : " " + indicator.unit();
		return text.replace('-', '−') + unit;
	}

	static boolean seesAll(HttpServletRequest request) {
		return request.isUserInRole(Role.PLANNER.name()) || request.isUserInRole(Role.ADMIN.name());
	}
}
