package org.spange.offer.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.spange.area.AreaDetail;
import org.spange.area.AreaId;
import org.spange.area.AreaQueries;
import org.spange.offer.ChangeLogEntry;
import org.spange.offer.Location;
import org.spange.offer.Offer;
import org.spange.offer.OfferCatalog;
import org.spange.offer.Organization;

/**
 * Spange's records as HSDS 3.0 objects, for one request (it remembers the locations and area names it read). The
 * public privacy rule lives here: a confidential location shows its name, town and Gemeinde, never its point or
 * street, and its change log leaves out every field that could give them away.
 */
final class HsdsMapper {

	private static final String[] WEEKDAYS = { "MO", "TU", "WE", "TH", "FR", "SA", "SU" };
	/** What the change log of a confidential location may show. */
	private static final Set<String> CONFIDENTIAL_FIELDS = Set.of("name", "city", "country", "confidential", "areaId",
			"organizationId", "stepFree", "accessibility");

	private final OfferCatalog catalog;
	private final AreaQueries areas;
	private final HsdsTaxonomies taxonomies;
	private final Map<Long, Optional<Location>> locations = new HashMap<>();
	private final Map<Long, Optional<String>> areaNames = new HashMap<>();

	HsdsMapper(OfferCatalog catalog, AreaQueries areas, HsdsTaxonomies taxonomies) {
		this.catalog = catalog;
		this.areas = areas;
		this.taxonomies = taxonomies;
	}

	Optional<Location> location(long id) {
		return locations.computeIfAbsent(id, catalog::location);
	}

	private Optional<String> areaName(Long id) {
		if (id == null) {
			return Optional.empty();
		}
		return areaNames.computeIfAbsent(id,
				k -> areas.area(new AreaId(k)).map(AreaDetail::area).map(a -> a.name()));
	}

	// services

	/** Just id and last change: the {@code minimal} list. */
	Map<String, Object> minimalService(Offer o) {
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("id", HsdsIds.of(HsdsIds.SERVICE, o.id()));
		put(out, "last_modified", lastModified(catalog.changes("offer", o.id())));
		return out;
	}

	/** The one-to-one fields of a service with its organisation: a list item. */
	Map<String, Object> serviceItem(Offer o) {
		Map<String, Object> out = serviceFields(o);
		put(out, "last_modified", lastModified(catalog.changes("offer", o.id())));
		catalog.organization(o.organizationId()).ifPresent(org -> out.put("organization", organizationItem(org)));
		return out;
	}

	private Map<String, Object> serviceFields(Offer o) {
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("id", HsdsIds.of(HsdsIds.SERVICE, o.id()));
		out.put("organization_id", HsdsIds.of(HsdsIds.ORGANIZATION, o.organizationId()));
		out.put("name", o.name());
		put(out, "description", o.description());
		put(out, "url", o.url());
		put(out, "email", o.email());
		out.put("status", o.active() ? "active" : "inactive");
		put(out, "application_process", o.applicationProcess());
		put(out, "fees_description",
				Boolean.FALSE.equals(o.freeOfCharge()) ? o.costText() : "kostenlos (free of charge)");
		put(out, "wait_time", o.waitingTime());
		put(out, "eligibility_description", join(o.targetGroup(), o.lifeSituations()));
		put(out, "minimum_age", o.minAge());
		put(out, "maximum_age", o.maxAge());
		put(out, "assured_date",
				o.lastConfirmed() == null ? null : o.lastConfirmed().format(DateTimeFormatter.ISO_DATE));
		return out;
	}

