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

	/**
	 * One decision with its conference's title, start and area, if the viewer may see that conference (as
	 * {@link #view}; a read of a restricted one is audited).
	 */
	Optional<DecisionSummary> decision(long decisionId, Viewer viewer);

	// editing, cancelling and deleting (issue 7, second part); writes by who may edit the conference

	/**
	 * Changes title, time, place and online link before the conference begins (not once cancelled); type, area,
	 * network and visibility stay. When time, place or link changed, every invited person who had the invitation
	 * e-mail gets an update notice (old and new values, an updating calendar file with the same UID and a raised
	 * SEQUENCE); a change of the title alone notifies nobody. A Fallkonferenz's notice names no case.
	 */
	Rescheduled update(long conferenceId, Conference changes, Viewer viewer);

	/**
	 * Calls the conference off before it ends: marked cancelled, and every invited person who had the invitation
	 * e-mail gets a notice with a cancelling calendar file; returns how many notices were sent.
	 */
	int cancel(long conferenceId, String notice, Viewer viewer);

	/** Whether the conference is still a draft: no invitation sent, no decision, nothing forwarded or received. */
	boolean deletable(long conferenceId, Viewer viewer);

	/** Deletes a draft (see {@link #deletable}); anything else can only be cancelled. */
	void delete(long conferenceId, Viewer viewer);

	/** Changes an agenda item's title and owner while the minutes are a draft. */
	AgendaItem updateAgendaItem(long conferenceId, long agendaItemId, String title, Long ownerPersonId, Viewer viewer);

	/** Moves an agenda item one place up or down while the minutes are a draft. */
	void moveAgendaItem(long conferenceId, long agendaItemId, boolean up, Viewer viewer);

	/** Deletes an agenda item while the minutes are a draft; its decisions stay with the whole conference. */
	void deleteAgendaItem(long conferenceId, long agendaItemId, Viewer viewer);

	// the counter-current principle (Gegenstromverfahren)

	/** What came in from below and went up from this conference, as far as the viewer may see it. */
	Forwarding forwarding(long conferenceId, Viewer viewer);

	/**
	 * Forwards a finding to a conference of the level above ({@link Forwarding#targets()}), from one of this
	 * conference's agenda items or, with {@code previousItemId}, an item this conference received from below. A
	 * Fallkonferenz's content is never forwarded.
	 */
	ForwardedItem forward(long conferenceId, Long agendaItemId, Long previousItemId, Long toConferenceId,
			String title, String text, Viewer viewer);

	/** The receiving conference puts a forwarded item on its agenda (while its minutes are a draft). */
	AgendaItem putOnAgenda(long conferenceId, long forwardedItemId, Viewer viewer);

	/** The receiving conference answers a forwarded item, optionally pointing at one of its decisions. */
	void answer(long conferenceId, long forwardedItemId, String answer, Long decisionId, Viewer viewer);
}
