package org.spange.network.web;

import static org.spange.platform.web.FormValues.blankFormUnlessShownAgain;
import static org.spange.platform.web.FormValues.choice;
import static org.spange.platform.web.FormValues.date;
import static org.spange.platform.web.FormValues.id;
import static org.spange.platform.web.FormValues.ids;
import static org.spange.platform.web.FormValues.noProblemsUnlessShownAgain;
import static org.spange.platform.web.FormValues.shownAgain;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Supplier;

import org.spange.area.AreaQueries;
import org.spange.network.ActorOrganization;
import org.spange.network.InvalidNetworkInputException;
import org.spange.network.Membership;
import org.spange.network.Network;
import org.spange.network.Networks;
import org.spange.network.Person;
import org.spange.network.Responsibility;
import org.spange.network.Viewer;
import org.spange.offer.OfferCatalog;
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

import jakarta.servlet.http.HttpServletResponse;

/**
 * Networks, actors and the responsibility map for logged-in users. Writes: planners and admins; members and tasks of
 * a network also its coordinators. Bad input comes back with the kept input and every problem by field; nothing is
 * written.
 */
@Controller
class NetworkController {

	private final Networks networks;
	private final AreaQueries areas;
	private final OfferCatalog offers;

	NetworkController(Networks networks, AreaQueries areas, OfferCatalog offers) {
		this.networks = networks;
		this.areas = areas;
		this.offers = offers;
	}

	static Viewer viewer() {
		return Viewer.of(SecurityContextHolder.getContext().getAuthentication());
	}

	@GetMapping("/networks")
	String list(Model model) {
		Viewer viewer = viewer();
		model.addAttribute("networks", networks.networks());
		model.addAttribute("mine", networks.networksOf(viewer.username()));
		model.addAttribute("areaNames", areas.choices(LocaleContextHolder.getLocale()));
		model.addAttribute("mayWrite", viewer.planner());
		// "Meine Daten in Netzwerken" for a login linked to a person (helper mail7)
		model.addAttribute("linkedToPerson", networks.personOf(viewer.username()).isPresent());
		blankFormUnlessShownAgain(model);
		return "network/list";
	}

	@PostMapping("/networks")
	String create(@RequestParam MultiValueMap<String, String> form, Model model, HttpServletResponse response) {
		requirePlanner();
		Map<String, String> problems = new LinkedHashMap<>();
		List<Long> areaIds = ids(form.get("areaIds"), "areaIds", problems);
		try {
			if (!problems.isEmpty()) {
				throw new InvalidNetworkInputException(problems);
			}
			Network n = networks.createNetwork(new Network(null, form.getFirst("name"), form.getFirst("purpose"), areaIds));
			return "redirect:/networks/" + n.id();
		} catch (InvalidNetworkInputException e) {
			model.addAttribute("selectedAreas", form.getOrDefault("areaIds", List.of()));
			return shownAgain(model, response, problems, e.problems(), form.toSingleValueMap(), () -> list(model));
		}
	}

	@GetMapping("/networks/{id}")
	String network(@PathVariable long id, Model model) {
		Viewer viewer = viewer();
		Network network = networks.network(id).orElseThrow(() -> new NoSuchElementException("network " + id));
		model.addAttribute("network", network);
		model.addAttribute("members", networks.members(id, viewer));
		model.addAttribute("tasks", networks.fixedTasks(id));
		model.addAttribute("areaNames", areas.choices(LocaleContextHolder.getLocale()));
		boolean mayWrite = viewer.planner() || networks.coordinates(viewer.username(), id);
		model.addAttribute("mayWrite", mayWrite);
		model.addAttribute("mayEditNetwork", viewer.planner());
		model.addAttribute("isMember", networks.networksOf(viewer.username()).contains(id));
		model.addAttribute("persons", mayWrite ? networks.persons(viewer) : List.of());
		model.addAttribute("roles", Membership.Role.values());
		blankFormUnlessShownAgain(model);
		return "network/network";
	}

