package org.spange.conference;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.spange.network.Viewer;

/**
 * Planning and recording conferences. Every read takes the {@link Viewer}: a restricted conference (every
 * Fallkonferenz) is seen only by its invited persons, its planner and admins, and each read of it is audited; the
 * public sees only published minutes of public conferences. Writes are validated as a whole
 * ({@link InvalidConferenceException}), checked against the viewer and audited; a write the viewer may not do fails
 * with {@link SecurityException}, a conference the viewer may not see is reported as absent.
 */
public interface Conferences {

	/** Plans a conference; planners and admins for any, network coordinators for their network. */
	Conference plan(Conference conference, Viewer viewer);

	/** The conferences the viewer may see, soonest first. */
	List<Conference> visible(Viewer viewer);

	Optional<ConferenceView> view(long id, Viewer viewer);

	/** Published minutes (public conferences only) for everybody, otherwise as {@link #view}. */
	Optional<ConferenceView> minutes(long id, Viewer viewer);

	/** Invites persons; nothing is sent yet. */
	void invite(long conferenceId, List<Long> personIds, Viewer viewer);

	/**
	 * Sends the invitation e-mail with the iCalendar file to every invited person with an address that has not had it
	 * yet; returns how many were sent.
	 */
	int sendInvitations(long conferenceId, Viewer viewer);

	/** The invited person's own answer. */
	void respond(long conferenceId, Invitation.Response response, Viewer viewer);

	AgendaItem addAgendaItem(long conferenceId, String title, Long ownerPersonId, Viewer viewer);

	void recordAttendance(long conferenceId, List<Long> personIds, Viewer viewer);

	void writeMinutes(long conferenceId, long agendaItemId, String minutes, Viewer viewer);

	/** Records a decision; with an owner and due date it also creates a task. */
	Decision decide(long conferenceId, Long agendaItemId, String text, Long taskOwnerPersonId, LocalDate due,
			Viewer viewer);

	void approveMinutes(long conferenceId, Viewer viewer);

	void publishMinutes(long conferenceId, Viewer viewer);

	/** The open tasks of the viewer's own person. */
	List<Task> myOpenTasks(Viewer viewer);

	/** The open tasks of a network (for its members, planners and admins). */
	List<Task> openTasksOfNetwork(long networkId, Viewer viewer);

	/** Marks a task done: its owner, the conference's editors. */
	void completeTask(long taskId, Viewer viewer);

	/** The conference as an RFC 5545 iCalendar file (CRLF line ends, lines folded at 75 octets). */
	Optional<String> ical(long id, Viewer viewer);
}
