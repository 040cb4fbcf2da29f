package org.spange.network;

import java.util.Map;

/** Input that was refused as a whole: every problem by field name (e.g. {@code email}) with its message key. */
public class InvalidNetworkInputException extends RuntimeException {

	private final Map<String, String> problems;

	public InvalidNetworkInputException(Map<String, String> problems) {
		super("invalid input: " + problems);
		this.problems = Map.copyOf(problems);
	}

	public Map<String, String> problems() {
		return problems;
	}
}
