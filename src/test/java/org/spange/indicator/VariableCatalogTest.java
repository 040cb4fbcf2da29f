package org.spange.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.spange.SpangeTest;
import org.spange.indicator.InvalidVariableException.Problem;
import org.spange.indicator.Variable.AreaAggregation;
import org.spange.indicator.Variable.TimeAggregation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Variables and topics: validated with every problem named, audited, keys fixed once created. */
@SpangeTest
class VariableCatalogTest {

	private static final String P = "variablecatalogtest_";

	@Autowired
	IndicatorCatalog catalog;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	org.springframework.context.MessageSource messages;

	private List<Problem> problems(Runnable write) {
		IndicatorTestData.Snapshot before = IndicatorTestData.snapshot(jdbc);
		InvalidVariableException e = (InvalidVariableException) org.assertj.core.api.Assertions
			.catchThrowable(write::run);
		assertThat(e).as("rejected").isNotNull();
		assertThat(IndicatorTestData.snapshot(jdbc)).isEqualTo(before);
		for (Problem p : e.problems()) { // every problem can be shown in German and English
			for (java.util.Locale locale : List.of(java.util.Locale.GERMAN, java.util.Locale.ENGLISH)) {
				assertThat(messages.getMessage(p.code(), p.args().toArray(), locale)).doesNotContain("{0}");
			}
		}
		return e.problems();
	}

	private long audits(String action, String key) {
		return jdbc.sql("select count(*) from access.audit_event where action = ? and subject_id = ?")
			.params(action, key).query(Long.class).single();
	}

	@Test
	void createsReadsAndUpdatesAVariableWithATopic() {
		catalog.saveTopic(new Topic("variablecatalogtest-social", "Soziales", "Social affairs", null));
		catalog.saveTopic(new Topic("variablecatalogtest-benefits", "Leistungen", "Benefits",
				"variablecatalogtest-social"));
		Variable pop = catalog.createVariable(new Variable(P + "pop", " Bevölkerung ", "Population", null,
				"variablecatalogtest-social", "Statistik Austria", "CC BY 4.0", "", AreaAggregation.SUM, null,
				TimeAggregation.LAST, true, false, true));
		assertThat(pop.nameDe()).isEqualTo("Bevölkerung");
		assertThat(pop.unit()).isEmpty();
		assertThat(pop.description()).isNull();
		assertThat(audits("indicator.variable.create", P + "pop")).isEqualTo(1);

		Variable age = catalog.createVariable(new Variable(P + "age", "Durchschnittsalter", "Mean age", "Jahre",
				"variablecatalogtest-benefits", "Synthetisch", "CC0", null, AreaAggregation.WEIGHTED_MEAN, P + "pop",
				TimeAggregation.MEAN, true, true, false));
		assertThat(catalog.variable(P + "age")).contains(age);
		assertThat(age.weightKey()).isEqualTo(P + "pop");
		assertThat(catalog.variables(false)).contains(pop, age);
		assertThat(catalog.variables(true)).contains(pop).doesNotContain(age);
		assertThat(catalog.topics()).extracting(Topic::key, Topic::parentKey)
			.containsSubsequence(tuple("variablecatalogtest-social", null),
					tuple("variablecatalogtest-benefits", "variablecatalogtest-social"));

		Variable published = new Variable(null, age.nameDe(), age.nameEn(), age.unit(), age.topicKey(),
				age.source(), age.licence(), "Gewichtet mit der Bevölkerung", age.areaAggregation(), age.weightKey(),
				age.timeAggregation(), true, true, true);
		assertThat(catalog.updateVariable(P + "age", published)).get()
			.extracting(Variable::key, Variable::published, Variable::description)
			.containsExactly(P + "age", true, "Gewichtet mit der Bevölkerung");
		assertThat(audits("indicator.variable.update", P + "age")).isEqualTo(1);
		assertThat(catalog.updateVariable(P + "nobody", published)).isEmpty();

		// the weight must stay a sum
		Variable popAsMean = new Variable(P + "pop", "Bevölkerung", "Population", "", null, null, null, null,
				AreaAggregation.NONE, null, TimeAggregation.LAST, true, false, true);
		assertThat(problems(() -> catalog.updateVariable(P + "pop", popAsMean)))
			.extracting(Problem::field, Problem::code).containsExactly(tuple("areaAggregation", "variable.weight.inUse"));
	}

