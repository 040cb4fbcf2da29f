package org.spange.planning;

import java.time.LocalDate;

/**
 * A guideline (Leitlinie) resolved by a body such as a county or a municipal association.
 *
 * @param body       who resolved it, as free text
 * @param areaId     the area it applies to, or null
 * @param resolvedOn the date of the resolution
 * @param demo       demo content, to be labelled as such
 */
public record Guideline(Long id, String body, Long areaId, String title, String text, LocalDate resolvedOn,
		Boolean demo) {

	public boolean isDemo() {
		return Boolean.TRUE.equals(demo);
	}
}
