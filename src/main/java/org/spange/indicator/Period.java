package org.spange.indicator;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The period of an observation: a year ({@code 2024}), a quarter ({@code 2024-Q1}), a month ({@code 2024-03}) or a
 * reference date (Stichtag, {@code 2024-12-31}). Years run from 1000 to 9999. Periods are ordered by their first
 * day, a coarser period before a finer one that starts on the same day ({@code 2024 < 2024-Q1 < 2024-01 <
 * 2024-01-01}).
 *
 * @param kind  year, quarter, month or day
 * @param start the first day of the period (the reference date itself for a day)
 */
public record Period(Kind kind, LocalDate start) implements Comparable<Period> {

	public enum Kind {
		YEAR, QUARTER, MONTH, DAY
	}

	private static final Pattern FORMAT = Pattern
		.compile("(\\d{4})(?:-(?:[Qq]([1-4])|(\\d{2})(?:-(\\d{2}))?))?");
	private static final Comparator<Period> ORDER = Comparator.comparing(Period::start)
		.thenComparing(Period::kind);

	public Period {
		if (kind == null || start == null) {
			throw new IllegalArgumentException("kind and start are required");
		}
		boolean aligned = switch (kind) {
			case YEAR -> start.getDayOfYear() == 1;
			case QUARTER -> start.getDayOfMonth() == 1 && start.getMonthValue() % 3 == 1;
			case MONTH -> start.getDayOfMonth() == 1;
			case DAY -> true;
		};
		if (!aligned || start.getYear() < 1000 || start.getYear() > 9999) {
			throw new IllegalArgumentException("No " + kind + " starts on " + start);
		}
	}

	/**
	 * Parses {@code 2024}, {@code 2024-Q1} (also {@code 2024-q1}), {@code 2024-03} or {@code 2024-12-31}; surrounding
	 * blanks are ignored.
	 *
	 * @throws IllegalArgumentException for anything else, such as {@code 2024-13}, {@code 2024-02-30} or {@code 24}
	 */
	@JsonCreator
	public static Period parse(String text) {
		return tryParse(text).orElseThrow(() -> new IllegalArgumentException("Not a period: '" + text
				+ "'; expected 2024, 2024-Q1, 2024-03 or 2024-12-31"));
	}

	/** The period, or empty where the text is not one. */
	public static Optional<Period> tryParse(String text) {
		if (text == null) {
			return Optional.empty();
		}
		Matcher m = FORMAT.matcher(text.strip());
		if (!m.matches()) {
			return Optional.empty();
		}
		int year = Integer.parseInt(m.group(1));
		if (year < 1000) {
			return Optional.empty();
		}
		try {
			if (m.group(2) != null) {
				int quarter = Integer.parseInt(m.group(2));
				return Optional.of(new Period(Kind.QUARTER, LocalDate.of(year, quarter * 3 - 2, 1)));
			}
			if (m.group(3) == null) {
				return Optional.of(new Period(Kind.YEAR, LocalDate.of(year, 1, 1)));
			}
			int month = Integer.parseInt(m.group(3));
			if (m.group(4) == null) {
				return Optional.of(new Period(Kind.MONTH, LocalDate.of(year, month, 1)));
			}
			return Optional.of(new Period(Kind.DAY, LocalDate.of(year, month, Integer.parseInt(m.group(4)))));
		} catch (DateTimeException e) {
			return Optional.empty();
		}
	}

	public static Period year(int year) {
		return new Period(Kind.YEAR, LocalDate.of(year, 1, 1));
	}

	public static Period of(LocalDate referenceDate) {
		return new Period(Kind.DAY, referenceDate);
	}

	/** The last day of the period. */
	public LocalDate end() {
		return switch (kind) {
			case YEAR -> start.plusYears(1).minusDays(1);
			case QUARTER -> start.plusMonths(3).minusDays(1);
			case MONTH -> start.plusMonths(1).minusDays(1);
			case DAY -> start;
		};
	}

	public int year() {
		return start.getYear();
	}

	/** Whether the day lies within this period. */
	public boolean contains(LocalDate day) {
		return !day.isBefore(start) && !day.isAfter(end());
	}

	@Override
	public int compareTo(Period other) {
		return ORDER.compare(this, other);
	}

	/** The canonical text, as parsed and as stored: {@code 2024}, {@code 2024-Q1}, {@code 2024-03}, {@code 2024-12-31}. */
	@JsonValue
	@Override
	public String toString() {
		return switch (kind) {
			case YEAR -> Integer.toString(start.getYear());
			case QUARTER -> start.getYear() + "-Q" + ((start.getMonthValue() + 2) / 3);
			case MONTH -> String.format(Locale.ROOT, "%d-%02d", start.getYear(), start.getMonthValue());
			case DAY -> start.toString();
		};
	}
}
