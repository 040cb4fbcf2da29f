package org.spange.needs.web;

import java.math.BigDecimal;
import java.security.Principal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.spange.area.AreaLevel;
import org.spange.area.AreaQueries;
import org.spange.area.AreaScheme;
import org.spange.indicator.IndicatorCatalog;
import org.spange.indicator.Period;
import org.spange.needs.AreaSupply;
import org.spange.needs.DemandProjections;
import org.spange.needs.InvalidSupplyCategoryException;
import org.spange.needs.ProjectedSupplyReport;
import org.spange.needs.ProjectionScenario;
import org.spange.needs.SupplyCategory;
import org.spange.needs.SupplyDemand;
import org.spange.needs.SupplyReport;
import org.spange.offer.OfferCatalog;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** The supply-and-demand page: map and table of one category, the worst served, strategy ratios, the category form. */
@Controller
class SupplyDemandController {

	/** Fills of the map by how far the target is reached; the table says the same in words. */
	static final Map<String, String> FILLS = Map.of("met", "#2c7bb6", "partly", "#fdae61", "low", "#d7191c",
			"missing", "#d9d9d9");

	private final SupplyDemand supply;
	private final AreaQueries areas;
	private final OfferCatalog offers;
	private final IndicatorCatalog indicators;
	private final DemandProjections projections;

	SupplyDemandController(SupplyDemand supply, AreaQueries areas, OfferCatalog offers, IndicatorCatalog indicators,
			DemandProjections projections) {
		this.supply = supply;
		this.projections = projections;
		this.areas = areas;
		this.offers = offers;
		this.indicators = indicators;
	}

	/** The category form's values as typed, so that a rejected form shows them again. */
	record CategoryForm(String key, String name, String fieldOfAction, String targetGroup, String minAge,
			String maxAge, String demandKey, String targetPer1000, String targetSource, boolean existing) {

		static CategoryForm of(SupplyCategory c) {
			return new CategoryForm(c.key(), c.name(), c.fieldOfAction(), c.targetGroup(),
					c.minAge() == null ? null : c.minAge().toString(), c.maxAge() == null ? null : c.maxAge().toString(),
					c.demandKey(), c.targetPer1000() == null ? null : c.targetPer1000().toPlainString().replace('.', ','),
					c.targetSource(), c.id() != null);
		}
	}

	/** What the page shows: the category, period, scheme and level, and optionally a projection scenario and year. */
	record View(String category, String period, String scheme, String level, Long scenario, Integer year) {
	}

	@GetMapping("/needs")
	String page(@RequestParam(required = false) String category, @RequestParam(required = false) String period,
			@RequestParam(required = false) String scheme, @RequestParam(required = false) String level,
			@RequestParam(required = false) String scenario, @RequestParam(required = false) String year,
			@RequestParam(required = false) String edit, @RequestParam(required = false) String delete, Model model) {
		SupplyCategory form = edit == null ? SupplyCategory.empty()
				: supply.category(edit).orElse(SupplyCategory.empty());
		if (edit != null && form.id() != null) {
			model.addAttribute("history", supply.targetHistory(edit));
		}
		if (delete != null) {
			SupplyCategory doomed = supply.category(delete)
				.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
			model.addAttribute("deleting", doomed);
			model.addAttribute("dependents", supply.dependents(delete));
		}
		return render(new View(category, period, scheme, level, number(scenario), integerOrNull(year)),
				CategoryForm.of(form), Map.of(), model);
	}

	@PostMapping("/needs/categories/{key}/delete")
	String delete(@PathVariable String key, @RequestParam(required = false) String confirm, Principal principal,
			Model model) {
		SupplyCategory doomed = supply.category(key).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		List<SupplyDemand.Dependent> dependents = supply.dependents(key);
		if (!"yes".equals(confirm) || !dependents.isEmpty()) {
			model.addAttribute("deleting", doomed);
			model.addAttribute("dependents", dependents);
			return render(new View(key, null, null, null, null, null), CategoryForm.of(SupplyCategory.empty()),
					Map.of(), model);
		}
		supply.delete(key, principal == null ? null : principal.getName());
		return "redirect:/needs?deleted=true";
	}

	private static Long number(String text) {
		try {
			return text == null || text.isBlank() ? null : Long.valueOf(text.strip());
		} catch (NumberFormatException e) {
			return null;
		}
	}

	private static Integer integerOrNull(String text) {
		Long n = number(text);
		return n == null || n > 9999 || n < 0 ? null : n.intValue();
	}

	@PostMapping("/needs/categories")
	String save(@RequestParam(required = false) String key, @RequestParam(required = false) String name,
			@RequestParam(required = false) String fieldOfAction, @RequestParam(required = false) String targetGroup,
			@RequestParam(required = false) String minAge, @RequestParam(required = false) String maxAge,
			@RequestParam(required = false) String demandKey, @RequestParam(required = false) String targetPer1000,
			@RequestParam(required = false) String targetSource, Principal principal, Model model) {
		CategoryForm typed = new CategoryForm(key, name, fieldOfAction, targetGroup, minAge, maxAge, demandKey,
				targetPer1000, targetSource, key != null && supply.category(key).isPresent());
		Map<String, String> problems = new LinkedHashMap<>();
		Integer min = integer(minAge, "c-minAge", problems);
		Integer max = integer(maxAge, "c-maxAge", problems);
		BigDecimal target = decimal(targetPer1000, "c-targetPer1000", problems);
		SupplyCategory category = new SupplyCategory(null, blankToNull(key), blankToNull(name),
				blankToNull(fieldOfAction), blankToNull(targetGroup), min, max, blankToNull(demandKey), target,
				blankToNull(targetSource));
		// a number that cannot be read is its own problem (a null there is fine for the check); the rest is
		// checked all the same, so that every problem shows at once
		for (InvalidSupplyCategoryException.Problem p : supply.check(category)) {
			String field = "c-" + p.field();
			problems.putIfAbsent(field, p.code());
		}
		if (!problems.isEmpty()) {
			return render(new View(key, null, null, null, null, null), typed, problems, model);
		}
		SupplyCategory saved = supply.save(category, principal == null ? null : principal.getName());
		return "redirect:/needs?category=" + saved.key() + "&saved=true";
	}