	@PostMapping("/networks/{id}/members")
	String addMember(@PathVariable long id, @RequestParam Map<String, String> form, Model model,
			HttpServletResponse response) {
		requireCoordinator(id);
		Map<String, String> problems = new LinkedHashMap<>();
		Long person = id(form.get("personId"), "personId", problems);
		Membership.Role role = null;
		try {
			role = form.get("role") == null ? null : Membership.Role.valueOf(form.get("role"));
		} catch (IllegalArgumentException e) {
			problems.put("role", "network.check.role");
		}
		LocalDate from = date(form.get("from"), "from", problems);
		LocalDate to = date(form.get("to"), "to", problems);
		try {
			if (person == null) {
				problems.putIfAbsent("personId", "network.check.person");
			}
			if (!problems.isEmpty()) {
				throw new InvalidNetworkInputException(problems);
			}
			networks.addMember(id, person, role, from, to);
			return "redirect:/networks/" + id;
		} catch (InvalidNetworkInputException e) {
			return again(id, problems, e, form, model, response);
		}
	}

	@PostMapping("/networks/{id}/tasks")
	String addTask(@PathVariable long id, @RequestParam Map<String, String> form, Model model,
			HttpServletResponse response) {
		requireCoordinator(id);
		Map<String, String> problems = new LinkedHashMap<>();
		Long owner = id(form.get("ownerPersonId"), "ownerPersonId", problems);
		try {
			if (!problems.isEmpty()) {
				throw new InvalidNetworkInputException(problems);
			}
			networks.addFixedTask(id, form.get("text"), owner);
			return "redirect:/networks/" + id;
		} catch (InvalidNetworkInputException e) {
			return again(id, problems, e, form, model, response);
		}
	}

	private String again(long id, Map<String, String> problems, InvalidNetworkInputException e,
			Map<String, String> form, Model model, HttpServletResponse response) {
		return shownAgain(model, response, problems, e.problems(), form, () -> network(id, model));
	}

	@GetMapping("/networks/persons")
	String persons(Model model) {
		requirePlanner();
		model.addAttribute("persons", networks.persons(viewer()));
		model.addAttribute("organizations", networks.organizations());
		model.addAttribute("offerOrganizations", offers.organizations(0, 1000).items());
		model.addAttribute("areaChoices", areas.choices(LocaleContextHolder.getLocale()));
		blankFormUnlessShownAgain(model);
		if (!model.containsAttribute("selectedAreas")) {
			model.addAttribute("selectedAreas", List.of());
		}
		return "network/persons";
	}

	@PostMapping("/networks/persons")
	String createPerson(@RequestParam MultiValueMap<String, String> form, Model model, HttpServletResponse response) {
		requirePlanner();
		Map<String, String> problems = new LinkedHashMap<>();
		Long organization = id(form.getFirst("organizationId"), "organizationId", problems);
		List<Long> areaIds = ids(form.get("areaIds"), "areaIds", problems);
		Person.Channel channel = null;
		try {
			String c = form.getFirst("preferredChannel");
			channel = c == null || c.isBlank() ? null : Person.Channel.valueOf(c);
		} catch (IllegalArgumentException e) {
			problems.put("preferredChannel", "network.check.channel");
		}
		// consent is given now, in the planner's presence or in writing: the form records that it exists
		Instant consentAt = "yes".equals(form.getFirst("consent")) ? Instant.now() : null;
		try {
			Person p = new Person(null, form.getFirst("name"), form.getFirst("function"), organization, areaIds,
					form.getFirst("email"), form.getFirst("phone"), form.getFirst("reachability"), channel, consentAt,
					form.getFirst("consentBy"), form.getFirst("consentVersion"), form.getFirst("username"));
			if (!problems.isEmpty()) {
				throw new InvalidNetworkInputException(problems);
			}
			networks.createPerson(p);
			return "redirect:/networks/persons";
		} catch (InvalidNetworkInputException e) {
			model.addAttribute("selectedAreas", form.getOrDefault("areaIds", List.of()));
			return shownAgain(model, response, problems, e.problems(), form.toSingleValueMap(), () -> persons(model));
		}
	}

