package org.spange.indicator.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.spange.access.AuditLog;
import org.spange.area.AreaId;
import org.spange.indicator.Formula;
import org.spange.indicator.FormulaCheck;
import org.spange.indicator.FormulaException;
import org.spange.indicator.FormulaProblem;
import org.spange.indicator.Indicator;
import org.spange.indicator.IndicatorCatalog;
import org.spange.indicator.InvalidIndicatorException;
import org.spange.indicator.InvalidVariableException;
import org.spange.indicator.InvalidVariableException.Problem;
import org.spange.indicator.Observation;
import org.spange.indicator.Period;
import org.spange.indicator.Topic;
import org.spange.indicator.Variable;
import org.spange.indicator.Variable.AreaAggregation;
import org.spange.indicator.internal.IndicatorStore.StoredVariable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Topics, variables and indicators, validated before they are written and audited when they are. */
@Service
class JdbcIndicatorCatalog implements IndicatorCatalog {

	private static final int MAX_KEY = 60;
	private static final int MAX_NAME = 200;
	private static final int MAX_UNIT = 40;
	private static final int MAX_TEXT = 4000;

	private final IndicatorStore store;
	private final AuditLog audit;
	private final TransactionTemplate tx;
	private final IndicatorEngine engine;

	JdbcIndicatorCatalog(IndicatorStore store, AuditLog audit, TransactionTemplate tx, IndicatorEngine engine) {
		this.store = store;
		this.engine = engine;
		this.audit = audit;
		this.tx = tx;
	}

	@Override
	public List<Topic> topics() {
		return store.topics();
	}

	@Override
	public Topic saveTopic(Topic topic) {
		Objects.requireNonNull(topic, "topic");
		return tx.execute(status -> {
			List<Problem> problems = new ArrayList<>();
			if (topic.key() == null || !topic.key().matches("[a-z0-9_-]{1,60}")) {
				problems.add(problem("key", "topic.key.invalid",
						"The key must be 1–60 lower-case letters, digits, '-' or '_'", String.valueOf(topic.key())));
			}
			name("nameDe", topic.nameDe(), problems);
			name("nameEn", topic.nameEn(), problems);
			Integer parentId = null;
			if (topic.parentKey() != null && !topic.parentKey().isBlank()) {
				Optional<Integer> parent = store.topicId(topic.parentKey());
				if (parent.isEmpty()) {
					problems.add(problem("parentKey", "topic.parent.unknown",
							"There is no topic '" + topic.parentKey() + "'", topic.parentKey()));
				} else if (store.topicAncestry(topic.parentKey()).contains(topic.key())) {
					problems.add(problem("parentKey", "topic.parent.cycle",
							"Topic '" + topic.key() + "' cannot be placed under itself or one of its subtopics",
							topic.key(), topic.parentKey()));
				} else {
					parentId = parent.get();
				}
			}
			if (!problems.isEmpty()) {
				throw new InvalidVariableException(problems);
			}
			Topic saved = new Topic(topic.key(), topic.nameDe().strip(), topic.nameEn().strip(),
					parentId == null ? null : topic.parentKey());
			store.saveTopic(saved, parentId);
			audit.record("indicator.topic.save", "topic", saved.key(), Map.of("name", saved.nameDe()));
			return saved;
		});
	}

	@Override
	public List<Variable> variables(boolean publishedOnly) {
		return store.variables(publishedOnly).stream().map(StoredVariable::variable).toList();
	}

	@Override
	public Optional<Variable> variable(String key) {
		return key == null ? Optional.empty() : store.variable(key).map(StoredVariable::variable);
	}

	@Override
	public Variable createVariable(Variable variable) {
		Objects.requireNonNull(variable, "variable");
		return tx.execute(status -> {
			List<Problem> problems = new ArrayList<>();
			String key = variable.key();
			if (key == null || key.length() > MAX_KEY || !Formula.isName(key)) {
				problems.add(problem("key", "variable.key.invalid", "The key must be a name usable in formulas: at"
						+ " most 60 lower-case letters a–z, digits and _, starting with a letter or _, and not one of"
						+ " and, or, not or a function name", String.valueOf(key)));
			} else if (store.variable(key).isPresent()) {
				problems.add(problem("key", "variable.key.exists", "There is a variable '" + key + "' already", key));
			} else if (store.indicator(key).isPresent()) {
				problems.add(problem("key", "variable.key.isIndicator",
						"There is an indicator '" + key + "': indicators and variables share their names", key));
			}
			Variable clean = clean(variable);
			References refs = check(clean, null, problems);
			if (!problems.isEmpty()) {
				throw new InvalidVariableException(problems);
			}
			store.insertVariable(clean, refs.topicId, refs.weightId);
			audit.record("indicator.variable.create", "variable", key, details(clean));
			return store.variable(key).orElseThrow().variable();
		});
	}

