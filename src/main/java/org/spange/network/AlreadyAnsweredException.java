package org.spange.network;

/** The member has answered this review round before: one answer per member and round. */
public class AlreadyAnsweredException extends RuntimeException {

	public AlreadyAnsweredException(long roundId) {
		super("already answered review round " + roundId);
	}
}
