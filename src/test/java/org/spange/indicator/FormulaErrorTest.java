package org.spange.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every bad formula is rejected with the position, length and key of its first error. */
class FormulaErrorTest {

	private static FormulaException error(String text) {
		FormulaException e = catchThrowableOfType(FormulaException.class, () -> Formula.parse(text));
		assertThat(e).as("error in [%s]", text).isNotNull();
		return e;
	}

	@ParameterizedTest(name = "[{0}] at {1}+{2}: {3}")
	@CsvSource(delimiter = '|', textBlock = """
			''                     | 0  | 0  | formula.empty
			'   '                  | 0  | 0  | formula.empty
			a +                    | 3  | 0  | formula.unexpectedEnd
			'a +   '               | 3  | 0  | formula.unexpectedEnd
			(                      | 1  | 0  | formula.unexpectedEnd
			a + * b                | 4  | 1  | formula.expectedOperand
			)                      | 0  | 1  | formula.expectedOperand
			and                    | 0  | 3  | formula.expectedOperand
			a + or                 | 4  | 2  | formula.expectedOperand
			a b                    | 2  | 1  | formula.trailingInput
			100 * x / y z          | 12 | 1  | formula.trailingInput
			a + b)                 | 5  | 1  | formula.unmatchedParenthesis
			(a + b                 | 0  | 1  | formula.unclosedParenthesis
			x * ((a + b) * c       | 4  | 1  | formula.unclosedParenthesis
			(a + b c)              | 7  | 1  | formula.expectedClosingParenthesis
			min(a, b               | 3  | 1  | formula.unclosedParenthesis
			min(a b)               | 6  | 1  | formula.expectedCommaOrClosingParenthesis
			min(a, )               | 7  | 1  | formula.expectedOperand
			min(, a)               | 4  | 1  | formula.expectedOperand
			sum(a, b)              | 0  | 3  | formula.unknownFunction
			2 * Summe(a)           | 4  | 5  | formula.unknownFunction
			min + 1                | 0  | 3  | formula.functionWithoutArguments
			round(a)               | 0  | 8  | formula.arityExact
			x + if(a > 0, b)       | 4  | 12 | formula.arityExact
			abs(a, b)              | 0  | 9  | formula.arityExact
			min(a)                 | 0  | 6  | formula.arityAtLeast
			coalesce()             | 0  | 10 | formula.arityAtLeast
			round(x, 1.5)          | 9  | 3  | formula.roundDigits
			round(x, y)            | 9  | 1  | formula.roundDigits
			round(x, 16)           | 9  | 2  | formula.roundDigits
			a > 0                  | 0  | 5  | formula.numberExpected
			(a > 0) + 1            | 1  | 5  | formula.numberExpected
			if(a > 0, b > 0, c)    | 10 | 5  | formula.numberExpected
			-(a > 0)               | 2  | 5  | formula.numberExpected
			if(a, b, c)            | 3  | 1  | formula.conditionExpected
			if(a and b > 0, 1, 2)  | 3  | 1  | formula.conditionExpected
			if(not a + 1, 1, 2)    | 7  | 5  | formula.conditionExpected
			if(a < b < c, 1, 2)    | 9  | 1  | formula.chainedComparison
			if(a = b, 1, 2)        | 5  | 1  | formula.singleEquals
			a $ b                  | 2  | 1  | formula.unexpectedCharacter
			größe                  | 2  | 1  | formula.unexpectedCharacter
			a ^ 2                  | 2  | 1  | formula.unexpectedCharacter
			if(a > 0 && b > 0, 1, 2) | 9 | 1 | formula.unexpectedCharacter
			1,5 * a                | 1  | 1  | formula.decimalComma
			x * (1,5 + a)          | 6  | 1  | formula.decimalComma
			1.                     | 0  | 2  | formula.badNumber
			1.2.3                  | 0  | 5  | formula.badNumber
			15jahre + 1            | 0  | 7  | formula.badNumber
			1e999                  | 0  | 5  | formula.badNumber
			""")
	void rejected(String text, int position, int length, String key) {
		FormulaException e = error(text);
		assertThat(e.key()).isEqualTo(key);
		assertThat(e.position()).as("position").isEqualTo(position);
		assertThat(e.length()).as("length").isEqualTo(length);
		assertThat(e.getMessage()).doesNotContain("{").isEqualTo(Messages.english(key, e.args()));
	}

