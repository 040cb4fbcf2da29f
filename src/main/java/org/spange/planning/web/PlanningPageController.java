package org.spange.planning.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.spange.conference.Conference;
import org.spange.conference.ConferenceView;
import org.spange.conference.Conferences;
import org.spange.conference.DecisionSummary;
import org.spange.indicator.Indicator;
import org.spange.indicator.IndicatorCatalog;
import org.spange.network.ActorOrganization;
import org.spange.network.Networks;
import org.spange.network.Viewer;
import org.spange.offer.Offer;
import org.spange.offer.OfferCatalog;
import org.spange.planning.CycleStage;
import org.spange.planning.Direction;
import org.spange.planning.Goal;
import org.spange.planning.GoalProgress;
import org.spange.planning.Guideline;
import org.spange.planning.InvalidPlanningException;
import org.spange.planning.InvalidPlanningException.Problem;
import org.spange.planning.Measure;
import org.spange.planning.MeasureStatus;
import org.spange.planning.Planning;
import org.spange.planning.TargetProgress;
import org.spange.planning.web.PlanningForms.EvaluationForm;
import org.spange.planning.web.PlanningForms.GoalForm;
import org.spange.planning.web.PlanningForms.GuidelineForm;
import org.spange.planning.web.PlanningForms.MeasureForm;
import org.spange.planning.web.PlanningForms.Parsed;
import org.spange.planning.web.PlanningForms.StatusForm;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The planning pages: the dashboard for the region or one area, a goal with its roll-up, a measure with its history
 * and evaluations, the measure list (also by conference decision), and the forms. Planners and admins write
 * everywhere, municipality users read everything and write goals and measures in their own areas
 * ({@link PlanningScope}); guidelines are for planners and admins. Every form is checked on the server as a whole;
 * every problem is shown at its field and in a summary, and the form keeps what was typed.
 */
@Controller
@RequestMapping("/planning")
class PlanningPageController {

	private final Planning planning;
	private final AreaChoices areaChoices;
	private final IndicatorCatalog indicators;
	private final OfferCatalog offers;
	private final MessageSource messages;
	private final Conferences conferences;
	private final PlanningScope scope;
	private final Networks networks;

	PlanningPageController(Planning planning, AreaChoices areaChoices, IndicatorCatalog indicators,
			OfferCatalog offers, MessageSource messages, Conferences conferences, PlanningScope scope,
			Networks networks) {
		this.networks = networks;
		this.conferences = conferences;
		this.scope = scope;
		this.planning = planning;
		this.areaChoices = areaChoices;
		this.indicators = indicators;
		this.offers = offers;
		this.messages = messages;
	}

	/** A goal in a list: its progress and where it is set. */
	public record GoalRow(Goal goal, GoalProgress progress, String areaLabel) {
	}

	/** One indicator target of one goal with its progress, for the dashboard's table. */
	public record TargetRow(Goal goal, String areaLabel, String indicatorName, TargetProgress progress) {
	}

	/** Goals of one level, for the dashboard. */
	public record LevelGoals(String levelName, List<GoalRow> goals) {
	}

	/** One area's place in the planning cycle, for the dashboard. */
	public record CycleRow(String areaLabel, CycleStage.Row counts, CycleStage stage) {
	}

	/** The decisions of one conference, for the measure form. */
	public record DecisionGroup(long conferenceId, String title, java.time.Instant startsAt,
			List<DecisionSummary> decisions) {
	}

	/** A linked decision as the measure page shows it; {@code summary} is null when the user may not see it. */
	public record LinkedDecision(long id, DecisionSummary summary) {
	}

	/**
	 * An actor organisation of the network module as the planning pages show it; {@code name} is null when the network
	 * module no longer knows it.
	 */
	public record ActorRef(long id, String name) {
	}

