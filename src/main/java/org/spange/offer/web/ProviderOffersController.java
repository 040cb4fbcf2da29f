package org.spange.offer.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.spange.access.Role;
import org.spange.offer.InvalidOfferException;
import org.spange.offer.InvalidOfferException.Problem;
import org.spange.offer.Location;
import org.spange.offer.Offer;
import org.spange.offer.OfferCatalog;
import org.spange.offer.OfferReview;
import org.spange.offer.Organization;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletRequest;

/**
 * "Meine Angebote": a provider's offers (inactive ones included) with what to confirm, the state of its changes held
 * for review, and its locations. Planners and admins open it for any organisation ({@code ?organization=id}).
 * Every write checks on the server that the caller maintains the organisation concerned.
 */
@Controller
class ProviderOffersController {

	private static final int MAX_ORGANIZATIONS = 500;
	/** The location form's fields in the order shown: the error summary follows it. */
	private static final List<String> FORM_ORDER = List.of("name", "address1", "postalCode", "city", "country",
			"latitude", "longitude", "confidential");

	private final OfferCatalog catalog;
	private final OfferReview review;

	ProviderOffersController(OfferCatalog catalog, OfferReview review) {
		this.catalog = catalog;
		this.review = review;
	}

	/** The header's "Meine Angebote" link: for providers only. */
	@ControllerAdvice
	static class Navigation {

		@ModelAttribute("isProvider")
		boolean isProvider(HttpServletRequest request) {
			return request.getUserPrincipal() != null && request.isUserInRole(Role.PROVIDER.name());
		}
	}

	/** What the location form holds: as typed, so that a wrong entry comes back as it was. */
	record LocationForm(Long id, String name, String address1, String postalCode, String city, String country,
			String latitude, String longitude, Boolean confidential, Boolean stepFree, String accessibility) {

		static LocationForm of(Location l) {
			return new LocationForm(l.id(), l.name(), l.address1(), l.postalCode(), l.city(), l.country(),
					number(l.latitude()), number(l.longitude()), l.confidentialOrFalse(), l.stepFree(),
					l.accessibility());
		}

		private static String number(Double d) {
			return d == null ? null : Double.toString(d).replace('.', ',');
		}

		/** A text field by name, for the form template. */
		public String value(String field) {
			return switch (field) {
				case "name" -> name;
				case "address1" -> address1;
				case "postalCode" -> postalCode;
				case "city" -> city;
				case "latitude" -> latitude;
				case "longitude" -> longitude;
				default -> null;
			};
		}
	}

	/** One row of the offer list. */
	record Row(Offer offer, boolean stale, OfferReview.PendingChange pending) {
	}

	private static boolean seesAll(HttpServletRequest request) {
		return request.isUserInRole(Role.PLANNER.name()) || request.isUserInRole(Role.ADMIN.name());
	}

	private Set<Long> memberOf(HttpServletRequest request) {
		if (request.getUserPrincipal() == null || !request.isUserInRole(Role.PROVIDER.name())) {
			return Set.of();
		}
		return catalog.organizationsOf(request.getUserPrincipal().getName());
	}

	private boolean mayMaintain(long organizationId, HttpServletRequest request) {
		return seesAll(request) || memberOf(request).contains(organizationId);
	}