	private String render(View view, CategoryForm form, Map<String, String> problems, Model model) {
		String categoryKey = view.category();
		String periodText = view.period();
		String schemeKey = view.scheme();
		String levelKey = view.level();
		List<SupplyCategory> categories = supply.categories();
		SupplyCategory category = categories.stream().filter(c -> c.key().equals(categoryKey)).findFirst()
			.orElse(categories.isEmpty() ? null : categories.get(0));
		List<AreaScheme> schemes = areas.schemes();
		AreaScheme scheme = schemes.stream().filter(s -> s.key().equals(schemeKey)).findFirst()
			.or(() -> schemes.stream().filter(s -> s.key().equals("vorarlberg-bezirke")).findFirst())
			.orElse(schemes.isEmpty() ? null : schemes.get(0));
		List<AreaLevel> levels = scheme == null ? List.of() : areas.levelsOf(scheme.key());
		AreaLevel level = levels.stream().filter(l -> l.key().equals(levelKey)).findFirst()
			.or(() -> levels.stream().filter(l -> l.key().equals("gemeinde")).findFirst())
			.orElse(levels.isEmpty() ? null : levels.get(levels.size() - 1));
		model.addAttribute("categories", categories);
		model.addAttribute("category", category);
		model.addAttribute("schemes", schemes);
		model.addAttribute("scheme", scheme);
		model.addAttribute("levels", levels);
		model.addAttribute("level", level);
		model.addAttribute("fields", offers.fieldsOfAction());
		model.addAttribute("groups", offers.targetGroups());
		// names of the keys in the page's language, for the category's summary
		boolean en = "en".equals(LocaleContextHolder.getLocale().getLanguage());
		Map<String, String> names = new HashMap<>();
		offers.fieldsOfAction().forEach(f -> names.put("field:" + f.key(), en ? f.nameEn() : f.nameDe()));
		offers.targetGroups().forEach(g -> names.put("group:" + g.key(), en ? g.nameEn() : g.nameDe()));
		model.addAttribute("keyNames", names);
		model.addAttribute("variables", indicators.variables(false));
		model.addAttribute("indicators", indicators.indicators(false));
		model.addAttribute("form", form);
		model.addAttribute("problems", problems);
		model.addAttribute("fills", FILLS);
		if (category != null && scheme != null && level != null) {
			List<Period> periods = supply.periods(category.key());
			Period period = Period.tryParse(periodText == null ? "" : periodText).filter(periods::contains)
				.orElse(null);
			SupplyReport report = supply.report(category.key(), period, scheme.key(), level.key());
			// a projection: today's supply against the demand of a future year; the map, ranking and status follow it
			List<ProjectionScenario> scenarios = projections.scenarios();
			ProjectionScenario scenario = view.scenario() == null ? null
					: scenarios.stream().filter(x -> x.id().equals(view.scenario())).findFirst().orElse(null);
			model.addAttribute("scenarios", scenarios);
			model.addAttribute("scenario", scenario);
			if (scenario != null) {
				List<Integer> years = scenario.years();
				int year = view.year() != null && years.contains(view.year()) ? view.year()
						: view.year() != null && view.year() == scenario.basePeriod().year() ? view.year()
								: scenario.basePeriod().year() + 10;
				model.addAttribute("years", years);
				model.addAttribute("year", year);
				if (year > scenario.basePeriod().year()) {
					ProjectedSupplyReport projection = supply.projection(category.key(), scenario.id(), year,
							scheme.key(), level.key());
					model.addAttribute("projection", projection);
					report = projection.projected();
				} else {
					report = supply.report(category.key(), scenario.basePeriod(), scheme.key(), level.key());
				}
			}
			Map<Long, String> status = new HashMap<>();
			for (AreaSupply a : report.areas()) {
				status.put(a.area().value(), status(a));
			}
			model.addAttribute("periods", periods);
			model.addAttribute("report", report);
			model.addAttribute("status", status);
		}
		return "needs/supply";
	}

	/** How far an area reaches the target: met, partly (at least half), low, or missing without a demand value. */
	static String status(AreaSupply a) {
		Double reached = a.targetReached();
		if (reached == null) {
			return "missing";
		}
		return reached >= 100 ? "met" : reached >= 50 ? "partly" : "low";
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

	private static Integer integer(String text, String field, Map<String, String> problems) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(text.strip());
		}
		catch (NumberFormatException e) {
			problems.put(field, "needs.error.age");
			return null;
		}
	}

	/** A German decimal ("12,5", "1.000,5") or a plain one ("12.5"). */
	private static BigDecimal decimal(String text, String field, Map<String, String> problems) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String t = text.strip().replace(" ", "");
		if (t.contains(",")) {
			t = t.replace(".", "").replace(',', '.');
		}
		try {
			return new BigDecimal(t);
		}
		catch (NumberFormatException e) {
			problems.put(field, "needs.error.target");
			return null;
		}
	}
}
