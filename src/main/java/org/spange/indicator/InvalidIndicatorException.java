package org.spange.indicator;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.spange.indicator.InvalidVariableException.Problem;

/** An indicator that cannot be saved as given: every problem found; nothing was written. */
public class InvalidIndicatorException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final transient List<Problem> fieldProblems;
	private final transient List<FormulaProblem> formulaProblems;

	/**
	 * @param fieldProblems   problems of fields other than the formula
	 * @param formulaProblems errors (and the warnings beside them) in the formula, with positions
	 */
	public InvalidIndicatorException(List<Problem> fieldProblems, List<FormulaProblem> formulaProblems) {
		super(Stream.concat(fieldProblems.stream().map(p -> p.field() + ": " + p.message()),
				formulaProblems.stream().filter(FormulaProblem::isError).map(p -> "formula: " + p.message()))
			.collect(Collectors.joining("; ")));
		this.fieldProblems = List.copyOf(fieldProblems);
		this.formulaProblems = List.copyOf(formulaProblems);
	}

	public List<Problem> fieldProblems() {
		return fieldProblems;
	}

	public List<FormulaProblem> formulaProblems() {
		return formulaProblems;
	}
}
