package org.spange.offer.web;

import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.spange.area.AreaId;
import org.spange.area.AreaQueries;
import org.spange.offer.FieldOfAction;
import org.spange.offer.InvalidOfferException;
import org.spange.offer.Offer;
import org.spange.offer.OfferCatalog;
import org.spange.offer.OfferReview;
import org.spange.offer.Organization;
import org.spange.offer.TargetGroup;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Planners review provider changes held for approval: each with a field-by-field comparison of the offer as it is and
 * as proposed, approved or rejected with a reason; and switch the review on or off per top-level area. Access (planners
 * and admins) is in the security configuration.
 */
@Controller
class OfferReviewController {

	private final OfferReview review;
	private final OfferCatalog catalog;
	private final AreaQueries areas;
	private final MessageSource messages;

	OfferReviewController(OfferReview review, OfferCatalog catalog, AreaQueries areas, MessageSource messages) {
		this.review = review;
		this.catalog = catalog;
		this.areas = areas;
		this.messages = messages;
	}

	/** One field that the proposal changes, as shown. */
	record FieldChange(String field, String oldValue, String newValue) {
	}

	/**
	 * A pending change for the page; {@code changedSince}: the offer was changed by someone after the proposal, and
	 * approving it replaces that change, too.
	 */
	record Item(OfferReview.PendingChange change, String offerName, String organizationName, List<FieldChange> fields,
			boolean changedSince) {
	}

	@GetMapping("/admin/offers/review")
	String page(Model model, Locale locale) {
		List<Item> items = new ArrayList<>();
		Map<Long, String> organizations = new LinkedHashMap<>();
		for (OfferReview.PendingChange c : review.pending()) {
			Offer current = c.offerId() == null ? null : catalog.offer(c.offerId()).orElse(null);
			String organization = organizations.computeIfAbsent(c.organizationId(),
					id -> catalog.organization(id).map(Organization::name).orElse("#" + id));
			boolean changedSince = c.offerId() != null && catalog.changes("offer", c.offerId()).stream()
				.anyMatch(e -> e.changedAt().isAfter(c.proposedAt()));
			items.add(new Item(c, current == null ? c.proposed().name() : current.name(), organization,
					diff(current, c.proposed(), locale), changedSince));
		}
		model.addAttribute("items", items);
		model.addAttribute("rules", review.rules());
		model.addAttribute("levelNames", areas.levels().stream()
			.collect(Collectors.toMap(l -> l.key(), l -> l.name(locale), (a, b) -> a)));
		model.addAttribute("zone", OfferDirectoryController.REGION_TIME);
		if (!model.containsAttribute("problems")) {
			model.addAttribute("problems", List.of());
		}
		return "offer/review";
	}

	@PostMapping("/admin/offers/review/{id:\\d+}/approve")
	String approve(@PathVariable long id, Model model, Locale locale, RedirectAttributes redirect) {
		exists(id);
		try {
			Offer saved = review.approve(id);
			redirect.addFlashAttribute("approved", saved.name());
		} catch (IllegalStateException e) {
			redirect.addFlashAttribute("decidedAlready", true);
		} catch (InvalidOfferException e) {
			// the offer's surroundings changed since the proposal (e.g. a location is gone): say what no longer fits
			model.addAttribute("problemChange", id);
			model.addAttribute("problems", e.problems());
			return page(model, locale);
		}
		return "redirect:/admin/offers/review";
	}

	@PostMapping("/admin/offers/review/{id:\\d+}/reject")
	String reject(@PathVariable long id, @RequestParam(required = false) String reason, Model model, Locale locale,
			RedirectAttributes redirect) {
		exists(id);
		try {
			review.reject(id, reason);
			redirect.addFlashAttribute("rejected", true);
		} catch (IllegalStateException e) {
			redirect.addFlashAttribute("decidedAlready", true);
		} catch (InvalidOfferException e) {
			model.addAttribute("reasonMissing", id);
			model.addAttribute("reason", reason);
			return page(model, locale);
		}
		return "redirect:/admin/offers/review";
	}

	private void exists(long id) {
		if (review.change(id).isEmpty()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No pending change " + id);
		}
	}

