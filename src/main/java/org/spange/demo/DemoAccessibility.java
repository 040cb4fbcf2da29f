package org.spange.demo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spange.area.AreaQueries;
import org.spange.area.AreaSummary;
import org.spange.needs.AccessMode;
import org.spange.needs.AccessRequest;
import org.spange.needs.AccessibilityRuns;
import org.spange.needs.CatchmentDecay;
import org.spange.needs.PopulationBand;
import org.spange.needs.SupplyDemand;
import org.spange.needs.GridRead;
import org.spange.needs.PopulationCell;
import org.spange.needs.PopulationGrids;
import org.spange.needs.SupplyPoint;
import org.spange.platform.imports.ImportReport;
import org.spange.platform.jobs.Jobs;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The population grids of the demo for the accessibility page. For Vorarlberg: the real population of each Gemeinde on
 * 1 January of the latest year spread over a SYNTHETIC 1 km grid ({@link SyntheticPopulationGrid}), stored with the
 * synthetic flag and named so. For Göttingen/Harz the real Zensus 2011 grid and OpenStreetMap kindergartens (see
 * {@link #loadGoettingen()}). Written once: skipped when a grid or set exists.
 */
@Component
@Profile("demo")
@Order(460)
class DemoAccessibility implements ApplicationRunner {

	static final String GRID = "vorarlberg-synthetisch";
	static final String NAME = "Vorarlberg: 1-km-Raster";
	static final String ATTRIBUTION = "Synthetisch: die Bevölkerung jeder Gemeinde am 1.1.%d (Datenquelle: Statistik"
			+ " Austria, CC BY 4.0) deterministisch auf ein 1-km-Raster verteilt, zur Mitte der Gemeinde dichter."
			+ " Nicht der reale Wohnort – nur zur Vorführung. / Synthetic: each Gemeinde's population spread over a"
			+ " 1 km grid; not where people live.";

	static final String ZENSUS_GRID = "goettingen-harz-zensus2011";
	static final String ZENSUS_FILE = "zensus2011-1km-raster-goettingen-harz.geojson";
	static final String ZENSUS_NAME = "Zensus 2011: Göttingen und Harz, 1-km-Raster";
	static final String ZENSUS_ATTRIBUTION = "Datenquelle: Zensus 2011 (Daten verändert), Statistische Ämter des Bundes"
			+ " und der Länder; Lizenz dl-de/by-2-0. Zellen ohne Wert: unbewohnt oder geheim gehalten.";
	static final String KINDERGARTENS = "osm-kindergarten-goettingen";
	static final String KINDERGARTENS_NAME = "Kindergärten in und um Göttingen (OpenStreetMap)";
	static final String OSM_FILE = "osm-poi-goettingen-stadt.geojson";
	static final String OSM_ATTRIBUTION = "© OpenStreetMap contributors, ODbL 1.0 (über OpenMapTiles); Stand der"
			+ " OpenStreetMap-Daten, nicht das Angebotsverzeichnis von Spange.";

	static final String FIRST_RUN_CATEGORY = "tagesbetreuung-aeltere";

	private static final Logger log = LoggerFactory.getLogger(DemoAccessibility.class);

	private final AccessibilityRuns runs;
	private final SupplyDemand supply;
	private final Jobs jobs;
	private final AreaQueries areas;
	private final JsonMapper json;
	private final List<String> regions;

	DemoAccessibility(AccessibilityRuns runs, SupplyDemand supply, Jobs jobs, AreaQueries areas, JsonMapper json,
			@Value("${spange.demo.regions:vorarlberg}") List<String> regions) {
		this.runs = runs;
		this.supply = supply;
		this.jobs = jobs;
		this.areas = areas;
		this.json = json;
		this.regions = regions.stream().map(String::trim).toList();
	}

	@Override
	public void run(ApplicationArguments args) {
		loadGoettingen();
		if (!regions.contains("vorarlberg") || runs.gridInfo(GRID).isPresent()) {
			return;
		}
		List<SyntheticSocialData.Population> population = VorarlbergStatistics
			.population(DemoRegionLoader.resource(VorarlbergStatistics.POPULATION_FILE));
		int year = population.stream().mapToInt(SyntheticSocialData.Population::year).max().orElseThrow();
		Map<String, SyntheticSocialData.Population> latest = population.stream().filter(p -> p.year() == year)
			.collect(Collectors.toMap(SyntheticSocialData.Population::gkz, p -> p));
		List<SyntheticPopulationGrid.Cell> cells = new ArrayList<>();
		GeoJsonReader reader = new GeoJsonReader();
		List<String> codes = latest.keySet().stream().sorted().toList();
		for (String gkz : codes) {
			AreaSummary area = areas.byCode("gemeinde", gkz).orElse(null);
			if (area == null) {
				continue;
			}
			Geometry boundary = areas.geoJson(area.id()).map(feature -> geometry(reader, feature)).orElse(null);
			if (boundary == null || boundary.isEmpty()) {
				continue;
			}
			SyntheticSocialData.Population p = latest.get(gkz);
			cells.addAll(SyntheticPopulationGrid.cells(gkz, boundary, p.total(), p.age65plus()));
		}
		if (cells.isEmpty()) {
			return;
		}
		cells.sort(Comparator.comparing(SyntheticPopulationGrid.Cell::id));
		ImportReport report = runs.importGrid(GRID, "vorarlberg-raster-synthetisch-" + year + ".csv",
				SyntheticPopulationGrid.csv(cells), true);
		if (report.outcome() != ImportReport.Outcome.WRITTEN) {
			throw new IllegalStateException("Demo grid rejected: " + report.problems());
		}
		runs.describeGrid(GRID, NAME, String.format(ATTRIBUTION, year), "gemeinde");
		log.info("Created the synthetic demo population grid {} ({} cells, {} Gemeinden)", GRID, cells.size(),
				codes.size());
		firstRun();
	}

	/**
	 * One run to look at, started with the grid as the demo planner: day care for older people against the population
	 * aged 65 and over, 10 km straight line, 2SFCA within 15 km. It runs in the background like any other.
	 */
	private void firstRun() {
		if (supply.category(FIRST_RUN_CATEGORY).isEmpty() || !jobs.list(AccessRequest.JOB_KIND, 1).isEmpty()) {
			return;
		}
		jobs.submit(AccessRequest.JOB_KIND, "planung", new AccessRequest(FIRST_RUN_CATEGORY, GRID,
				PopulationBand.OVER_65, AccessMode.STRAIGHT_LINE, 10_000, 15_000, CatchmentDecay.NONE).asMap());
	}

	/**
	 * The real example of Göttingen/Harz, small enough to load always: the Zensus 2011 1 km grid and the OpenStreetMap
	 * kindergartens as a supply set. Its map needs the region's boundaries ({@code goettingen-harz}); without them the
	 * page shows the table by AGS.
	 */
	void loadGoettingen() {
		if (runs.gridInfo(ZENSUS_GRID).isEmpty()) {
			GridRead<PopulationCell> grid = PopulationGrids.zensus(ZENSUS_FILE,
					DemoRegionLoader.resource("germany/" + ZENSUS_FILE));
			if (grid.report().outcome() == ImportReport.Outcome.REJECTED) {
				throw new IllegalStateException("Demo Zensus grid unreadable: " + grid.report().problems());
			}
			ImportReport report = runs.importGrid(ZENSUS_GRID, ZENSUS_FILE, gridCsv(grid.items()), false);
			if (report.outcome() != ImportReport.Outcome.WRITTEN) {
				throw new IllegalStateException("Demo Zensus grid rejected: " + report.problems());
			}
			runs.describeGrid(ZENSUS_GRID, ZENSUS_NAME, ZENSUS_ATTRIBUTION, "gemeinde");
			log.info("Loaded the Zensus 2011 grid of Göttingen/Harz ({} cells)", grid.items().size());
		}
		if (runs.supplySet(KINDERGARTENS).isEmpty()) {
			GridRead<SupplyPoint> pois = PopulationGrids.osmPois(OSM_FILE, DemoRegionLoader.resource("germany/" + OSM_FILE));
			if (pois.report().outcome() == ImportReport.Outcome.REJECTED) {
				throw new IllegalStateException("Demo OSM points unreadable: " + pois.report().problems());
			}
			List<SupplyPoint> kindergartens = pois.items().stream().filter(p -> "kindergarten".equals(p.category()))
				.toList();
			runs.saveSupplySet(KINDERGARTENS, KINDERGARTENS_NAME, OSM_ATTRIBUTION, kindergartens);
			log.info("Loaded {} OpenStreetMap kindergartens of Göttingen as a supply set", kindergartens.size());
		}
	}

	/** Cells as the population grid CSV: the grid import keeps unknown populations unknown (empty). */
	static byte[] gridCsv(List<PopulationCell> cells) {
		StringBuilder out = new StringBuilder("id,area,lon,lat,population,under18,over65\n");
		for (PopulationCell c : cells) {
			out.append(c.id()).append(',').append(c.area() == null ? "" : c.area()).append(',').append(c.lon())
				.append(',').append(c.lat()).append(',').append(text(c.population())).append(',')
				.append(text(c.under18())).append(',').append(text(c.over65())).append('\n');
		}
		return out.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
	}

	private static String text(Double value) {
		return value == null ? "" : Double.toString(value);
	}

	private Geometry geometry(GeoJsonReader reader, String feature) {
		try {
			JsonNode node = json.readTree(feature);
			return reader.read(node.get("geometry").toString());
		} catch (ParseException e) {
			throw new IllegalStateException("Unreadable boundary: " + e.getMessage(), e);
		}
	}
}
