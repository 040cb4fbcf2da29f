package org.spange.indicator;

import java.util.List;

/**
 * Published after an observation import that wrote something, inside its transaction: the variables and periods
 * whose observations were created or changed, so that indicators over them can be recomputed.
 *
 * @param variableKeys sorted keys of the variables with new or changed observations
 * @param periods      sorted periods with new or changed observations
 * @param observations how many observations were created or changed
 */
public record ObservationsImported(List<String> variableKeys, List<Period> periods, int observations) {

	public ObservationsImported {
		variableKeys = List.copyOf(variableKeys);
		periods = List.copyOf(periods);
	}
}
