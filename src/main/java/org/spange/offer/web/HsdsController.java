package org.spange.offer.web;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.spange.area.AreaQueries;
import org.spange.offer.Location;
import org.spange.offer.Offer;
import org.spange.offer.OfferCatalog;
import org.spange.offer.OfferPage;
import org.spange.offer.OfferQuery;
import org.spange.offer.OfferSearch;
import org.spange.offer.Organization;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The public offer inventory as Open Referral HSDS 3.0 (read-only, the paths and parameters of the HSDS openapi.json):
 * only active offers, confidential locations without point and address. Ids are described in {@link HsdsIds}, the
 * classification in {@link HsdsTaxonomies}, the objects in {@link HsdsMapper}. Pages count from 1; a bad parameter
 * gives 400 with the parameter and what is wrong with it, an unknown id 404.
 */
@RestController
@RequestMapping("/hsds")
@Tag(name = "HSDS", description = "Open Referral HSDS 3.0 read API of the public offer inventory")
class HsdsController {

	static final String OPENAPI_URL = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/"
			+ "openapi.json";
	static final String PROFILE = "https://docs.openreferral.org/en/3.0/";
	private static final int MAX_PER_PAGE = 500;

	private final OfferCatalog catalog;
	private final OfferSearch search;
	private final AreaQueries areas;

	HsdsController(OfferCatalog catalog, OfferSearch search, AreaQueries areas) {
		this.catalog = catalog;
		this.search = search;
		this.areas = areas;
	}

	private HsdsMapper mapper(HsdsTaxonomies taxonomies) {
		return new HsdsMapper(catalog, areas, taxonomies);
	}

	@GetMapping({ "", "/" })
	@Operation(summary = "This API and its relation to HSDS")
	Map<String, Object> root() {
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("version", "3.0");
		out.put("profile", PROFILE);
		out.put("openapi_url", OPENAPI_URL);
		return out;
	}

	// services

	@GetMapping("/services")
	@Operation(summary = "HSDS services (active offers), a page at a time; search is German full text with typos")
	Map<String, Object> services(@RequestParam(required = false) String search,
			@RequestParam(defaultValue = "1") int page,
			@RequestParam(name = "per_page", defaultValue = "50") int perPage,
			@RequestParam(required = false) String format,
			@RequestParam(name = "taxonomy_term_id", required = false) String taxonomyTermId,
			@RequestParam(name = "taxonomy_id", required = false) String taxonomyId,
			@RequestParam(name = "organization_id", required = false) String organizationId,
			@RequestParam(name = "modified_after", required = false) String modifiedAfter,
			@RequestParam(defaultValue = "false") boolean minimal, @RequestParam(defaultValue = "false") boolean full,
			@RequestParam(name = "full_service", defaultValue = "false") boolean fullService) {
		Paging paging = paging(page, perPage, format);
		HsdsTaxonomies taxonomies = HsdsTaxonomies.of(catalog);
		Filter filter = filter(search, taxonomyTermId, taxonomyId, organizationId, modifiedAfter, taxonomies);
		OfferPage<Offer> offers = offers(filter, taxonomies, paging);
		HsdsMapper mapper = mapper(taxonomies);
		Function<Offer, Map<String, Object>> map = minimal ? mapper::minimalService
				: full || fullService ? mapper::service : mapper::serviceItem;
		return page(offers.total(), paging, offers.items().stream().map(map).toList());
	}

	@GetMapping("/services/{id}")
	@Operation(summary = "One fully nested HSDS service with its classification (attributes) and change log (metadata)")
	Map<String, Object> service(@PathVariable String id) {
		HsdsTaxonomies taxonomies = HsdsTaxonomies.of(catalog);
		return mapper(taxonomies).service(activeOffer(id));
	}

	private Offer activeOffer(String id) {
		return HsdsIds.numeric(HsdsIds.SERVICE, id).flatMap(catalog::offer).filter(Offer::active)
			.orElseThrow(() -> new NotFound("No service " + id));
	}

	// services at locations

