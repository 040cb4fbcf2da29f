package org.spange.atlas.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.spange.atlas.AtlasCatalog;
import org.spange.atlas.AtlasException;
import org.spange.atlas.AtlasMap;
import org.spange.atlas.AtlasMaps;
import org.spange.atlas.AtlasQuery;
import org.spange.atlas.ClassificationMethod;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The atlas page: a GET form (works without JavaScript, keeps the choice in the URL), the map drawn by
 * {@code atlas.js} from the atlas API, and beside it the same numbers as a table, legend, histogram, ranking, sources
 * and exports, all rendered on the server. Wrong or outdated choices (a period the indicator lacks, a level not in
 * the scheme, invalid manual breaks) fall back to the defaults with a notice instead of an error page.
 */
@Controller
class AtlasPageController {

	/** The topic choice for "all topics". */
	static final String ALL_TOPICS = "";
	/** The topic choice for the group without a topic. */
	static final String NO_TOPIC = "-";

	private final AtlasMaps atlas;
	private final MessageSource messages;

	AtlasPageController(AtlasMaps atlas, MessageSource messages) {
		this.atlas = atlas;
		this.messages = messages;
	}

	@GetMapping("/atlas")
	String atlas(@RequestParam(required = false) String topic, @RequestParam(required = false) String key,
			@RequestParam(required = false) String period, @RequestParam(required = false) String scheme,
			@RequestParam(required = false) String level, @RequestParam(required = false) String method,
			@RequestParam(required = false) String classes, @RequestParam(required = false) String breaks,
			HttpServletRequest request, Locale locale, Model model) {
		boolean internal = AtlasApiController.internal(request);
		AtlasCatalog catalog = atlas.catalog(internal, locale);
		List<String> errors = new ArrayList<>();
		List<String> notices = new ArrayList<>();
		model.addAttribute("catalog", catalog);
		model.addAttribute("internal", internal);
		model.addAttribute("errors", errors);
		model.addAttribute("notices", notices);

		// topic → indicator: an indicator from another topic gives way to the first of the chosen topic
		String topicKey = topic == null ? ALL_TOPICS : topic.strip();
		java.util.Optional<AtlasCatalog.Group> group = topicKey.equals(ALL_TOPICS) ? java.util.Optional.empty()
				: catalog.group(topicKey.equals(NO_TOPIC) ? null : topicKey);
		if (group.isEmpty()) {
			topicKey = ALL_TOPICS;
		}
		List<AtlasCatalog.Entry> inTopic = group.map(g -> concat(g.indicators(), g.variables()))
			.orElseGet(catalog::entries);
		model.addAttribute("topic", topicKey);
		String wanted = key == null || key.isBlank() ? null : key.strip();
		AtlasCatalog.Entry entry = inTopic.stream().filter(e -> e.key().equals(wanted)).findFirst().orElse(null);
		if (entry == null && wanted != null && catalog.entry(wanted).isEmpty()) {
			notices.add(text(locale, "atlas.notice.unknownKey", wanted));
		}
		if (entry == null) {
			entry = inTopic.stream().filter(AtlasCatalog.Entry::hasValues).findFirst()
				.orElse(inTopic.isEmpty() ? null : inTopic.get(0));
		}
		if (entry == null) {
			model.addAttribute("map", null);
			return "atlas/atlas";
		}

		// classification: a wrong choice is reported and replaced by the default
		ClassificationMethod m = null;
		try {
			m = AtlasParameters.method(method);
		} catch (AtlasException e) {
			errors.add(text(locale, e));
		}
		List<Double> b = List.of();
		try {
			b = AtlasParameters.breaks(breaks);
		} catch (AtlasException e) {
			errors.add(text(locale, e));
			if (m == ClassificationMethod.MANUAL) {
				m = null;
			}
		}
		if (m == ClassificationMethod.MANUAL && b.isEmpty()) {
			errors.add(text(locale, "atlas.error.noBreaks"));
			m = null;
		}
		Integer k = null;
		if (classes != null && !classes.isBlank()) {
			try {
				k = Integer.valueOf(classes.strip());
			} catch (NumberFormatException e) {
				k = -1;
			}
			if (k < AtlasQuery.MIN_CLASSES || k > AtlasQuery.MAX_CLASSES) {
				errors.add(text(locale, "atlas.error.classes", classes.strip()));
				k = null;
			}
		}

		AtlasQuery query = new AtlasQuery(entry.key(), blank(period), blank(scheme), blank(level), m, k,
				m == ClassificationMethod.MANUAL ? b : List.of(), locale, internal);
		AtlasMap map = null;
		for (int attempt = 0; map == null && attempt < 5; attempt++) {
			try {
				map = atlas.map(query);
			} catch (AtlasException e) {
				String reason = e.messageKey().startsWith("atlas.error.breaks") ? "atlas.error.breaks" : e.messageKey();
				switch (reason) {
					case "atlas.error.breaks" -> {
						errors.add(text(locale, e) + " " + text(locale, "atlas.error.breaksFallback"));
						query = query.classified(null, k, List.of());
					}
					case "atlas.error.period" -> {
						errors.add(text(locale, e));
						query = query.with(null, query.scheme(), query.level());
					}
					case "atlas.error.scheme" -> {
						notices.add(text(locale, e));
						query = query.with(query.period(), null, null);
					}
					case "atlas.error.level" -> {
						notices.add(text(locale, e));
						query = query.with(query.period(), query.scheme(), null);
					}
					default -> throw e;
				}
			}
		}
		if (map == null) {
			throw new IllegalStateException("no map for " + query);
		}
		if (query.period() != null && !map.choices().periods().isEmpty()
				&& !map.choices().periods().contains(map.period())) {
			notices.add(text(locale, "atlas.notice.period", query.period(), entry.name()));
			query = query.with(null, query.scheme(), query.level());
			map = atlas.map(query);
		}

		model.addAttribute("map", map);
		model.addAttribute("entry", entry);
		model.addAttribute("method", map.classification().method());
		model.addAttribute("classes", k == null ? AtlasQuery.DEFAULT_CLASSES : k);
		model.addAttribute("breaks", breaks == null ? "" : breaks);
		model.addAttribute("chart", HistogramChart.of(map.histogram()));
		model.addAttribute("methods", List.of("quantiles", "equal-intervals", "natural-breaks", "standard-deviations",
				"manual"));
		model.addAttribute("classChoices", List.of(3, 4, 5, 6, 7, 8, 9));
		String lang = map.language();
		String api = request.getContextPath() + "/api/v1/atlas/";
		model.addAttribute("apiUrl", url(api + "map", map, query, lang));
		model.addAttribute("csvUrl", url(api + "export.csv", map, query, lang));
		model.addAttribute("xlsxUrl", url(api + "export.xlsx", map, query, lang));
		model.addAttribute("geojsonUrl", url(api + "export.geojson", map, query, lang));
		model.addAttribute("areasUrl", UriComponentsBuilder.fromPath(request.getContextPath() + "/api/v1/areas/geojson")
			.queryParam("scheme", map.scheme().key()).queryParam("level", map.level().key()).build().encode()
			.toUriString());
		model.addAttribute("areaHref", request.getContextPath() + "/areas/");
		return "atlas/atlas";
	}

