package org.spange.network;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What Spange keeps about the logged-in user's own person in networks ("Meine Daten in Netzwerken"): the person
 * record with its consent (when, given to whom, which text version), the organisation's name, every membership, past
 * ones too, and when the consent was withdrawn (null while it stands).
 */
public record OwnData(Person person, String organization, List<NetworkMembership> memberships,
		Instant consentWithdrawnAt) {

	public OwnData {
		memberships = List.copyOf(memberships);
	}

	public boolean withdrawn() {
		return consentWithdrawnAt != null;
	}

	/** One membership of the person, {@code to} null while it lasts. */
	public record NetworkMembership(long networkId, String networkName, Membership.Role role, LocalDate from,
			LocalDate to) {
	}
}
