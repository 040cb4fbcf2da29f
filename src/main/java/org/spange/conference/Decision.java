package org.spange.conference;

/** A decision of a conference, on an agenda item or the conference as a whole, with the task it created. */
public record Decision(long id, long conferenceId, Long agendaItemId, String text, Task task) {
}