	@GetMapping("/service_at_locations")
	@Operation(summary = "HSDS services at locations (active offers at each of their locations), a page at a time")
	Map<String, Object> servicesAtLocations(@RequestParam(required = false) String search,
			@RequestParam(defaultValue = "1") int page,
			@RequestParam(name = "per_page", defaultValue = "50") int perPage,
			@RequestParam(required = false) String format,
			@RequestParam(name = "taxonomy_term_id", required = false) String taxonomyTermId,
			@RequestParam(name = "taxonomy_id", required = false) String taxonomyId,
			@RequestParam(name = "organization_id", required = false) String organizationId,
			@RequestParam(name = "modified_after", required = false) String modifiedAfter,
			@RequestParam(defaultValue = "false") boolean full, @RequestParam(required = false) String postcode,
			@RequestParam(required = false) String proximity) {
		Paging paging = paging(page, perPage, format);
		if (postcode != null || proximity != null) {
			throw new BadParameter(postcode != null ? "postcode" : "proximity",
					"is not supported by this API; filter by organization_id, taxonomy_term_id or search instead");
		}
		HsdsTaxonomies taxonomies = HsdsTaxonomies.of(catalog);
		Filter filter = filter(search, taxonomyTermId, taxonomyId, organizationId, modifiedAfter, taxonomies);
		List<OfferSearch.OfferMarker> pairs = new ArrayList<>();
		if (!filter.none()) {
			pairs.addAll(this.search.markers(filter.query(), false));
			if (filter.taxonomy() != null) {
				Set<Long> classified = allOffers(filter.query()).stream()
					.filter(o -> taxonomies.classifies(filter.taxonomy(), o)).map(Offer::id)
					.collect(Collectors.toSet());
				pairs.removeIf(m -> !classified.contains(m.offerId()));
			}
		}
		HsdsMapper mapper = mapper(taxonomies);
		List<Map<String, Object>> contents = new ArrayList<>();
		List<OfferSearch.OfferMarker> onPage = slice(pairs, paging);
		Map<Long, Offer> offers = catalog.offers(onPage.stream().map(OfferSearch.OfferMarker::offerId).distinct()
			.toList()).stream().collect(Collectors.toMap(Offer::id, o -> o));
		for (OfferSearch.OfferMarker m : onPage) {
			Offer offer = offers.get(m.offerId());
			Optional<Location> location = mapper.location(m.locationId());
			if (offer != null && location.isPresent()) {
				contents.add(mapper.serviceAtLocation(offer, location.get(), full));
			}
		}
		return page(pairs.size(), paging, contents);
	}

	@GetMapping("/service_at_locations/{id}")
	@Operation(summary = "One fully nested HSDS service at a location")
	Map<String, Object> serviceAtLocation(@PathVariable String id) {
		long[] ids = HsdsIds.serviceAtLocation(id).orElseThrow(() -> new NotFound("No service_at_location " + id));
		Offer offer = catalog.offer(ids[0]).filter(Offer::active).filter(o -> o.locationIds().contains(ids[1]))
			.orElseThrow(() -> new NotFound("No service_at_location " + id));
		HsdsMapper mapper = mapper(HsdsTaxonomies.of(catalog));
		Location location = mapper.location(ids[1]).orElseThrow(() -> new NotFound("No service_at_location " + id));
		return mapper.serviceAtLocation(offer, location, true);
	}

	// organisations

	@GetMapping("/organizations")
	@Operation(summary = "HSDS organizations, a page at a time; full (or full_service) nests locations and services")
	Map<String, Object> organizations(@RequestParam(required = false) String search,
			@RequestParam(name = "full_service", defaultValue = "false") boolean fullService,
			@RequestParam(defaultValue = "false") boolean full, @RequestParam(defaultValue = "1") int page,
			@RequestParam(name = "per_page", defaultValue = "50") int perPage,
			@RequestParam(required = false) String format) {
		Paging paging = paging(page, perPage, format);
		List<Organization> items;
		long total;
		if (search == null || search.isBlank()) {
			OfferPage<Organization> orgs = catalog.organizations(paging.index(), paging.size());
			items = orgs.items();
			total = orgs.total();
		} else {
			// the inventory has tens to hundreds of organisations: a plain look at name, description and umbrella
			String text = search.strip().toLowerCase(Locale.GERMAN);
			List<Organization> found = all(catalog::organizations).stream()
				.filter(o -> contains(text, o.name(), o.description(), o.umbrellaAssociation())).toList();
			items = slice(found, paging);
			total = found.size();
		}
		if (!full && !fullService) {
			return page(total, paging, items.stream().map(HsdsMapper::organizationItem).toList());
		}
		HsdsMapper mapper = mapper(HsdsTaxonomies.of(catalog));
		Map<Long, List<Location>> locations = locationsByOrganization();
		return page(total, paging, items.stream().map(o -> mapper.organization(o,
				locations.getOrDefault(o.id(), List.of()), servicesOf(o), fullService)).toList());
	}

