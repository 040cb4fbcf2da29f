package org.spange.indicator;

import java.util.Locale;

/**
 * An indicator: a formula over variables and other indicators, computed for every area at every level as a ratio of
 * sums (see {@link IndicatorValues}).
 *
 * @param key         the name in formulas, shared with variable keys
 * @param formula     such as {@code 100 * sgb2_u15 / pop_u15}; a factor is part of it
 * @param unit        such as {@code %} or {@code je 1.000 EW}; may be empty
 * @param polarity    which direction is good news
 * @param decimals    digits shown after the decimal separator (0–6); values are stored unrounded
 * @param topicKey    the topic it is filed under, or null
 * @param description what it measures and how to read it, or null
 * @param published   visible to the public, with disclosure control
 */
public record Indicator(String key, String nameDe, String nameEn, String formula, String unit, Polarity polarity,
		int decimals, String topicKey, String description, boolean published) {

	public String name(Locale locale) {
		return "en".equals(locale.getLanguage()) ? nameEn : nameDe;
	}
}
