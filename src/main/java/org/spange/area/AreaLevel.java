package org.spange.area;

import java.util.Locale;

/** A Raumebene such as Land, Bezirk, Gemeinde or Sozialraum; coarser levels have smaller ranks. */
public record AreaLevel(int id, String key, String nameDe, String nameEn, int rank) {

	public String name(Locale locale) {
		return "en".equals(locale.getLanguage()) ? nameEn : nameDe;
	}
}
