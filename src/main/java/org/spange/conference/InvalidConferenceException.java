package org.spange.conference;

import java.util.Map;

/** Input that was refused as a whole: every problem by field name with its message key. */
public class InvalidConferenceException extends RuntimeException {

	private final Map<String, String> problems;

	public InvalidConferenceException(Map<String, String> problems) {
		super("invalid input: " + problems);
		this.problems = Map.copyOf(problems);
	}

	public Map<String, String> problems() {
		return problems;
	}
}
