package org.spange.planning;

import java.util.List;
import java.util.stream.Collectors;

/** A guideline, goal, measure, transition or evaluation that cannot be saved as given; nothing was written. */
public class InvalidPlanningException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/** One thing wrong with a field; {@code code} is a message key below {@code planning.problem.}. */
	public record Problem(String field, String code, String message) {
	}

	private final transient List<Problem> problems;

	public InvalidPlanningException(List<Problem> problems) {
		super(problems.stream().map(p -> p.field() + ": " + p.message()).collect(Collectors.joining("; ")));
		this.problems = List.copyOf(problems);
	}

	public List<Problem> problems() {
		return problems;
	}
}
