package org.spange.offer.web;

import java.net.URI;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;

import org.spange.access.Role;
import org.spange.offer.ChangeLogEntry;
import org.spange.offer.FieldOfAction;
import org.spange.offer.InvalidOfferException;
import org.spange.offer.Location;
import org.spange.offer.Offer;
import org.spange.offer.OfferCatalog;
import org.spange.offer.OfferPage;
import org.spange.offer.OfferReview;
import org.spange.offer.Organization;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The offer inventory over HTTP. Planners and admins maintain everything; a provider user maintains the offers of
 * the organisations it belongs to, and their locations; everybody else reads. Where the region asks for it, a
 * provider's offer change is held for a planner's review (202 Accepted with the pending change). The public sees only
 * active offers and never the point or street of a confidential location, only its Gemeinde. Role checks per path are
 * in the security configuration; the organisation scope of providers is checked here.
 */
@RestController
@RequestMapping("/api/v1/offers")
@Tag(name = "Offers", description = "Offer inventory (Angebotslandkarte): organisations, offers, locations")
class OfferApiController {

	private final OfferCatalog catalog;
	private final OfferReview review;

	OfferApiController(OfferCatalog catalog, OfferReview review) {
		this.catalog = catalog;
		this.review = review;
	}

	private static boolean seesAll(HttpServletRequest request) {
		return request.isUserInRole(Role.PLANNER.name()) || request.isUserInRole(Role.ADMIN.name());
	}

	/** The organisations the caller maintains; empty for anonymous callers and non-providers. */
	private Set<Long> memberOf(HttpServletRequest request) {
		if (request.getUserPrincipal() == null || !request.isUserInRole(Role.PROVIDER.name())) {
			return Set.of();
		}
		return catalog.organizationsOf(request.getUserPrincipal().getName());
	}

	@GetMapping("/fields-of-action")
	@Operation(summary = "The fields of action (Handlungsfelder) offers are classified by")
	List<FieldOfAction> fieldsOfAction() {
		return catalog.fieldsOfAction();
	}

	// offers

	@GetMapping
	@Operation(summary = "Offers by name, a page at a time (planners and admins also see inactive offers)")
	OfferPage<Offer> offers(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size,
			HttpServletRequest request) {
		return catalog.offers(!seesAll(request), page, size);
	}

	@GetMapping("/{id:\\d+}")
	@Operation(summary = "One offer; an inactive one only for planners, admins and its own provider")
	Offer offer(@PathVariable long id, HttpServletRequest request) {
		Offer offer = catalog.offer(id).orElseThrow(() -> notFound("offer", id));
		if (!offer.active() && !seesAll(request) && !memberOf(request).contains(offer.organizationId())) {
			throw notFound("offer", id);
		}
		return offer;
	}

	@PostMapping
	@Operation(summary = "Creates an offer (providers only for their own organisation; 202 with the pending change "
			+ "where the region reviews provider changes); 422 with every problem")
	ResponseEntity<?> createOffer(@RequestBody Offer offer, HttpServletRequest request) {
		mayMaintain(offer.organizationId(), request);
		if (seesAll(request)) {
			return ResponseEntity.status(HttpStatus.CREATED).body(catalog.createOffer(offer));
		}
		return outcome(review.propose(null, offer), HttpStatus.CREATED);
	}

	@PutMapping("/{id:\\d+}")
	@Operation(summary = "Replaces an offer (providers only their own organisation's; 202 with the pending change "
			+ "where the region reviews provider changes); 422 with every problem")
	ResponseEntity<?> updateOffer(@PathVariable long id, @RequestBody Offer offer, HttpServletRequest request) {
		Offer old = catalog.offer(id).orElseThrow(() -> notFound("offer", id));
		mayMaintain(old.organizationId(), request);
		mayMaintain(offer.organizationId(), request);
		if (seesAll(request)) {
			return ResponseEntity.ok(catalog.updateOffer(id, offer));
		}
		return outcome(review.propose(id, offer), HttpStatus.OK);
	}

	/** What a 202 Accepted says: the change waits for a planner; its state is at {@code /pending/{id}}. */
	record Accepted(long pendingChangeId, OfferReview.Status status) {
	}

	private static ResponseEntity<?> outcome(OfferReview.Outcome outcome, HttpStatus applied) {
		if (outcome.pending()) {
			return ResponseEntity.accepted().location(URI.create("/api/v1/offers/pending/" + outcome.pendingChangeId()))
				.body(new Accepted(outcome.pendingChangeId(), OfferReview.Status.PENDING));
		}
		return ResponseEntity.status(applied).body(outcome.applied());
	}

	@GetMapping("/pending/{id:\\d+}")
	@Operation(summary = "A change held for review: proposed offer, state and, if rejected, the reason (planners, "
			+ "admins and the organisation's providers)")
	OfferReview.PendingChange pendingChange(@PathVariable long id, HttpServletRequest request) {
		OfferReview.PendingChange change = review.change(id).orElseThrow(() -> notFound("pending change", id));
		if (!seesAll(request) && !memberOf(request).contains(change.organizationId())) {
			throw notFound("pending change", id);
		}
		return change;
	}

