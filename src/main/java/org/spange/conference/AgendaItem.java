package org.spange.conference;

/** One item of the agenda, with its owner (a person, may be empty) and its minutes. */
public record AgendaItem(long id, long conferenceId, int position, String title, Long ownerPersonId, String ownerName,
		String minutes) {
}