	private void requireMaintain(long organizationId, HttpServletRequest request) {
		if (!mayMaintain(organizationId, request)) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Not your organisation");
		}
	}

	private List<Organization> choices(HttpServletRequest request) {
		if (seesAll(request)) {
			return catalog.organizations(0, MAX_ORGANIZATIONS).items();
		}
		List<Organization> own = new ArrayList<>();
		for (long id : memberOf(request)) {
			catalog.organization(id).ifPresent(own::add);
		}
		own.sort(Comparator.comparing(Organization::name, String.CASE_INSENSITIVE_ORDER));
		return own;
	}

	@GetMapping("/provider/offers")
	String page(@RequestParam(required = false) Long organization, @RequestParam(required = false) Long location,
			HttpServletRequest request, Model model) {
		LocationForm form = null;
		if (location != null) {
			Location l = catalog.location(location)
				.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No location " + location));
			requireMaintain(l.organizationId(), request);
			organization = l.organizationId();
			form = LocationForm.of(l);
		}
		return show(organization, form, Map.of(), request, model);
	}

	private String show(Long organization, LocationForm form, Map<String, List<Problem>> problems,
			HttpServletRequest request, Model model) {
		List<Organization> choices = choices(request);
		Long chosen = organization;
		if (chosen == null && !seesAll(request) && !choices.isEmpty()) {
			chosen = choices.get(0).id();
		}
		model.addAttribute("organizations", choices);
		model.addAttribute("confirmAfter", review.confirmAfter());
		model.addAttribute("zone", OfferDirectoryController.REGION_TIME);
		if (chosen == null) {
			if (seesAll(request)) {
				// planners: where confirmations are overdue, to follow up with the providers
				model.addAttribute("freshness", review.freshness());
			}
			return "offer/provider";
		}
		requireMaintain(chosen, request);
		long id = chosen;
		Organization org = catalog.organization(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No organisation " + id));
		List<OfferReview.PendingChange> changes = review.changesOf(id);
		Map<Long, OfferReview.PendingChange> pendingByOffer = new LinkedHashMap<>();
		for (OfferReview.PendingChange c : changes) {
			if (c.status() == OfferReview.Status.PENDING && c.offerId() != null) {
				pendingByOffer.putIfAbsent(c.offerId(), c);
			}
		}
		List<Row> rows = catalog.offersOf(id).stream()
			.map(o -> new Row(o, review.stale(o), pendingByOffer.get(o.id()))).toList();
		model.addAttribute("organization", org);
		model.addAttribute("rows", rows);
		model.addAttribute("staleCount", rows.stream().filter(Row::stale).count());
		model.addAttribute("changes", changes);
		model.addAttribute("locations", catalog.locationsOf(id));
		model.addAttribute("locationForm", form != null ? form
				: new LocationForm(null, null, null, null, null, "AT", null, null, false, null, null));
		model.addAttribute("problems", problems);
		model.addAttribute("problemList", problems.values().stream().flatMap(List::stream)
			.sorted(Comparator.comparingInt(p -> FORM_ORDER.indexOf(p.field()) & Integer.MAX_VALUE)).toList());
		return "offer/provider";
	}

	@PostMapping("/provider/offers/confirm")
	String confirm(@RequestParam long organization, @RequestParam(name = "offer", required = false) List<Long> offers,
			HttpServletRequest request, RedirectAttributes redirect) {
		requireMaintain(organization, request);
		Set<Long> ids = new TreeSet<>(offers == null ? List.of() : offers);
		// every offer checked before any is confirmed: all or nothing
		for (long id : ids) {
			Offer offer = catalog.offer(id)
				.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No offer " + id));
			requireMaintain(offer.organizationId(), request);
		}
		if (ids.isEmpty()) {
			redirect.addFlashAttribute("confirmNone", true);
		} else {
			catalog.confirm(ids);
			redirect.addFlashAttribute("confirmed", ids.size());
		}
		redirect.addAttribute("organization", organization);
		return "redirect:/provider/offers";
	}

	@PostMapping("/provider/locations")
	String createLocation(@RequestParam long organization, LocationForm form, HttpServletRequest request,
			Model model, RedirectAttributes redirect) {
		requireMaintain(organization, request);
		return saveLocation(organization, null, form, request, model, redirect);
	}

	@PostMapping("/provider/locations/{id:\\d+}")
	String updateLocation(@PathVariable long id, LocationForm form, HttpServletRequest request, Model model,
			RedirectAttributes redirect) {
		Location old = catalog.location(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No location " + id));
		requireMaintain(old.organizationId(), request);
		return saveLocation(old.organizationId(), id, form, request, model, redirect);
	}

	private String saveLocation(long organization, Long id, LocationForm form, HttpServletRequest request,
			Model model, RedirectAttributes redirect) {
		Map<String, List<Problem>> problems = new LinkedHashMap<>();
		Double latitude = parse("latitude", form.latitude(), problems);
		Double longitude = parse("longitude", form.longitude(), problems);
		LocationForm kept = new LocationForm(id, form.name(), form.address1(), form.postalCode(), form.city(),
				form.country(), form.latitude(), form.longitude(), form.confidential(), form.stepFree(),
				form.accessibility());
		Location location = new Location(id, organization, form.name(), form.address1(), form.postalCode(),
				form.city(), form.country(), latitude, longitude, Boolean.TRUE.equals(form.confidential()), null,
				form.stepFree(), form.accessibility());
		if (!problems.isEmpty() && (form.name() == null || form.name().isBlank())) {
			// the catalog is not asked while a number is unreadable: report the missing name here, too
			problems.put("name", List.of(new Problem("name", "offer.name.invalid", "The name is required")));
		}
		try {
			if (problems.isEmpty()) {
				Location saved = id == null ? catalog.createLocation(location) : catalog.updateLocation(id, location);
				redirect.addFlashAttribute("savedLocation", saved.name());
				redirect.addAttribute("organization", organization);
				return "redirect:/provider/offers";
			}
		} catch (InvalidOfferException e) {
			for (Problem p : e.problems()) {
				problems.computeIfAbsent(p.field(), k -> new ArrayList<>()).add(p);
			}
		}
		return show(organization, kept, problems, request, model);
	}

	/** A coordinate typed in German (47,5) or English (47.5) notation; empty is none. */
	private static Double parse(String field, String text, Map<String, List<Problem>> problems) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			double d = Double.parseDouble(text.strip().replace(',', '.'));
			if (Double.isFinite(d)) {
				return d;
			}
		} catch (NumberFormatException e) {
			// reported below
		}
		problems.computeIfAbsent(field, k -> new ArrayList<>())
			.add(new Problem(field, "location.number.invalid", "Not a number: " + text));
		return null;
	}
}