	@Override
	public Optional<Variable> updateVariable(String key, Variable variable) {
		Objects.requireNonNull(variable, "variable");
		return tx.execute(status -> {
			Optional<StoredVariable> existing = key == null ? Optional.empty() : store.variable(key);
			if (existing.isEmpty()) {
				return Optional.<Variable>empty();
			}
			List<Problem> problems = new ArrayList<>();
			if (variable.key() != null && !variable.key().equals(key)) {
				problems.add(problem("key", "variable.key.immutable",
						"The key of a variable cannot be changed: it is used in formulas", key, variable.key()));
			}
			Variable clean = clean(new Variable(key, variable.nameDe(), variable.nameEn(), variable.unit(),
					variable.topicKey(), variable.source(), variable.licence(), variable.description(),
					variable.areaAggregation(), variable.weightKey(), variable.timeAggregation(),
					variable.nonNegative(), variable.synthetic(), variable.published()));
			References refs = check(clean, existing.get(), problems);
			if (!problems.isEmpty()) {
				throw new InvalidVariableException(problems);
			}
			store.updateVariable(existing.get().id(), clean, refs.topicId, refs.weightId);
			Variable saved = store.variable(key).orElseThrow().variable();
			if (!saved.equals(existing.get().variable())) {
				audit.record("indicator.variable.update", "variable", key, details(saved));
			}
			return Optional.of(saved);
		});
	}

	@Override
	public List<Observation> observations(String variableKey, Period period, Collection<AreaId> areas) {
		Objects.requireNonNull(period, "period");
		return store.variable(variableKey).map(v -> store.observations(v, period, areas == null ? List.of() : areas))
			.orElse(List.of());
	}

	@Override
	public List<Period> periods(String variableKey) {
		return store.variable(variableKey).map(v -> store.periods(v.id())).orElse(List.of());
	}

	@Override
	public List<Indicator> indicators(boolean publishedOnly) {
		return store.indicators(publishedOnly);
	}

	@Override
	public Optional<Indicator> indicator(String key) {
		return key == null ? Optional.empty() : store.indicator(key);
	}

	@Override
	public Indicator saveIndicator(Indicator indicator) {
		Objects.requireNonNull(indicator, "indicator");
		return tx.execute(status -> {
			Indicator clean = clean(indicator);
			List<Problem> problems = new ArrayList<>();
			Integer topicId = checkFields(clean, problems);
			List<FormulaProblem> formulaProblems = checkFormula(clean);
			if (!problems.isEmpty() || formulaProblems.stream().anyMatch(FormulaProblem::isError)) {
				throw new InvalidIndicatorException(problems, formulaProblems);
			}
			Optional<Indicator> before = store.indicator(clean.key());
			store.saveIndicator(clean, topicId);
			Indicator saved = store.indicator(clean.key()).orElseThrow();
			if (before.isEmpty() || !before.get().equals(saved)) {
				Map<String, Object> details = new LinkedHashMap<>();
				details.put("name", saved.nameDe());
				details.put("formula", saved.formula());
				details.put("published", saved.published());
				audit.record(before.isEmpty() ? "indicator.indicator.create" : "indicator.indicator.update",
						"indicator", saved.key(), details);
			}
			if (before.isEmpty() || !before.get().formula().equals(saved.formula())) {
				engine.indicatorChanged(saved.key());
			}
			return saved;
		});
	}

	@Override
	public List<FormulaProblem> checkIndicator(Indicator indicator) {
		Objects.requireNonNull(indicator, "indicator");
		return checkFormula(clean(indicator));
	}

