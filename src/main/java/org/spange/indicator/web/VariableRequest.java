package org.spange.indicator.web;

import org.spange.indicator.Variable;
import org.spange.indicator.Variable.AreaAggregation;
import org.spange.indicator.Variable.TimeAggregation;

/** A variable as a client sends it: flags left out are false, everything else is checked by the catalog. */
record VariableRequest(String key, String nameDe, String nameEn, String unit, String topicKey, String source,
		String licence, String description, AreaAggregation areaAggregation, String weightKey,
		TimeAggregation timeAggregation, Boolean nonNegative, Boolean synthetic, Boolean published) {

	Variable toVariable() {
		return new Variable(key, nameDe, nameEn, unit, topicKey, source, licence, description, areaAggregation,
				weightKey, timeAggregation, Boolean.TRUE.equals(nonNegative), Boolean.TRUE.equals(synthetic),
				Boolean.TRUE.equals(published));
	}
}
