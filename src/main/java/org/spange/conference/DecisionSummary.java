package org.spange.conference;

import java.time.Instant;

/**
 * A decision with the conference it was taken in, for other modules that refer to decisions by id (planning: the
 * measures a decision created).
 */
public record DecisionSummary(long id, String text, long conferenceId, String conferenceTitle, Instant conferenceStartsAt,
		Long conferenceAreaId) {
}
