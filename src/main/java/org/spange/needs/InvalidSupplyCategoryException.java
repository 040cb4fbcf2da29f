package org.spange.needs;

import java.util.List;
import java.util.stream.Collectors;

/** A category of supply that cannot be saved as given, with every problem by field; nothing written. */
public class InvalidSupplyCategoryException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/** One thing wrong with a field; {@code code} is a message key, {@code message} English. */
	public record Problem(String field, String code, String message) {
	}

	private final transient List<Problem> problems;

	public InvalidSupplyCategoryException(List<Problem> problems) {
		super(problems.stream().map(p -> p.field() + ": " + p.message()).collect(Collectors.joining("; ")));
		this.problems = List.copyOf(problems);
	}

	public List<Problem> problems() {
		return problems;
	}
}
