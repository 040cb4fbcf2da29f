package org.spange.needs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.spange.SpangeTest;
import org.spange.offer.Location;
import org.spange.offer.Offer;
import org.spange.offer.OfferCatalog;
import org.spange.offer.Organization;
import org.spange.offer.ProviderType;
import org.spange.platform.jobs.JobStatus;
import org.spange.platform.jobs.Jobs;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The accessibility page through HTTP on the demo's synthetic Vorarlberg grid: a planner starts a run, the job stores
 * it, and the stored area results equal what {@link Accessibility} computes directly from the same grid and supply
 * points; the same inputs again give the same stored run; confidential locations count, locations without
 * coordinates do not; the result page, its CSV and the job's JSON status show it; bad input shows its problems at
 * the fields and starts nothing.
 */
@SpangeTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessibilityPageTest {

	static final String CATEGORY = "accesstest-familie";
	static final String GRID = "vorarlberg-synthetisch";

	@Autowired
	MockMvc mvc;

	@Autowired
	Jobs jobs;

	@Autowired
	SupplyDemand supply;

	@Autowired
	AccessibilityRuns runs;

	@Autowired
	Accessibility accessibility;

	@Autowired
	OfferCatalog offers;

	@Autowired
	JdbcClient jdbc;

	long confidentialPoint;
	long offerWithPoint;
	long withoutPoint;

	@BeforeAll
	void data() {
		if (supply.category(CATEGORY).isEmpty()) {
			supply.save(new SupplyCategory(null, CATEGORY, "Familienangebote (Test Erreichbarkeit)", "familie", null,
					null, null, "pop_total", new BigDecimal("2"), "Test"), "planung");
		}
		long org = offers.createOrganization(new Organization(null, "AccessibilityPageTest Träger (fiktiv)", null,
				null, null, ProviderType.PUBLIC, null)).id();
		confidentialPoint = offers.createLocation(new Location(null, org, "AccessibilityPageTest Schutzwohnung", null,
				null, null, null, 47.2612, 9.6046, true, null)).id();
		withoutPoint = offers.createLocation(new Location(null, org, "AccessibilityPageTest ohne Koordinaten", null,
				null, null, null, null, null, false, null)).id();
		offerWithPoint = offers.createOffer(new Offer(null, org, "AccessibilityPageTest Familienhilfe", null,
				Offer.Status.ACTIVE, null, null, true, null, null, null, 12, null, null, List.of("familie"), null, null,
				null, null, null, null, null, null, null, List.of(confidentialPoint, withoutPoint), null, null, null))
			.id();
	}

	@Test
	void aRunStoresWhatAccessibilityComputesDirectly() throws Exception {
		long before = count();
		MockHttpServletResponse started = mvc.perform(form("5", "10").with(planner())).andReturn().getResponse();
		assertThat(started.getStatus()).isEqualTo(302);
		assertThat(started.getRedirectedUrl()).startsWith("/needs/accessibility?job=");
		long jobId = Long.parseLong(started.getRedirectedUrl().replaceAll(".*job=", ""));
		assertThat(count()).isEqualTo(before + 1);
		JobStatus job = await(jobId);
		assertThat(job.state()).as("job %s", job).isEqualTo(JobStatus.State.DONE);
		assertThat(job.owner()).isEqualTo("planung");
		long runId = Long.parseLong(job.result());

		// the same computation directly
		List<PopulationCell> cells = runs.grid(GRID);
		List<SupplyPoint> points = supply.supplyPoints(CATEGORY);
		AccessResult expected = accessibility.evaluate(cells, points, CATEGORY,
				new AccessOptions(PopulationBand.TOTAL, 5_000, 10_000, CatchmentDecay.NONE));
		List<AreaAccess> stored = runs.areas(runId);
		assertThat(stored).hasSize(expected.areas().size()).hasSizeGreaterThan(90);
		Map<String, AreaAccess> byArea = stored.stream().collect(Collectors.toMap(AreaAccess::area, Function.identity()));
		for (AreaAccess e : expected.areas()) {
			AreaAccess s = byArea.get(e.area());
			assertThat(s).as(e.area()).isNotNull();
			assertThat(s.cells()).isEqualTo(e.cells());
			assertThat(s.population()).isCloseTo(e.population(), within(1e-6));
			assertThat(s.populationWithin()).isCloseTo(e.populationWithin(), within(1e-6));
			assertThat(s.shareWithin()).isCloseTo(e.shareWithin(), within(1e-9));
			assertThat(s.meanMetres()).isCloseTo(e.meanMetres(), within(1e-6));
			assertThat(s.meanSupplyRatio()).isCloseTo(e.meanSupplyRatio(), within(1e-12));
		}
		// the synthetic grid places every person of the Gemeinde: Vorarlberg has about 400,000 inhabitants
		double population = stored.stream().mapToDouble(AreaAccess::population).sum();
		assertThat(population).isBetween(380_000.0, 420_000.0);

		RunSummary run = runs.run(runId).orElseThrow();
		assertThat(run.mode()).isEqualTo(AccessMode.STRAIGHT_LINE);
		assertThat(run.thresholdMetres()).isEqualTo(5_000);
		assertThat(run.catchmentMetres()).isEqualTo(10_000);
		assertThat(run.supplyPoints()).isEqualTo(points.size());
		assertThat(run.createdBy()).isEqualTo("planung");
		// confidential locations count, locations without coordinates do not
		assertThat(points).extracting(SupplyPoint::id).contains(offerWithPoint + "@" + confidentialPoint)
			.doesNotContain(offerWithPoint + "@" + withoutPoint);
		assertThat(points.stream().filter(p -> p.id().equals(offerWithPoint + "@" + confidentialPoint)).findFirst()
			.orElseThrow().capacity()).isEqualTo(12);
		// written to the audit log as the planner who started it
		assertThat(jdbc.sql("select actor from access.audit_event where action = 'needs.accessibility.run'"
				+ " and subject_id = ? order by id desc limit 1").param(Long.toString(runId)).query(String.class)
			.single()).isEqualTo("planung");

		// the same inputs again: the same stored run, nothing written twice
		long again = Long.parseLong(mvc.perform(form("5", "10").with(planner())).andReturn().getResponse()
			.getRedirectedUrl().replaceAll(".*job=", ""));
		JobStatus second = await(again);
		assertThat(second.result()).isEqualTo(Long.toString(runId));

		// the job's status as JSON
		String json = mvc.perform(get("/needs/accessibility/jobs/" + jobId).with(planner())).andReturn()
			.getResponse().getContentAsString();
		assertThat(json).contains("\"state\":\"DONE\"", "\"runId\":" + runId, "\"finished\":true");

		// the result page for a municipality: map, table, region total, the synthetic label; no location shown
		String page = mvc.perform(get("/needs/accessibility").param("run", Long.toString(runId))
			.with(user("gemeinde").roles("MUNICIPALITY"))).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("id=\"access-table\"", "id=\"access-map\"", "Region gesamt", "synthetisch",
				"Familienangebote (Test Erreichbarkeit)", run.inputHash().substring(0, 12), "Bludenz")
			.doesNotContain("AccessibilityPageTest Schutzwohnung", "47.2612", "9.6046");
		// German percent with a no-break space; missing values as "–"
		assertThat(page).containsPattern("\\d,\\d\u00a0%");
		// the form is for planners only
		assertThat(page).doesNotContain("id=\"access-form\"");

		// a provider reads the result too, without a link to the needs page it may not open
		String forProvider = mvc.perform(get("/needs/accessibility").param("run", Long.toString(runId))
			.with(user("traeger").roles("PROVIDER"))).andReturn().getResponse().getContentAsString();
		assertThat(forProvider).contains("id=\"access-table\"").doesNotContain("href=\"/needs\"");
		assertThat(page).contains("href=\"/needs\"");

		// the CSV: a header, one row per area and the region total, German decimals
		MockHttpServletResponse csv = mvc.perform(get("/needs/accessibility/runs/" + runId + ".csv")
			.with(user("traeger").roles("PROVIDER"))).andReturn().getResponse();
		assertThat(csv.getStatus()).isEqualTo(200);
		String text = new String(csv.getContentAsByteArray(), StandardCharsets.UTF_8);
		List<String> lines = text.lines().toList();
		assertThat(lines).hasSize(stored.size() + 2);
		assertThat(lines.get(0)).contains("Schlüssel;Name;").contains("innerhalb der Schwelle");
		assertThat(lines.get(lines.size() - 1)).contains("Region gesamt");
		assertThat(text).containsPattern(";0,\\d+;");
	}

	/**
	 * The real example shipped with the demo: the Zensus 2011 grid of Göttingen/Harz and the OpenStreetMap
	 * kindergartens as a supply set, against the same computation on the test copies of the files.
	 */
	@Test
	void aRunOnTheRealGoettingenExampleMatchesTheDirectComputation() throws Exception {
		String location = mvc.perform(post("/needs/accessibility").param("category", "set:osm-kindergarten-goettingen")
			.param("grid", "goettingen-harz-zensus2011").param("band", "UNDER_18").param("mode", "STRAIGHT_LINE")
			.param("threshold", "1,5").param("catchment", "2").param("decay", "GAUSSIAN").with(planner())
			.with(csrf())).andReturn().getResponse().getRedirectedUrl();
		JobStatus job = await(Long.parseLong(location.replaceAll(".*job=", "")));
		assertThat(job.state()).as("job %s", job).isEqualTo(JobStatus.State.DONE);
		long runId = Long.parseLong(job.result());

		List<PopulationCell> cells = PopulationGrids.zensus("z.geojson",
				GoettingenAccessibilityTest.resource("zensus2011-1km-raster-goettingen-harz.geojson")).items();
		List<SupplyPoint> kindergartens = PopulationGrids.osmPois("p.geojson",
				GoettingenAccessibilityTest.resource("osm-poi-goettingen-stadt.geojson")).items().stream()
			.filter(p -> p.category().equals("kindergarten"))
			.map(p -> new SupplyPoint(p.id(), p.lon(), p.lat(), p.capacity(), "set:osm-kindergarten-goettingen"))
			.toList();
		AccessResult expected = accessibility.evaluate(cells, kindergartens, "set:osm-kindergarten-goettingen",
				new AccessOptions(PopulationBand.UNDER_18, 1_500, 2_000, CatchmentDecay.GAUSSIAN));
		Map<String, AreaAccess> stored = runs.areas(runId).stream()
			.collect(Collectors.toMap(AreaAccess::area, Function.identity()));
		assertThat(stored).hasSameSizeAs(expected.areas());
		for (AreaAccess e : expected.areas()) {
			AreaAccess s = stored.get(e.area());
			assertThat(s.cellsWithPopulation()).as(e.area()).isEqualTo(e.cellsWithPopulation());
			assertThat(s.population()).isCloseTo(e.population(), within(1e-6));
			assertThat(s.populationWithin()).isCloseTo(e.populationWithin(), within(1e-6));
			if (e.meanMetres() == null) {
				assertThat(s.meanMetres()).isNull();
			} else {
				assertThat(s.meanMetres()).isCloseTo(e.meanMetres(), within(1e-6));
			}
		}
		// the city of Göttingen: most children live within 1.5 km of a kindergarten; cells withheld stay missing
		AreaAccess city = stored.get(GoettingenAccessibilityTest.CITY);
		assertThat(city.shareWithin()).isGreaterThan(0.7);
		assertThat(city.coverage()).isLessThan(1.0);
		assertThat(runs.run(runId).orElseThrow().supplyPoints()).isEqualTo(160);

		String page = mvc.perform(get("/needs/accessibility").param("run", Long.toString(runId)).with(planner()))
			.andReturn().getResponse().getContentAsString();
		assertThat(page).contains("Kindergärten in und um Göttingen (OpenStreetMap)", "© OpenStreetMap contributors",
				"Datenquelle: Zensus 2011 (Daten verändert)", "unter 18 Jahren", "abnehmend (Gauß)");
	}

	@Test
	void badInputShowsItsProblemsAtTheFieldsAndStartsNothing() throws Exception {
		long before = count();
		MockHttpServletResponse response = mvc.perform(post("/needs/accessibility").param("category", "gibt-es-nicht")
			.param("grid", GRID).param("band", "TOTAL").param("mode", "STRAIGHT_LINE").param("threshold", "fünf")
			.param("catchment", "10").param("decay", "NONE").with(planner()).with(csrf())).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(422);
		String page = response.getContentAsString();
		assertThat(page).contains("id=\"err-a-category\"", "Wählen Sie eine vorhandene Versorgungskategorie.",
				"id=\"err-a-threshold\"", "Geben Sie eine Schwelle als Zahl an", "value=\"fünf\"")
			.doesNotContain("id=\"err-a-grid\"", "id=\"err-a-catchment\"");

		page = mvc.perform(form("-3", "0").with(planner())).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("id=\"err-a-threshold\"", "Die Schwelle in Luftlinie ist eine Zahl über 0 bis 200 km.",
				"value=\"-3\"", "id=\"err-a-catchment\"").doesNotContain("id=\"err-a-category\"");

		// no road network here; and the synthetic grid knows no population under 18
		page = mvc.perform(post("/needs/accessibility").param("category", CATEGORY).param("grid", GRID)
			.param("band", "UNDER_18").param("mode", "CAR").param("threshold", "15").param("catchment", "10")
			.param("decay", "GAUSSIAN").with(planner()).with(csrf())).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("id=\"err-a-mode\"", "Fahrzeiten brauchen ein Straßennetz", "id=\"err-a-band\"",
				"keine Werte");
		assertThat(count()).isEqualTo(before);
	}

	@Test
	void thePageSaysRoutingIsNotConfiguredAndOffersStraightLineOnly() throws Exception {
		String page = mvc.perform(get("/needs/accessibility").with(planner())).andReturn().getResponse()
			.getContentAsString();
		assertThat(page).contains("Kein Straßennetz konfiguriert", "id=\"access-form\"",
				"<option value=\"STRAIGHT_LINE\"").doesNotContain("<option value=\"CAR\"");
		assertThat(page).contains("Vorarlberg: 1-km-Raster – synthetisch");
	}

	private MockHttpServletRequestBuilder form(String threshold, String catchment) {
		return post("/needs/accessibility").param("category", CATEGORY).param("grid", GRID).param("band", "TOTAL")
			.param("mode", "STRAIGHT_LINE").param("threshold", threshold).param("catchment", catchment)
			.param("decay", "NONE").with(csrf());
	}

	private static org.springframework.test.web.servlet.request.RequestPostProcessor planner() {
		return user("planung").roles("PLANNER");
	}

	private long count() {
		return jdbc.sql("select count(*) from platform.job where kind = 'needs.accessibility'").query(Long.class)
			.single();
	}

	@Test
	void theDemoStartsOneRunToLookAt() throws Exception {
		JobStatus demo = jobs.list(AccessRequest.JOB_KIND, 1000).stream()
			.filter(j -> "tagesbetreuung-aeltere".equals(j.params().get("category"))
					&& "vorarlberg-synthetisch".equals(j.params().get("grid")))
			.reduce((newer, older) -> older).orElseThrow();
		assertThat(demo.owner()).isEqualTo("planung");
		assertThat(AccessRequest.of(demo.params()).band()).isEqualTo(PopulationBand.OVER_65);
		JobStatus done = await(demo.id());
		assertThat(done.state()).isEqualTo(JobStatus.State.DONE);
		assertThat(runs.areas(Long.parseLong(done.result()))).hasSize(96);
	}

	private JobStatus await(long id) throws InterruptedException {
		Instant limit = Instant.now().plus(Duration.ofMinutes(3));
		while (true) {
			JobStatus s = jobs.status(id).orElseThrow();
			if (s.finished()) {
				return s;
			}
			assertThat(Instant.now()).as("job %d finishes", id).isBefore(limit);
			Thread.sleep(100);
		}
	}
}