	@Override
	public List<Variable> inputs(String key) {
		return engine.variablesOf(key).stream().map(store::variable).flatMap(Optional::stream)
			.map(StoredVariable::variable).toList();
	}

	/** Checks everything but the formula; returns the topic id. */
	private Integer checkFields(Indicator ind, List<Problem> problems) {
		String key = ind.key();
		if (key == null || key.length() > MAX_KEY || !Formula.isName(key)) {
			problems.add(problem("key", "variable.key.invalid", "The key must be a name usable in formulas: at"
					+ " most 60 lower-case letters a–z, digits and _, starting with a letter or _, and not one of"
					+ " and, or, not or a function name", String.valueOf(key)));
		} else if (store.variable(key).isPresent()) {
			problems.add(problem("key", "indicator.key.isVariable",
					"There is a variable '" + key + "': indicators and variables share their names", key));
		}
		name("nameDe", ind.nameDe(), problems);
		name("nameEn", ind.nameEn(), problems);
		if (ind.unit().length() > MAX_UNIT) {
			problems.add(problem("unit", "variable.unit.tooLong", "The unit is longer than 40 characters"));
		}
		if (ind.polarity() == null) {
			problems.add(problem("polarity", "indicator.polarity.required",
					"The polarity is required: HIGHER_IS_BETTER, HIGHER_IS_WORSE or NEUTRAL"));
		}
		if (ind.decimals() < 0 || ind.decimals() > 6) {
			problems.add(problem("decimals", "indicator.decimals.range", "Decimals must be between 0 and 6",
					ind.decimals()));
		}
		if (nullToEmpty(ind.description()).length() > MAX_TEXT) {
			problems.add(problem("description", "variable.text.tooLong", "The text is longer than 4000 characters",
					"description"));
		}
		Integer topicId = null;
		if (ind.topicKey() != null) {
			topicId = store.topicId(ind.topicKey()).orElse(null);
			if (topicId == null) {
				problems.add(problem("topicKey", "variable.topic.unknown", "There is no topic '" + ind.topicKey() + "'",
						ind.topicKey()));
			}
		}
		return topicId;
	}

	/** Parse and check the formula among all other indicators: the problems of this indicator. */
	private List<FormulaProblem> checkFormula(Indicator ind) {
		String key = ind.key() == null ? "" : ind.key();
		Formula formula;
		try {
			formula = Formula.parse(ind.formula());
		} catch (FormulaException e) {
			return List.of(FormulaProblem.of(key, e));
		}
		Map<String, Formula> formulas = new HashMap<>();
		for (Indicator other : store.indicators(false)) {
			formulas.put(other.key(), Formula.parse(other.formula()));
		}
		formulas.put(key, formula);
		Map<String, Variable> variables = new HashMap<>();
		store.variables(false).forEach(v -> variables.put(v.variable().key(), v.variable()));
		// counts and amounts can be zero in a small area; a weighted mean or an unaggregated value may be too
		return FormulaCheck.check(formulas, variables.keySet(), name -> true).stream()
			.filter(p -> p.indicator().equals(key)).toList();
	}

	/** Blank texts as null, names trimmed, no unit as an empty unit, the formula in canonical form. */
	private static Indicator clean(Indicator i) {
		return new Indicator(i.key(), strip(i.nameDe()), strip(i.nameEn()), i.formula() == null ? "" : i.formula().strip(),
				nullToEmpty(strip(i.unit())), i.polarity(), i.decimals(), blankToNull(i.topicKey()),
				blankToNull(i.description()), i.published());
	}

	private record References(Integer topicId, Integer weightId) {
	}