	@Test
	void messagesQuoteTheOffendingToken() {
		assertThat(error("sum(a, b)").getMessage()).contains("'sum'").contains("abs, coalesce, if, max, min, round");
		assertThat(error("sum(a, b)").args()).containsExactly("sum", "abs, coalesce, if, max, min, round");
		assertThat(error("a $ b").getMessage()).isEqualTo("Unexpected character '$'. Names consist of the letters"
				+ " a–z, digits and _; operators are + - * / < <= > >= == !=.");
		assertThat(error("a b").getMessage()).startsWith("Unexpected 'b':");
		assertThat(error("a + b)").getMessage()).isEqualTo("')' has no matching '('.");
		assertThat(error("(a + b").getMessage()).isEqualTo("'(' is never closed: a ')' is missing.");
		assertThat(error("a > 0").getMessage()).startsWith("'a > 0' is a condition, but a number is needed here.");
		assertThat(error("15jahre").getMessage()).startsWith("'15jahre' is not a valid number.");
		assertThat(error("Round(x)").getMessage())
				.isEqualTo("Wrong number of arguments for round: 1 given, 2 expected: round(x, digits).");
		assertThat(error("a = b").getMessage()).isEqualTo("'=' is not an operator: use '==' to compare.");
	}

	@Test
	void aDecimalCommaIsExplained() {
		FormulaException e = error("100 * x / 1,5");
		assertThat(e.position()).isEqualTo(11);
		assertThat(e.args()).containsExactly("1,5", "1.5");
		assertThat(e.getMessage()).isEqualTo("Unexpected comma in '1,5': write decimal numbers with a point (1.5);"
				+ " the comma only separates the arguments of a function.");
		// inside a function the comma separates arguments
		assertThat(Formula.parse("max(1,5)")).hasToString("max(1, 5)");
	}

	@Test
	void theFirstErrorFromTheLeftWins() {
		assertThat(error("a + * b $").position()).isEqualTo(4);
		assertThat(error("a $ b +").position()).isEqualTo(2);
		assertThat(error("sum(a, ) + 1").key()).isEqualTo("formula.unknownFunction");
	}

	@Test
	void nullIsEmpty() {
		assertThat(error(null).key()).isEqualTo("formula.empty");
	}

	@Test
	void tooDeepAndTooLong() {
		FormulaException deep = error("(".repeat(FormulaParser.MAX_DEPTH + 1) + "a" + ")".repeat(101));
		assertThat(deep.key()).isEqualTo("formula.tooDeep");
		assertThat(deep.position()).isEqualTo(FormulaParser.MAX_DEPTH);
		assertThat(error("-".repeat(FormulaParser.MAX_DEPTH + 1) + "a").key()).isEqualTo("formula.tooDeep");

		FormulaException tooLong = error("a + ".repeat(1000) + "a");
		assertThat(tooLong.key()).isEqualTo("formula.tooLong");
		assertThat(tooLong.position()).isEqualTo(FormulaParser.MAX_LENGTH);
		assertThat(tooLong.length()).isEqualTo(1);
		assertThat(tooLong.args()).containsExactly("4001", "4000");
	}

	@Test
	void aParseErrorBecomesAProblemOfTheIndicator() {
		FormulaProblem problem = FormulaProblem.of("quote", error("a +"));
		assertThat(problem).isEqualTo(new FormulaProblem("quote", FormulaProblem.Severity.ERROR, 3, 0,
				"formula.unexpectedEnd", List.of("+"),
				"The formula ends too early: a number, a name or '(' is missing after '+'."));
		assertThat(problem.isError()).isTrue();
	}

	/** Spring formats a message with MessageFormat only if it has arguments: quotes need them. */
	@Test
	void everyMessageWithQuotesHasArguments() {
		for (Map.Entry<String, String> message : Messages.ENGLISH.entrySet()) {
			assertThat(message.getKey()).startsWith("formula.");
			if (message.getValue().contains("'")) {
				assertThat(message.getValue()).as(message.getKey()).contains("{0}");
			}
		}
	}
}
