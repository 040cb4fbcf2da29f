package org.spange.conference;

import java.util.List;
import java.util.Set;

/**
 * Everything about one conference a viewer may see, with what they may do: edit (agenda, attendance, minutes,
 * decisions), approve and publish the minutes, answer their own invitation.
 */
public record ConferenceView(Conference conference, List<Invitation> invitations, List<AgendaItem> agenda,
		Set<Long> attendees, List<Decision> decisions, boolean mayEdit, boolean mayApprove, boolean mayPublish,
		Invitation myInvitation) {

	/** Whether the viewer may change agenda, attendance, minutes and decisions now. */
	public boolean mayWriteMinutes() {
		return mayEdit && conference.minutesOpen();
	}

	/** Whether the viewer may invite now: an editor, before the conference ends, unless it is cancelled. */
	public boolean mayInvite() {
		return mayEdit && conference.takesInvitations(java.time.Instant.now());
	}
}
