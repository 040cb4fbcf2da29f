package org.spange.platform.imports;

import java.util.List;

/**
 * One thing wrong (or, as a warning, repaired) in an imported file, located as precisely as the format allows.
 *
 * @param unit    what {@code number} counts: a line of a CSV file, a feature of a GeoJSON file, or the whole file
 * @param number  1-based line or feature number; null for the whole file
 * @param field   the column or property concerned, or null
 * @param code    message key, resolved in the user's language (see {@code messages.properties})
 * @param args    arguments for the message
 * @param message the message in English, for logs and API clients
 */
public record ImportProblem(Unit unit, Integer number, String field, String code, List<String> args, String message) {

	public enum Unit {
		FILE, LINE, FEATURE
	}

	public static ImportProblem file(String code, String message, Object... args) {
		return new ImportProblem(Unit.FILE, null, null, code, strings(args), message);
	}

	public static ImportProblem line(int line, String field, String code, String message, Object... args) {
		return new ImportProblem(Unit.LINE, line, field, code, strings(args), message);
	}

	public static ImportProblem feature(int feature, String field, String code, String message, Object... args) {
		return new ImportProblem(Unit.FEATURE, feature, field, code, strings(args), message);
	}

	private static List<String> strings(Object... args) {
		return java.util.Arrays.stream(args).map(String::valueOf).toList();
	}

	@Override
	public String toString() {
		return unit + (number == null ? "" : " " + number) + (field == null ? "" : " [" + field + "]") + ": " + message;
	}
}
