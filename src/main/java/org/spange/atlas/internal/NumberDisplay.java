package org.spange.atlas.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;

/**
 * Numbers as people read them: rounded half up to a number of decimals only here, at display, and formatted for the
 * language (German {@code 1.234,5}, English {@code 1,234.5}).
 */
public final class NumberDisplay {

	private NumberDisplay() {
	}

	/** German unless English. */
	public static Locale language(Locale locale) {
		return locale != null && "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.GERMAN;
	}

	public static String format(double value, int decimals, Locale locale) {
		// BigDecimal.valueOf takes the shortest decimal that is the double, so 0.125 rounds to 0.13, not 0.12
		BigDecimal rounded = BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP);
		DecimalFormat format = (DecimalFormat) NumberFormat.getNumberInstance(language(locale));
		format.setMinimumFractionDigits(decimals);
		format.setMaximumFractionDigits(decimals);
		format.setRoundingMode(RoundingMode.HALF_UP);
		return format.format(rounded);
	}

	/** A share (0–1) as a whole percentage: {@code 67 %} in German, {@code 67%} in English. */
	public static String percent(double share, Locale locale) {
		NumberFormat format = NumberFormat.getPercentInstance(language(locale));
		format.setMaximumFractionDigits(0);
		format.setRoundingMode(RoundingMode.HALF_UP);
		return format.format(BigDecimal.valueOf(share).setScale(2, RoundingMode.HALF_UP));
	}

	/**
	 * The decimals to show boundaries with: at least {@code decimals}, more (up to 3 more) while two different
	 * boundaries would look the same.
	 */
	public static int distinctDecimals(List<Double> boundaries, int decimals) {
		for (int d = decimals; d <= decimals + 3; d++) {
			boolean distinct = true;
			for (int i = 1; i < boundaries.size() && distinct; i++) {
				double a = boundaries.get(i - 1);
				double b = boundaries.get(i);
				if (a != b && BigDecimal.valueOf(a).setScale(d, RoundingMode.HALF_UP)
					.compareTo(BigDecimal.valueOf(b).setScale(d, RoundingMode.HALF_UP)) == 0) {
					distinct = false;
				}
			}
			if (distinct) {
				return d;
			}
		}
		return decimals + 3;
	}
}
