package org.spange.conference.web;

import static org.spange.platform.web.FormValues.blankFormUnlessShownAgain;
import static org.spange.platform.web.FormValues.choice;
import static org.spange.platform.web.FormValues.date;
import static org.spange.platform.web.FormValues.dateTime;
import static org.spange.platform.web.FormValues.id;
import static org.spange.platform.web.FormValues.ids;
import static org.spange.platform.web.FormValues.noProblemsUnlessShownAgain;
import static org.spange.platform.web.FormValues.shownAgain;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import org.spange.area.AreaQueries;
import org.spange.conference.AgendaItem;
import org.spange.conference.Conference;
import org.spange.conference.ConferenceView;
import org.spange.conference.Conferences;
import org.spange.conference.InvalidConferenceException;
import org.spange.conference.Invitation;
import org.spange.network.Network;
import org.spange.network.Networks;
import org.spange.network.Viewer;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Conference pages: the list, the planning form, one conference (invitations, registration, agenda, attendance,
 * minutes per agenda item, decisions and their tasks, approval and publication), its iCalendar file, the published
 * minutes (public for public conferences) and the task list. Who may see and do what is decided by
 * {@link Conferences}; a conference the viewer may not see answers 404.
 */
@Controller
class ConferenceController {

	static final ZoneId VIENNA = ZoneId.of("Europe/Vienna");

	private final Conferences conferences;
	private final Networks networks;
	private final AreaQueries areas;

	ConferenceController(Conferences conferences, Networks networks, AreaQueries areas) {
		this.conferences = conferences;
		this.networks = networks;
		this.areas = areas;
	}

	/** German date and time in Vienna, for the pages ({@code ${fmt.format(instant)}}). */
	@org.springframework.web.bind.annotation.ModelAttribute("fmt")
	java.time.format.DateTimeFormatter fmt() {
		return java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy, HH:mm").withZone(VIENNA);
	}

	static Viewer viewer() {
		return Viewer.of(SecurityContextHolder.getContext().getAuthentication());
	}

	@GetMapping("/conferences")
	String list(Model model) {
		Viewer viewer = viewer();
		model.addAttribute("conferences", conferences.visible(viewer));
		model.addAttribute("mayPlan", !plannable(viewer).isEmpty());
		return "conference/list";
	}

	/** The networks the viewer may plan a conference for; planners may also plan without a network. */
	private List<Network> plannable(Viewer viewer) {
		return networks.networks().stream()
			.filter(n -> viewer.planner() || networks.coordinates(viewer.username(), n.id())).toList();
	}

	@GetMapping("/conferences/new")
	String planForm(Model model) {
		Viewer viewer = viewer();
		if (!viewer.planner() && plannable(viewer).isEmpty()) {
			throw new SecurityException("only planners and network coordinators plan conferences");
		}
		model.addAttribute("networks", plannable(viewer));
		model.addAttribute("areaNames", areas.choices(LocaleContextHolder.getLocale()));
		model.addAttribute("types", Conference.Type.values());
		model.addAttribute("visibilities", List.of(Conference.Visibility.INTERNAL, Conference.Visibility.PUBLIC));
		model.addAttribute("planner", viewer.planner());
		blankFormUnlessShownAgain(model);
		return "conference/plan";
	}

	@PostMapping("/conferences/new")
	String plan(@RequestParam Map<String, String> form, Model model, HttpServletResponse response) {
		Map<String, String> problems = new LinkedHashMap<>();
		Conference.Type type = choice(Conference.Type.class, form.get("type"), "type", problems);
		Conference.Visibility visibility = choice(Conference.Visibility.class, form.get("visibility"), "visibility",
				problems);
		LocalDateTime start = dateTime(form.get("startsAt"), "startsAt", problems);
		LocalDateTime end = dateTime(form.get("endsAt"), "endsAt", problems);
		Long area = id(form.get("areaId"), "areaId", problems);
		Long network = id(form.get("networkId"), "networkId", problems);
		try {
			// unreadable values are refused before anything else is checked: nothing half-parsed gets written
			if (!problems.isEmpty()) {
				throw new InvalidConferenceException(problems);
			}
			Conference c = conferences.plan(new Conference(null, type, form.get("title"),
					start == null ? null : start.atZone(VIENNA).toInstant(),
					end == null ? null : end.atZone(VIENNA).toInstant(), form.get("place"), form.get("onlineUrl"), area,
					network, visibility, null, null), viewer());
			return "redirect:/conferences/" + c.id();
		} catch (InvalidConferenceException e) {
			Map<String, String> all = new LinkedHashMap<>(e.problems());
			all.putAll(problems);
			model.addAttribute("problems", all);
			model.addAttribute("form", form);
			response.setStatus(422);
			return planForm(model);
		}
	}

