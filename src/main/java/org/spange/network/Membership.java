package org.spange.network;

import java.time.LocalDate;

/** A person's membership in a network; {@code to} null while it lasts. */
public record Membership(long id, long networkId, PersonView person, Role role, LocalDate from, LocalDate to) {

	public enum Role {
		COORDINATOR, DEPUTY, MEMBER, GUEST
	}

	public boolean currentOn(LocalDate day) {
		return !from.isAfter(day) && (to == null || !to.isBefore(day));
	}
}
