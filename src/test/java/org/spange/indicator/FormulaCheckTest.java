package org.spange.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.spange.indicator.FormulaProblem.Severity;

/** Checks across indicators: unknown names, cycles, division by a variable that can be zero; computation order. */
class FormulaCheckTest {

	/** Counts can be zero; the total population of an area cannot. */
	private static final Set<String> VARIABLES = Set.of("sgb2_u15", "pop_u15", "pop_total", "births", "deaths");
	private static final Predicate<String> CAN_BE_ZERO = key -> !key.equals("pop_total");

	private static Map<String, Formula> indicators(String... keysAndFormulas) {
		Map<String, Formula> indicators = new LinkedHashMap<>();
		for (int i = 0; i < keysAndFormulas.length; i += 2) {
			indicators.put(keysAndFormulas[i], Formula.parse(keysAndFormulas[i + 1]));
		}
		return indicators;
	}

	private static List<FormulaProblem> check(String... keysAndFormulas) {
		return FormulaCheck.check(indicators(keysAndFormulas), VARIABLES, CAN_BE_ZERO);
	}

	@Test
	void goodFormulasHaveNoProblems() {
		assertThat(check(
				"sgb2_rate", "if(pop_u15 > 0, 100 * sgb2_u15 / pop_u15, 0)",
				"births_per_1000", "1000 * births / pop_total",
				"twice", "2 * sgb2_rate + births_per_1000")).isEmpty();
	}

	@Test
	void unknownNamesAtEveryUse() {
		List<FormulaProblem> problems = check(
				"sgb2_rate", "100 * sgb2_u15 / Pop_U16",
				"other", "foo + sgb2_rat + foo");
		assertThat(problems).extracting(FormulaProblem::indicator, FormulaProblem::severity,
				FormulaProblem::position, FormulaProblem::length, FormulaProblem::key, FormulaProblem::args)
				.containsExactly(
						tuple("other", Severity.ERROR, 0, 3, "formula.unknownName", List.of("foo")),
						tuple("other", Severity.ERROR, 6, 8, "formula.unknownNameSuggestion",
								List.of("sgb2_rat", "sgb2_rate")),
						tuple("other", Severity.ERROR, 17, 3, "formula.unknownName", List.of("foo")),
						tuple("sgb2_rate", Severity.ERROR, 17, 7, "formula.unknownNameSuggestion",
								List.of("pop_u16", "pop_u15")));
		assertThat(problems.get(0).message())
				.isEqualTo("Unknown name 'foo': there is no variable or indicator with this key.");
		assertThat(problems.get(3).message()).isEqualTo("Unknown name 'pop_u16': there is no variable or indicator"
				+ " with this key. Did you mean 'pop_u15'?");
	}

	@Test
	void aNameOfBothAVariableAndAnIndicatorIsAmbiguous() {
		List<FormulaProblem> problems = check("births", "deaths * 2", "ratio", "deaths / births");
		assertThat(problems).extracting(FormulaProblem::indicator, FormulaProblem::position, FormulaProblem::key)
				.containsExactly(tuple("ratio", 9, "formula.ambiguousName"));
	}

	@Test
	void cyclesAreReportedWithTheirPathForEveryIndicatorOnThem() {
		List<FormulaProblem> problems = check(
				"a", "b + 1",
				"b", "pop_total * c",
				"c", "if(births > 0, a, 0)",
				"d", "2 * D",
				"e", "a + d",
				"f", "births + 1");
		assertThat(problems).extracting(FormulaProblem::indicator, FormulaProblem::position, FormulaProblem::length,
				FormulaProblem::key, FormulaProblem::args)
				.containsExactly(
						tuple("a", 0, 1, "formula.cycle", List.of("a", "a → b → c → a")),
						tuple("b", 12, 1, "formula.cycle", List.of("b", "b → c → a → b")),
						tuple("c", 15, 1, "formula.cycle", List.of("c", "c → a → b → c")),
						tuple("d", 4, 1, "formula.cycle", List.of("d", "d → d")));
		assertThat(problems.get(0).message()).isEqualTo("Indicator 'a' depends on itself: a → b → c → a.");
		assertThat(problems).allMatch(FormulaProblem::isError);
	}

	@Test
	void theShortestCycleIsReported() {
		List<FormulaProblem> problems = check("a", "b + c", "b", "c", "c", "a");
		assertThat(problems).extracting(p -> p.args().get(1))
				.containsExactly("a → c → a", "b → c → a → b", "c → a → c");
		assertThat(problems.get(0).position()).as("at 'c' in 'b + c'").isEqualTo(4);
	}

	@Test
	void divisionByAVariableThatCanBeZeroIsAWarning() {
		List<FormulaProblem> problems = check("sgb2_rate", "100 * sgb2_u15 / pop_u15");
		assertThat(problems).singleElement().satisfies(problem -> {
			assertThat(problem.severity()).isEqualTo(Severity.WARNING);
			assertThat(problem.isError()).isFalse();
			assertThat(problem.key()).isEqualTo("formula.divisionByPossibleZero");
			assertThat(problem.position()).isEqualTo(17);
			assertThat(problem.length()).isEqualTo(7);
			assertThat(problem.args()).containsExactly("pop_u15");
			assertThat(problem.message()).isEqualTo("'pop_u15' can be zero in some areas; the result of the division"
					+ " is missing there. To give another value, write if(pop_u15 > 0, …, …).");
		});
	}

