package org.spange.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.spange.SpangeTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Indicators are checked on save: fields, unknown names, cycles, shared names; nothing is written when one fails. */
@SpangeTest
class IndicatorDefinitionTest {

	private static final String P = "indicatordefinitiontest_";

	@Autowired
	IndicatorCatalog catalog;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@BeforeEach
	void variables() {
		IndicatorTestData.ensure(catalog, IndicatorTestData.count(P + "pop"));
		IndicatorTestData.ensure(catalog, IndicatorTestData.count(P + "poor"));
	}

	private static Indicator indicator(String key, String formula) {
		return new Indicator(key, "Test " + key, "Test " + key, formula, "%", Polarity.HIGHER_IS_WORSE, 1, null, null,
				false);
	}

	private long indicators() {
		return jdbc.sql("select count(*) from indicator.indicator").query(Long.class).single();
	}

	@Test
	void anUnknownNameIsReportedAtItsPositionAndNothingIsWritten() {
		long before = indicators();
		assertThatThrownBy(() -> catalog.saveIndicator(indicator(P + "bad", "100 * " + P + "poorr / " + P + "pop")))
			.isInstanceOfSatisfying(InvalidIndicatorException.class, e -> {
				assertThat(e.formulaProblems()).filteredOn(FormulaProblem::isError).singleElement().satisfies(p -> {
					assertThat(p.key()).startsWith("formula.unknownName");
					assertThat(p.position()).isEqualTo(6);
					assertThat(p.length()).isEqualTo((P + "poorr").length());
				});
			});
		assertThat(indicators()).isEqualTo(before);
	}

	@Test
	void aSyntaxErrorAndBadFieldsAreAllReported() {
		assertThatThrownBy(() -> catalog.saveIndicator(new Indicator(P + "syntax", " ", "x", "100 * (" + P + "pop",
				"%", null, 9, "no-such-topic", null, false)))
			.isInstanceOfSatisfying(InvalidIndicatorException.class, e -> {
				assertThat(e.fieldProblems()).extracting(InvalidVariableException.Problem::field)
					.containsExactlyInAnyOrder("nameDe", "polarity", "decimals", "topicKey");
				assertThat(e.formulaProblems()).singleElement()
					.satisfies(p -> assertThat(p.position()).as("the parenthesis never closed").isEqualTo(6));
			});
	}

	@Test
	void cyclesAndSharedNamesAreRefused() {
		catalog.saveIndicator(indicator(P + "a", "2 * " + P + "pop"));
		catalog.saveIndicator(indicator(P + "b", "2 * " + P + "a"));
		assertThatThrownBy(() -> catalog.saveIndicator(indicator(P + "a", "2 * " + P + "b")))
			.isInstanceOfSatisfying(InvalidIndicatorException.class, e -> assertThat(e.formulaProblems())
				.anySatisfy(p -> assertThat(p.key()).isEqualTo("formula.cycle")));
		assertThat(catalog.indicator(P + "a").orElseThrow().formula()).as("unchanged").isEqualTo("2 * " + P + "pop");
		assertThatThrownBy(() -> catalog.saveIndicator(indicator(P + "pop", "1")))
			.isInstanceOfSatisfying(InvalidIndicatorException.class, e -> assertThat(e.fieldProblems())
				.extracting(InvalidVariableException.Problem::code).containsExactly("indicator.key.isVariable"));
		assertThatThrownBy(() -> catalog.createVariable(IndicatorTestData.count(P + "a")))
			.isInstanceOfSatisfying(InvalidVariableException.class, e -> assertThat(e.problems())
				.extracting(InvalidVariableException.Problem::code).containsExactly("variable.key.isIndicator"));
	}

	@Test
	void checkingWarnsOfADivisionByACountThatCanBeZero() {
		List<FormulaProblem> problems = catalog.checkIndicator(indicator(P + "warn", P + "poor / " + P + "pop"));
		assertThat(problems).singleElement().satisfies(p -> {
			assertThat(p.isError()).isFalse();
			assertThat(p.key()).isEqualTo("formula.divisionByPossibleZero");
		});
		catalog.saveIndicator(indicator(P + "c", "2 * " + P + "pop"));
		catalog.saveIndicator(indicator(P + "d", P + "c + " + P + "pop"));
		assertThat(catalog.inputs(P + "d")).extracting(Variable::key).containsExactly(P + "pop");
	}

	@Test
	void theApiSavesAndAnswersWithFormulaProblems() throws Exception {
		String body = """
				{"nameDe": "Quote", "nameEn": "Rate", "formula": "100 * %1$spoor / %1$spop", "unit": "%%",
				 "polarity": "HIGHER_IS_WORSE", "decimals": 1, "published": true}""".formatted(P);
		mvc.perform(put("/api/v1/indicators/indicators/" + P + "api").with(user("p").roles("PLANNER")).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isOk()).andExpect(jsonPath("$.formula").value("100 * " + P + "poor / " + P + "pop"));
		mvc.perform(get("/api/v1/indicators/indicators/" + P + "api")).andExpect(status().isOk())
			.andExpect(jsonPath("$.published").value(true));
		mvc.perform(put("/api/v1/indicators/indicators/" + P + "api2").with(user("p").roles("PLANNER")).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content(body.replace("poor", "nope")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.formulaProblems[0].position").value(6));
	}
}
