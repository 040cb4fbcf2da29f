package org.spange.conference;

import java.time.LocalDate;

/** A task created by a decision: who does it by when. */
public record Task(long id, long decisionId, long conferenceId, String conferenceTitle, Long networkId,
		long ownerPersonId, String ownerName, String title, LocalDate due, Status status) {

	public enum Status {
		OPEN, DONE
	}
}
