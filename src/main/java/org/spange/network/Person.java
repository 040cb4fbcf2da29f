package org.spange.network;

import java.time.Instant;
import java.util.List;

/**
 * A person as entered, with every contact field: what a planner writes. Consent (when, given to whom, which text
 * version) is required. {@code username} links the person to a Spange login.
 */
public record Person(Long id, String name, String function, Long organizationId, List<Long> areaIds, String email,
		String phone, String reachability, Channel preferredChannel, Instant consentAt, String consentBy,
		String consentVersion, String username) {

	public enum Channel {
		EMAIL, PHONE
	}

	public Person {
		areaIds = areaIds == null ? List.of() : List.copyOf(areaIds);
	}
}
