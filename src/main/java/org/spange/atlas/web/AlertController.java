package org.spange.atlas.web;

import java.util.List;

import org.spange.area.AreaId;
import org.spange.area.AreaQueries;
import org.spange.atlas.internal.AlertEngine;
import org.spange.atlas.internal.SocialMonitoring;
import org.spange.atlas.AlertCondition;
import org.spange.indicator.IndicatorCatalog;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Early warning: the list of alerts with their evidence, acknowledging them, and the rules that raise them. */
@Controller
class AlertController {

	private final AlertEngine alerts;
	private final SocialMonitoring monitoring;
	private final IndicatorCatalog catalog;
	private final AreaQueries areas;

	AlertController(AlertEngine alerts, SocialMonitoring monitoring, IndicatorCatalog catalog, AreaQueries areas) {
		this.alerts = alerts;
		this.monitoring = monitoring;
		this.catalog = catalog;
		this.areas = areas;
	}

	@GetMapping("/atlas/alerts")
	String page(@RequestParam(defaultValue = "true") boolean open, Model model) {
		model.addAttribute("alerts", alerts.alerts(List.of(), open, 500));
		model.addAttribute("open", open);
		model.addAttribute("rules", alerts.rules(false));
		model.addAttribute("indicators", catalog.indicators(false));
		model.addAttribute("indexes", monitoring.indexes());
		model.addAttribute("schemes", areas.schemes());
		model.addAttribute("levels", areas.levels());
		model.addAttribute("conditions", AlertCondition.values());
		return "atlas/alerts";
	}

	/** Open alerts of one area, or the newest of all: a panel for the start and area pages. */
	@GetMapping("/atlas/alerts/panel")
	String panel(@RequestParam(required = false) Long area, Model model) {
		model.addAttribute("alerts", alerts.alerts(area == null ? List.of() : List.of(new AreaId(area)), true, 10));
		model.addAttribute("forArea", area != null);
		return "atlas/alert-panel :: panel";
	}

	@PostMapping("/atlas/alerts/rules")
	String createRule(@RequestParam String name, @RequestParam String subjectKey, @RequestParam String schemeKey,
			@RequestParam String levelKey, @RequestParam AlertCondition condition,
			@RequestParam(required = false) String threshold, @RequestParam(defaultValue = "1") int periods,
			Model model) {
		if (condition == AlertCondition.CLASS_CHANGED) {
			// a rule on an index watches the index's own areas
			var index = monitoring.index(subjectKey);
			if (name.isBlank() || index.isEmpty()) {
				model.addAttribute("ruleError", true);
				return page(true, model);
			}
			monitoring.createAlertRule(name.strip(), subjectKey, index.get().schemeKey(), index.get().levelKey(),
					condition, 0, 1);
			return "redirect:/atlas/alerts";
		}
		Double value = parse(threshold);
		if (name.isBlank() || value == null || periods < 1 || periods > 30
				|| catalog.indicator(subjectKey).isEmpty() && catalog.variable(subjectKey).isEmpty()) {
			model.addAttribute("ruleError", true);
			return page(true, model);
		}
		alerts.create(name.strip(), subjectKey, schemeKey, levelKey, condition, value, periods);
		return "redirect:/atlas/alerts";
	}

	@PostMapping("/atlas/alerts/{id}/acknowledge")
	String acknowledge(@PathVariable long id, @RequestParam(required = false) String comment) {
		alerts.acknowledge(id, comment);
		return "redirect:/atlas/alerts";
	}

	/** A number typed in German (12,5) or English (12.5) notation; null if it is none. */
	private static Double parse(String text) {
		if (text == null) {
			return null;
		}
		String t = text.strip().replace(" ", "");
		if (t.contains(",")) {
			t = t.replace(".", "").replace(',', '.');
		}
		try {
			double d = Double.parseDouble(t);
			return Double.isFinite(d) ? d : null;
		} catch (NumberFormatException e) {
			return null;
		}
	}
}
