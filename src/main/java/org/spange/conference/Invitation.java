package org.spange.conference;

import java.time.Instant;

/** A person invited to a conference; {@code response} null until they answer. */
public record Invitation(long conferenceId, long personId, String personName, Instant sentAt, Response response) {

	public enum Response {
		ACCEPTED, DECLINED
	}
}