	@PostMapping("/{id:\\d+}/confirmation")
	@Operation(summary = "Confirms that an offer is still current: last confirmed becomes today (providers only "
			+ "their own organisation's)")
	Offer confirm(@PathVariable long id, HttpServletRequest request) {
		Offer offer = catalog.offer(id).orElseThrow(() -> notFound("offer", id));
		mayMaintain(offer.organizationId(), request);
		return catalog.confirm(List.of(id)).get(0);
	}

	@GetMapping("/{id:\\d+}/changes")
	@Operation(summary = "Change log of an offer: who changed which field when, old and new value")
	List<ChangeLogEntry> offerChanges(@PathVariable long id) {
		return catalog.changes("offer", id);
	}

	private void mayMaintain(Long organizationId, HttpServletRequest request) {
		if (!seesAll(request) && (organizationId == null || !memberOf(request).contains(organizationId))) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Not an offer of your organisation");
		}
	}

	// organisations

	@GetMapping("/organizations")
	@Operation(summary = "Organisations (Träger) by name, a page at a time")
	OfferPage<Organization> organizations(@RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		return catalog.organizations(page, size);
	}

	@GetMapping("/organizations/{id:\\d+}")
	@Operation(summary = "One organisation")
	Organization organization(@PathVariable long id) {
		return catalog.organization(id).orElseThrow(() -> notFound("organisation", id));
	}

	@PostMapping("/organizations")
	@Operation(summary = "Creates an organisation (planners and admins); 422 with every problem")
	ResponseEntity<Organization> createOrganization(@RequestBody Organization organization) {
		return ResponseEntity.status(HttpStatus.CREATED).body(catalog.createOrganization(organization));
	}

	@PutMapping("/organizations/{id:\\d+}")
	@Operation(summary = "Replaces an organisation (planners and admins); 422 with every problem")
	Organization updateOrganization(@PathVariable long id, @RequestBody Organization organization) {
		return catalog.updateOrganization(id, organization);
	}

	@GetMapping("/organizations/{id:\\d+}/offers")
	@Operation(summary = "The offers of an organisation; inactive ones only for planners, admins and its providers")
	List<Offer> organizationOffers(@PathVariable long id, HttpServletRequest request) {
		catalog.organization(id).orElseThrow(() -> notFound("organisation", id));
		boolean all = seesAll(request) || memberOf(request).contains(id);
		return catalog.offersOf(id).stream().filter(o -> all || o.active()).toList();
	}

	@GetMapping("/organizations/{id:\\d+}/changes")
	@Operation(summary = "Change log of an organisation")
	List<ChangeLogEntry> organizationChanges(@PathVariable long id) {
		return catalog.changes("organization", id);
	}

	// locations

	@GetMapping("/locations")
	@Operation(summary = "Locations (Standorte) by name; confidential ones without point and street for the public")
	OfferPage<Location> locations(@RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size, HttpServletRequest request) {
		OfferPage<Location> all = catalog.locations(page, size);
		return new OfferPage<>(all.items().stream().map(l -> visible(l, request)).toList(), all.page(), all.size(),
				all.total());
	}

	@GetMapping("/locations/{id:\\d+}")
	@Operation(summary = "One location; a confidential one shows only its Gemeinde to the public")
	Location location(@PathVariable long id, HttpServletRequest request) {
		return visible(catalog.location(id).orElseThrow(() -> notFound("location", id)), request);
	}

	@PostMapping("/locations")
	@Operation(summary = "Creates a location and assigns its Gemeinde (providers only for their own organisation); "
			+ "422 with every problem")
	ResponseEntity<Location> createLocation(@RequestBody Location location, HttpServletRequest request) {
		mayMaintain(location == null ? null : location.organizationId(), request);
		return ResponseEntity.status(HttpStatus.CREATED).body(catalog.createLocation(location));
	}

	@PutMapping("/locations/{id:\\d+}")
	@Operation(summary = "Replaces a location and reassigns its Gemeinde (providers only their own organisation's)")
	Location updateLocation(@PathVariable long id, @RequestBody Location location, HttpServletRequest request) {
		Location old = catalog.location(id).orElseThrow(() -> notFound("location", id));
		mayMaintain(old.organizationId(), request);
		mayMaintain(location == null ? null : location.organizationId(), request);
		return catalog.updateLocation(id, location);
	}

	@GetMapping("/locations/{id:\\d+}/changes")
	@Operation(summary = "Change log of a location")
	List<ChangeLogEntry> locationChanges(@PathVariable long id) {
		return catalog.changes("location", id);
	}

	private Location visible(Location location, HttpServletRequest request) {
		if (location.confidentialOrFalse() && !seesAll(request)
				&& !memberOf(request).contains(location.organizationId())) {
			return location.withoutPoint();
		}
		return location;
	}

	record Problems(List<InvalidOfferException.Problem> problems) {
	}

	@ExceptionHandler(InvalidOfferException.class)
	ResponseEntity<Problems> invalid(InvalidOfferException e) {
		return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(new Problems(e.problems()));
	}

	@ExceptionHandler(NoSuchElementException.class)
	ResponseEntity<String> missing(NoSuchElementException e) {
		return ResponseEntity.status(HttpStatus.NOT_FOUND).body(e.getMessage());
	}

	private static ResponseStatusException notFound(String what, long id) {
		return new ResponseStatusException(HttpStatus.NOT_FOUND, "No " + what + " " + id);
	}
}
