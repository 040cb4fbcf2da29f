package org.spange.offer.web;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.spange.offer.Offer;
import org.spange.platform.web.FormValues;

/**
 * The offer form as typed, so that every entry comes back as it was when something is wrong. Opening hours are one
 * pair of times per weekday (index 0 = Monday); phones are one per line, "number | note".
 */
record OfferForm(String organizationId, String name, String description, String status, String url, String email,
		String free, String costText, String applicationProcess, String legalBasis, String capacityPlaces,
		String waitingTime, List<String> fields, List<String> groups, String targetGroup, String minAge,
		String maxAge, String lifeSituations, String approach, String form, String setting, String languages,
		List<String> locations, List<String> serviceAreas, String phones, List<String> opens, List<String> closes) {

	static final int DAYS = 7;

	OfferForm {
		// a field the request left out is empty, as in a submitted form
		organizationId = text(organizationId);
		name = text(name);
		description = text(description);
		status = text(status);
		url = text(url);
		email = text(email);
		free = text(free);
		costText = text(costText);
		applicationProcess = text(applicationProcess);
		legalBasis = text(legalBasis);
		capacityPlaces = text(capacityPlaces);
		waitingTime = text(waitingTime);
		targetGroup = text(targetGroup);
		minAge = text(minAge);
		maxAge = text(maxAge);
		lifeSituations = text(lifeSituations);
		approach = text(approach);
		form = text(form);
		setting = text(setting);
		languages = text(languages);
		phones = text(phones);
		fields = fields == null ? List.of() : fields;
		groups = groups == null ? List.of() : groups;
		locations = locations == null ? List.of() : locations;
		serviceAreas = serviceAreas == null ? List.of() : serviceAreas;
		opens = padded(opens);
		closes = padded(closes);
	}

	private static List<String> padded(List<String> times) {
		List<String> out = new ArrayList<>(times == null ? List.of() : times);
		while (out.size() < DAYS) {
			out.add("");
		}
		return out;
	}

	/** The form for an offer as stored (a new one: {@code offer} with only its organisation). */
	static OfferForm of(Offer o) {
		List<String> opens = new ArrayList<>();
		List<String> closes = new ArrayList<>();
		for (int day = 1; day <= DAYS; day++) {
			int d = day;
			Offer.Schedule s = o.schedules().stream().filter(x -> x.weekday() == d).findFirst().orElse(null);
			opens.add(s == null ? "" : s.opensAt().toString());
			closes.add(s == null ? "" : s.closesAt().toString());
		}
		List<String> phones = o.phones().stream()
			.map(p -> p.number() + (p.description() == null ? "" : " | " + p.description())).toList();
		return new OfferForm(o.organizationId() == null ? "" : o.organizationId().toString(), text(o.name()),
				text(o.description()), o.status() == null ? "ACTIVE" : o.status().name(), text(o.url()),
				text(o.email()), Boolean.FALSE.equals(o.freeOfCharge()) ? "false" : "true", text(o.costText()),
				text(o.applicationProcess()), text(o.legalBasis()), number(o.capacityPlaces()), text(o.waitingTime()),
				o.fieldsOfAction(), o.targetGroups(), text(o.targetGroup()), number(o.minAge()), number(o.maxAge()),
				text(o.lifeSituations()), name(o.approach()), name(o.form()), name(o.setting()),
				String.join(", ", o.languages()), o.locationIds().stream().map(String::valueOf).toList(),
				o.serviceAreaIds().stream().map(String::valueOf).toList(), String.join("\n", phones), opens, closes);
	}

	/** The offer, or per form field (its input id) what is wrong with what was typed. */
	record Parsed(Offer offer, Map<String, String> problems) {
	}

	/** Reads what was typed; what cannot be read is a problem (message key), the catalog checks the rest. */
	Parsed parse(Long id, java.time.LocalDate lastConfirmed) {
		Map<String, String> problems = new LinkedHashMap<>();
		Long org = FormValues.id(organizationId, "o-organization", problems);
		Integer places = FormValues.integer(capacityPlaces, "o-capacity", problems);
		Integer min = FormValues.integer(minAge, "o-minAge", problems);
		Integer max = FormValues.integer(maxAge, "o-maxAge", problems);
		List<Long> locationIds = new ArrayList<>();
		for (String l : locations) {
			Long value = FormValues.id(l, "o-locations", problems);
			if (value != null) {
				locationIds.add(value);
			}
		}
		List<Long> serviceAreaIds = FormValues.ids(serviceAreas, "o-serviceAreas", problems);
		List<Offer.Schedule> schedules = new ArrayList<>();
		for (int day = 0; day < DAYS; day++) {
			String o = opens.get(day).strip();
			String c = closes.get(day).strip();
			if (o.isEmpty() && c.isEmpty()) {
				continue;
			}
			LocalTime opensAt = FormValues.time(o, "o-opens-" + day, problems);
			LocalTime closesAt = FormValues.time(c, "o-opens-" + day, problems);
			if (!problems.containsKey("o-opens-" + day)) {
				schedules.add(new Offer.Schedule(day + 1, opensAt, closesAt));
			}
		}
		List<Offer.Phone> phoneList = new ArrayList<>();
		for (String line : (phones == null ? "" : phones).split("\\R")) {
			if (line.isBlank()) {
				continue;
			}
			String[] parts = line.split("\\|", 2);
			phoneList.add(new Offer.Phone(parts[0].strip(), parts.length > 1 ? parts[1].strip() : null));
		}
		List<String> languageList = Arrays.stream((languages == null ? "" : languages).split("[,;\\s]+"))
			.filter(s -> !s.isBlank()).map(String::toLowerCase).toList();
		Offer.Status st = FormValues.choice(Offer.Status.class, status, "o-status", problems);
		Offer offer = new Offer(id, org, name, description, st, url, email, !"false".equals(free), costText,
				applicationProcess, legalBasis, places, waitingTime, lastConfirmed, fields, targetGroup, groups, min,
				max, lifeSituations, FormValues.choice(Offer.Approach.class, approach, "o-approach", problems),
				FormValues.choice(Offer.Form.class, form, "o-form", problems),
				FormValues.choice(Offer.Setting.class, setting, "o-setting", problems), languageList, locationIds,
				serviceAreaIds, phoneList, schedules);
		return new Parsed(offer, problems);
	}

	/** The form field (input id) a problem of the catalog belongs to. */
	static String inputOf(String field) {
		String base = field.replaceAll("\\[\\d+]", "").replaceAll("\\..*", "");
		if (field.startsWith("schedules[")) {
			return "o-opens";
		}
		return switch (base) {
			case "organizationId" -> "o-organization";
			case "fieldsOfAction" -> "o-fields";
			case "targetGroups" -> "o-groups";
			case "locationIds" -> "o-locations";
			case "serviceAreaIds" -> "o-serviceAreas";
			case "capacityPlaces" -> "o-capacity";
			case "freeOfCharge" -> "o-free";
			default -> "o-" + base;
		};
	}

	private static String text(String s) {
		return s == null ? "" : s;
	}

	private static String number(Integer n) {
		return n == null ? "" : n.toString();
	}

	private static String name(Enum<?> e) {
		return e == null ? "" : e.name();
	}
}
