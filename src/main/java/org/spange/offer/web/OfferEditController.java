package org.spange.offer.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.spange.access.Role;
import org.spange.area.AreaQueries;
import org.spange.offer.InvalidOfferException;
import org.spange.offer.Offer;
import org.spange.offer.OfferCatalog;
import org.spange.offer.OfferReview;
import org.spange.offer.Organization;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Creating and editing an offer in a form. Planners and admins save directly; a provider only for its own
 * organisations, and its change goes through {@link OfferReview#propose} (held for a planner where the region reviews
 * provider changes). Every problem is shown at its field and the form keeps what was typed.
 */
@Controller
@RequestMapping("/offers")
class OfferEditController {

	private final OfferCatalog catalog;
	private final OfferReview review;
	private final AreaQueries areas;

	OfferEditController(OfferCatalog catalog, OfferReview review, AreaQueries areas) {
		this.catalog = catalog;
		this.review = review;
		this.areas = areas;
	}

	private static boolean plannerOrAdmin(HttpServletRequest request) {
		return OfferDirectoryController.seesAll(request);
	}

	/** The organisations the caller may maintain; null means all (planners and admins). */
	private Set<Long> maintainable(HttpServletRequest request) {
		if (plannerOrAdmin(request)) {
			return null;
		}
		if (request.getUserPrincipal() == null || !request.isUserInRole(Role.PROVIDER.name())) {
			return Set.of();
		}
		return catalog.organizationsOf(request.getUserPrincipal().getName());
	}

	private void mayMaintain(Long organizationId, HttpServletRequest request) {
		Set<Long> own = maintainable(request);
		if (own != null && (organizationId == null || !own.contains(organizationId))) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Not an offer of your organisation");
		}
	}

	@GetMapping("/new")
	String create(@RequestParam(required = false) Long organization, HttpServletRequest request, Model model) {
		Set<Long> own = maintainable(request);
		Long org = organization != null ? organization : own != null && !own.isEmpty() ? own.iterator().next() : null;
		if (org != null) {
			mayMaintain(org, request);
		}
		return form(null, OfferForm.of(blank(org)), Map.of(), request, model);
	}

	/** The locations part of the form for the chosen organisation, swapped in by htmx when the choice changes. */
	@GetMapping("/new/locations")
	String locations(@RequestParam(required = false) String organizationId, HttpServletRequest request, Model model) {
		Long org = id(organizationId);
		OfferForm form = OfferForm.of(blank(org));
		if (org != null) {
			mayMaintain(org, request);
		}
		model.addAttribute("offerForm", form);
		model.addAttribute("problems", Map.of());
		model.addAttribute("locations", org == null ? List.of() : catalog.locationsOf(org));
		return "offer/edit :: locations";
	}

	@GetMapping("/{id:\\d+}/edit")
	String edit(@PathVariable long id, HttpServletRequest request, Model model) {
		Offer offer = catalog.offer(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		mayMaintain(offer.organizationId(), request);
		return form(offer, OfferForm.of(offer), Map.of(), request, model);
	}

	@PostMapping("/new")
	String saveNew(OfferForm form, HttpServletRequest request, Model model, RedirectAttributes redirect) {
		return save(null, form, request, model, redirect);
	}

	@PostMapping("/{id:\\d+}/edit")
	String saveExisting(@PathVariable long id, OfferForm form, HttpServletRequest request, Model model,
			RedirectAttributes redirect) {
		return save(id, form, request, model, redirect);
	}

	private String save(Long id, OfferForm form, HttpServletRequest request, Model model,
			RedirectAttributes redirect) {
		Offer current = id == null ? null
				: catalog.offer(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		if (current != null) {
			mayMaintain(current.organizationId(), request);
		}
		// the confirmation date is kept: confirming is its own step
		OfferForm.Parsed parsed = form.parse(id, current == null ? null : current.lastConfirmed());
		mayMaintain(parsed.offer().organizationId(), request);
		if (!parsed.problems().isEmpty()) {
			return form(current, form, parsed.problems(), request, model);
		}
		try {
			if (plannerOrAdmin(request)) {
				Offer saved = id == null ? catalog.createOffer(parsed.offer()) : catalog.updateOffer(id, parsed.offer());
				redirect.addFlashAttribute("saved", true);
				return "redirect:/offers/" + saved.id();
			}
			OfferReview.Outcome outcome = review.propose(id, parsed.offer());
			if (outcome.pending()) {
				redirect.addFlashAttribute("pendingReview", true);
				return "redirect:/provider/offers";
			}
			redirect.addFlashAttribute("saved", true);
			return "redirect:/offers/" + outcome.applied().id();
		} catch (InvalidOfferException e) {
			Map<String, String> problems = new LinkedHashMap<>();
			for (InvalidOfferException.Problem p : e.problems()) {
				problems.putIfAbsent(OfferForm.inputOf(p.field()), "problem." + p.code());
			}
			return form(current, form, problems, request, model);
		}
	}

	private String form(Offer current, OfferForm form, Map<String, String> problems, HttpServletRequest request,
			Model model) {
		Set<Long> own = maintainable(request);
		List<Organization> organizations = own == null
				? catalog.organizations(0, 500).items()
				: own.stream().map(catalog::organization).flatMap(java.util.Optional::stream).toList();
		model.addAttribute("current", current);
		model.addAttribute("offerForm", form);
		model.addAttribute("problems", problems);
		model.addAttribute("organizations", organizations);
		model.addAttribute("locations", organizationOf(form) == null ? List.of()
				: catalog.locationsOf(organizationOf(form)));
		model.addAttribute("fieldChoices", catalog.fieldsOfAction());
		model.addAttribute("groupChoices", catalog.targetGroups());
		model.addAttribute("settings", Offer.Setting.values());
		model.addAttribute("approaches", Offer.Approach.values());
		model.addAttribute("forms", Offer.Form.values());
		model.addAttribute("reviewed", own != null);
		model.addAttribute("areaChoices", areas.choices(LocaleContextHolder.getLocale()));
		return "offer/edit";
	}

	private static Offer blank(Long organization) {
		return new Offer(null, organization, null, null, Offer.Status.ACTIVE, null, null, true, null, null, null, null,
				null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
	}

	private static Long organizationOf(OfferForm form) {
		return id(form.organizationId());
	}

	private static Long id(String text) {
		try {
			return text == null ? null : Long.valueOf(text.strip());
		} catch (NumberFormatException e) {
			return null;
		}
	}
}
