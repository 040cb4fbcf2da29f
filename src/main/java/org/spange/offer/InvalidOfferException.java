package org.spange.offer;

import java.util.List;
import java.util.stream.Collectors;

/** An organisation, offer or location that cannot be saved as given, with every problem by field; nothing written. */
public class InvalidOfferException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/** One thing wrong with a field; {@code code} is a message key, {@code message} English. */
	public record Problem(String field, String code, String message) {
	}

	private final transient List<Problem> problems;

	public InvalidOfferException(List<Problem> problems) {
		super(problems.stream().map(p -> p.field() + ": " + p.message()).collect(Collectors.joining("; ")));
		this.problems = List.copyOf(problems);
	}

	public List<Problem> problems() {
		return problems;
	}
}
