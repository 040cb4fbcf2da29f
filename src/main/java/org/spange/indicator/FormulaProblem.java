package org.spange.indicator;

import java.util.List;

/**
 * Something wrong with the formula of an indicator, located in its text.
 *
 * @param indicator the key of the indicator whose formula has the problem
 * @param severity  an error prevents saving; a warning only informs
 * @param position  0-based character offset in the formula text
 * @param length    number of characters to mark
 * @param key       message key, resolved in the user's language (see {@code messages.properties})
 * @param args      arguments for the message
 * @param message   the message in English, for logs and API clients
 */
public record FormulaProblem(String indicator, Severity severity, int position, int length, String key,
		List<String> args, String message) {

	public enum Severity {
		ERROR, WARNING
	}

	public FormulaProblem {
		args = List.copyOf(args);
	}

	/** A parse error as a problem of the indicator. */
	public static FormulaProblem of(String indicator, FormulaException e) {
		return new FormulaProblem(indicator, Severity.ERROR, e.position(), e.length(), e.key(), e.args(),
				e.getMessage());
	}

	static FormulaProblem of(String indicator, Severity severity, Node at, String key, Object... args) {
		List<String> strings = Messages.strings(args);
		return new FormulaProblem(indicator, severity, at.start(), at.end() - at.start(), key, strings,
				Messages.english(key, strings));
	}

	public boolean isError() {
		return severity == Severity.ERROR;
	}

	@Override
	public String toString() {
		return indicator + "@" + position + " " + severity + ": " + message;
	}
}
