package org.spange.offer.web;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.spange.area.AreaDetail;
import org.spange.area.AreaId;
import org.spange.area.AreaQueries;
import org.spange.offer.Location;
import org.spange.offer.Offer;
import org.spange.offer.OfferCatalog;
import org.spange.offer.OfferPage;
import org.spange.offer.Organization;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The public offer inventory as Open Referral HSDS 3.0 (read-only): only active offers, confidential locations
 * without point and address. Spange's numeric ids become stable UUIDs ({@code 00000002-0000-4000-8000-<id in hex>} for
 * a service, {@code 00000001-…} for an organisation, {@code 00000003-…} for a location); parts without an own id
 * (phones, schedules, …) get name-based UUIDs.
 */
@RestController
@RequestMapping("/hsds")
@Tag(name = "HSDS", description = "Open Referral HSDS 3.0 read API of the public offer inventory")
class HsdsController {

	private static final int ORGANIZATION = 1;
	private static final int SERVICE = 2;
	private static final int LOCATION = 3;
	private static final Pattern SERVICE_ID = Pattern.compile("00000002-0000-4000-8000-([0-9a-f]{12})");
	private static final String[] WEEKDAYS = { "MO", "TU", "WE", "TH", "FR", "SA", "SU" };

	private final OfferCatalog catalog;
	private final AreaQueries areas;

	HsdsController(OfferCatalog catalog, AreaQueries areas) {
		this.catalog = catalog;
		this.areas = areas;
	}

	static String uuid(int type, long id) {
		return String.format("%08x-0000-4000-8000-%012x", type, id);
	}

	private static String childId(String kind, long parent, int index) {
		return UUID.nameUUIDFromBytes(("spange:" + kind + ":" + parent + ":" + index).getBytes(StandardCharsets.UTF_8))
			.toString();
	}

	@GetMapping("/services")
	@Operation(summary = "HSDS services (active offers), a page at a time; page counts from 1")
	Map<String, Object> services(@RequestParam(defaultValue = "1") int page,
			@RequestParam(name = "per_page", defaultValue = "50") int perPage) {
		OfferPage<Offer> offers = catalog.offers(true, Math.max(1, page) - 1, perPage);
		return page(offers, offers.items().stream().map(this::service).toList());
	}

