package org.spange.planning;

import java.time.LocalDate;

/** What a measure taught: what worked and what did not, by whom and when. */
public record Evaluation(Long id, Long measureId, String worked, String didNotWork, LocalDate evaluatedOn,
		String author) {
}