	/** Checks everything but the key; {@code existing} is the stored variable when updating. */
	private References check(Variable v, StoredVariable existing, List<Problem> problems) {
		name("nameDe", v.nameDe(), problems);
		name("nameEn", v.nameEn(), problems);
		if (v.unit().length() > MAX_UNIT) {
			problems.add(problem("unit", "variable.unit.tooLong", "The unit is longer than 40 characters"));
		}
		for (var text : List.of(Map.entry("source", nullToEmpty(v.source())),
				Map.entry("licence", nullToEmpty(v.licence())), Map.entry("description", nullToEmpty(v.description())))) {
			if (text.getValue().length() > MAX_TEXT) {
				problems.add(problem(text.getKey(), "variable.text.tooLong",
						"The text is longer than 4000 characters", text.getKey()));
			}
		}
		Integer topicId = null;
		if (v.topicKey() != null) {
			topicId = store.topicId(v.topicKey()).orElse(null);
			if (topicId == null) {
				problems.add(problem("topicKey", "variable.topic.unknown", "There is no topic '" + v.topicKey() + "'",
						v.topicKey()));
			}
		}
		if (v.areaAggregation() == null) {
			problems.add(problem("areaAggregation", "variable.aggregation.required",
					"How the variable aggregates over areas is required: SUM, WEIGHTED_MEAN or NONE"));
		}
		if (v.timeAggregation() == null) {
			problems.add(problem("timeAggregation", "variable.timeAggregation.required",
					"How the variable aggregates over time is required: SUM, LAST or MEAN"));
		}
		Integer weightId = null;
		if (v.areaAggregation() == AreaAggregation.WEIGHTED_MEAN) {
			if (v.weightKey() == null) {
				problems.add(problem("weightKey", "variable.weight.required",
						"A weighted mean needs a weight variable, such as the population"));
			} else if (v.weightKey().equals(v.key())) {
				problems.add(problem("weightKey", "variable.weight.self", "A variable cannot weigh itself",
						v.weightKey()));
			} else {
				Optional<StoredVariable> weight = store.variable(v.weightKey());
				if (weight.isEmpty()) {
					problems.add(problem("weightKey", "variable.weight.unknown",
							"There is no variable '" + v.weightKey() + "'", v.weightKey()));
				} else if (weight.get().variable().areaAggregation() != AreaAggregation.SUM) {
					problems.add(problem("weightKey", "variable.weight.notSum",
							"The weight '" + v.weightKey() + "' must be a count that sums over areas", v.weightKey()));
				} else {
					weightId = weight.get().id();
				}
			}
		} else if (v.weightKey() != null) {
			problems.add(problem("weightKey", "variable.weight.unexpected",
					"Only a weighted mean has a weight variable", v.weightKey()));
		}
		if (existing != null) {
			List<String> weighted = store.weightedBy(existing.id());
			if (!weighted.isEmpty() && v.areaAggregation() != null && v.areaAggregation() != AreaAggregation.SUM) {
				problems.add(problem("areaAggregation", "variable.weight.inUse", "The variable weighs "
						+ String.join(", ", weighted) + " and must stay a sum", String.join(", ", weighted)));
			}
			if (v.nonNegative() && !existing.variable().nonNegative() && store.hasNegativeValues(existing.id())) {
				problems.add(problem("nonNegative", "variable.nonNegative.violated",
						"The variable has negative values already"));
			}
		}
		return new References(topicId, weightId);
	}

	private static void name(String field, String name, List<Problem> problems) {
		if (name == null || name.isBlank()) {
			problems.add(problem(field, "variable.name.required", "The name is required"));
		} else if (name.strip().length() > MAX_NAME) {
			problems.add(problem(field, "variable.name.tooLong", "The name is longer than 200 characters"));
		}
	}

	/** Blank texts as null, names trimmed, no unit as an empty unit. */
	private static Variable clean(Variable v) {
		return new Variable(v.key(), strip(v.nameDe()), strip(v.nameEn()), nullToEmpty(strip(v.unit())),
				blankToNull(v.topicKey()), blankToNull(v.source()), blankToNull(v.licence()),
				blankToNull(v.description()), v.areaAggregation(), blankToNull(v.weightKey()), v.timeAggregation(),
				v.nonNegative(), v.synthetic(), v.published());
	}

	private static Map<String, Object> details(Variable v) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("name", v.nameDe());
		details.put("areaAggregation", v.areaAggregation().name());
		details.put("timeAggregation", v.timeAggregation().name());
		details.put("published", v.published());
		details.put("synthetic", v.synthetic());
		return details;
	}

	private static Problem problem(String field, String code, String message, Object... args) {
		return new Problem(field, code, java.util.Arrays.stream(args).map(String::valueOf).toList(), message);
	}

	private static String strip(String s) {
		return s == null ? null : s.strip();
	}

	private static String nullToEmpty(String s) {
		return s == null ? "" : s;
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}
}
