package org.spange.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/** The synthetic demo grid: whole people that add up to the Gemeinde, inside it, the same every time. */
class SyntheticPopulationGridTest {

	static final GeometryFactory FACTORY = new GeometryFactory();

	/** About 8 × 5.5 km near Dornbirn. */
	static Geometry box(double lon, double lat, double width, double height) {
		return FACTORY.createPolygon(new Coordinate[] { new Coordinate(lon, lat), new Coordinate(lon + width, lat),
				new Coordinate(lon + width, lat + height), new Coordinate(lon, lat + height), new Coordinate(lon, lat) });
	}

	@Test
	void thePopulationIsSpreadInWholePeopleThatAddUpInsideTheBoundary() {
		Geometry boundary = box(9.70, 47.38, 0.1, 0.05);
		List<SyntheticPopulationGrid.Cell> cells = SyntheticPopulationGrid.cells("80301", boundary, 50_123, 9_000);
		assertThat(cells).hasSizeBetween(30, 60);
		assertThat(cells.stream().mapToInt(SyntheticPopulationGrid.Cell::population).sum()).isEqualTo(50_123);
		assertThat(cells.stream().mapToInt(SyntheticPopulationGrid.Cell::over65).sum()).isEqualTo(9_000);
		assertThat(cells).allSatisfy(c -> {
			assertThat(boundary.contains(FACTORY.createPoint(new Coordinate(c.lon(), c.lat())))).isTrue();
			assertThat(c.over65()).isLessThanOrEqualTo(c.population());
			assertThat(c.gkz()).isEqualTo("80301");
		});
		assertThat(cells.stream().map(SyntheticPopulationGrid.Cell::id).distinct().count()).isEqualTo(cells.size());
		// denser at the centre than at the edge: the most populous cell holds clearly more than an even share
		int max = cells.stream().mapToInt(SyntheticPopulationGrid.Cell::population).max().orElseThrow();
		assertThat(max).isGreaterThan(2 * 50_123 / cells.size());
		// deterministic
		assertThat(SyntheticPopulationGrid.cells("80301", boundary, 50_123, 9_000)).isEqualTo(cells);
		// the CSV is what the grid import reads
		assertThat(org.spange.needs.PopulationGrids.csv("g.csv", SyntheticPopulationGrid.csv(cells)).items())
			.hasSize(cells.size());
	}

	@Test
	void aGemeindeSmallerThanACellGetsOneCellAtItsInteriorPoint() {
		Geometry tiny = box(9.70, 47.38, 0.002, 0.002);
		List<SyntheticPopulationGrid.Cell> cells = SyntheticPopulationGrid.cells("80999", tiny, 321, 40);
		assertThat(cells).hasSize(1);
		assertThat(cells.get(0).population()).isEqualTo(321);
		assertThat(cells.get(0).id()).isEqualTo("80999-core");
	}

	@Test
	void largestRemainderKeepsTheTotal() {
		assertThat(SyntheticPopulationGrid.largestRemainder(new double[] { 1, 1, 1 }, 3, 10)).containsExactly(4, 3, 3);
		assertThat(SyntheticPopulationGrid.largestRemainder(new double[] { 0, 0 }, 0, 5)).containsExactly(3, 2);
	}
}