	@GetMapping("/organizations/{id}")
	@Operation(summary = "One HSDS organization with its locations and active services (full_service: fully nested)")
	Map<String, Object> organization(@PathVariable String id,
			@RequestParam(name = "full_service", defaultValue = "false") boolean fullService) {
		Organization org = HsdsIds.numeric(HsdsIds.ORGANIZATION, id).flatMap(catalog::organization)
			.orElseThrow(() -> new NotFound("No organization " + id));
		List<Location> own = locationsByOrganization().getOrDefault(org.id(), List.of());
		return mapper(HsdsTaxonomies.of(catalog)).organization(org, own, servicesOf(org), fullService);
	}

	private List<Offer> servicesOf(Organization org) {
		return allOffers(new OfferQuery(null, null, null, null, null, null, null, null, null, null, null, null,
				org.id(), false, null));
	}

	private Map<Long, List<Location>> locationsByOrganization() {
		Map<Long, List<Location>> out = new HashMap<>();
		for (Location l : all(catalog::locations)) {
			out.computeIfAbsent(l.organizationId(), k -> new ArrayList<>()).add(l);
		}
		return out;
	}

	// taxonomies

	@GetMapping("/taxonomies")
	@Operation(summary = "The HSDS taxonomies of Spange's classification: fields of action, target groups, setting,"
			+ " approach, form")
	Map<String, Object> taxonomies(@RequestParam(required = false) String search,
			@RequestParam(defaultValue = "1") int page,
			@RequestParam(name = "per_page", defaultValue = "50") int perPage,
			@RequestParam(required = false) String format) {
		Paging paging = paging(page, perPage, format);
		String text = search == null ? "" : search.strip().toLowerCase(Locale.GERMAN);
		List<HsdsTaxonomies.Taxonomy> found = HsdsTaxonomies.of(catalog).taxonomies().stream()
			.filter(t -> contains(text, t.key(), t.name(), t.description())).toList();
		return page(found.size(), paging, slice(found, paging).stream().map(HsdsTaxonomies::json).toList());
	}

	@GetMapping("/taxonomies/{id}")
	@Operation(summary = "One HSDS taxonomy")
	Map<String, Object> taxonomy(@PathVariable String id) {
		return HsdsTaxonomies.json(
				HsdsTaxonomies.of(catalog).taxonomy(id).orElseThrow(() -> new NotFound("No taxonomy " + id)));
	}

	@GetMapping("/taxonomy_terms")
	@Operation(summary = "The HSDS taxonomy terms, a page at a time; all terms are top-level (the taxonomies are flat)")
	Map<String, Object> taxonomyTerms(@RequestParam(required = false) String search,
			@RequestParam(defaultValue = "1") int page,
			@RequestParam(name = "per_page", defaultValue = "50") int perPage,
			@RequestParam(required = false) String format,
			@RequestParam(name = "taxonomy_id", required = false) String taxonomyId,
			@RequestParam(name = "top_only", defaultValue = "false") boolean topOnly,
			@RequestParam(name = "parent_id", required = false) String parentId) {
		Paging paging = paging(page, perPage, format);
		HsdsTaxonomies taxonomies = HsdsTaxonomies.of(catalog);
		String text = search == null ? "" : search.strip().toLowerCase(Locale.GERMAN);
		uuid("taxonomy_id", taxonomyId);
		uuid("parent_id", parentId);
		List<HsdsTaxonomies.Term> found = taxonomies.terms().stream()
			.filter(t -> taxonomyId == null || t.taxonomy().id().equals(taxonomyId.toLowerCase(Locale.ROOT)))
			// no term has a parent
			.filter(t -> parentId == null)
			.filter(t -> contains(text, t.code(), t.name(), t.english())).toList();
		return page(found.size(), paging, slice(found, paging).stream().map(HsdsTaxonomies::json).toList());
	}

