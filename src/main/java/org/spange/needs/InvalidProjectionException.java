package org.spange.needs;

import java.util.List;
import java.util.stream.Collectors;

/** A projection scenario or rate that cannot be saved as given, with every problem by field; nothing written. */
public class InvalidProjectionException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final transient List<InvalidSupplyCategoryException.Problem> problems;

	public InvalidProjectionException(List<InvalidSupplyCategoryException.Problem> problems) {
		super(problems.stream().map(p -> p.field() + ": " + p.message()).collect(Collectors.joining("; ")));
		this.problems = List.copyOf(problems);
	}

	public List<InvalidSupplyCategoryException.Problem> problems() {
		return problems;
	}
}
