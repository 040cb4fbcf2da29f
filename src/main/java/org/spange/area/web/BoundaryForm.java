package org.spange.area.web;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;

/** Form and request parameters of a boundary import; an unticked checkbox is not sent, hence Boolean. */
record BoundaryForm(String level, String codeProperty, String nameProperty, String crs, String extraCodes,
		String scheme, String parentLevel, String parentProperty, Integer parentCodePrefix,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validFrom, Boolean repair, Boolean preview) {
}
