package org.spange.indicator;

import java.util.List;
import java.util.stream.Collectors;

/** A variable or topic that cannot be saved as given; nothing was written. */
public class InvalidVariableException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/**
	 * One thing wrong with a field.
	 *
	 * @param field   the field, such as {@code key} or {@code weightKey}
	 * @param code    message key, resolved in the user's language (see {@code messages.properties})
	 * @param args    arguments for the message
	 * @param message the message in English, for logs and API clients
	 */
	public record Problem(String field, String code, List<String> args, String message) {

		public Problem {
			args = List.copyOf(args);
		}
	}

	private final transient List<Problem> problems;

	public InvalidVariableException(List<Problem> problems) {
		super(problems.stream().map(p -> p.field() + ": " + p.message()).collect(Collectors.joining("; ")));
		this.problems = List.copyOf(problems);
	}

	public List<Problem> problems() {
		return problems;
	}
}
