package org.spange.area.web;

import java.util.List;

import org.spange.area.AreaId;
import org.spange.area.AreaLevel;
import org.spange.area.AreaQueries;
import org.spange.area.AreaScheme;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** The public start page (map and table of the areas of a scheme and level) and the area pages. */
@Controller
class AreaPageController {

	private final AreaQueries areas;

	AreaPageController(AreaQueries areas) {
		this.areas = areas;
	}

	@GetMapping("/")
	String start(@RequestParam(required = false) String scheme, @RequestParam(required = false) String level,
			Model model) {
		List<AreaScheme> schemes = areas.schemes();
		model.addAttribute("schemes", schemes);
		if (schemes.isEmpty()) {
			return "area/start";
		}
		AreaScheme selected = schemes.stream().filter(s -> s.key().equals(scheme)).findFirst().orElse(schemes.get(0));
		List<AreaLevel> levels = areas.levelsOf(selected.key());
		// default: the finest level with boundaries, the base areas a planner thinks in (e.g. the 96 Gemeinden)
		AreaLevel selectedLevel = levels.stream().filter(l -> l.key().equals(level)).findFirst()
			.orElseGet(() -> finestWithBoundaries(selected.key(), levels));
		model.addAttribute("scheme", selected);
		model.addAttribute("levels", levels);
		model.addAttribute("level", selectedLevel);
		model.addAttribute("areas", selectedLevel == null ? List.of() : areas.areas(selected.key(), selectedLevel.key()));
		return "area/start";
	}

	private AreaLevel finestWithBoundaries(String scheme, List<AreaLevel> levels) {
		for (int i = levels.size() - 1; i >= 0; i--) {
			if (areas.areas(scheme, levels.get(i).key()).stream().anyMatch(a -> a.areaKm2() != null)) {
				return levels.get(i);
			}
		}
		return levels.isEmpty() ? null : levels.get(levels.size() - 1);
	}

	@GetMapping("/areas/{id}")
	String area(@PathVariable long id, Model model, java.util.Locale locale) {
		model.addAttribute("detail",
				areas.area(new AreaId(id)).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
		model.addAttribute("levelNames", areas.levels().stream()
			.collect(java.util.stream.Collectors.toMap(AreaLevel::key, l -> l.name(locale))));
		return "area/area";
	}
}