	@PostMapping("/networks/organizations")
	String createOrganization(@RequestParam Map<String, String> form, Model model, HttpServletResponse response) {
		requirePlanner();
		Map<String, String> problems = new LinkedHashMap<>();
		Long offerOrganization = id(form.get("offerOrganizationId"), "offerOrganizationId", problems);
		try {
			if (!problems.isEmpty()) {
				throw new InvalidNetworkInputException(problems);
			}
			networks.createOrganization(new ActorOrganization(null, form.get("orgName"), offerOrganization));
			return "redirect:/networks/persons";
		} catch (InvalidNetworkInputException e) {
			Map<String, String> all = new LinkedHashMap<>(problems);
			// the organisation form's name field is orgName on the page
			e.problems().forEach((k, v) -> all.put(k.equals("name") ? "orgName" : k, v));
			model.addAttribute("problems", all);
			model.addAttribute("form", form);
			response.setStatus(422);
			return persons(model);
		}
	}

	@GetMapping("/networks/responsibilities")
	String responsibilities(@RequestParam(required = false) String q, @RequestParam(required = false) String area,
			Model model) {
		Viewer viewer = viewer();
		Map<Long, String> areaNames = areas.choices(LocaleContextHolder.getLocale());
		Map<String, String> problems = new LinkedHashMap<>();
		Long areaId = id(area, "area", problems);
		if (areaId != null && !areaNames.containsKey(areaId)) {
			problems.put("area", "network.check.area");
		}
		boolean searched = (q != null && !q.isBlank()) || areaId != null;
		model.addAttribute("hits", searched && problems.isEmpty() ? networks.findResponsible(q, areaId, viewer)
				: List.<Responsibility.Hit>of());
		model.addAttribute("searched", searched && problems.isEmpty());
		model.addAttribute("q", q);
		model.addAttribute("area", area);
		model.addAttribute("areaNames", areaNames);
		Map<String, String> fields = new HashMap<>();
		offers.fieldsOfAction().forEach(f -> fields.put(f.key(), f.nameDe()));
		model.addAttribute("fieldNames", fields);
		if (!model.containsAttribute("problems")) {
			model.addAttribute("problems", problems);
		}
		model.addAttribute("mayWrite", viewer.planner());
		model.addAttribute("persons", viewer.planner() ? networks.persons(viewer) : List.of());
		model.addAttribute("organizations", viewer.planner() ? networks.organizations() : List.of());
		model.addAttribute("fieldsOfAction", offers.fieldsOfAction());
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", Map.of());
		}
		return "network/responsibilities";
	}

	@PostMapping("/networks/responsibilities")
	String addResponsibility(@RequestParam Map<String, String> form, Model model, HttpServletResponse response) {
		requirePlanner();
		Map<String, String> problems = new LinkedHashMap<>();
		Long person = id(form.get("personId"), "personId", problems);
		Long organization = id(form.get("organizationId"), "organizationId", problems);
		Long areaId = id(form.get("areaId"), "areaId", problems);
		try {
			if (!problems.isEmpty()) {
				throw new InvalidNetworkInputException(problems);
			}
			networks.addResponsibility(new Responsibility(null, person, organization, form.get("topic"),
					form.get("fieldOfAction"), areaId));
			return "redirect:/networks/responsibilities";
		} catch (InvalidNetworkInputException e) {
			return shownAgain(model, response, problems, e.problems(), form, () -> responsibilities(null, null, model));
		}
	}

	// editing and deleting (issue 7, second part): persons and networks by planners, memberships also by the
	// network's coordinators; deletes need their checkbox ticked

	@GetMapping("/networks/persons/{personId}/edit")
	String personForm(@PathVariable long personId, Model model) {
		requirePlanner();
		Viewer viewer = viewer();
		Person person = networks.personToEdit(personId, viewer)
			.orElseThrow(() -> new NoSuchElementException("person " + personId));
		model.addAttribute("person", person);
		var day = java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy").withZone(java.time.ZoneId.of("Europe/Vienna"));
		model.addAttribute("consentDay", day.format(person.consentAt()));
		model.addAttribute("withdrawn", networks.consentWithdrawn(personId).map(day::format).orElse(null));
		model.addAttribute("organizations", networks.organizations());
		model.addAttribute("areaChoices", areas.choices(LocaleContextHolder.getLocale()));
		if (!model.containsAttribute("form")) {
			Map<String, String> form = new HashMap<>();
			form.put("name", person.name());
			form.put("function", person.function());
			form.put("organizationId", person.organizationId() == null ? "" : person.organizationId().toString());
			form.put("email", person.email());
			form.put("phone", person.phone());
			form.put("reachability", person.reachability());
			form.put("preferredChannel", person.preferredChannel() == null ? "" : person.preferredChannel().name());
			form.put("username", person.username());
			model.addAttribute("form", form);
			model.addAttribute("selectedAreas", person.areaIds().stream().map(String::valueOf).toList());
		}
		noProblemsUnlessShownAgain(model);
		return "network/person";
	}

	@PostMapping("/networks/persons/{personId}/edit")
	String editPerson(@PathVariable long personId, @RequestParam MultiValueMap<String, String> form, Model model,
			HttpServletResponse response) {
		requirePlanner();
		Map<String, String> problems = new LinkedHashMap<>();
		Long organization = id(form.getFirst("organizationId"), "organizationId", problems);
		List<Long> areaIds = ids(form.get("areaIds"), "areaIds", problems);
		Person.Channel channel = null;
		try {
			String c = form.getFirst("preferredChannel");
			channel = c == null || c.isBlank() ? null : Person.Channel.valueOf(c);
		} catch (IllegalArgumentException e) {
			problems.put("preferredChannel", "network.check.channel");
		}
		Person.Channel preferred = channel;
		return personWrite(personId, problems, form, model, response, () -> networks.updatePerson(new Person(personId,
				form.getFirst("name"), form.getFirst("function"), organization, areaIds, form.getFirst("email"),
				form.getFirst("phone"), form.getFirst("reachability"), preferred, null, null, null,
				form.getFirst("username")), viewer()), "redirect:/networks/persons");
	}

	@PostMapping("/networks/persons/{personId}/withdraw-consent")
	String withdrawConsent(@PathVariable long personId, @RequestParam MultiValueMap<String, String> form, Model model,
			HttpServletResponse response) {
		requirePlanner();
		return personWrite(personId, confirmed(form, "confirmWithdraw"), form, model, response,
				() -> networks.withdrawConsent(personId, viewer()), "redirect:/networks/persons/" + personId + "/edit");
	}

	@PostMapping("/networks/persons/{personId}/delete")
	String deletePerson(@PathVariable long personId, @RequestParam MultiValueMap<String, String> form, Model model,
			HttpServletResponse response) {
		requirePlanner();
		return personWrite(personId, confirmed(form, "confirmDelete"), form, model, response,
				() -> networks.deletePerson(personId, viewer()), "redirect:/networks/persons");
	}

	private static Map<String, String> confirmed(MultiValueMap<String, String> form, String field) {
		Map<String, String> problems = new LinkedHashMap<>();
		if (!"yes".equals(form.getFirst(field))) {
			problems.put(field, "network.check.confirm");
		}
		return problems;
	}

	private String personWrite(long personId, Map<String, String> problems, MultiValueMap<String, String> form,
			Model model, HttpServletResponse response, Runnable action, String success) {
		if (networks.personToEdit(personId, viewer()).isEmpty()) {
			throw new NoSuchElementException("person " + personId);
		}
		return write(problems, form, model, response, action, success, () -> personForm(personId, model));
	}

	/**
	 * Runs a write unless the form already has problems; the form's and the write's problems are shown at their
	 * fields in the form again (422) with the input kept.
	 */
	private static String write(Map<String, String> problems, MultiValueMap<String, String> form, Model model,
			HttpServletResponse response, Runnable action, String success, Supplier<String> formAgain) {
		try {
			if (!problems.isEmpty()) {
				throw new InvalidNetworkInputException(problems);
			}
			action.run();
			return success;
		} catch (InvalidNetworkInputException e) {
			model.addAttribute("selectedAreas", form.getOrDefault("areaIds", List.of()));
			return shownAgain(model, response, problems, e.problems(), form.toSingleValueMap(), formAgain);
		}
	}

	@GetMapping("/networks/{id}/edit")
	String networkForm(@PathVariable long id, Model model) {
		requirePlanner();
		Network network = networks.network(id).orElseThrow(() -> new NoSuchElementException("network " + id));
		model.addAttribute("network", network);
		model.addAttribute("deletable", networks.deletable(id));
		model.addAttribute("areaChoices", areas.choices(LocaleContextHolder.getLocale()));
		if (!model.containsAttribute("form")) {
			Map<String, String> form = new HashMap<>();
			form.put("name", network.name());
			form.put("purpose", network.purpose());
			model.addAttribute("form", form);
			model.addAttribute("selectedAreas", network.areaIds().stream().map(String::valueOf).toList());
		}
		noProblemsUnlessShownAgain(model);
		return "network/edit";
	}

	@PostMapping("/networks/{id}/edit")
	String editNetwork(@PathVariable long id, @RequestParam MultiValueMap<String, String> form, Model model,
			HttpServletResponse response) {
		requirePlanner();
		Map<String, String> problems = new LinkedHashMap<>();
		List<Long> areaIds = ids(form.get("areaIds"), "areaIds", problems);
		return networkWrite(id, problems, form, model, response, () -> networks.updateNetwork(new Network(id,
				form.getFirst("name"), form.getFirst("purpose"), areaIds), viewer()), "redirect:/networks/" + id);
	}

	@PostMapping("/networks/{id}/delete")
	String deleteNetwork(@PathVariable long id, @RequestParam MultiValueMap<String, String> form, Model model,
			HttpServletResponse response) {
		requirePlanner();
		return networkWrite(id, confirmed(form, "confirm"), form, model, response,
				() -> networks.deleteNetwork(id, viewer()), "redirect:/networks");
	}

	private String networkWrite(long id, Map<String, String> problems, MultiValueMap<String, String> form,
			Model model, HttpServletResponse response, Runnable action, String success) {
		if (networks.network(id).isEmpty()) {
			throw new NoSuchElementException("network " + id);
		}
		return write(problems, form, model, response, action, success, () -> networkForm(id, model));
	}

	@GetMapping("/networks/{id}/members/{membershipId}/edit")
	String membershipForm(@PathVariable long id, @PathVariable long membershipId, Model model) {
		requireCoordinator(id);
		Membership membership = networks.membership(membershipId, viewer()).filter(m -> m.networkId() == id)
			.orElseThrow(() -> new NoSuchElementException("membership " + membershipId));
		model.addAttribute("network", networks.network(id).orElseThrow());
		model.addAttribute("membership", membership);
		model.addAttribute("roles", Membership.Role.values());
		if (!model.containsAttribute("form")) {
			Map<String, String> form = new HashMap<>();
			form.put("role", membership.role().name());
			form.put("to", membership.to() == null ? null : membership.to().toString());
			model.addAttribute("form", form);
		}
		noProblemsUnlessShownAgain(model);
		return "network/membership";
	}

	@PostMapping("/networks/{id}/members/{membershipId}/edit")
	String editMembership(@PathVariable long id, @PathVariable long membershipId,
			@RequestParam MultiValueMap<String, String> form, Model model, HttpServletResponse response) {
		requireCoordinator(id);
		if (networks.membership(membershipId, viewer()).filter(m -> m.networkId() == id).isEmpty()) {
			throw new NoSuchElementException("membership " + membershipId);
		}
		Map<String, String> problems = new LinkedHashMap<>();
		Membership.Role role = choice(Membership.Role.class, form.getFirst("role"), "role", problems);
		LocalDate to = date(form.getFirst("to"), "to", problems);
		return write(problems, form, model, response,
				() -> networks.updateMembership(membershipId, role, to, viewer()), "redirect:/networks/" + id,
				() -> membershipForm(id, membershipId, model));
	}

	private void requirePlanner() {
		if (!viewer().planner()) {
			throw new SecurityException("planners only");
		}
	}

	private void requireCoordinator(long networkId) {
		Viewer viewer = viewer();
		if (networks.network(networkId).isEmpty()) {
			throw new NoSuchElementException("network " + networkId);
		}
		if (!viewer.planner() && !networks.coordinates(viewer.username(), networkId)) {
			throw new SecurityException("planners and coordinators only");
		}
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
