package org.spange.area.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.spange.area.AreaListOptions;
import org.spange.area.BoundaryImportOptions;
import org.spange.area.SchemeAssignmentOptions;
import org.springframework.stereotype.Component;

/** Turns form fields into import options, with the defaults a planner expects. */
@Component
class ImportForms {

	BoundaryImportOptions options(BoundaryForm f) {
		return new BoundaryImportOptions(or(f.level(), "gemeinde"), or(f.codeProperty(), "code"),
				or(f.nameProperty(), "name"), blankToNull(f.crs()), extraCodes(f.extraCodes()), blankToNull(f.scheme()),
				blankToNull(f.parentLevel()), blankToNull(f.parentProperty()), f.parentCodePrefix(), f.validFrom(),
				isTrue(f.repair()), isTrue(f.preview()));
	}

	AreaListOptions options(AreaListForm f) {
		return new AreaListOptions(or(f.level(), "gemeinde"), or(f.codeColumn(), "code"), or(f.nameColumn(), "name"),
				extraCodes(f.extraCodes()), blankToNull(f.scheme()), blankToNull(f.parentLevel()),
				blankToNull(f.parentCodeColumn()), f.parentCodePrefix(), f.validFrom(), isTrue(f.preview()));
	}

	/** "ARS=ARS, NUTS=NUTS": further code kinds and the properties or columns that hold them. */
	private static Map<String, String> extraCodes(String text) {
		Map<String, String> extra = new LinkedHashMap<>();
		if (text != null) {
			for (String pair : text.split(",")) {
				String[] kv = pair.split("=", 2);
				if (kv.length == 2 && !kv[0].isBlank() && !kv[1].isBlank()) {
					extra.put(kv[0].trim(), kv[1].trim());
				}
			}
		}
		return extra;
	}

	SchemeAssignmentOptions options(AssignmentForm f) {
		return new SchemeAssignmentOptions(blankToNull(f.scheme()), blankToNull(f.schemeName()), isTrue(f.illustrative()),
				or(f.level(), "gemeinde"), or(f.parentLevel(), "planungsraum"), or(f.codeColumn(), "code"),
				or(f.parentCodeColumn(), "parent_code"), blankToNull(f.parentNameColumn()), isTrue(f.preview()));
	}

	private static boolean isTrue(Boolean value) {
		return Boolean.TRUE.equals(value);
	}

	private static String or(String value, String fallback) {
		return value == null || value.isBlank() ? fallback : value.trim();
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}
}
