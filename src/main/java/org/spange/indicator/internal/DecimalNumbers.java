package org.spange.indicator.internal;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * Numbers written with a decimal comma or a decimal point, decided once per file (see
 * {@link org.spange.indicator.ObservationImportOptions} for the rules). The other separator is only accepted
 * between groups of three digits.
 */
final class DecimalNumbers {

	private static final Pattern COMMA_DECIMAL = Pattern.compile("[+-]?([1-9]\\d{0,2}(\\.\\d{3})+|\\d+)(,\\d+)?");
	private static final Pattern POINT_DECIMAL = Pattern.compile("[+-]?([1-9]\\d{0,2}(,\\d{3})+|\\d+)(\\.\\d+)?");
	private static final Pattern CANDIDATE = Pattern.compile("[+-]?[0-9.,]*[0-9][0-9.,]*");

	private DecimalNumbers() {
	}

	/**
	 * The decimal separator a value shows unambiguously: {@code ','}, {@code '.'}, or 0 where it shows none
	 * ({@code 12}, {@code 1.234}, text).
	 */
	static char evidence(String text) {
		String s = normalise(text);
		if (!CANDIDATE.matcher(s).matches()) {
			return 0;
		}
		int lastComma = s.lastIndexOf(',');
		int lastPoint = s.lastIndexOf('.');
		if (lastComma >= 0 && lastPoint >= 0) {
			return lastComma > lastPoint ? ',' : '.';
		}
		int last = Math.max(lastComma, lastPoint);
		if (last < 0) {
			return 0;
		}
		char separator = s.charAt(last);
		char other = separator == ',' ? '.' : ',';
		if (s.indexOf(separator) != last) {
			return other; // 1.234.567: a thousands separator
		}
		String before = s.substring(s.startsWith("+") || s.startsWith("-") ? 1 : 0, last);
		String after = s.substring(last + 1);
		boolean couldGroupThousands = after.length() == 3 && !before.isEmpty() && before.length() <= 3
				&& before.charAt(0) != '0';
		return couldGroupThousands ? 0 : separator;
	}

	/** The number, or null where the text is not one with this decimal separator. */
	static BigDecimal parse(String text, char decimalSeparator) {
		String s = normalise(text);
		if (!(decimalSeparator == ',' ? COMMA_DECIMAL : POINT_DECIMAL).matcher(s).matches()) {
			return null;
		}
		char thousands = decimalSeparator == ',' ? '.' : ',';
		StringBuilder plain = new StringBuilder(s.length());
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (c == decimalSeparator) {
				plain.append('.');
			} else if (c != thousands && c != '+') {
				plain.append(c);
			}
		}
		return new BigDecimal(plain.toString());
	}

	/** A typographic minus sign (U+2212) reads as a hyphen-minus. */
	private static String normalise(String text) {
		return text.strip().replace('\u2212', '-');
	}
}
