package org.spange.conference;

import java.time.Instant;

/**
 * A conference. Times are instants (stored in UTC, shown in Europe/Vienna). {@code place} or {@code onlineUrl} is
 * needed. A Fallkonferenz ({@link Type#CASE}) is always {@link Visibility#RESTRICTED}. {@code cancelledAt} is set once
 * it was called off.
 */
public record Conference(Long id, Type type, String title, Instant startsAt, Instant endsAt, String place,
		String onlineUrl, Long areaId, Long networkId, Visibility visibility, MinutesStatus minutesStatus,
		String createdBy, Instant cancelledAt) {

	/** A conference as planned (not cancelled). */
	public Conference(Long id, Type type, String title, Instant startsAt, Instant endsAt, String place,
			String onlineUrl, Long areaId, Long networkId, Visibility visibility, MinutesStatus minutesStatus,
			String createdBy) {
		this(id, type, title, startsAt, endsAt, place, onlineUrl, areaId, networkId, visibility, minutesStatus,
				createdBy, null);
	}

	public enum Type {
		SOZIALRAUM, SOZIALREGION, NETWORK_MEETING, CASE
	}

	/** PUBLIC: minutes may be published once approved; INTERNAL: logged-in users; RESTRICTED: invited only. */
	public enum Visibility {
		PUBLIC, INTERNAL, RESTRICTED
	}

	public enum MinutesStatus {
		DRAFT, APPROVED, PUBLISHED
	}

	public boolean restricted() {
		return visibility == Visibility.RESTRICTED;
	}

	public boolean cancelled() {
		return cancelledAt != null;
	}

	/**
	 * Agenda, attendance, minutes and decisions change only while the minutes are a draft and the conference is not
	 * cancelled, so that approved minutes stay as approved.
	 */
	public boolean minutesOpen() {
		return !cancelled() && minutesStatus == MinutesStatus.DRAFT;
	}

	/** Invitations go out before a conference ends and never for a cancelled one. */
	public boolean takesInvitations(java.time.Instant now) {
		return !cancelled() && endsAt != null && endsAt.isAfter(now);
	}
}
