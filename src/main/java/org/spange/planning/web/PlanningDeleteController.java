package org.spange.planning.web;

import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;

import org.spange.planning.Goal;
import org.spange.planning.GoalDeletion;
import org.spange.planning.Guideline;
import org.spange.planning.InvalidPlanningException;
import org.spange.planning.Measure;
import org.spange.planning.Planning;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Deleting guidelines, goals and measures (planners and admins, security configuration): a confirmation page without
 * JavaScript lists what goes with it or what stands in the way; the form on it deletes. A guideline that goals serve
 * and a goal with sub-goals are not deleted (409 with the list). Every delete is audited by {@link Planning}.
 */
@Controller
@RequestMapping("/planning")
class PlanningDeleteController {

	private final Planning planning;
	private final AreaChoices areaChoices;

	PlanningDeleteController(Planning planning, AreaChoices areaChoices) {
		this.planning = planning;
		this.areaChoices = areaChoices;
	}

	@ExceptionHandler(NoSuchElementException.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound() {
		return "error";
	}

	// guideline

	@GetMapping("/guidelines/{id:\\d+}/delete")
	String confirmGuideline(@PathVariable long id, Model model, HttpServletResponse response) {
		Guideline g = planning.guideline(id).orElseThrow();
		return guidelinePage(g, planning.goalsOf(id), false, model, response);
	}

	@PostMapping("/guidelines/{id:\\d+}/delete")
	String deleteGuideline(@PathVariable long id, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		Guideline g = planning.guideline(id).orElseThrow();
		try {
			planning.deleteGuideline(id);
		} catch (InvalidPlanningException e) {
			return guidelinePage(g, planning.goalsOf(id), true, model, response);
		}
		redirect.addFlashAttribute("saved", "planning.deleted.guideline");
		return "redirect:/planning#guidelines";
	}

	private String guidelinePage(Guideline g, List<Goal> goals, boolean refused, Model model,
			HttpServletResponse response) {
		if (refused) {
			response.setStatus(HttpStatus.CONFLICT.value());
		}
		model.addAttribute("kind", "guideline");
		model.addAttribute("name", g.title());
		model.addAttribute("blockers", goals);
		model.addAttribute("action", "/planning/guidelines/" + g.id() + "/delete");
		model.addAttribute("back", "/planning#guideline-" + g.id());
		return "planning/delete";
	}

	// goal

	@GetMapping("/goals/{id:\\d+}/delete")
	String confirmGoal(@PathVariable long id, Locale locale, Model model, HttpServletResponse response) {
		return goalPage(planning.goalDeletion(id), false, locale, model, response);
	}

	@PostMapping("/goals/{id:\\d+}/delete")
	String deleteGoal(@PathVariable long id, Locale locale, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		Goal goal = planning.goal(id).orElseThrow();
		try {
			planning.deleteGoal(id);
		} catch (InvalidPlanningException e) {
			return goalPage(planning.goalDeletion(id), true, locale, model, response);
		}
		redirect.addFlashAttribute("saved", "planning.deleted.goal");
		return goal.parentId() == null ? "redirect:/planning" : "redirect:/planning/goals/" + goal.parentId();
	}

	private String goalPage(GoalDeletion d, boolean refused, Locale locale, Model model,
			HttpServletResponse response) {
		if (refused) {
			response.setStatus(HttpStatus.CONFLICT.value());
		}
		model.addAttribute("kind", "goal");
		model.addAttribute("name", d.goal().title());
		model.addAttribute("blockers", d.children());
		model.addAttribute("goalDeletion", d);
		model.addAttribute("areaLabels", areaChoices.labels(locale));
		model.addAttribute("action", "/planning/goals/" + d.goal().id() + "/delete");
		model.addAttribute("back", "/planning/goals/" + d.goal().id());
		return "planning/delete";
	}

	// measure

	@GetMapping("/measures/{id:\\d+}/delete")
	String confirmMeasure(@PathVariable long id, Model model) {
		Measure m = planning.measure(id).orElseThrow();
		model.addAttribute("kind", "measure");
		model.addAttribute("name", m.title());
		model.addAttribute("blockers", List.of());
		model.addAttribute("historyCount", planning.history(id).size());
		model.addAttribute("evaluationCount", planning.evaluations(id).size());
		model.addAttribute("action", "/planning/measures/" + id + "/delete");
		model.addAttribute("back", "/planning/measures/" + id);
		return "planning/delete";
	}

	@PostMapping("/measures/{id:\\d+}/delete")
	String deleteMeasure(@PathVariable long id, RedirectAttributes redirect) {
		Measure m = planning.measure(id).orElseThrow();
		planning.deleteMeasure(id);
		redirect.addFlashAttribute("saved", "planning.deleted.measure");
		return m.goalIds().size() == 1 ? "redirect:/planning/goals/" + m.goalIds().get(0) : "redirect:/planning";
	}
}
