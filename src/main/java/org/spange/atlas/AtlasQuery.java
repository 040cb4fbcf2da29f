package org.spange.atlas;

import java.util.List;
import java.util.Locale;

/**
 * What a map is asked for. Null means the default.
 *
 * @param key      an indicator or variable key
 * @param period   such as {@code 2024}; null for the latest period with values
 * @param scheme   an area scheme key; null for the first scheme
 * @param level    a level of the scheme; null for its finest level
 * @param method   how to classify; null for {@link ClassificationMethod#QUANTILES}
 * @param classes  3 to 9; null for 5 (ignored for manual breaks)
 * @param breaks   the boundaries for {@link ClassificationMethod#MANUAL}, from the lowest to the highest
 * @param locale   the language of labels and formatted numbers (German unless English)
 * @param internal true for planners and admins: unpublished indicators and raw values, with the public's suppression
 *                 shown as a flag; false for everybody else: published indicators, disclosure control applied
 */
public record AtlasQuery(String key, String period, String scheme, String level, ClassificationMethod method,
		Integer classes, List<Double> breaks, Locale locale, boolean internal) {

	public static final int MIN_CLASSES = 3;
	public static final int MAX_CLASSES = 9;
	public static final int DEFAULT_CLASSES = 5;

	public AtlasQuery {
		breaks = breaks == null ? List.of() : List.copyOf(breaks);
		locale = locale == null ? Locale.GERMAN : locale;
	}

	/** The same query with another period, scheme and level (for defaults chosen by a page). */
	public AtlasQuery with(String period, String scheme, String level) {
		return new AtlasQuery(key, period, scheme, level, method, classes, breaks, locale, internal);
	}

	/** The same query with another classification. */
	public AtlasQuery classified(ClassificationMethod method, Integer classes, List<Double> breaks) {
		return new AtlasQuery(key, period, scheme, level, method, classes, breaks, locale, internal);
	}
}
