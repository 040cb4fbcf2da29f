package org.spange.area;

import java.util.Locale;

/**
 * A Raumgliederung: a hierarchy over base areas (e.g. Bezirke, or planning regions). An illustrative scheme is a
 * draft that must be labelled as such wherever it is shown.
 */
public record AreaScheme(int id, String key, String nameDe, String nameEn, String description, boolean illustrative) {

	public String name(Locale locale) {
		return "en".equals(locale.getLanguage()) ? nameEn : nameDe;
	}
}