	/** {@code area}: every area shown in the form; {@code required}: those ticked. */
	@PostMapping("/admin/offers/review/rules")
	String rules(@RequestParam(name = "area", required = false) List<Long> shown,
			@RequestParam(name = "required", required = false) List<Long> ticked, RedirectAttributes redirect) {
		Map<Long, Boolean> rules = new LinkedHashMap<>();
		for (long area : shown == null ? List.<Long>of() : shown) {
			rules.put(area, ticked != null && ticked.contains(area));
		}
		try {
			review.setRules(rules);
		} catch (IllegalArgumentException e) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
		}
		redirect.addFlashAttribute("rulesSaved", true);
		return "redirect:/admin/offers/review";
	}

	// the comparison

	private List<FieldChange> diff(Offer current, Offer proposed, Locale locale) {
		List<FieldChange> changes = new ArrayList<>();
		for (RecordComponent c : Offer.class.getRecordComponents()) {
			if (c.getName().equals("id")) {
				continue;
			}
			Object before = current == null ? null : value(c, current);
			Object after = value(c, proposed);
			if (!Objects.equals(empty(before), empty(after))) {
				changes.add(new FieldChange(c.getName(), show(c.getName(), before, locale),
						show(c.getName(), after, locale)));
			}
		}
		return changes;
	}

	private static Object value(RecordComponent c, Offer offer) {
		try {
			return c.getAccessor().invoke(offer);
		} catch (ReflectiveOperationException e) {
			throw new IllegalStateException(e);
		}
	}

	/** An empty list and a missing value are the same. */
	private static Object empty(Object value) {
		return value instanceof Collection<?> list && list.isEmpty() ? null : value;
	}

	private String show(String field, Object value, Locale locale) {
		if (empty(value) == null) {
			return null;
		}
		boolean en = "en".equals(locale.getLanguage());
		return switch (field) {
			case "organizationId" -> catalog.organization((Long) value).map(Organization::name).orElse("#" + value);
			case "fieldsOfAction" -> names(value, catalog.fieldsOfAction().stream()
				.collect(Collectors.toMap(FieldOfAction::key, f -> en ? f.nameEn() : f.nameDe())));
			case "targetGroups" -> names(value, catalog.targetGroups().stream()
				.collect(Collectors.toMap(TargetGroup::key, g -> en ? g.nameEn() : g.nameDe())));
			case "locationIds" -> join(value, id -> catalog.location((Long) id)
				.map(l -> l.city() == null ? l.name() : l.name() + " (" + l.city() + ")").orElse("#" + id));
			case "serviceAreaIds" -> join(value, id -> areas.area(new AreaId((Long) id)).map(a -> a.area().name())
				.orElse("#" + id));
			case "phones" -> join(value, p -> {
				Offer.Phone phone = (Offer.Phone) p;
				return phone.description() == null ? phone.number() : phone.number() + " (" + phone.description() + ")";
			});
			case "schedules" -> join(value, s -> {
				Offer.Schedule schedule = (Offer.Schedule) s;
				String day = schedule.weekday() == null ? "?"
						: java.time.DayOfWeek.of(schedule.weekday()).getDisplayName(TextStyle.SHORT, locale);
				return day + " " + schedule.opensAt() + "–" + schedule.closesAt();
			});
			default -> plain(value, locale);
		};
	}

	private String plain(Object value, Locale locale) {
		if (value instanceof Boolean b) {
			return messages.getMessage(b ? "review.yes" : "review.no", null, locale);
		}
		if (value instanceof Enum<?> e) {
			return messages.getMessage("review.value." + e.name(), null, e.name(), locale);
		}
		if (value instanceof LocalDate d) {
			return d.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale));
		}
		if (value instanceof Collection<?> list) {
			return join(list, String::valueOf);
		}
		return String.valueOf(value);
	}

	private static String names(Object keys, Map<String, String> names) {
		return join(keys, k -> names.getOrDefault(k, String.valueOf(k)));
	}

	private static String join(Object list, Function<Object, String> show) {
		return ((Collection<?>) list).stream().map(show).collect(Collectors.joining(", "));
	}
}
