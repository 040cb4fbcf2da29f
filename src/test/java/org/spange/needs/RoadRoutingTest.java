package org.spange.needs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.spange.needs.RoadRouting.Mode;
import org.spange.needs.RoadRouting.Route;
import org.spange.needs.RoadRouting.TravelTimes;

/**
 * Routing on a small real street network: Krems an der Donau (OpenStreetMap, © OpenStreetMap contributors, ODbL),
 * built into a graph folder in the build directory.
 */
class RoadRoutingTest {

	static RoadRouting routing;

	/** Two points in Krems, both on the street network. */
	static final double WEST_LON = 15.6080;
	static final double WEST_LAT = 48.4090;
	static final double EAST_LON = 15.6500;
	static final double EAST_LAT = 48.4010;

	@BeforeAll
	static void buildGraph() throws IOException, URISyntaxException {
		routing = RoadRouting.open(osmFile(), graphFolder("krems-test"));
	}

	@AfterAll
	static void close() {
		routing.close();
	}

	/** The build directory (…/test-classes/..): graphs go there, never into the source tree. */
	static Path graphFolder(String name) throws URISyntaxException, IOException {
		Path testClasses = Path.of(RoadRoutingTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		Path folder = testClasses.getParent().resolve("graphhopper").resolve(name);
		Files.createDirectories(folder.getParent());
		return folder;
	}

	static Path osmFile() throws IOException, URISyntaxException {
		Path target = graphFolder("krems.osm.gz");
		try (InputStream in = RoadRoutingTest.class.getResourceAsStream("/needs/krems.osm.gz")) {
			Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
		}
		return target;
	}

	@Test
	void routeBetweenTwoKnownPointsHasAPlausibleLength() {
		// straight line 3,225 m (haversine of the two points)
		double line = Accessibility.metres(WEST_LON, WEST_LAT, EAST_LON, EAST_LAT);
		assertThat(line).isCloseTo(3225.4, within(0.5));
		Route foot = routing.route(WEST_LON, WEST_LAT, EAST_LON, EAST_LAT, Mode.FOOT).orElseThrow();
		// streets are longer than the line, but not absurdly: a detour factor of 1.38 through the old town
		assertThat(foot.metres()).isGreaterThan(line).isLessThan(2 * line);
		assertThat(foot.metres()).isCloseTo(4454, within(45.0));
		// GraphHopper walks at 5 km/h: 4,454 m take 3,207 s
		assertThat(foot.seconds()).isCloseTo(foot.metres() / (5 / 3.6), within(5.0));
		Route car = routing.route(WEST_LON, WEST_LAT, EAST_LON, EAST_LAT, Mode.CAR).orElseThrow();
		Route bike = routing.route(WEST_LON, WEST_LAT, EAST_LON, EAST_LAT, Mode.BIKE).orElseThrow();
		assertThat(car.metres()).isGreaterThan(line);
		assertThat(car.seconds()).isLessThan(bike.seconds());
		assertThat(bike.seconds()).isLessThan(foot.seconds());
	}

	@Test
	void nearestByTravelTimeAgreesWithGraphHoppersRoutes() {
		// on road nodes the walks to and from the road are 0 m: the multi-source search must take GraphHopper's path
		double[] west = routing.roadNode(WEST_LON, WEST_LAT, Mode.FOOT);
		double[] east = routing.roadNode(EAST_LON, EAST_LAT, Mode.FOOT);
		double[] far = routing.roadNode(15.6650, 48.4100, Mode.FOOT);
		List<SupplyPoint> supply = List.of(new SupplyPoint("east", east[0], east[1], 1, "x"),
				new SupplyPoint("far", far[0], far[1], 1, "x"));
		TravelTimes times = routing.toNearest(new double[] { west[0] }, new double[] { west[1] }, supply, Mode.FOOT);
		Route toEast = routing.route(west[0], west[1], east[0], east[1], Mode.FOOT).orElseThrow();
		Route toFar = routing.route(west[0], west[1], far[0], far[1], Mode.FOOT).orElseThrow();
		assertThat(toEast.seconds()).isLessThan(toFar.seconds());
		assertThat(times.nearest()[0]).isEqualTo(0);
		assertThat(times.seconds()[0]).isCloseTo(toEast.seconds(), within(1.0));
		assertThat(times.metres()[0]).isCloseTo(toEast.metres(), within(1.0));
		// by car, one-way streets count in the direction of travel: from the cell to the supply point
		double[] carWest = routing.roadNode(WEST_LON, WEST_LAT, Mode.CAR);
		double[] carEast = routing.roadNode(EAST_LON, EAST_LAT, Mode.CAR);
		TravelTimes byCar = routing.toNearest(new double[] { carWest[0] }, new double[] { carWest[1] },
				List.of(new SupplyPoint("east", carEast[0], carEast[1], 1, "x")), Mode.CAR);
		Route carRoute = routing.route(carWest[0], carWest[1], carEast[0], carEast[1], Mode.CAR).orElseThrow();
		assertThat(byCar.seconds()[0]).isCloseTo(carRoute.seconds(), within(1.0));
		assertThat(byCar.metres()[0]).isCloseTo(carRoute.metres(), within(1.0));
	}

	@Test
	void graphHasTheKremsNetwork() {
		assertThat(routing.nodes()).isBetween(1000, 20000);
		assertThat(routing.edges()).isGreaterThan(routing.nodes());
	}

	@Test
	void shareWithinMinutesByArea() {
		// two cells beside the western point, one of unknown population; one supply point at the eastern point
		List<PopulationCell> cells = List.of(new PopulationCell("w1", "W", WEST_LON, WEST_LAT, 100.0, null, null),
				new PopulationCell("w2", "W", WEST_LON + 0.001, WEST_LAT, 300.0, null, null),
				new PopulationCell("w3", "W", WEST_LON, WEST_LAT + 0.001, null, null, null),
				new PopulationCell("e1", "E", EAST_LON, EAST_LAT, 50.0, null, null));
		double[] lon = cells.stream().mapToDouble(PopulationCell::lon).toArray();
		double[] lat = cells.stream().mapToDouble(PopulationCell::lat).toArray();
		TravelTimes times = routing.toNearest(lon, lat,
				List.of(new SupplyPoint("e", EAST_LON, EAST_LAT, 1, "x")), Mode.FOOT);
		// walking from the west takes about 55 minutes (4.5 km), from beside the supply point a few minutes
		assertThat(times.seconds()[0]).isBetween(45 * 60.0, 65 * 60.0);
		assertThat(times.seconds()[3]).isLessThan(5 * 60.0);
		List<AreaAccess> areas = new Accessibility().byArea(cells, times.seconds(), PopulationBand.TOTAL, 15 * 60);
		assertThat(areas.get(0).area()).isEqualTo("E");
		assertThat(areas.get(0).shareWithin()).isEqualTo(1.0);
		assertThat(areas.get(1).shareWithin()).isZero();
		assertThat(areas.get(1).cellsWithPopulation()).isEqualTo(2);
		assertThat(areas.get(1).meanMetres()).as("mean seconds, population-weighted")
			.isBetween(45 * 60.0, 65 * 60.0);
	}
}