	/** The actor organisations' names by id (the network module's organisations are no personal data). */
	private Map<Long, String> actorNames() {
		Map<Long, String> names = new LinkedHashMap<>();
		for (ActorOrganization o : networks.organizations()) {
			names.put(o.id(), o.name());
		}
		return names;
	}

	static Viewer viewer() {
		return Viewer.of(SecurityContextHolder.getContext().getAuthentication());
	}

	@ExceptionHandler(NoSuchElementException.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound() {
		return "error";
	}

	// dashboard

	@GetMapping
	String dashboard(@RequestParam(required = false) Long area, Locale locale, Model model,
			HttpServletRequest request) {
		List<AreaChoices.Group> groups = areaChoices.groups(locale);
		Map<Long, String> labels = AreaChoices.labels(groups);
		Set<Long> within = area == null ? null : areaChoices.within(area);
		List<Goal> goals = planning.goals().stream().filter(g -> within == null || within.contains(g.areaId()))
			.toList();
		List<Measure> measures = planning.measures().stream()
			.filter(m -> within == null || within.contains(m.areaId())).toList();
		LocalDate today = LocalDate.now();
		List<Measure> overdue = measures.stream().filter(m -> m.overdue(today)).toList();
		Map<MeasureStatus, Long> counts = new EnumMap<>(MeasureStatus.class);
		for (MeasureStatus s : MeasureStatus.values()) {
			counts.put(s, measures.stream().filter(m -> m.status() == s).count());
		}
		Map<String, String> indicatorNames = indicatorNames(locale);
		Map<Long, String> levelOf = AreaChoices.levels(groups);
		Map<String, LevelGoals> byLevel = new LinkedHashMap<>();
		for (AreaChoices.Group group : groups) {
			byLevel.put(group.levelKey(), new LevelGoals(group.levelName(), new ArrayList<>()));
		}
		List<TargetRow> targets = new ArrayList<>();
		for (Goal g : goals) {
			GoalProgress p = planning.progress(g.id());
			LevelGoals level = byLevel.get(levelOf.get(g.areaId()));
			if (level != null) {
				level.goals().add(new GoalRow(g, p, labels.get(g.areaId())));
			}
			for (TargetProgress t : p.targets()) {
				targets.add(new TargetRow(g, labels.get(g.areaId()),
						indicatorNames.getOrDefault(t.target().indicatorKey(), t.target().indicatorKey()), t));
			}
		}
		model.addAttribute("areaGroups", groups);
		model.addAttribute("area", area);
		model.addAttribute("areaLabel", area == null ? null : labels.get(area));
		model.addAttribute("areaLabels", labels);
		model.addAttribute("actorNames", actorNames());
		model.addAttribute("guidelines", planning.guidelines());
		model.addAttribute("levels", byLevel.values().stream().filter(l -> !l.goals().isEmpty()).toList());
		model.addAttribute("goalCount", goals.size());
		model.addAttribute("counts", counts);
		model.addAttribute("measures", measures);
		model.addAttribute("overdue", overdue);
		model.addAttribute("targets", targets);
		model.addAttribute("targetChart", targetChart(targets, locale));
		model.addAttribute("today", today);
		model.addAttribute("cycle", cycle(area, within, labels, groups));
		model.addAttribute("stages", CycleStage.values());
		model.addAttribute("mayPlan", scope.mayWriteSome(request));
		return "planning/dashboard";
	}

	/**
	 * The planning cycle per area: every area with goals or measures (within the chosen area), the chosen area always;
	 * coarser levels first, then by name.
	 */
	private List<CycleRow> cycle(Long area, Set<Long> within, Map<Long, String> labels,
			List<AreaChoices.Group> groups) {
		Map<Long, CycleStage.Row> rows = new LinkedHashMap<>();
		for (CycleStage.Row r : planning.cycle()) {
			if (within == null || within.contains(r.areaId())) {
				rows.put(r.areaId(), r);
			}
		}
		if (area != null) {
			rows.putIfAbsent(area, new CycleStage.Row(area, 0, 0, 0, 0, 0, 0, 0));
		}
		Map<Long, Integer> order = new HashMap<>();
		int i = 0;
		for (AreaChoices.Group g : groups) {
			for (AreaChoices.Option o : g.options()) {
				order.putIfAbsent(o.id(), i++);
			}
		}
		return rows.values().stream()
			.sorted(java.util.Comparator.comparing((CycleStage.Row r) -> order.getOrDefault(r.areaId(), Integer.MAX_VALUE)))
			.map(r -> new CycleRow(labels.getOrDefault(r.areaId(), "#" + r.areaId()), r, r.stage())).toList();
	}

	/** The chart's data: one bar per target, progress in percent (null where the current value is missing). */
	private static String targetChart(List<TargetRow> targets, Locale locale) {
		Map<String, Object> chart = new LinkedHashMap<>();
		chart.put("locale", locale.getLanguage());
		chart.put("labels", targets.stream().map(t -> t.goal().title() + " – " + t.indicatorName()).toList());
		chart.put("values", targets.stream()
			.map(t -> t.progress().progress() == null ? null : Math.round(t.progress().progress() * 1000) / 10.0)
			.toList());
		return CHART_JSON.writeValueAsString(chart);
	}

	private static final tools.jackson.databind.ObjectMapper CHART_JSON = new tools.jackson.databind.ObjectMapper();

	private Map<String, String> indicatorNames(Locale locale) {
		Map<String, String> names = new LinkedHashMap<>();
		for (Indicator i : indicators.indicators(false)) {
			names.put(i.key(), i.name(locale));
		}
		return names;
	}

	// goal

	@GetMapping("/goals/{id:\\d+}")
	String goal(@PathVariable long id, Locale locale, Model model, HttpServletRequest request) {
		Goal goal = planning.goal(id).orElseThrow();
		model.addAttribute("mayEdit", scope.mayWrite(request, goal.areaId()));
		Map<Long, String> labels = areaChoices.labels(locale);
		GoalProgress progress = planning.progress(id);
		model.addAttribute("goal", goal);
		model.addAttribute("progress", progress);
		model.addAttribute("areaLabels", labels);
		model.addAttribute("parent", goal.parentId() == null ? null : planning.goal(goal.parentId()).orElse(null));
		model.addAttribute("guidelines",
				goal.guidelineIds().stream().map(planning::guideline).flatMap(java.util.Optional::stream).toList());
		model.addAttribute("measures", planning.measuresOf(id));
		model.addAttribute("actorNames", actorNames());
		model.addAttribute("indicatorNames", indicatorNames(locale));
		model.addAttribute("today", LocalDate.now());
		return "planning/goal";
	}

	// measure

	@GetMapping("/measures/{id:\\d+}")
	String measure(@PathVariable long id, Locale locale, Model model, HttpServletRequest request) {
		return measurePage(planning.measure(id).orElseThrow(), new StatusForm(), FormProblems.none(),
				new EvaluationForm(), FormProblems.none(), locale, model, request);
	}

	private String measurePage(Measure measure, StatusForm statusForm, FormProblems statusProblems,
			EvaluationForm evaluationForm, FormProblems evaluationProblems, Locale locale, Model model,
			HttpServletRequest request) {
		Viewer viewer = viewer();
		model.addAttribute("mayEdit", scope.mayWrite(request, measure.areaId()));
		model.addAttribute("decisions", measure.decisionIds().stream()
			.map(d -> new LinkedDecision(d, conferences.decision(d, viewer).orElse(null))).toList());
		if (evaluationForm.getEvaluatedOn() == null) {
			evaluationForm.setEvaluatedOn(LocalDate.now().toString());
		}
		model.addAttribute("measure", measure);
		Map<Long, String> actors = actorNames();
		model.addAttribute("responsibleActor", measure.responsibleActorId() == null ? null
				: new ActorRef(measure.responsibleActorId(), actors.get(measure.responsibleActorId())));
		model.addAttribute("partnerActors",
				measure.partnerActorIds().stream().map(a -> new ActorRef(a, actors.get(a))).toList());
		model.addAttribute("areaLabels", areaChoices.labels(locale));
		model.addAttribute("goals",
				measure.goalIds().stream().map(planning::goal).flatMap(java.util.Optional::stream).toList());
		model.addAttribute("offers",
				measure.offerIds().stream().map(offers::offer).flatMap(java.util.Optional::stream).toList());
		model.addAttribute("history", planning.history(measure.id()));
		model.addAttribute("evaluations", planning.evaluations(measure.id()));
		model.addAttribute("statusForm", statusForm);
		model.addAttribute("statusProblems", statusProblems);
		model.addAttribute("evaluationForm", evaluationForm);
		model.addAttribute("evaluationProblems", evaluationProblems);
		model.addAttribute("nextStatuses", measure.status().next().stream().sorted().toList());
		model.addAttribute("today", LocalDate.now());
		return "planning/measure";
	}

	@PostMapping("/measures/{id:\\d+}/status")
	String changeStatus(@PathVariable long id, @ModelAttribute("statusForm") StatusForm form, Locale locale,
			Model model, RedirectAttributes redirect, HttpServletRequest request) {
		Measure measure = planning.measure(id).orElseThrow();
		scope.require(request, measure.areaId());
		List<Problem> problems = new ArrayList<>();
		MeasureStatus to = null;
		if (PlanningForms.blank(form.getStatus()) == null) {
			problems.add(new Problem("status", "required", "The new status is required"));
		} else {
			try {
				to = MeasureStatus.valueOf(form.getStatus().strip());
			} catch (IllegalArgumentException e) {
				problems.add(new Problem("status", "status.unknown", "Unknown status"));
			}
		}
		if (problems.isEmpty()) {
			try {
				planning.changeStatus(id, to, form.getNote());
				redirect.addFlashAttribute("saved", "planning.saved.status");
				return "redirect:/planning/measures/" + id;
			} catch (InvalidPlanningException e) {
				problems.addAll(e.problems());
			}
		}
		return measurePage(measure, form, FormProblems.of(problems, messages, locale), new EvaluationForm(),
				FormProblems.none(), locale, model, request);
	}

	@PostMapping("/measures/{id:\\d+}/evaluations")
	String evaluate(@PathVariable long id, @ModelAttribute("evaluationForm") EvaluationForm form, Locale locale,
			Model model, RedirectAttributes redirect, HttpServletRequest request) {
		Measure measure = planning.measure(id).orElseThrow();
		scope.require(request, measure.areaId());
		Parsed<org.spange.planning.Evaluation> parsed = form.parse();
		List<Problem> problems = new ArrayList<>(parsed.problems());
		if (problems.isEmpty()) {
			try {
				planning.addEvaluation(id, parsed.value());
				redirect.addFlashAttribute("saved", "planning.saved.evaluation");
				return "redirect:/planning/measures/" + id;
			} catch (InvalidPlanningException e) {
				problems.addAll(e.problems());
			}
		}
		return measurePage(measure, new StatusForm(), FormProblems.none(), form,
				FormProblems.of(problems, messages, locale), locale, model, request);
	}

	// guideline form

	@GetMapping("/guidelines/new")
	String newGuideline(Locale locale, Model model) {
		GuidelineForm form = new GuidelineForm();
		return guidelineForm(null, form, FormProblems.none(), locale, model);
	}

	@GetMapping("/guidelines/{id:\\d+}/edit")
	String editGuideline(@PathVariable long id, Locale locale, Model model) {
		Guideline g = planning.guideline(id).orElseThrow();
		return guidelineForm(g, GuidelineForm.of(g), FormProblems.none(), locale, model);
	}

	@PostMapping({ "/guidelines/new", "/guidelines/{id:\\d+}/edit" })
	String saveGuideline(@PathVariable(required = false) Long id, @ModelAttribute("form") GuidelineForm form,
			Locale locale, Model model, RedirectAttributes redirect) {
		Guideline current = id == null ? null : planning.guideline(id).orElseThrow();
		Parsed<Guideline> parsed = form.parse();
		List<Problem> problems = merge(parsed.problems(), planning.check(parsed.value()));
		if (problems.isEmpty()) {
			try {
				if (id == null) {
					planning.createGuideline(parsed.value());
				} else {
					planning.updateGuideline(id, parsed.value());
				}
				redirect.addFlashAttribute("saved", "planning.saved.guideline");
				return "redirect:/planning#guidelines";
			} catch (InvalidPlanningException e) {
				problems = e.problems();
			}
		}
		return guidelineForm(current, form, FormProblems.of(problems, messages, locale), locale, model);
	}

	private String guidelineForm(Guideline current, GuidelineForm form, FormProblems problems, Locale locale,
			Model model) {
		model.addAttribute("current", current);
		model.addAttribute("form", form);
		model.addAttribute("problems", problems);
		model.addAttribute("areaGroups", areaChoices.groups(locale));
		return "planning/guideline-form";
	}

	// goal form

	@GetMapping("/goals/new")
	String newGoal(@RequestParam(required = false) Long parent, Locale locale, Model model,
			HttpServletRequest request) {
		scope.requireSome(request);
		GoalForm form = GoalForm.empty();
		if (parent != null) {
			form.setParentId(parent.toString());
			planning.goal(parent).filter(g -> scope.mayWrite(request, g.areaId()))
				.ifPresent(g -> form.setAreaId(g.areaId().toString()));
		}
		return goalForm(null, form, FormProblems.none(), locale, model, request);
	}

	@GetMapping("/goals/{id:\\d+}/edit")
	String editGoal(@PathVariable long id, Locale locale, Model model, HttpServletRequest request) {
		Goal g = planning.goal(id).orElseThrow();
		scope.require(request, g.areaId());
		return goalForm(g, GoalForm.of(g), FormProblems.none(), locale, model, request);
	}

	@PostMapping({ "/goals/new", "/goals/{id:\\d+}/edit" })
	String saveGoal(@PathVariable(required = false) Long id, @ModelAttribute("form") GoalForm form, Locale locale,
			Model model, RedirectAttributes redirect, HttpServletRequest request, HttpServletResponse response) {
		Goal current = id == null ? null : planning.goal(id).orElseThrow();
		if (current == null) {
			scope.requireSome(request);
		} else {
			scope.require(request, current.areaId());
		}
		Parsed<Goal> parsed = form.parse();
		List<Problem> problems = merge(parsed.problems(), planning.check(id, parsed.value()));
		problems = outOfScope(problems, parsed.value().areaId(), request, response);
		if (problems.isEmpty()) {
			try {
				Goal saved = id == null ? planning.createGoal(parsed.value()) : planning.updateGoal(id, parsed.value());
				redirect.addFlashAttribute("saved", "planning.saved.goal");
				return "redirect:/planning/goals/" + saved.id();
			} catch (InvalidPlanningException e) {
				problems = e.problems();
			}
		}
		form.compact();
		return goalForm(current, form, FormProblems.of(problems, messages, locale), locale, model, request);
	}

	/**
	 * A municipality user's goal or measure outside their areas: a problem at the area (status 403), unless the area
	 * has a problem already.
	 */
	private List<Problem> outOfScope(List<Problem> problems, Long areaId, HttpServletRequest request,
			HttpServletResponse response) {
		if (areaId == null || scope.mayWrite(request, areaId)
				|| problems.stream().anyMatch(p -> p.field().equals("areaId"))) {
			return problems;
		}
		response.setStatus(HttpStatus.FORBIDDEN.value());
		List<Problem> all = new ArrayList<>(problems);
		all.add(new Problem("areaId", "area.outOfScope", "Only in your own areas"));
		return all;
	}

	/** A municipality user's assigned areas as text, for the forms' hint; null for planners and admins. */
	private String scopeAreas(List<AreaChoices.Group> groups, HttpServletRequest request) {
		Set<Long> assigned = scope.assignedAreas(request);
		if (assigned == null) {
			return null;
		}
		Map<Long, String> labels = AreaChoices.labels(groups);
		return String.join(", ", assigned.stream().map(a -> labels.getOrDefault(a, "#" + a)).toList());
	}

	/** The area choices: every area for planners and admins, the writable ones for municipality users. */
	private List<AreaChoices.Group> writableGroups(Locale locale, HttpServletRequest request) {
		List<AreaChoices.Group> groups = areaChoices.groups(locale);
		Set<Long> writable = scope.writableAreas(request);
		if (writable == null) {
			return groups;
		}
		return groups.stream()
			.map(g -> new AreaChoices.Group(g.levelKey(), g.levelName(),
					g.options().stream().filter(o -> writable.contains(o.id())).toList()))
			.filter(g -> !g.options().isEmpty()).toList();
	}

	private String goalForm(Goal current, GoalForm form, FormProblems problems, Locale locale, Model model,
			HttpServletRequest request) {
		form.fill();
		model.addAttribute("current", current);
		model.addAttribute("form", form);
		model.addAttribute("problems", problems);
		List<AreaChoices.Group> groups = areaChoices.groups(locale);
		model.addAttribute("areaGroups", writableGroups(locale, request));
		model.addAttribute("areaLabels", AreaChoices.labels(groups));
		model.addAttribute("scopeAreas", scopeAreas(groups, request));
		model.addAttribute("guidelines", planning.guidelines());
		model.addAttribute("parents", planning.goals().stream()
			.filter(g -> current == null || !g.id().equals(current.id())).toList());
		model.addAttribute("indicators", indicators.indicators(false));
		model.addAttribute("directions", Direction.values());
		return "planning/goal-form";
	}

	// measure form

	@GetMapping("/measures/new")
	String newMeasure(@RequestParam(required = false) Long goal, @RequestParam(required = false) Long decision,
			Locale locale, Model model, HttpServletRequest request) {
		scope.requireSome(request);
		MeasureForm form = new MeasureForm();
		if (goal != null) {
			form.getGoalIds().add(goal.toString());
			planning.goal(goal).filter(g -> scope.mayWrite(request, g.areaId()))
				.ifPresent(g -> form.setAreaId(g.areaId().toString()));
		}
		if (decision != null) {
			// prefilled from the decision: its text as title (and description when longer), its conference's area
			conferences.decision(decision, viewer()).ifPresent(d -> {
				form.getDecisionIds().add(Long.toString(d.id()));
				String text = d.text().strip();
				form.setTitle(text.length() <= 200 ? text : text.substring(0, 199) + "…");
				if (text.length() > 200) {
					form.setDescription(text);
				}
				if (d.conferenceAreaId() != null && form.getAreaId() == null
						&& scope.mayWrite(request, d.conferenceAreaId())) {
					form.setAreaId(d.conferenceAreaId().toString());
				}
			});
		}
		return measureForm(null, form, FormProblems.none(), locale, model, request);
	}

	@GetMapping("/measures/{id:\\d+}/edit")
	String editMeasure(@PathVariable long id, Locale locale, Model model, HttpServletRequest request) {
		Measure m = planning.measure(id).orElseThrow();
		scope.require(request, m.areaId());
		return measureForm(m, MeasureForm.of(m), FormProblems.none(), locale, model, request);
	}

	@PostMapping({ "/measures/new", "/measures/{id:\\d+}/edit" })
	String saveMeasure(@PathVariable(required = false) Long id, @ModelAttribute("form") MeasureForm form,
			Locale locale, Model model, RedirectAttributes redirect, HttpServletRequest request,
			HttpServletResponse response) {
		Measure current = id == null ? null : planning.measure(id).orElseThrow();
		if (current == null) {
			scope.requireSome(request);
		} else {
			scope.require(request, current.areaId());
		}
		Parsed<Measure> parsed = form.parse();
		List<Problem> problems = merge(parsed.problems(), planning.check(parsed.value()));
		problems = outOfScope(problems, parsed.value().areaId(), request, response);
		if (problems.isEmpty()) {
			try {
				Measure saved = id == null ? planning.createMeasure(parsed.value())
						: planning.updateMeasure(id, parsed.value());
				redirect.addFlashAttribute("saved", "planning.saved.measure");
				return "redirect:/planning/measures/" + saved.id();
			} catch (InvalidPlanningException e) {
				problems = e.problems();
			}
		}
		return measureForm(current, form, FormProblems.of(problems, messages, locale), locale, model, request);
	}

	private String measureForm(Measure current, MeasureForm form, FormProblems problems, Locale locale,
			Model model, HttpServletRequest request) {
		model.addAttribute("current", current);
		model.addAttribute("form", form);
		model.addAttribute("problems", problems);
		List<AreaChoices.Group> groups = areaChoices.groups(locale);
		model.addAttribute("areaGroups", writableGroups(locale, request));
		model.addAttribute("areaLabels", AreaChoices.labels(groups));
		model.addAttribute("scopeAreas", scopeAreas(groups, request));
		model.addAttribute("goals", planning.goals());
		model.addAttribute("decisionGroups", decisionChoices(form.decisionIds()));
		model.addAttribute("offerChoices", offerChoices(form.offerIds()));
		model.addAttribute("actorChoices", actorChoices(form.actorIds()));
		return "planning/measure-form";
	}

	/**
	 * The actor organisations a measure can name, by name; a chosen id the network module does not know stays in the
	 * choices (without a name), so that the form shows what was sent next to its problem.
	 */
	private List<ActorRef> actorChoices(Set<Long> chosen) {
		Map<Long, String> names = actorNames();
		List<ActorRef> choices = new ArrayList<>(names.entrySet().stream()
			.map(e -> new ActorRef(e.getKey(), e.getValue()))
			.sorted(java.util.Comparator.comparing(ActorRef::name, String.CASE_INSENSITIVE_ORDER)).toList());
		chosen.stream().filter(id -> !names.containsKey(id)).sorted().forEach(id -> choices.add(new ActorRef(id, null)));
		return choices;
	}

	private static final int RECENT_CONFERENCES = 15;

	/**
	 * The decisions a measure can refer to: those of the most recent conferences the user may see (restricted case
	 * conferences left out), and every decision already chosen that the user may see.
	 */
	private List<DecisionGroup> decisionChoices(Set<Long> chosen) {
		Viewer viewer = viewer();
		Map<Long, DecisionGroup> groups = new LinkedHashMap<>();
		List<Conference> recent = conferences.visible(viewer).stream().filter(c -> !c.restricted())
			.sorted(java.util.Comparator.comparing(Conference::startsAt).reversed()).toList();
		int scanned = 0;
		for (Conference c : recent) {
			if (groups.size() >= RECENT_CONFERENCES || scanned++ >= 4 * RECENT_CONFERENCES) {
				break;
			}
			ConferenceView view = conferences.view(c.id(), viewer).orElse(null);
			if (view == null || view.decisions().isEmpty()) {
				continue;
			}
			groups.put(c.id(), new DecisionGroup(c.id(), c.title(), c.startsAt(), new ArrayList<>(view.decisions()
				.stream().map(d -> new DecisionSummary(d.id(), d.text(), c.id(), c.title(), c.startsAt(), c.areaId()))
				.toList())));
		}
		Set<Long> shown = new java.util.HashSet<>();
		groups.values().forEach(g -> g.decisions().forEach(d -> shown.add(d.id())));
		for (Long id : chosen) {
			if (!shown.contains(id)) {
				conferences.decision(id, viewer).ifPresent(d -> groups
					.computeIfAbsent(d.conferenceId(),
							k -> new DecisionGroup(d.conferenceId(), d.conferenceTitle(), d.conferenceStartsAt(),
									new ArrayList<>()))
					.decisions().add(d));
			}
		}
		return List.copyOf(groups.values());
	}

	private static final int OFFER_CHOICES = 1000;

	/** The offers a measure can create or change: active ones by name, and those already chosen. */
	private List<Offer> offerChoices(Set<Long> chosen) {
		Map<Long, Offer> choices = new LinkedHashMap<>();
		offers.offers(true, 0, OFFER_CHOICES).items().forEach(o -> choices.put(o.id(), o));
		for (Long id : chosen) {
			if (!choices.containsKey(id)) {
				offers.offer(id).ifPresent(o -> choices.put(o.id(), o));
			}
		}
		return choices.values().stream().sorted(java.util.Comparator.comparing(Offer::name, String.CASE_INSENSITIVE_ORDER))
			.toList();
	}

	// measure list (all, those a decision created, or those of an actor organisation)

	@GetMapping("/measures")
	String measures(@RequestParam(required = false) Long decision, @RequestParam(required = false) String actor,
			Locale locale, Model model, HttpServletRequest request, HttpServletResponse response) {
		model.addAttribute("mayPlan", scope.mayWriteSome(request));
		Map<Long, String> actors = actorNames();
		List<ActorRef> actorChoices = actorChoices(Set.of());
		Long actorId = null;
		String actorProblem = null;
		if (PlanningForms.blank(actor) != null) {
			try {
				actorId = Long.valueOf(actor.strip());
			} catch (NumberFormatException e) {
				actorProblem = "planning.problem.id.invalid";
			}
			if (actorId != null && !actors.containsKey(actorId)) {
				actorProblem = "planning.problem.actor.unknown";
			}
		}
		List<Measure> list;
		if (actorProblem != null) {
			response.setStatus(actorId == null ? HttpStatus.BAD_REQUEST.value() : HttpStatus.NOT_FOUND.value());
			list = List.of();
		} else {
			Long a = actorId;
			list = (a == null ? planning.measures() : planning.measuresOfActor(a)).stream()
				.filter(m -> decision == null || m.decisionIds().contains(decision)).toList();
		}
		Long chosen = actorProblem == null ? actorId : null;
		model.addAttribute("actor", chosen == null ? null : new ActorRef(chosen, actors.get(chosen)));
		model.addAttribute("actorValue", actor);
		model.addAttribute("actorProblem", actorProblem);
		model.addAttribute("actorChoices", actorChoices);
		model.addAttribute("responsibleCount",
				chosen == null ? 0 : list.stream().filter(m -> chosen.equals(m.responsibleActorId())).count());
		model.addAttribute("partnerCount",
				chosen == null ? 0 : list.stream().filter(m -> m.partnerActorIds().contains(chosen)).count());
		model.addAttribute("actorNames", actors);
		model.addAttribute("list", list);
		model.addAttribute("decision", decision);
		model.addAttribute("decisionSummary",
				decision == null ? null : conferences.decision(decision, viewer()).orElse(null));
		model.addAttribute("areaLabels", areaChoices.labels(locale));
		model.addAttribute("today", LocalDate.now());
		return "planning/measures";
	}

	/** The form's own problems first; the service's only for fields the form could read. */
	private static List<Problem> merge(List<Problem> own, List<Problem> service) {
		List<Problem> all = new ArrayList<>(own);
		Set<String> fields = new java.util.HashSet<>();
		own.forEach(p -> fields.add(p.field()));
		service.stream().filter(p -> !fields.contains(p.field())).forEach(all::add);
		return all;
	}
}
