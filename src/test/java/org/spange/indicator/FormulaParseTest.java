package org.spange.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.OptionalDouble;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Good formulas: precedence, signs, functions, and a canonical form that parses back to itself. */
class FormulaParseTest {

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource(delimiter = '|', textBlock = """
			100 * sgb2_u15 / pop_u15                 | 100 * sgb2_u15 / pop_u15
			100*SGB2_U15/Pop_U15                     | 100 * sgb2_u15 / pop_u15
			'  a+b*c  '                              | a + b * c
			(a + b) * c                              | (a + b) * c
			a + (b * c)                              | a + b * c
			(a - b) - c                              | a - b - c
			a - (b - c)                              | a - (b - c)
			a / (b * c)                              | a / (b * c)
			a * (b / c)                              | a * (b / c)
			((a))                                    | a
			-a * b                                   | -a * b
			-(a * b)                                 | -(a * b)
			-(a + b)                                 | -(a + b)
			--a                                      | -(-a)
			a - -b                                   | a - -b
			a--5                                     | a - -5
			- 2.50                                   | -2.5
			.5 + 1.25e2                              | 0.5 + 125
			1.5E-3                                   | 0.0015
			1e6                                      | 1000000
			0.000000001                              | 1e-9
			MIN(A,B , c)                             | min(a, b, c)
			max(min(a, b), abs(c - d), 0)            | max(min(a, b), abs(c - d), 0)
			coalesce(a / b, c, 0)                    | coalesce(a / b, c, 0)
			round(x * 100, -2)                       | round(x * 100, -2)
			if((a > 0), 1, 2)                        | if(a > 0, 1, 2)
			if(a>0 and not b<=1 or c==2, a, b)       | if(a > 0 and not b <= 1 or c == 2, a, b)
			if(a > 0 and (b > 0 or c != 0), a, b)    | if(a > 0 and (b > 0 or c != 0), a, b)
			if((a > 0 and b > 0) or c >= 1, a, b)    | if(a > 0 and b > 0 or c >= 1, a, b)
			if(not (a > 0 or b < 0), 1, 2)           | if(not (a > 0 or b < 0), 1, 2)
			if(a + 1 > b * 2, a, -b)                 | if(a + 1 > b * 2, a, -b)
			""")
	void canonicalForm(String text, String canonical) {
		Formula formula = Formula.parse(text);
		assertThat(formula).hasToString(canonical);
		assertThat(formula.text()).isEqualTo(text);
		Formula again = Formula.parse(formula.toString());
		assertThat(again).hasToString(canonical).isEqualTo(formula);
		// the same value, too (the canonical form keeps the tree)
		Map<String, OptionalDouble> values = Map.of("a", OptionalDouble.of(7), "b", OptionalDouble.of(-3),
				"c", OptionalDouble.of(2.5), "d", OptionalDouble.of(11), "x", OptionalDouble.of(12.3456),
				"sgb2_u15", OptionalDouble.of(40), "pop_u15", OptionalDouble.of(160));
		assertThat(again.evaluate(values::get)).isEqualTo(formula.evaluate(values::get));
	}

	@ParameterizedTest(name = "{0} = {1}")
	@CsvSource(delimiter = '|', textBlock = """
			2 + 3 * 4            | 14
			(2 + 3) * 4          | 20
			2 * 3 + 4            | 10
			10 - 4 - 3           | 3
			10 - (4 - 3)         | 9
			64 / 4 / 2           | 8
			64 / (4 / 2)         | 32
			-2 * 3               | -6
			-(2 + 3) * 4         | -20
			2 - -3               | 5
			--4                  | 4
			2 * -3 + 1           | -5
			1 + 2 * 3 - 4 / 2    | 5
			max(1, min(5, 3), 2) | 3
			abs(-7.5)            | 7.5
			if(1 < 2, 10, 20)    | 10
			if(1 >= 2, 10, 20)   | 20
			if(not 1 == 1 or 2 != 2, 1, 0) | 0
			if(1 < 2 and 3 > 2, 1, 0)      | 1
			round(2.5, 0)        | 3
			round(-2.5, 0)       | -3
			round(1.005, 2)      | 1.01
			round(1234, -2)      | 1200
			0.1 + 0.2            | 0.30000000000000004
			""")
	void precedenceAndFunctions(String text, double expected) {
		assertThat(Formula.parse(text).evaluate(name -> OptionalDouble.empty())).hasValue(expected);
	}

	@Test
	void referencesAreLowerCaseInOrderOfFirstUse() {
		Formula formula = Formula.parse("if(Pop > 0, 100 * SGB2_u15 / pop, coalesce(rate, pop))");
		assertThat(formula.references()).containsExactly("pop", "sgb2_u15", "rate");
		assertThat(Formula.parse("12 * 3").references()).isEmpty();
	}

	@Test
	void formulasAreEqualByCanonicalForm() {
		assertThat(Formula.parse("(A+b)*c")).isEqualTo(Formula.parse("(a + b) * c"))
				.hasSameHashCodeAs(Formula.parse("(a + b) * c"));
		assertThat(Formula.parse("a + b * c")).isNotEqualTo(Formula.parse("(a + b) * c"));
	}

	@Test
	void namesForKeys() {
		assertThat(Formula.isName("pop_u15")).isTrue();
		assertThat(Formula.isName("_x1")).isTrue();
		assertThat(Formula.isName("Pop")).as("keys are lower-case").isFalse();
		assertThat(Formula.isName("1pop")).isFalse();
		assertThat(Formula.isName("bevölkerung")).isFalse();
		assertThat(Formula.isName("and")).as("keyword").isFalse();
		assertThat(Formula.isName("min")).as("function").isFalse();
		assertThat(Formula.isName("")).isFalse();
		assertThat(Formula.isName(null)).isFalse();
	}

	@Test
	void nestingUpToTheLimitIsFine() {
		String deep = "(".repeat(FormulaParser.MAX_DEPTH) + "a" + ")".repeat(FormulaParser.MAX_DEPTH);
		assertThat(Formula.parse(deep)).hasToString("a");
		String longSum = "a + ".repeat(999) + "a"; // 3,997 characters
		assertThat(Formula.parse(longSum).evaluate(name -> OptionalDouble.of(1))).hasValue(1000);
	}
}
