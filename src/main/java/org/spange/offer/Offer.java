package org.spange.offer;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * An Angebot (HSDS service) with Spange's classification: fields of action, target groups (fixed keys, with the
 * offer's own words in {@code targetGroup}) with age range and life situations, approach, form and setting.
 * {@code id} is null for a new one. Lists are never null once read.
 */
public record Offer(Long id, Long organizationId, String name, String description, Status status, String url,
		String email, Boolean freeOfCharge, String costText, String applicationProcess, String legalBasis,
		Integer capacityPlaces, String waitingTime, LocalDate lastConfirmed, List<String> fieldsOfAction,
		String targetGroup, List<String> targetGroups, Integer minAge, Integer maxAge, String lifeSituations,
		Approach approach, Form form, Setting setting, List<String> languages, List<Long> locationIds,
		List<Long> serviceAreaIds, List<Phone> phones, List<Schedule> schedules) {

	public Offer {
		fieldsOfAction = fieldsOfAction == null ? List.of() : List.copyOf(fieldsOfAction);
		targetGroups = targetGroups == null ? List.of() : List.copyOf(targetGroups);
		languages = languages == null ? List.of() : List.copyOf(languages);
		locationIds = locationIds == null ? List.of() : List.copyOf(locationIds);
		serviceAreaIds = serviceAreaIds == null ? List.of() : List.copyOf(serviceAreaIds);
		phones = phones == null ? List.of() : List.copyOf(phones);
		schedules = schedules == null ? List.of() : List.copyOf(schedules);
	}

	public enum Status {
		ACTIVE, INACTIVE
	}

	/** Präventiv or interventiv. */
	public enum Approach {
		PREVENTIVE, INTERVENTIVE
	}

	public enum Form {
		GROUP, INDIVIDUAL
	}

	/** Stationär, teilstationär, ambulant, offen, aufsuchend. */
	public enum Setting {
		RESIDENTIAL, SEMI_RESIDENTIAL, AMBULATORY, OPEN, OUTREACH
	}

	public record Phone(String number, String description) {
	}

	/** Opening hours on an ISO weekday (1 = Monday). */
	public record Schedule(Integer weekday, LocalTime opensAt, LocalTime closesAt) {
	}

	public boolean active() {
		return status == Status.ACTIVE;
	}
}
