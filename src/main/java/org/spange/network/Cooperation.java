package org.spange.network;

import java.time.LocalDate;

/**
 * A co-operation between two organisations outside a common network (a joint project, an agreement on referrals), with
 * a topic and a period; {@code to} null while it lasts. The names are filled on reading.
 */
public record Cooperation(Long id, Long organizationA, Long organizationB, String topic, LocalDate from, LocalDate to,
		String nameA, String nameB) {

	public boolean currentOn(LocalDate day) {
		return from != null && !from.isAfter(day) && (to == null || !to.isBefore(day));
	}
}
