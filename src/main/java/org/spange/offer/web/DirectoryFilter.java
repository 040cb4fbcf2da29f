package org.spange.offer.web;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

import org.spange.offer.FieldOfAction;
import org.spange.offer.Offer;
import org.spange.offer.OfferCatalog;
import org.spange.offer.OfferQuery;
import org.spange.offer.TargetGroup;

/**
 * The directory's search form as typed (so that a wrong entry is shown back as it was): free text, area, target
 * group, age, field of action, setting, language, free of charge, open now, step-free access; planners also inactive
 * offers.
 */
record DirectoryFilter(String q, String area, String group, String age, String field, String setting,
		String language, String free, String open, String stepFree, String inactive, Integer page) {

	/** The query, or per form field (its input id) the message key of what is wrong with it. */
	record Parsed(OfferQuery query, Map<String, String> problems) {
	}

	int pageOrFirst() {
		return page == null || page < 0 ? 0 : page;
	}

	boolean isOpen() {
		return "true".equals(open);
	}

	Parsed parse(OfferCatalog catalog, boolean internal, LocalDateTime now) {
		Map<String, String> problems = new LinkedHashMap<>();
		Long areaId = null;
		if (filled(area)) {
			try {
				areaId = Long.parseLong(area.strip());
			} catch (NumberFormatException e) {
				problems.put("f-area", "offers.filter.area.invalid");
			}
		}
		Integer years = null;
		if (filled(age)) {
			try {
				years = Integer.parseInt(age.strip());
			} catch (NumberFormatException e) {
				years = -1;
			}
			if (years < 0 || years > 120) {
				problems.put("f-age", "offers.filter.age.invalid");
			}
		}
		if (filled(group) && catalog.targetGroups().stream().map(TargetGroup::key).noneMatch(group::equals)) {
			problems.put("f-group", "offers.filter.group.invalid");
		}
		if (filled(field) && catalog.fieldsOfAction().stream().map(FieldOfAction::key).noneMatch(field::equals)) {
			problems.put("f-field", "offers.filter.field.invalid");
		}
		Offer.Setting s = null;
		if (filled(setting)) {
			try {
				s = Offer.Setting.valueOf(setting);
			} catch (IllegalArgumentException e) {
				problems.put("f-setting", "offers.filter.setting.invalid");
			}
		}
		if (filled(language) && !language.matches("[a-z]{2}")) {
			problems.put("f-language", "offers.filter.language.invalid");
		}
		Boolean freeOfCharge = null;
		if (filled(free)) {
			if (!free.equals("true") && !free.equals("false")) {
				problems.put("f-free", "offers.filter.free.invalid");
			} else {
				freeOfCharge = Boolean.valueOf(free);
			}
		}
		if (q != null && q.length() > 200) {
			problems.put("f-q", "offers.filter.q.long");
		}
		OfferQuery query = new OfferQuery(filled(q) ? q.strip() : null, areaId, filled(group) ? group : null, years,
				filled(field) ? field : null, s, null, null, filled(language) ? language : null, freeOfCharge,
				isOpen() ? now : null, null, null, internal && "true".equals(inactive),
				"true".equals(stepFree) ? Boolean.TRUE : null);
		return new Parsed(query, problems);
	}

	private static boolean filled(String s) {
		return s != null && !s.isBlank();
	}
}
