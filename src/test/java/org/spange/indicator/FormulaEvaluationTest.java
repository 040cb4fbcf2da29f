package org.spange.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Evaluation over variable values where some are missing: missing stays missing, never zero. */
class FormulaEvaluationTest {

	/** x = 8, y = 2, zero = 0, big = 1e308; m is missing. */
	private static final Map<String, OptionalDouble> VALUES = Map.of("x", OptionalDouble.of(8), "y",
			OptionalDouble.of(2), "zero", OptionalDouble.of(0), "big", OptionalDouble.of(1e308), "m",
			OptionalDouble.empty());

	private static OptionalDouble evaluate(String formula) {
		return Formula.parse(formula).evaluate(name -> VALUES.getOrDefault(name, OptionalDouble.empty()));
	}

	@ParameterizedTest(name = "{0} = {1}")
	@CsvSource(delimiter = '|', textBlock = """
			x / y                         | 4
			coalesce(m, x)                | 8
			coalesce(m, m / y, y, x)      | 2
			coalesce(x / zero, -1)        | -1
			if(x > y, x, m)               | 8
			if(x < y, m, y)               | 2
			if(zero > 0, x / zero, 0)     | 0
			if(x > 0 or m > 0, 1, 0)      | 1
			if(m > 0 or x > 0, 1, 0)      | 1
			if(zero > 0 and m > 0, 1, 0)  | 0
			if(m > 0 and zero > 0, 1, 0)  | 0
			if(not (m > 0 and zero > 0), 1, 0) | 1
			0 * big                       | 0
			""")
	void present(String formula, double expected) {
		assertThat(evaluate(formula)).hasValue(expected);
	}

	@ParameterizedTest(name = "{0} is missing")
	@CsvSource(delimiter = '|', textBlock = """
			m
			m + 1
			x + m
			0 * m
			-m
			x / zero
			zero / zero
			m / zero
			abs(m)
			round(m, 2)
			min(x, m, y)
			max(m, x)
			coalesce(m, m / y)
			coalesce(m, x / zero)
			if(m > 0, x, y)
			if(m == m, x, y)
			if(not m > 0, x, y)
			if(x > 0, m, y)
			if(x > 0 and m > 0, 1, 0)
			if(zero > 0 or m > 0, 1, 0)
			big * 10
			-big - big
			unknown_name
			""")
	void missing(String formula) {
		assertThat(evaluate(formula)).isEmpty();
	}

	@Test
	void onlyTheNeededOperandsAreLookedUp() {
		List<String> asked = new ArrayList<>();
		Function<String, OptionalDouble> values = name -> {
			asked.add(name);
			return VALUES.getOrDefault(name, OptionalDouble.empty());
		};
		assertThat(Formula.parse("if(x > y, a, b)").evaluate(values)).isEmpty();
		assertThat(asked).containsExactly("x", "y", "a");

		asked.clear();
		assertThat(Formula.parse("coalesce(x, a, b)").evaluate(values)).hasValue(8);
		assertThat(asked).containsExactly("x");

		asked.clear();
		assertThat(Formula.parse("if(zero > 0 and a / zero > 1, 1, 2)").evaluate(values)).hasValue(2);
		assertThat(asked).containsExactly("zero");
	}

	@Test
	void aNullLookupOrAnInfiniteValueIsMissing() {
		assertThat(Formula.parse("a + 1").evaluate(name -> null)).isEmpty();
		assertThat(Formula.parse("a + 1").evaluate(name -> OptionalDouble.of(Double.NaN))).isEmpty();
		assertThat(Formula.parse("coalesce(a, 1)").evaluate(name -> OptionalDouble.of(Double.POSITIVE_INFINITY)))
				.hasValue(1);
	}

	/** The indicator at a planning region is the ratio of the sums of its Gemeinden, not the mean of their rates. */
	@Test
	void ratioOfSumsOverBaseAreas() {
		Formula rate = Formula.parse("100 * sgb2_u15 / pop_u15");
		List<Map<String, Double>> gemeinden = List.of(
				Map.of("sgb2_u15", 10.0, "pop_u15", 100.0),
				Map.of("sgb2_u15", 90.0, "pop_u15", 300.0));
		assertThat(rate.evaluate(name -> OptionalDouble.of(gemeinden.get(0).get(name)))).hasValue(10);
		assertThat(rate.evaluate(name -> OptionalDouble.of(gemeinden.get(1).get(name)))).hasValue(30);

		Map<String, Double> sums = new HashMap<>();
		gemeinden.forEach(g -> g.forEach((key, value) -> sums.merge(key, value, Double::sum)));
		assertThat(rate.evaluate(name -> OptionalDouble.of(sums.get(name)))).hasValue(25);

		// a Gemeinde without children: missing, not 0 %
		assertThat(rate.evaluate(name -> OptionalDouble.of(0))).isEmpty();
	}
}
