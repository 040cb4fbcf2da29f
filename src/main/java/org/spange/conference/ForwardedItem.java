package org.spange.conference;

import java.time.Instant;

/**
 * One hop of the counter-current principle (Gegenstromverfahren): a finding of one conference forwarded to the
 * conference of the level above, what became of it there and its answer. When the receiving conference forwards it
 * further, the next hop names this one as {@code previousId}.
 *
 * @param fromAgendaItemId the agenda item of the sending conference the finding comes from, if any
 * @param agendaItemId     the agenda item of the receiving conference that took it up, if any
 * @param answerDecisionId the receiving conference's decision the answer refers to, if any
 */
public record ForwardedItem(long id, long fromConferenceId, String fromConferenceTitle, Long fromAgendaItemId,
		Long previousId, long toConferenceId, String toConferenceTitle, Instant toConferenceStartsAt, String title,
		String text, Status status, Long agendaItemId, String answer, Long answerDecisionId, String answerDecisionText,
		Instant answeredAt, Instant forwardedAt) {

	public enum Status {
		/** arrived at the conference above, not yet taken up */
		FORWARDED,
		/** on the agenda of the conference above */
		ON_AGENDA,
		/** answered by the conference above */
		ANSWERED
	}

	public boolean answered() {
		return status == Status.ANSWERED;
	}
}