	/** A URL of the API with the parameters of the map shown (not of the request: fallbacks are applied). */
	private static String url(String path, AtlasMap map, AtlasQuery query, String lang) {
		UriComponentsBuilder b = UriComponentsBuilder.fromPath(path)
			.queryParam("key", map.subject().key());
		if (map.period() != null) {
			b.queryParam("period", map.period());
		}
		b.queryParam("scheme", map.scheme().key()).queryParam("level", map.level().key())
			.queryParam("method", map.classification().method());
		if (query.method() == ClassificationMethod.MANUAL) {
			b.queryParam("breaks", String.join(";", query.breaks().stream().map(AtlasPageController::plain).toList()));
		}
		else {
			b.queryParam("classes", map.classification().requestedClasses());
		}
		return b.queryParam("lang", lang).build().encode().toUriString();
	}

	private static String plain(Double d) {
		return java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
	}

	private static List<AtlasCatalog.Entry> concat(List<AtlasCatalog.Entry> a, List<AtlasCatalog.Entry> b) {
		List<AtlasCatalog.Entry> all = new ArrayList<>(a);
		all.addAll(b);
		return all;
	}

	private static String blank(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

	private String text(Locale locale, AtlasException e) {
		return messages.getMessage(e.messageKey(), e.arguments(), e.getMessage(), locale);
	}

	private String text(Locale locale, String key, Object... args) {
		return messages.getMessage(key, args, key, locale);
	}
}
