package org.spange.atlas.web;

import java.util.List;
import java.util.Map;

import org.spange.area.AreaId;
import org.spange.indicator.Indicator;
import org.spange.indicator.IndicatorCatalog;
import org.spange.indicator.IndicatorValue;
import org.spange.indicator.IndicatorValues;
import org.spange.indicator.Variable;
import org.spange.indicator.Variable.AreaAggregation;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Single figures for the profile and the comparison, under the same disclosure rule as the map: for the public, a
 * value whose counts (the summed, non-negative inputs of its indicator) fall below the threshold in that area and
 * period is withheld.
 */
@Component
class PublicFigures {

	private final IndicatorCatalog catalog;
	private final IndicatorValues values;
	private final int threshold;

	PublicFigures(IndicatorCatalog catalog, IndicatorValues values,
			@Value("${spange.disclosure.min-count:5}") int threshold) {
		this.catalog = catalog;
		this.values = values;
		this.threshold = threshold;
	}

	int threshold() {
		return threshold;
	}

	Figure figure(Indicator indicator, IndicatorValue value, boolean seesAll) {
		if (value.missing()) {
			return Figure.MISSING;
		}
		if (!seesAll && belowThreshold(indicator, value)) {
			return Figure.SUPPRESSED;
		}
		return new Figure(value.value(), value.coverage() < 1, false);
	}

	private boolean belowThreshold(Indicator indicator, IndicatorValue value) {
		for (Variable input : catalog.inputs(indicator.key())) {
			if (input.areaAggregation() != AreaAggregation.SUM || !input.nonNegative()) {
				continue;
			}
			Map<AreaId, IndicatorValue> count = values.values(input.key(), value.period(), List.of(value.area()));
			IndicatorValue c = count.get(value.area());
			if (c != null && c.value() != null && c.value() > 0 && c.value() < threshold) {
				return true;
			}
		}
		return false;
	}
}