	@GetMapping("/conferences/{id}")
	String conference(@PathVariable long id, Model model) {
		Viewer viewer = viewer();
		ConferenceView view = conferences.view(id, viewer).orElseThrow(() -> new NoSuchElementException("conference"));
		model.addAttribute("v", view);
		model.addAttribute("c", view.conference());
		var persons = networks.persons(viewer);
		model.addAttribute("persons", persons);
		Map<Long, String> names = new LinkedHashMap<>();
		persons.forEach(p -> names.put(p.id(), p.name()));
		model.addAttribute("personNames", names);
		model.addAttribute("areaNames", areas.choices(LocaleContextHolder.getLocale()));
		model.addAttribute("networkName", view.conference().networkId() == null ? null
				: networks.network(view.conference().networkId()).map(Network::name).orElse(null));
		model.addAttribute("zone", VIENNA);
		model.addAttribute("fw", conferences.forwarding(id, viewer));
		blankFormUnlessShownAgain(model);
		return "conference/conference";
	}

	@GetMapping(value = "/conferences/{id}.ics")
	ResponseEntity<byte[]> ical(@PathVariable long id) {
		String ical = conferences.ical(id, viewer()).orElseThrow(() -> new NoSuchElementException("conference"));
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "calendar", StandardCharsets.UTF_8))
			.header("Content-Disposition", "attachment; filename=\"konferenz-" + id + ".ics\"")
			.body(ical.getBytes(StandardCharsets.UTF_8));
	}

	@GetMapping("/conferences/{id}/minutes")
	String minutes(@PathVariable long id, Model model) {
		ConferenceView view = conferences.minutes(id, viewer())
			.orElseThrow(() -> new NoSuchElementException("conference"));
		model.addAttribute("v", view);
		model.addAttribute("c", view.conference());
		model.addAttribute("zone", VIENNA);
		model.addAttribute("fw", conferences.forwarding(id, viewer()));
		return "conference/minutes";
	}

	@PostMapping("/conferences/{id}/invitations")
	String invite(@PathVariable long id, @RequestParam MultiValueMap<String, String> form, Model model,
			HttpServletResponse response) {
		Map<String, String> problems = new LinkedHashMap<>();
		List<Long> persons = ids(form.get("personIds"), "personIds", problems);
		return write(id, problems, form.toSingleValueMap(), model, response,
				() -> conferences.invite(id, persons, viewer()));
	}

	@PostMapping("/conferences/{id}/invitations/send")
	String send(@PathVariable long id, RedirectAttributes redirect, Model model, HttpServletResponse response) {
		return write(id, new LinkedHashMap<>(), Map.of(), model, response,
				() -> redirect.addFlashAttribute("sent", conferences.sendInvitations(id, viewer())));
	}

	@PostMapping("/conferences/{id}/registration")
	String respond(@PathVariable long id, @RequestParam(required = false) String response, Model model,
			HttpServletResponse http) {
		Map<String, String> problems = new LinkedHashMap<>();
		Invitation.Response answer = choice(Invitation.Response.class, response, "response", problems);
		return write(id, problems, Map.of(), model, http, () -> conferences.respond(id, answer, viewer()));
	}

	@PostMapping("/conferences/{id}/agenda")
	String agenda(@PathVariable long id, @RequestParam Map<String, String> form, Model model,
			HttpServletResponse response) {
		Map<String, String> problems = new LinkedHashMap<>();
		Long owner = id(form.get("ownerPersonId"), "ownerPersonId", problems);
		return write(id, problems, form, model, response,
				() -> conferences.addAgendaItem(id, form.get("title"), owner, viewer()));
	}

	@PostMapping("/conferences/{id}/attendance")
	String attendance(@PathVariable long id, @RequestParam MultiValueMap<String, String> form, Model model,
			HttpServletResponse response) {
		Map<String, String> problems = new LinkedHashMap<>();
		List<Long> persons = ids(form.get("attendees"), "attendees", problems);
		return write(id, problems, Map.of(), model, response,
				() -> conferences.recordAttendance(id, persons, viewer()));
	}

	@PostMapping("/conferences/{id}/agenda/{item}/minutes")
	String minutes(@PathVariable long id, @PathVariable long item, @RequestParam(required = false) String minutes,
			Model model, HttpServletResponse response) {
		return write(id, new LinkedHashMap<>(), Map.of(), model, response,
				() -> conferences.writeMinutes(id, item, minutes, viewer()));
	}

	@PostMapping("/conferences/{id}/decisions")
	String decide(@PathVariable long id, @RequestParam Map<String, String> form, Model model,
			HttpServletResponse response) {
		Map<String, String> problems = new LinkedHashMap<>();
		Long item = id(form.get("agendaItemId"), "agendaItemId", problems);
		Long owner = id(form.get("taskOwner"), "taskOwner", problems);
		LocalDate due = date(form.get("taskDue"), "taskDue", problems);
		return write(id, problems, form, model, response,
				() -> conferences.decide(id, item, form.get("text"), owner, due, viewer()));
	}

	@PostMapping("/conferences/{id}/approve")
	String approve(@PathVariable long id, Model model, HttpServletResponse response) {
		return write(id, new LinkedHashMap<>(), Map.of(), model, response,
				() -> conferences.approveMinutes(id, viewer()));
	}

	@PostMapping("/conferences/{id}/publish")
	String publish(@PathVariable long id, Model model, HttpServletResponse response) {
		return write(id, new LinkedHashMap<>(), Map.of(), model, response,
				() -> conferences.publishMinutes(id, viewer()));
	}

	/**
	 * Runs a write unless parsing found problems; on problems the page comes back (422) with the input kept and
	 * nothing written.
	 */
	private String write(long id, Map<String, String> problems, Map<String, String> form, Model model,
			HttpServletResponse response, Runnable action) {
		try {
			if (!problems.isEmpty()) {
				throw new InvalidConferenceException(problems);
			}
			action.run();
			return "redirect:/conferences/" + id;
		} catch (InvalidConferenceException e) {
			return shownAgain(model, response, problems, e.problems(), form, () -> conference(id, model));
		}
	}

	// editing, cancelling and deleting (issue 7, second part)

	@GetMapping("/conferences/{id}/edit")
	String editForm(@PathVariable long id, Model model) {
		Viewer viewer = viewer();
		ConferenceView view = conferences.view(id, viewer).orElseThrow(() -> new NoSuchElementException("conference"));
		if (!view.mayEdit()) {
			throw new SecurityException("may not edit conference " + id);
		}
		Conference c = view.conference();
		model.addAttribute("c", c);
		model.addAttribute("deletable", conferences.deletable(id, viewer));
		model.addAttribute("begun", !c.startsAt().isAfter(java.time.Instant.now()));
		model.addAttribute("ended", !c.endsAt().isAfter(java.time.Instant.now()));
		if (!model.containsAttribute("form")) {
			java.time.format.DateTimeFormatter local = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm")
				.withZone(VIENNA);
			Map<String, String> form = new LinkedHashMap<>();
			form.put("title", c.title());
			form.put("startsAt", local.format(c.startsAt()));
			form.put("endsAt", local.format(c.endsAt()));
			form.put("place", c.place());
			form.put("onlineUrl", c.onlineUrl());
			model.addAttribute("form", form);
		}
		noProblemsUnlessShownAgain(model);
		return "conference/edit";
	}

	@PostMapping("/conferences/{id}/edit")
	String edit(@PathVariable long id, @RequestParam Map<String, String> form, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		Map<String, String> problems = new LinkedHashMap<>();
		LocalDateTime start = dateTime(form.get("startsAt"), "startsAt", problems);
		LocalDateTime end = dateTime(form.get("endsAt"), "endsAt", problems);
		// the conference page says how many update notices went out (none for a new title alone)
		return editWrite(id, problems, form, model, response, () -> redirect.addFlashAttribute("updateNotices",
				conferences.update(id, new Conference(id, null, form.get("title"),
						start == null ? null : start.atZone(VIENNA).toInstant(),
						end == null ? null : end.atZone(VIENNA).toInstant(), form.get("place"), form.get("onlineUrl"),
						null, null, null, null, null), viewer()).notified()),
				"redirect:/conferences/" + id);
	}

	@PostMapping("/conferences/{id}/cancel")
	String cancel(@PathVariable long id, @RequestParam Map<String, String> form, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		Map<String, String> problems = confirmed(form);
		return editWrite(id, problems, form, model, response,
				() -> redirect.addFlashAttribute("cancelNotices", conferences.cancel(id, form.get("notice"), viewer())),
				"redirect:/conferences/" + id);
	}

	@PostMapping("/conferences/{id}/delete")
	String delete(@PathVariable long id, @RequestParam Map<String, String> form, Model model,
			HttpServletResponse response) {
		Map<String, String> problems = new LinkedHashMap<>();
		if (!"yes".equals(form.get("confirmDelete"))) {
			problems.put("confirmDelete", "conference.check.confirm");
		}
		return editWrite(id, problems, form, model, response, () -> conferences.delete(id, viewer()),
				"redirect:/conferences");
	}

	/** A conference the viewer may not see is absent (404); one they may see but not edit is forbidden (403). */
	private void requireEditor(long id) {
		if (!conferences.view(id, viewer()).orElseThrow(() -> new NoSuchElementException("conference")).mayEdit()) {
			throw new SecurityException("may not edit conference " + id);
		}
	}

	/** A delete or cancel needs its checkbox ticked; without it nothing happens and the page says so. */
	private static Map<String, String> confirmed(Map<String, String> form) {
		Map<String, String> problems = new LinkedHashMap<>();
		if (!"yes".equals(form.get("confirm"))) {
			problems.put("confirm", "conference.check.confirm");
		}
		return problems;
	}

	private String editWrite(long id, Map<String, String> problems, Map<String, String> form, Model model,
			HttpServletResponse response, Runnable action, String success) {
		try {
			if (!problems.isEmpty()) {
				// who may not edit learns nothing about the form: the edit page itself checks that first
				requireEditor(id);
				throw new InvalidConferenceException(problems);
			}
			action.run();
			return success;
		} catch (InvalidConferenceException e) {
			return shownAgain(model, response, problems, e.problems(), form, () -> editForm(id, model));
		}
	}

	@GetMapping("/conferences/{id}/agenda/{item}/edit")
	String agendaItemForm(@PathVariable long id, @PathVariable long item, Model model) {
		Viewer viewer = viewer();
		ConferenceView view = conferences.view(id, viewer).orElseThrow(() -> new NoSuchElementException("conference"));
		if (!view.mayEdit()) {
			throw new SecurityException("may not edit conference " + id);
		}
		AgendaItem agendaItem = view.agenda().stream().filter(a -> a.id() == item).findFirst()
			.orElseThrow(() -> new NoSuchElementException("agenda item"));
		model.addAttribute("c", view.conference());
		model.addAttribute("item", agendaItem);
		model.addAttribute("persons", networks.persons(viewer));
		if (!model.containsAttribute("form")) {
			Map<String, String> form = new LinkedHashMap<>();
			form.put("title", agendaItem.title());
			form.put("ownerPersonId", agendaItem.ownerPersonId() == null ? "" : agendaItem.ownerPersonId().toString());
			model.addAttribute("form", form);
		}
		noProblemsUnlessShownAgain(model);
		return "conference/agenda-item";
	}

	@PostMapping("/conferences/{id}/agenda/{item}/edit")
	String editAgendaItem(@PathVariable long id, @PathVariable long item, @RequestParam Map<String, String> form,
			Model model, HttpServletResponse response) {
		Map<String, String> problems = new LinkedHashMap<>();
		Long owner = id(form.get("ownerPersonId"), "ownerPersonId", problems);
		return itemWrite(id, item, problems, form, model, response,
				() -> conferences.updateAgendaItem(id, item, form.get("title"), owner, viewer()));
	}

	@PostMapping("/conferences/{id}/agenda/{item}/delete")
	String deleteAgendaItem(@PathVariable long id, @PathVariable long item, @RequestParam Map<String, String> form,
			Model model, HttpServletResponse response) {
		return itemWrite(id, item, confirmed(form), form, model, response,
				() -> conferences.deleteAgendaItem(id, item, viewer()));
	}

	@PostMapping("/conferences/{id}/agenda/{item}/move")
	String moveAgendaItem(@PathVariable long id, @PathVariable long item,
			@RequestParam(required = false) String direction, Model model, HttpServletResponse response) {
		Map<String, String> problems = new LinkedHashMap<>();
		if (!"up".equals(direction) && !"down".equals(direction)) {
			problems.put("title", "form.choice.invalid");
		}
		return write(id, problems, Map.of(), model, response,
				() -> conferences.moveAgendaItem(id, item, "up".equals(direction), viewer()));
	}

	private String itemWrite(long id, long item, Map<String, String> problems, Map<String, String> form, Model model,
			HttpServletResponse response, Runnable action) {
		try {
			if (!problems.isEmpty()) {
				requireEditor(id);
				throw new InvalidConferenceException(problems);
			}
			action.run();
			return "redirect:/conferences/" + id + "#agenda-heading";
		} catch (InvalidConferenceException e) {
			return shownAgain(model, response, problems, e.problems(), form, () -> agendaItemForm(id, item, model));
		}
	}

	// the counter-current principle (Gegenstromverfahren)

	@PostMapping("/conferences/{id}/forward")
	String forward(@PathVariable long id, @RequestParam Map<String, String> form, Model model,
			HttpServletResponse response) {
		Map<String, String> problems = new LinkedHashMap<>();
		// the source: one of this conference's agenda items ("item-7"), an item received from below ("received-3")
		// or nothing (a finding of the conference as a whole)
		String source = form.getOrDefault("source", "");
		Long agendaItem = source.startsWith("item-") ? id(source.substring(5), "source", problems) : null;
		Long previous = source.startsWith("received-") ? id(source.substring(9), "source", problems) : null;
		if (!source.isEmpty() && agendaItem == null && previous == null) {
			problems.putIfAbsent("source", "form.choice.invalid");
		}
		Long target = id(form.get("toConferenceId"), "toConferenceId", problems);
		return write(id, problems, form, model, response, () -> conferences.forward(id, agendaItem, previous, target,
				form.get("forwardTitle"), form.get("forwardText"), viewer()));
	}

	@PostMapping("/conferences/{id}/forwarded/{item}/agenda")
	String putOnAgenda(@PathVariable long id, @PathVariable long item, Model model, HttpServletResponse response) {
		return write(id, new LinkedHashMap<>(), Map.of(), model, response,
				() -> conferences.putOnAgenda(id, item, viewer()));
	}

	@PostMapping("/conferences/{id}/forwarded/{item}/answer")
	String answer(@PathVariable long id, @PathVariable long item, @RequestParam Map<String, String> form, Model model,
			HttpServletResponse response) {
		Map<String, String> problems = new LinkedHashMap<>();
		Long decision = id(form.get("decisionId"), "decisionId", problems);
		Map<String, String> kept = new LinkedHashMap<>(form);
		kept.put("answerItem", Long.toString(item));
		return write(id, problems, kept, model, response,
				() -> conferences.answer(id, item, form.get("answer"), decision, viewer()));
	}

	@GetMapping("/tasks")
	String tasks(@RequestParam(required = false) String network, Model model) {
		Viewer viewer = viewer();
		model.addAttribute("tasks", conferences.myOpenTasks(viewer));
		Map<String, String> problems = new LinkedHashMap<>();
		Long networkId = id(network, "network", problems);
		List<Network> mine = networks.networks().stream()
			.filter(n -> viewer.planner() || networks.networksOf(viewer.username()).contains(n.id())).toList();
		model.addAttribute("networks", mine);
		model.addAttribute("network", networkId == null ? null
				: mine.stream().filter(n -> n.id().equals(networkId)).findFirst().orElse(null));
		model.addAttribute("networkTasks", networkId == null ? List.of() : conferences.openTasksOfNetwork(networkId,
				viewer));
		model.addAttribute("hasPerson", networks.personOf(viewer.username()).isPresent());
		return "conference/tasks";
	}

	@PostMapping("/tasks/{id}/done")
	String done(@PathVariable long id, @RequestParam(required = false) String back) {
		conferences.completeTask(id, viewer());
		return back != null && back.matches("^/tasks(\\?network=\\d+)?$") ? "redirect:" + back : "redirect:/tasks";
	}

	@ExceptionHandler(SecurityException.class)
	void forbidden(HttpServletResponse response) throws IOException {
		response.sendError(403);
	}

	@ExceptionHandler(NoSuchElementException.class)
	void notFound(HttpServletResponse response) throws IOException {
		response.sendError(404);
	}
}
