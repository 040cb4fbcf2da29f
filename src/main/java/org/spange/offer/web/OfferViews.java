package org.spange.offer.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.spange.area.AreaDetail;
import org.spange.area.AreaId;
import org.spange.area.AreaQueries;
import org.spange.area.AreaSummary;
import org.spange.offer.FieldOfAction;
import org.spange.offer.Location;
import org.spange.offer.Offer;
import org.spange.offer.OfferCatalog;
import org.spange.offer.OfferReview;
import org.spange.offer.Organization;
import org.spange.offer.TargetGroup;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Offers as the directory's pages and exports show them: with names instead of keys, in the page's language, and
 * with what a caller may see of their locations. A confidential location keeps only its name and Gemeinde unless
 * the caller maintains it.
 */
@Component
class OfferViews {

	private final OfferCatalog catalog;
	private final OfferReview review;
	private final AreaQueries areas;

	OfferViews(OfferCatalog catalog, OfferReview review, AreaQueries areas) {
		this.catalog = catalog;
		this.review = review;
		this.areas = areas;
	}

	/** An offer with its organisation, fields, groups and visible locations. */
	record Row(Offer offer, String organization, List<String> fields, List<String> groups, List<Place> places,
			boolean stale) {
	}

	/** A location as shown: with point and street, or (confidential, for the public) only its Gemeinde. */
	record Place(long id, String name, String street, String postalCode, String city, String gemeinde, Double latitude,
			Double longitude, boolean confidential, boolean hidden, Boolean stepFree, String accessibility) {
	}

	List<Row> rows(List<Offer> offers, boolean internal, Set<Long> own) {
		Names names = names();
		return offers.stream().map(o -> row(o, internal || own.contains(o.organizationId()), names)).toList();
	}

	Row row(Offer offer, boolean reveal) {
		return row(offer, reveal, names());
	}

	/** Field of action and target group names in the page's language. */
	private record Names(Map<String, String> fields, Map<String, String> groups) {
	}

	private Names names() {
		boolean en = "en".equals(LocaleContextHolder.getLocale().getLanguage());
		Map<String, String> fields = new HashMap<>();
		for (FieldOfAction f : catalog.fieldsOfAction()) {
			fields.put(f.key(), en ? f.nameEn() : f.nameDe());
		}
		Map<String, String> groups = new HashMap<>();
		for (TargetGroup g : catalog.targetGroups()) {
			groups.put(g.key(), en ? g.nameEn() : g.nameDe());
		}
		return new Names(fields, groups);
	}

	private Row row(Offer o, boolean reveal, Names names) {
		List<Place> places = new ArrayList<>();
		for (long locationId : o.locationIds()) {
			catalog.location(locationId).ifPresent(l -> places.add(place(l, reveal)));
		}
		return new Row(o, catalog.organization(o.organizationId()).map(Organization::name).orElse(""),
				o.fieldsOfAction().stream().map(k -> names.fields().getOrDefault(k, k)).toList(),
				o.targetGroups().stream().map(k -> names.groups().getOrDefault(k, k)).toList(), places,
				review.stale(o));
	}

	private Place place(Location l, boolean reveal) {
		String gemeinde = l.areaId() == null ? null : areaName(l.areaId());
		boolean hidden = l.confidentialOrFalse() && !reveal;
		Location shown = hidden ? l.withoutPoint() : l;
		return new Place(l.id(), l.name(), shown.address1(), hidden ? null : l.postalCode(), shown.city(), gemeinde,
				shown.latitude(), shown.longitude(), l.confidentialOrFalse(), hidden, l.stepFree(), l.accessibility());
	}

	String areaName(long id) {
		return areas.area(new AreaId(id)).map(AreaDetail::area).map(AreaSummary::name).orElse("#" + id);
	}

	static List<String> languageNames(List<String> codes) {
		Locale page = LocaleContextHolder.getLocale();
		return codes.stream().map(l -> Locale.forLanguageTag(l).getDisplayLanguage(page)).toList();
	}
}
