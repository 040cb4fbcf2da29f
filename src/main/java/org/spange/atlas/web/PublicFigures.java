package org.spange.atlas.web;

import org.spange.atlas.AtlasMaps;
import org.spange.indicator.Indicator;
import org.spange.indicator.IndicatorValue;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Single figures for the profile and the comparison, under exactly the disclosure decision of the map
 * ({@link AtlasMaps#publicSuppressions}): a page showing one area at a time must not give away what the map withholds,
 * primary or secondary.
 */
@Component
class PublicFigures {

	private final AtlasMaps maps;
	private final int threshold;

	PublicFigures(AtlasMaps maps, @Value("${spange.disclosure.min-count:5}") int threshold) {
		this.maps = maps;
		this.threshold = threshold;
	}

	int threshold() {
		return threshold;
	}

	Figure figure(Indicator indicator, IndicatorValue value, boolean seesAll) {
		if (value.missing()) {
			return Figure.MISSING;
		}
		if (!seesAll && maps.publicSuppressions(indicator.key(), value.period()).containsKey(value.area())) {
			return Figure.SUPPRESSED;
		}
		return new Figure(value.value(), value.coverage() < 1, false);
	}
}
