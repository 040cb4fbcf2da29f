package org.spange.indicator;

import java.util.List;

/**
 * Published inside the transaction that recomputed values: the indicator and variable keys and the periods whose
 * values are new or may have changed, e.g. for early-warning rules.
 */
public record IndicatorValuesComputed(List<String> keys, List<Period> periods) {

	public IndicatorValuesComputed {
		keys = List.copyOf(keys);
		periods = List.copyOf(periods);
	}
}