	/** The fully nested service with its classification as attributes and its change log as metadata. */
	Map<String, Object> service(Offer o) {
		String id = HsdsIds.of(HsdsIds.SERVICE, o.id());
		List<ChangeLogEntry> changes = catalog.changes("offer", o.id());
		Map<String, Object> out = serviceFields(o);
		put(out, "last_modified", lastModified(changes));
		List<Map<String, Object>> phones = new ArrayList<>();
		for (int i = 0; i < o.phones().size(); i++) {
			Map<String, Object> p = new LinkedHashMap<>();
			p.put("id", HsdsIds.named("phone", o.id(), i));
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
			m.put("id", HsdsIds.named("schedule", o.id(), i));
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
			a.put("id", HsdsIds.named("service_area", o.id(), i));
			a.put("service_id", id);
			put(a, "name", areaName(areaId).orElse(null));
			a.put("description", "Spange area " + areaId);
			serviceAreas.add(a);
		}
		out.put("service_areas", serviceAreas);
		List<Map<String, Object>> atLocations = new ArrayList<>();
		for (long locationId : o.locationIds()) {
			location(locationId).ifPresent(l -> {
				Map<String, Object> sal = new LinkedHashMap<>();
				sal.put("id", HsdsIds.serviceAtLocation(o.id(), locationId));
				sal.put("service_id", id);
				sal.put("location_id", HsdsIds.of(HsdsIds.LOCATION, locationId));
				sal.put("location", location(l, true));
				atLocations.add(sal);
			});
		}
		out.put("service_at_locations", atLocations);
		List<Map<String, Object>> languages = new ArrayList<>();
		for (int i = 0; i < o.languages().size(); i++) {
			Map<String, Object> l = new LinkedHashMap<>();
			l.put("id", HsdsIds.named("language", o.id(), i));
			l.put("service_id", id);
			l.put("code", o.languages().get(i));
			languages.add(l);
		}
		out.put("languages", languages);
		catalog.organization(o.organizationId()).ifPresent(org -> out.put("organization", organizationItem(org)));
		List<Map<String, Object>> attributes = new ArrayList<>();
		for (HsdsTaxonomies.Term term : taxonomies.of(o)) {
			Map<String, Object> a = new LinkedHashMap<>();
			a.put("id", HsdsIds.named("attribute", "service", o.id(), term.id()));
			a.put("link_id", id);
			a.put("taxonomy_term_id", term.id());
			a.put("link_type", term.taxonomy().key());
			a.put("link_entity", "service");
			a.put("taxonomy_term", HsdsTaxonomies.json(term));
			attributes.add(a);
		}
		out.put("attributes", attributes);
		out.put("metadata", metadata(changes, "service", id, null));
		return out;
	}

	// organisations

	static Map<String, Object> organizationItem(Organization o) {
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("id", HsdsIds.of(HsdsIds.ORGANIZATION, o.id()));
		out.put("name", o.name());
		out.put("description", o.description() == null ? "" : o.description());
		put(out, "email", o.email());
		put(out, "website", o.website());
		return out;
	}

	/** The nested organisation: its locations, its active services (fully nested or list items) and its change log. */
	Map<String, Object> organization(Organization o, List<Location> ownLocations, List<Offer> services,
			boolean fullServices) {
		String id = HsdsIds.of(HsdsIds.ORGANIZATION, o.id());
		Map<String, Object> out = organizationItem(o);
		out.put("locations", ownLocations.stream().map(l -> location(l, true)).toList());
		out.put("services", services.stream().map(s -> fullServices ? service(s) : serviceItem(s)).toList());
		out.put("metadata", metadata(catalog.changes("organization", o.id()), "organization", id, null));
		return out;
	}

	// locations

