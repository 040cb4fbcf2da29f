package org.spange.indicator;

import java.util.Locale;

/**
 * A topic (Themenfeld) that variables and indicators are filed under; topics form a tree.
 *
 * @param key       1–60 lower-case letters, digits, {@code -} or {@code _}
 * @param parentKey the key of the enclosing topic, or null for a top-level topic
 */
public record Topic(String key, String nameDe, String nameEn, String parentKey) {

	public String name(Locale locale) {
		return "en".equals(locale.getLanguage()) ? nameEn : nameDe;
	}
}
