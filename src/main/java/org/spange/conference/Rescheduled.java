package org.spange.conference;

/**
 * The result of {@link Conferences#update}: the conference as it now stands and how many invited persons got an
 * update notice (0 when only the title changed, or when no invitation had been sent).
 */
public record Rescheduled(Conference conference, int notified) {
}