	@GetMapping("/taxonomy_terms/{id}")
	@Operation(summary = "One HSDS taxonomy term")
	Map<String, Object> taxonomyTerm(@PathVariable String id) {
		return HsdsTaxonomies
			.json(HsdsTaxonomies.of(catalog).term(id).orElseThrow(() -> new NotFound("No taxonomy term " + id)));
	}

	// filters

	/**
	 * What a list asks for: the offer query, a taxonomy every offer must have a term of (checked here: the search has
	 * no such filter), or {@code none} when an id is well-formed but names nothing of Spange's.
	 */
	private record Filter(OfferQuery query, HsdsTaxonomies.Taxonomy taxonomy, boolean none) {
	}

	private static Filter filter(String search, String termId, String taxonomyId, String organizationId,
			String modifiedAfter, HsdsTaxonomies taxonomies) {
		uuid("taxonomy_term_id", termId);
		uuid("taxonomy_id", taxonomyId);
		uuid("organization_id", organizationId);
		Instant after = modifiedAfter == null || modifiedAfter.isBlank() ? null : instant(modifiedAfter);
		boolean none = false;
		Long organization = null;
		if (organizationId != null) {
			Optional<Long> id = HsdsIds.numeric(HsdsIds.ORGANIZATION, organizationId.toLowerCase(Locale.ROOT));
			none = id.isEmpty();
			organization = id.orElse(null);
		}
		OfferQuery query = new OfferQuery(search == null || search.isBlank() ? null : search.strip(), null, null, null,
				null, null, null, null, null, null, null, after, organization,
				false, null);
		HsdsTaxonomies.Taxonomy taxonomy = null;
		if (taxonomyId != null) {
			taxonomy = taxonomies.taxonomy(taxonomyId.toLowerCase(Locale.ROOT)).orElse(null);
			none |= taxonomy == null;
		}
		if (termId != null) {
			Optional<HsdsTaxonomies.Term> term = taxonomies.term(termId.toLowerCase(Locale.ROOT));
			if (term.isEmpty() || taxonomy != null && !term.get().taxonomy().equals(taxonomy)) {
				none = true;
			} else {
				query = HsdsTaxonomies.narrow(query, term.get());
				taxonomy = null; // implied by the term
			}
		}
		return new Filter(query, taxonomy, none);
	}

	private OfferPage<Offer> offers(Filter filter, HsdsTaxonomies taxonomies, Paging paging) {
		if (filter.none()) {
			return new OfferPage<>(List.of(), paging.index(), paging.size(), 0);
		}
		if (filter.taxonomy() == null) {
			return search.search(filter.query(), paging.index(), paging.size());
		}
		List<Offer> found = allOffers(filter.query()).stream()
			.filter(o -> taxonomies.classifies(filter.taxonomy(), o)).toList();
		return new OfferPage<>(slice(found, paging), paging.index(), paging.size(), found.size());
	}

	/** Every offer the query finds, best first. */
	private List<Offer> allOffers(OfferQuery query) {
		return all((page, size) -> search.search(query, page, size));
	}

	private interface PageSource<T> {
		OfferPage<T> page(int page, int size);
	}

	private static <T> List<T> all(PageSource<T> source) {
		List<T> out = new ArrayList<>();
		for (int page = 0;; page++) {
			OfferPage<T> p = source.page(page, MAX_PER_PAGE);
			out.addAll(p.items());
			if (p.items().isEmpty() || out.size() >= p.total()) {
				return out;
			}
		}
	}

	private static boolean contains(String text, String... values) {
		if (text.isEmpty()) {
			return true;
		}
		for (String v : values) {
			if (v != null && v.toLowerCase(Locale.GERMAN).contains(text)) {
				return true;
			}
		}
		return false;
	}

	private static void uuid(String parameter, String value) {
		if (value != null && !HsdsIds.isUuid(value)) {
			throw new BadParameter(parameter, "is not a UUID: '" + shorten(value) + "'");
		}
	}

