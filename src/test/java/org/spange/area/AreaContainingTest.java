package org.spange.area;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.spange.SpangeTest;
import org.springframework.beans.factory.annotation.Autowired;

/** Which Gemeinde contains a point: bounding-box prefilter, then the exact polygon test. */
@SpangeTest
class AreaContainingTest {

	@Autowired
	AreaQueries areas;

	@Test
	void findsTheGemeindeOfAPointAndNothingOutsideTheRegion() {
		for (String code : new String[] { "80101", "80207", "80301" }) {
			AreaSummary gemeinde = areas.byCode("gemeinde", code).orElseThrow();
			double[] c = areas.area(gemeinde.id()).orElseThrow().centroid();
			assertThat(areas.containing("gemeinde", c[0], c[1])).map(AreaSummary::id).contains(gemeinde.id());
		}
		// Zürich and the middle of Lake Constance lie outside every Vorarlberg Gemeinde
		assertThat(areas.containing("gemeinde", 8.54, 47.37)).isEmpty();
		assertThat(areas.containing("gemeinde", 9.40, 47.62)).isEmpty();
		assertThat(areas.containing("no-such-level", 9.75, 47.5)).isEmpty();
	}
}
