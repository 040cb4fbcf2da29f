package org.spange.needs.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.spange.SpangeTest;
import org.spange.access.AuditLog;
import org.spange.needs.AccessMode;
import org.spange.needs.AccessRequest;
import org.spange.needs.Accessibility;
import org.spange.needs.AccessibilityRuns;
import org.spange.needs.AreaAccess;
import org.spange.needs.CatchmentDecay;
import org.spange.needs.PopulationBand;
import org.spange.needs.PopulationCell;
import org.spange.needs.RoadRouting;
import org.spange.needs.RunSummary;
import org.spange.needs.SupplyDemand;
import org.spange.needs.SupplyPoint;
import org.spange.platform.imports.ImportReport;
import org.spange.platform.jobs.JobContext;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A road run of the accessibility job on the real Krems test network (© OpenStreetMap contributors, ODbL): the
 * stored share within 15 minutes on foot and the mean travel time per area are what {@link RoadRouting} and
 * {@link Accessibility} give directly. The job is run in this thread with a road network of its own (the test
 * application has none configured, as by default).
 */
@SpangeTest
class RoadAccessibilityJobTest {

	static RoadNetwork roads;

	@Autowired
	SupplyDemand supply;

	@Autowired
	AccessibilityRuns runs;

	@Autowired
	Accessibility accessibility;

	@Autowired
	AuditLog audit;

	@AfterAll
	static void close() {
		if (roads != null) {
			roads.destroy();
		}
	}

	@Test
	void aFootRunStoresTravelTimesAsTheRoadNetworkGivesThem() throws Exception {
		roads = new RoadNetwork(osmFile().toString(), graphFolder("krems-job-test"));
		assertThat(roads.configured()).isTrue();
		// a small grid over Krems in two areas, and two supply points at the west and east ends
		StringBuilder csv = new StringBuilder("id;area;lon;lat;population\n");
		int n = 0;
		for (double lon = 15.600; lon <= 15.660; lon += 0.006) {
			for (double lat = 48.400; lat <= 48.416; lat += 0.004) {
				csv.append("k").append(n++).append(';').append(lon < 15.63 ? "west" : "east").append(';')
					.append(String.format(java.util.Locale.ROOT, "%.4f;%.4f;%d", lon, lat, 10 + n % 7)).append('\n');
			}
		}
		ImportReport imported = runs.importGrid("krems-road-test", "krems.csv",
				csv.toString().getBytes(StandardCharsets.UTF_8), true);
		assertThat(imported.outcome()).isEqualTo(ImportReport.Outcome.WRITTEN);
		runs.saveSupplySet("krems-road-test", "Krems (Test)", "© OpenStreetMap contributors",
				List.of(new SupplyPoint("west", 15.6080, 48.4090, 1, "x"), new SupplyPoint("east", 15.6500, 48.4010, 1, "x")));

		AccessibilityJob job = new AccessibilityJob(supply, runs, accessibility, roads, audit);
		AccessRequest params = new AccessRequest("set:krems-road-test", "krems-road-test",
				PopulationBand.TOTAL, AccessMode.FOOT, 15, 2_000, CatchmentDecay.NONE);
		List<String> phases = new ArrayList<>();
		long runId = Long.parseLong(job.run(context(params.asMap(), phases)));
		assertThat(phases).containsSubsequence("needs.access.phase.supply", "needs.access.phase.nearest",
				"needs.access.phase.store");

		List<PopulationCell> cells = runs.grid("krems-road-test");
		List<SupplyPoint> points = runs.supplySetPoints("krems-road-test");
		double[] lon = cells.stream().mapToDouble(PopulationCell::lon).toArray();
		double[] lat = cells.stream().mapToDouble(PopulationCell::lat).toArray();
		RoadRouting.TravelTimes times = roads.routing().toNearest(lon, lat, points, RoadRouting.Mode.FOOT);
		List<AreaAccess> expected = accessibility.byArea(cells, times.seconds(), PopulationBand.TOTAL, 15 * 60);
		Map<String, AreaAccess> stored = runs.areas(runId).stream()
			.collect(Collectors.toMap(AreaAccess::area, Function.identity()));
		assertThat(stored.keySet()).containsExactlyInAnyOrder("west", "east");
		for (AreaAccess e : expected) {
			AreaAccess s = stored.get(e.area());
			assertThat(s.populationWithin()).isCloseTo(e.populationWithin(), within(1e-9));
			assertThat(s.shareWithin()).isCloseTo(e.shareWithin(), within(1e-12));
			// mean seconds of travel, between a minute and an hour on foot in a town this size
			assertThat(s.meanMetres()).isCloseTo(e.meanMetres(), within(1e-6)).isBetween(60.0, 3600.0);
			assertThat(s.meanSupplyRatio()).isNotNull();
		}
		RunSummary run = runs.run(runId).orElseThrow();
		assertThat(run.mode()).isEqualTo(AccessMode.FOOT);
		assertThat(run.thresholdMinutes()).isEqualTo(15);
		assertThat(run.supplyPoints()).isEqualTo(2);

		// a straight-line run over the same inputs is another run; the same foot run again is the same
		long again = Long.parseLong(job.run(context(params.asMap(), new ArrayList<>())));
		assertThat(again).isEqualTo(runId);
		long straight = Long.parseLong(job.run(context(new AccessRequest("set:krems-road-test",
				"krems-road-test", PopulationBand.TOTAL, AccessMode.STRAIGHT_LINE, 1_000, 2_000, CatchmentDecay.NONE)
			.asMap(), new ArrayList<>())));
		assertThat(straight).isNotEqualTo(runId);
	}

	static JobContext context(Map<String, String> params, List<String> phases) {
		return new JobContext() {
			@Override
			public long id() {
				return 0;
			}

			@Override
			public String owner() {
				return "planung";
			}

			@Override
			public Map<String, String> params() {
				return params;
			}

			@Override
			public int attempt() {
				return 1;
			}

			@Override
			public void progress(String phase, long done, long total) {
				phases.add(phase);
			}
		};
	}

	/** The build directory (…/test-classes/..): graphs go there, never into the source tree. */
	static Path graphFolder(String name) throws URISyntaxException, IOException {
		Path testClasses = Path.of(RoadAccessibilityJobTest.class.getProtectionDomain().getCodeSource().getLocation()
			.toURI());
		Path folder = testClasses.getParent().resolve("graphhopper").resolve(name);
		Files.createDirectories(folder.getParent());
		return folder;
	}

	static Path osmFile() throws IOException, URISyntaxException {
		Path target = graphFolder("krems-job.osm.gz");
		try (InputStream in = RoadAccessibilityJobTest.class.getResourceAsStream("/needs/krems.osm.gz")) {
			Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
		}
		return target;
	}
}
