package org.spange.area.web;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;

/** Request parameters of an area list import. */
record AreaListForm(String level, String codeColumn, String nameColumn, String extraCodes, String scheme,
		String parentLevel, String parentCodeColumn, Integer parentCodePrefix,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validFrom, Boolean preview) {
}