	/**
	 * An ISO 8601 date-time; without an offset it is UTC, a date alone is its start. An offset's "+" that was not
	 * URL-encoded arrives as a space and is read as "+".
	 */
	static Instant instant(String value) {
		String v = value.strip();
		if (v.contains("T")) {
			v = v.replaceFirst(" (\\d{2}(:?\\d{2})?)$", "+$1");
		}
		try {
			return OffsetDateTime.parse(v).toInstant();
		} catch (DateTimeException e) {
			// try the next form
		}
		try {
			return LocalDateTime.parse(v).toInstant(ZoneOffset.UTC);
		} catch (DateTimeException e) {
			// try the next form
		}
		try {
			return LocalDate.parse(v).atStartOfDay().toInstant(ZoneOffset.UTC);
		} catch (DateTimeException e) {
			throw new BadParameter("modified_after", "is not an ISO 8601 date-time: '" + shorten(value)
					+ "' (for example 2024-05-01T00:00:00Z)");
		}
	}

	private static String shorten(String value) {
		return value.length() > 60 ? value.substring(0, 60) + "…" : value;
	}

	// paging

	/** The page asked for: {@code number} counts from 1, {@code index} from 0. */
	private record Paging(int number, int size) {

		int index() {
			return number - 1;
		}
	}

	private static Paging paging(int page, int perPage, String format) {
		if (format != null && !format.equalsIgnoreCase("json")) {
			throw new BadParameter("format", "'" + shorten(format) + "' is not supported: only json");
		}
		if (page < 1) {
			throw new BadParameter("page", "counts from 1");
		}
		if (perPage < 1) {
			throw new BadParameter("per_page", "must be at least 1");
		}
		return new Paging(page, Math.min(perPage, MAX_PER_PAGE));
	}

	private static <T> List<T> slice(List<T> all, Paging paging) {
		long from = (long) paging.index() * paging.size();
		if (from >= all.size()) {
			return List.of();
		}
		return all.subList((int) from, (int) Math.min(all.size(), from + paging.size()));
	}

	/** The HSDS page envelope (openapi.json, components/schemas/Page) around the contents. */
	private static Map<String, Object> page(long total, Paging paging, List<Map<String, Object>> contents) {
		long pages = (total + paging.size() - 1) / paging.size();
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("total_items", total);
		out.put("total_pages", pages);
		out.put("page_number", paging.number());
		out.put("size", contents.size());
		out.put("first_page", paging.number() == 1);
		out.put("last_page", paging.number() >= pages);
		out.put("empty", contents.isEmpty());
		out.put("contents", contents);
		return out;
	}

	// errors

	/** A query parameter that cannot be used: 400 naming it. */
	static final class BadParameter extends RuntimeException {

		private static final long serialVersionUID = 1L;
		final String parameter;

		BadParameter(String parameter, String problem) {
			super(parameter + " " + problem);
			this.parameter = parameter;
		}
	}

	static final class NotFound extends RuntimeException {

		private static final long serialVersionUID = 1L;

		NotFound(String message) {
			super(message);
		}
	}

	@ExceptionHandler(BadParameter.class)
	ResponseEntity<Map<String, Object>> badParameter(BadParameter e) {
		return problem(HttpStatus.BAD_REQUEST, e.parameter, e.getMessage());
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<Map<String, Object>> badParameter(MethodArgumentTypeMismatchException e) {
		String expected = e.getRequiredType() == null ? "value" : e.getRequiredType().getSimpleName().toLowerCase();
		String value = e.getValue() == null ? "" : shorten(String.valueOf(e.getValue()));
		return problem(HttpStatus.BAD_REQUEST, e.getName(),
				e.getName() + " is not a " + (expected.equals("int") ? "whole number" : expected) + ": '" + value
						+ "'");
	}

	@ExceptionHandler(NotFound.class)
	ResponseEntity<Map<String, Object>> notFound(NotFound e) {
		return problem(HttpStatus.NOT_FOUND, null, e.getMessage());
	}

	private static ResponseEntity<Map<String, Object>> problem(HttpStatus status, String parameter, String message) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("status", status.value());
		body.put("error", status.getReasonPhrase());
		if (parameter != null) {
			body.put("parameter", parameter);
		}
		body.put("message", message);
		return ResponseEntity.status(status).body(body);
	}
}
