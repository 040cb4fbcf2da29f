package org.spange.indicator;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.spange.area.AreaId;

/**
 * Topics, variables and their observations: the face other modules and the web layer use. Writes are validated
 * (an {@link InvalidVariableException} lists every problem, nothing is written) and audited. Callers decide who
 * may see unpublished variables.
 */
public interface IndicatorCatalog {

	/** All topics, parents before children, by key within a parent. */
	List<Topic> topics();

	/** Creates or updates the topic with this key. */
	Topic saveTopic(Topic topic);

	/** Variables by key; with {@code publishedOnly} only those visible to the public. */
	List<Variable> variables(boolean publishedOnly);

	Optional<Variable> variable(String key);

	/** Creates a variable; its key must be new. */
	Variable createVariable(Variable variable);

	/**
	 * Updates the variable with this key (the key itself cannot change).
	 *
	 * @return empty when there is no variable with this key
	 */
	Optional<Variable> updateVariable(String key, Variable variable);

	/**
	 * Observations of a variable in a period, by area id.
	 *
	 * @param areas the areas wanted; empty for every area with an observation
	 */
	List<Observation> observations(String variableKey, Period period, Collection<AreaId> areas);

	/** The periods with observations of a variable, in order. */
	List<Period> periods(String variableKey);

	/** Indicators by key; with {@code publishedOnly} only those visible to the public. */
	List<Indicator> indicators(boolean publishedOnly);

	Optional<Indicator> indicator(String key);

	/**
	 * Creates or updates the indicator with this key, after checking its fields and its formula against all
	 * variables and indicators (unknown names, cycles, division by zero); its values are then computed at once.
	 *
	 * @throws InvalidIndicatorException with every problem; nothing is written
	 */
	Indicator saveIndicator(Indicator indicator);

	/** The problems (errors and warnings) saving this indicator would meet, without saving it: for forms. */
	List<FormulaProblem> checkIndicator(Indicator indicator);

	/** The variables an indicator or variable key rests on, directly or through other indicators, by key. */
	List<Variable> inputs(String key);
}