	/**
	 * A location as the public may see it; {@code full} adds its address and change log. A confidential one keeps
	 * its name, town and Gemeinde only.
	 */
	Map<String, Object> location(Location l, boolean full) {
		boolean secret = l.confidentialOrFalse();
		String id = HsdsIds.of(HsdsIds.LOCATION, l.id());
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("id", id);
		out.put("location_type", "physical");
		out.put("organization_id", HsdsIds.of(HsdsIds.ORGANIZATION, l.organizationId()));
		out.put("name", l.name());
		String gemeinde = areaName(l.areaId()).map(n -> "Gemeinde " + n).orElse(null);
		if (full && (l.stepFree() != null || l.accessibility() != null)) {
			// HSDS accessibility: step-free access as its description, the details as given
			Map<String, Object> a = new LinkedHashMap<>();
			a.put("id", HsdsIds.named("accessibility", l.id(), 0));
			a.put("location_id", id);
			put(a, "description", l.stepFree() == null ? null
					: l.stepFree() ? "stufenlos erreichbar (step-free access)" : "nicht stufenlos erreichbar (not step-free)");
			put(a, "details", l.accessibility());
			out.put("accessibility", List.of(a));
		}
		if (secret) {
			out.put("description", join(join(l.city(), gemeinde),
					"vertraulicher Standort: Adresse und Lage werden nicht veröffentlicht (confidential location)"));
			if (full) {
				out.put("metadata", metadata(catalog.changes("location", l.id()), "location", id,
						CONFIDENTIAL_FIELDS));
			}
			return out;
		}
		put(out, "description", gemeinde);
		put(out, "latitude", l.latitude());
		put(out, "longitude", l.longitude());
		if (full) {
			if (l.address1() != null && l.city() != null && l.postalCode() != null) {
				Map<String, Object> a = new LinkedHashMap<>();
				a.put("id", HsdsIds.named("address", l.id(), 0));
				a.put("location_id", id);
				a.put("address_1", l.address1());
				a.put("city", l.city());
				a.put("state_province", "");
				a.put("postal_code", l.postalCode());
				a.put("country", l.country());
				a.put("address_type", "physical");
				out.put("addresses", List.of(a));
			}
			out.put("metadata", metadata(catalog.changes("location", l.id()), "location", id, null));
		}
		return out;
	}

	// services at locations

	/** An offer at one of its locations; {@code full} nests the whole service and location. */
	Map<String, Object> serviceAtLocation(Offer o, Location l, boolean full) {
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("id", HsdsIds.serviceAtLocation(o.id(), l.id()));
		out.put("service_id", HsdsIds.of(HsdsIds.SERVICE, o.id()));
		out.put("location_id", HsdsIds.of(HsdsIds.LOCATION, l.id()));
		out.put("description", o.name() + " – " + l.name());
		out.put("location", location(l, full));
		out.put("service", full ? service(o) : serviceItem(o));
		return out;
	}

	// change log

	private static String lastModified(List<ChangeLogEntry> changes) {
		return changes.stream().map(ChangeLogEntry::changedAt).max(Comparator.naturalOrder()).map(Instant::toString)
			.orElse(null);
	}

	/**
	 * The change log as HSDS metadata, oldest first. The first save writes every field at once: those rows are the
	 * "create", all later ones "update". {@code shown} (if not null) limits the fields.
	 */
	private static List<Map<String, Object>> metadata(List<ChangeLogEntry> changes, String resourceType,
			String resourceId, Set<String> shown) {
		Instant created = changes.isEmpty() ? null : changes.get(0).changedAt();
		List<Map<String, Object>> out = new ArrayList<>();
		for (int i = 0; i < changes.size(); i++) {
			ChangeLogEntry e = changes.get(i);
			if (shown != null && !shown.contains(e.field())) {
				continue;
			}
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("id", HsdsIds.named("metadata", e.entity(), e.entityId(), i));
			m.put("resource_id", resourceId);
			m.put("resource_type", resourceType);
			m.put("last_action_date", e.changedAt().atOffset(ZoneOffset.UTC).toLocalDate().toString());
			m.put("last_action_type", e.oldValue() == null && e.changedAt().equals(created) ? "create" : "update");
			m.put("field_name", snake(e.field()));
			m.put("previous_value", e.oldValue() == null ? "" : e.oldValue());
			m.put("replacement_value", e.newValue() == null ? "" : e.newValue());
			m.put("updated_by", e.actor() == null ? "" : e.actor());
			out.add(m);
		}
		return out;
	}

	/** Spange's field name in HSDS spelling: {@code postalCode} → {@code postal_code}, {@code address1} → … */
	static String snake(String field) {
		return field.replaceAll("([a-z])([A-Z0-9])", "$1_$2").toLowerCase(Locale.ROOT);
	}

	// helpers

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
