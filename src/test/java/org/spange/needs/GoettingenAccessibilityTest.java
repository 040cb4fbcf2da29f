package org.spange.needs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A real example: the Zensus 2011 1 km grid of the Landkreise Göttingen and Harz (Datenquelle: Zensus 2011, Daten
 * verändert; dl-de/by-2-0) and kindergartens from OpenStreetMap in and around the city of Göttingen (© OpenStreetMap
 * contributors, ODbL). Asserts robust facts, not the figures themselves.
 */
class GoettingenAccessibilityTest {

	static final String CITY = "03159016";

	static List<PopulationCell> cells;
	static List<SupplyPoint> pois;

	@BeforeAll
	static void read() throws IOException {
		cells = PopulationGrids.zensus("zensus.geojson", resource("zensus2011-1km-raster-goettingen-harz.geojson"))
			.items();
		pois = PopulationGrids.osmPois("pois.geojson", resource("osm-poi-goettingen-stadt.geojson")).items();
	}

	static byte[] resource(String name) throws IOException {
		try (InputStream in = GoettingenAccessibilityTest.class.getResourceAsStream("/needs/" + name)) {
			return in.readAllBytes();
		}
	}

	@Test
	void filesReadCompletely() {
		assertThat(cells).hasSize(3867);
		assertThat(cells.stream().filter(c -> c.population() != null)).hasSize(1496);
		assertThat(pois).hasSize(1790);
		Map<String, Long> categories = pois.stream()
			.collect(Collectors.groupingBy(SupplyPoint::category, Collectors.counting()));
		assertThat(categories).containsEntry("kindergarten", 160L).containsEntry("school", 73L);
	}

	@Test
	void kindergartensAreCloseInTheCityAndFarInTheHarz() {
		AccessResult result = new Accessibility().evaluate(cells, pois, "kindergarten",
				new AccessOptions(PopulationBand.UNDER_18, 1500, 2000, CatchmentDecay.NONE));
		Map<String, AreaAccess> byArea = result.areas().stream()
			.collect(Collectors.toMap(AreaAccess::area, a -> a));
		AreaAccess city = byArea.get(CITY);
		// the city of Göttingen: 1 km cells, the kindergartens are where the children are
		assertThat(city.population()).isBetween(10_000.0, 30_000.0);
		assertThat(city.shareWithin()).isGreaterThan(0.7);
		assertThat(city.meanMetres()).isLessThan(1500);
		assertThat(city.coverage()).isLessThan(1.0).isGreaterThan(0.3);
		// the Harz district (Kreis 15085) lies 50–100 km away from the points, all taken from around Göttingen
		List<AreaAccess> harz = result.areas().stream().filter(a -> a.area().startsWith("15085")).toList();
		assertThat(harz).isNotEmpty().allSatisfy(a -> {
			assertThat(a.shareWithin()).isZero();
			assertThat(a.meanMetres()).isGreaterThan(20_000);
		});
		// 2SFCA: places per child within 2 km only where there are kindergartens
		assertThat(city.meanSupplyRatio()).isGreaterThan(0);
		assertThat(harz).allSatisfy(a -> assertThat(a.meanSupplyRatio()).isZero());
		// shares and means are population-weighted figures of known cells only
		assertThat(result.areas()).allSatisfy(a -> {
			assertThat(a.populationWithin()).isLessThanOrEqualTo(a.population());
			if (a.cellsWithPopulation() == 0) {
				assertThat(a.shareWithin()).isNull();
			}
		});
	}
}