	@ParameterizedTest(name = "{0}: {1}")
	@CsvSource(delimiter = '|', textBlock = """
			births / pop_total                                  | -1 | -1
			births / (pop_u15 + pop_total)                      | -1 | -1
			births / (pop_u15 + Deaths)                         | 10 | 16
			births / (pop_u15 + deaths) * 2                     | 10 | 16
			births / (2 * pop_u15)                              | -1 | -1
			births / ind                                        | -1 | -1
			if(pop_u15 > 0, births / pop_u15, 0)                | -1 | -1
			if(pop_u15 != 0, births / pop_u15, 0)               | -1 | -1
			if(0 < pop_u15, births / pop_u15, 0)                | -1 | -1
			if(pop_u15 >= 1, births / pop_u15, 0)               | -1 | -1
			if(pop_u15 == 0, 0, births / pop_u15)               | -1 | -1
			if(pop_u15 <= 0, 0, births / pop_u15)               | -1 | -1
			if(not pop_u15 <= 0, births / pop_u15, 0)           | -1 | -1
			if(births > 1 and pop_u15 > 0, births / pop_u15, 0) | -1 | -1
			if(pop_u15 + deaths > 0, births / (pop_u15 + deaths), 0) | -1 | -1
			if(pop_u15 > 0, births / (pop_u15 + deaths), 0)     | -1 | -1
			if(pop_u15 > 0 and births / pop_u15 > 0.5, 1, 0)    | -1 | -1
			coalesce(births / pop_u15, 0)                       | -1 | -1
			if(pop_u15 >= 0, births / pop_u15, 0)               | 26 | 7
			if(pop_u15 > 0, 0, births / pop_u15)                | 28 | 7
			if(births > 1 or pop_u15 > 0, births / pop_u15, 0)  | 39 | 7
			if(pop_u15 > 0, 1, births / deaths)                 | 28 | 6
			coalesce(0, births / pop_u15)                       | 21 | 7
			if(pop_u15 > 0 or births / pop_u15 > 0.5, 1, 0)     | 27 | 7
			""")
	void divisionWarnings(String formula, int position, int length) {
		List<FormulaProblem> problems = check("x", formula, "ind", "births + 1");
		if (position < 0) {
			assertThat(problems).isEmpty();
		} else {
			assertThat(problems).extracting(FormulaProblem::severity, FormulaProblem::position,
					FormulaProblem::length, FormulaProblem::key)
					.containsExactly(tuple(Severity.WARNING, position, length, "formula.divisionByPossibleZero"));
		}
	}

	@Test
	void divisionByTheNumberZeroIsAnError() {
		List<FormulaProblem> problems = check("x", "coalesce(births / 0, 1)");
		assertThat(problems).extracting(FormulaProblem::severity, FormulaProblem::position, FormulaProblem::length,
				FormulaProblem::key, FormulaProblem::message)
				.containsExactly(tuple(Severity.ERROR, 9, 10, "formula.divisionByZero",
						"Division by zero in 'births / 0': the result is always missing."));
	}

	@Test
	void problemsAreOrderedByIndicatorAndPosition() {
		List<FormulaProblem> problems = check(
				"z", "nope / births",
				"a", "births / deaths + unknown");
		assertThat(problems).extracting(FormulaProblem::indicator, FormulaProblem::position, FormulaProblem::severity)
				.containsExactly(
						tuple("a", 9, Severity.WARNING),
						tuple("a", 18, Severity.ERROR),
						tuple("z", 0, Severity.ERROR),
						tuple("z", 7, Severity.WARNING));
	}

	@Test
	void computationOrderPutsReferencedIndicatorsFirst() {
		Map<String, Formula> indicators = indicators(
				"c", "a + b",
				"b", "a * 2",
				"a", "births / pop_total",
				"d", "deaths",
				"e", "c - b + a");
		List<String> order = FormulaCheck.computationOrder(indicators);
		assertThat(order).containsExactly("a", "b", "c", "d", "e");
		indicators.forEach((key, formula) -> formula.references().stream().filter(indicators::containsKey)
				.forEach(dependency -> assertThat(order.indexOf(dependency)).isLessThan(order.indexOf(key))));

		assertThat(FormulaCheck.computationOrder(indicators("z", "births", "y", "z * 2", "x", "deaths")))
				.containsExactly("x", "z", "y");
		assertThat(FormulaCheck.computationOrder(Map.of())).isEmpty();
	}

	@Test
	void computationOrderRefusesCycles() {
		assertThatThrownBy(() -> FormulaCheck.computationOrder(indicators(
				"a", "b + 1", "b", "a * 2", "c", "births", "d", "a + c")))
				.isInstanceOf(IllegalArgumentException.class)
				.hasMessage("Indicators form a cycle: a → b → a");
	}
}