	@GetMapping("/services/{id}")
	@Operation(summary = "One HSDS service with phones, schedules, service areas, locations and languages")
	Map<String, Object> service(@PathVariable String id) {
		Matcher m = SERVICE_ID.matcher(id);
		Offer offer = m.matches() ? catalog.offer(Long.parseLong(m.group(1), 16)).filter(Offer::active).orElse(null)
				: null;
		if (offer == null) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No service " + id);
		}
		return service(offer);
	}

	@GetMapping("/organizations")
	@Operation(summary = "HSDS organizations, a page at a time; page counts from 1")
	Map<String, Object> organizations(@RequestParam(defaultValue = "1") int page,
			@RequestParam(name = "per_page", defaultValue = "50") int perPage) {
		OfferPage<Organization> orgs = catalog.organizations(Math.max(1, page) - 1, perPage);
		return page(orgs, orgs.items().stream().map(HsdsController::organization).toList());
	}

	private static Map<String, Object> page(OfferPage<?> page, List<Map<String, Object>> contents) {
		long pages = (page.total() + page.size() - 1) / page.size();
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("total_items", page.total());
		out.put("total_pages", pages);
		out.put("page_number", page.page() + 1);
		out.put("size", contents.size());
		out.put("first_page", page.page() == 0);
		out.put("last_page", page.page() + 1 >= pages);
		out.put("empty", contents.isEmpty());
		out.put("contents", contents);
		return out;
	}

	private static Map<String, Object> organization(Organization o) {
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("id", uuid(ORGANIZATION, o.id()));
		out.put("name", o.name());
		out.put("description", o.description() == null ? "" : o.description());
		put(out, "email", o.email());
		put(out, "website", o.website());
		return out;
	}

	private Map<String, Object> service(Offer o) {
		String id = uuid(SERVICE, o.id());
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("id", id);
		out.put("organization_id", uuid(ORGANIZATION, o.organizationId()));
		out.put("name", o.name());
		put(out, "description", o.description());
		put(out, "url", o.url());
		put(out, "email", o.email());
		out.put("status", o.active() ? "active" : "inactive");
		put(out, "application_process", o.applicationProcess());
		put(out, "fees_description",
				Boolean.FALSE.equals(o.freeOfCharge()) ? o.costText() : "kostenlos (free of charge)");
		put(out, "wait_time", o.waitingTime());
		String eligibility = join(o.targetGroup(), o.lifeSituations());
		put(out, "eligibility_description", eligibility);
		put(out, "minimum_age", o.minAge());
		put(out, "maximum_age", o.maxAge());
		put(out, "assured_date", o.lastConfirmed() == null ? null : o.lastConfirmed().format(DateTimeFormatter.ISO_DATE));
		List<Map<String, Object>> phones = new ArrayList<>();
		for (int i = 0; i < o.phones().size(); i++) {
			Map<String, Object> p = new LinkedHashMap<>();
			p.put("id", childId("phone", o.id(), i));
			p.put("service_id", id);
			p.put("number", o.phones().get(i).number());
			put(p, "description", o.phones().get(i).description());
			phones.add(p);
		}
		out.put("phones", phones);
		List<Map<String, Object>> schedules = new ArrayList<>();
		for (int i = 0; i < o.schedules().size(); i++) {
			Offer.Schedule s = o.schedules().get(i);
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("id", childId("schedule", o.id(), i));
			m.put("service_id", id);
			m.put("freq", "WEEKLY");
			m.put("wkst", "MO");
			m.put("byday", WEEKDAYS[s.weekday() - 1]);
			m.put("opens_at", s.opensAt().format(DateTimeFormatter.ISO_LOCAL_TIME));
			m.put("closes_at", s.closesAt().format(DateTimeFormatter.ISO_LOCAL_TIME));
			schedules.add(m);
		}
		out.put("schedules", schedules);
		List<Map<String, Object>> serviceAreas = new ArrayList<>();
		for (int i = 0; i < o.serviceAreaIds().size(); i++) {
			long areaId = o.serviceAreaIds().get(i);
			Map<String, Object> a = new LinkedHashMap<>();
			a.put("id", childId("service_area", o.id(), i));
			a.put("service_id", id);
			put(a, "name", areas.area(new AreaId(areaId)).map(AreaDetail::area).map(s -> s.name()).orElse(null));
			a.put("description", "Spange area " + areaId);
			serviceAreas.add(a);
		}
		out.put("service_areas", serviceAreas);
		List<Map<String, Object>> atLocations = new ArrayList<>();
		for (long locationId : o.locationIds()) {
			catalog.location(locationId).ifPresent(l -> {
				Map<String, Object> sal = new LinkedHashMap<>();
				sal.put("id", childId("service_at_location", o.id(), (int) locationId));
				sal.put("service_id", id);
				sal.put("location_id", uuid(LOCATION, locationId));
				sal.put("location", location(l.confidentialOrFalse() ? l.withoutPoint() : l));
				atLocations.add(sal);
			});
		}
		out.put("service_at_locations", atLocations);
		List<Map<String, Object>> languages = new ArrayList<>();
		for (int i = 0; i < o.languages().size(); i++) {
			Map<String, Object> l = new LinkedHashMap<>();
			l.put("id", childId("language", o.id(), i));
			l.put("service_id", id);
			l.put("code", o.languages().get(i));
			languages.add(l);
		}
		out.put("languages", languages);
		catalog.organization(o.organizationId()).ifPresent(org -> out.put("organization", organization(org)));
		return out;
	}

	private static Map<String, Object> location(Location l) {
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("id", uuid(LOCATION, l.id()));
		out.put("location_type", "physical");
		out.put("organization_id", uuid(ORGANIZATION, l.organizationId()));
		out.put("name", l.name());
		put(out, "latitude", l.latitude());
		put(out, "longitude", l.longitude());
		if (l.address1() != null && l.city() != null && l.postalCode() != null) {
			Map<String, Object> a = new LinkedHashMap<>();
			a.put("id", childId("address", l.id(), 0));
			a.put("location_id", uuid(LOCATION, l.id()));
			a.put("address_1", l.address1());
			a.put("city", l.city());
			a.put("state_province", "");
			a.put("postal_code", l.postalCode());
			a.put("country", l.country());
			a.put("address_type", "physical");
			out.put("addresses", List.of(a));
		}
		return out;
	}

	private static String join(String a, String b) {
		if (a == null) {
			return b;
		}
		return b == null ? a : a + "; " + b;
	}

	private static void put(Map<String, Object> map, String key, Object value) {
		if (value != null) {
			map.put(key, value);
		}
	}
}