	@Test
	void reportsEveryProblemOfAVariable() {
		assertThat(problems(() -> catalog.createVariable(new Variable("Bad Key", "", null, "x".repeat(41), "nope",
				null, null, null, null, null, null, false, false, false))))
			.extracting(Problem::field, Problem::code)
			.containsExactly(tuple("key", "variable.key.invalid"), tuple("nameDe", "variable.name.required"),
					tuple("nameEn", "variable.name.required"), tuple("unit", "variable.unit.tooLong"),
					tuple("topicKey", "variable.topic.unknown"),
					tuple("areaAggregation", "variable.aggregation.required"),
					tuple("timeAggregation", "variable.timeAggregation.required"));

		for (String key : List.of("if", "and", "min", "1abc", "a-b", "x".repeat(61))) {
			assertThat(problems(() -> catalog.createVariable(IndicatorTestData.count(key))))
				.as(key).extracting(Problem::code).containsExactly("variable.key.invalid");
		}

		IndicatorTestData.ensure(catalog, IndicatorTestData.count(P + "twice"));
		assertThat(problems(() -> catalog.createVariable(IndicatorTestData.count(P + "twice"))))
			.extracting(Problem::code).containsExactly("variable.key.exists");
	}

	@Test
	void checksTheWeightOfAWeightedMean() {
		Variable mean = IndicatorTestData.count(P + "mean");
		IndicatorTestData.ensure(catalog, new Variable(P + "rate", "Quote", "Rate", "%", null, null, null, null,
				AreaAggregation.NONE, null, TimeAggregation.MEAN, true, false, false));
		assertThat(problems(() -> catalog.createVariable(weighted(mean, null)))).extracting(Problem::code)
			.containsExactly("variable.weight.required");
		assertThat(problems(() -> catalog.createVariable(weighted(mean, P + "mean")))).extracting(Problem::code)
			.containsExactly("variable.weight.self");
		assertThat(problems(() -> catalog.createVariable(weighted(mean, P + "none")))).extracting(Problem::code)
			.containsExactly("variable.weight.unknown");
		assertThat(problems(() -> catalog.createVariable(weighted(mean, P + "rate")))).extracting(Problem::code)
			.containsExactly("variable.weight.notSum");
		Variable sumWithWeight = new Variable(mean.key(), "a", "a", "", null, null, null, null, AreaAggregation.SUM,
				P + "rate", TimeAggregation.SUM, false, false, false);
		assertThat(problems(() -> catalog.createVariable(sumWithWeight))).extracting(Problem::code)
			.containsExactly("variable.weight.unexpected");
	}

	@Test
	void theKeyCannotChangeAndTopicsCannotFormACycle() {
		Variable v = IndicatorTestData.ensure(catalog, IndicatorTestData.count(P + "fixed"));
		Variable renamed = new Variable(P + "renamed", v.nameDe(), v.nameEn(), v.unit(), null, null, null, null,
				v.areaAggregation(), null, v.timeAggregation(), true, false, false);
		assertThat(problems(() -> catalog.updateVariable(P + "fixed", renamed))).extracting(Problem::code)
			.containsExactly("variable.key.immutable");

		catalog.saveTopic(new Topic("variablecatalogtest-a", "A", "A", null));
		catalog.saveTopic(new Topic("variablecatalogtest-b", "B", "B", "variablecatalogtest-a"));
		assertThat(problems(() -> catalog.saveTopic(new Topic("variablecatalogtest-a", "A", "A",
				"variablecatalogtest-b")))).extracting(Problem::code).containsExactly("topic.parent.cycle");
		assertThat(problems(() -> catalog.saveTopic(new Topic("Bad key", "", "B", "nope"))))
			.extracting(Problem::code)
			.containsExactly("topic.key.invalid", "variable.name.required", "topic.parent.unknown");
		assertThatThrownBy(() -> catalog.saveTopic(null)).isInstanceOf(NullPointerException.class);
	}

	private static Variable weighted(Variable v, String weight) {
		return new Variable(v.key(), v.nameDe(), v.nameEn(), v.unit(), null, null, null, null,
				AreaAggregation.WEIGHTED_MEAN, weight, TimeAggregation.MEAN, false, false, false);
	}
}
