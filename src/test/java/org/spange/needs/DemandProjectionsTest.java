package org.spange.needs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.spange.SpangeTest;
import org.spange.area.AreaId;
import org.spange.area.AreaQueries;
import org.spange.area.AreaSummary;
import org.spange.indicator.Period;
import org.spange.platform.imports.ImportProblem;
import org.spange.platform.imports.ImportReport;
import org.spange.platform.imports.TextFiles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Demand projections on the real database with the Vorarlberg demo (Land 8, Bezirke 801–804, Gemeinden): the CSV
 * import takes a good file whole and a bad one not at all, re-importing changes nothing, the projected report is the
 * base times the compound growth with the region as a ratio of sums, and the page shows it in German numbers.
 */
@SpangeTest
class DemandProjectionsTest {

	static final String SCHEME = "vorarlberg-bezirke";
	static final String BASE = "pop_65plus";

	@Autowired
	DemandProjections projections;

	@Autowired
	SupplyDemand supply;

	@Autowired
	AreaQueries areas;

	@Autowired
	MockMvc mvc;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	private static String unique(String prefix) {
		return prefix + " " + Long.toString(System.nanoTime(), 36);
	}

	private ProjectionScenario scenario() {
		return projections.save(new ProjectionScenario(null, unique("DemandProjectionsTest"), "Testannahme",
				Period.year(2026)), "planung");
	}

	private AreaSummary bezirk(String name) {
		return areas.areas(SCHEME, "bezirk").stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow();
	}

	@Test
	void aGoodFileIsWrittenWholeAndReimportingItChangesNothing() {
		ProjectionScenario s = scenario();
		// Windows-1252 with a German decimal comma, an extra column with an umlaut, all ages as "alle"
		String text = "area_code;band;rate_percent;from_year;to_year;bemerkung\r\n"
				+ "801;pop_80plus;1,5;;;ländlich\r\n" + "8;alle;0,4;;;Land\r\n"
				+ "80101;pop_65plus;-0,5;2027;2030;Bartholomäberg\r\n";
		ImportReport first = projections.importRates(s.id(), "raten.csv", text.getBytes(TextFiles.WINDOWS_1252),
				true, "planung");
		assertThat(first.problems()).isEmpty();
		assertThat(first.outcome()).isEqualTo(ImportReport.Outcome.WRITTEN);
		assertThat(first.created()).isEqualTo(3);
		List<GrowthRate> rates = projections.rates(s.id());
		assertThat(rates).extracting(GrowthRate::band, GrowthRate::ratePercent, GrowthRate::fromYear,
				GrowthRate::toYear)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("pop_80plus", new BigDecimal("1.5"), null, null),
					org.assertj.core.groups.Tuple.tuple(GrowthRate.ALL_AGES, new BigDecimal("0.4"), null, null),
					org.assertj.core.groups.Tuple.tuple("pop_65plus", new BigDecimal("-0.5"), 2027, 2030));

		// the same lines again, now as UTF-8 with BOM: nothing changes
		byte[] bom = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };
		byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
		byte[] again = new byte[bom.length + utf8.length];
		System.arraycopy(bom, 0, again, 0, 3);
		System.arraycopy(utf8, 0, again, 3, utf8.length);
		ImportReport second = projections.importRates(s.id(), "raten.csv", again, true, "planung");
		assertThat(second.outcome()).isEqualTo(ImportReport.Outcome.WRITTEN);
		assertThat(second.created() + second.updated()).isZero();
		assertThat(second.unchanged()).isEqualTo(3);
		assertThat(second.changedSomething()).isFalse();
		assertThat(projections.rates(s.id())).isEqualTo(rates);

		// a changed rate updates its line, nothing else
		ImportReport third = projections.importRates(s.id(), "raten.csv",
				"area_code;band;rate_percent\n801;pop_80plus;2\n".getBytes(StandardCharsets.UTF_8), true, "planung");
		assertThat(third.updated()).isEqualTo(1);
		assertThat(projections.rates(s.id())).hasSize(3).filteredOn(r -> r.band().equals("pop_80plus"))
			.extracting(GrowthRate::ratePercent).containsExactly(new BigDecimal("2"));
	}

	@Test
	void aBadFileIsRefusedWithEveryProblemByLineAndColumnAndWritesNothing() {
		ProjectionScenario s = scenario();
		String text = "area_code;band;rate_percent;from_year;to_year\n" // line 1
				+ "801;pop_80plus;1,5;;\n" // 2: good
				+ "802;pop_80plus;1,5x;;\n" // 3: bad number
				+ "99999;pop_80plus;1;;\n" // 4: unknown area
				+ "803;pop_martians;1;;\n" // 5: unknown band
				+ "801;pop_80plus;2;;\n" // 6: the same area and band as line 2
				+ "804;pop_80plus;1;2031;2029\n"; // 7: years the wrong way round
		ImportReport report = projections.importRates(s.id(), "schlecht.csv",
				text.getBytes(StandardCharsets.UTF_8), true, "planung");
		assertThat(report.outcome()).isEqualTo(ImportReport.Outcome.REJECTED);
		assertThat(report.problems()).extracting(ImportProblem::number, ImportProblem::field, ImportProblem::code)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(3, "rate_percent", "needs.projection.import.badRate"),
					org.assertj.core.groups.Tuple.tuple(4, "area_code", "needs.projection.import.unknownArea"),
					org.assertj.core.groups.Tuple.tuple(5, "band", "needs.projection.import.unknownBand"),
					org.assertj.core.groups.Tuple.tuple(6, "area_code", "needs.projection.import.duplicate"),
					org.assertj.core.groups.Tuple.tuple(7, "to_year", "needs.projection.import.yearOrder"));
		assertThat(report.problems().get(3).args()).containsExactly("2");
		assertThat(projections.rates(s.id())).isEmpty();
		// a missing column is a problem of the whole file
		ImportReport noColumn = projections.importRates(s.id(), "x.csv",
				"area_code;rate_percent\n801;1\n".getBytes(StandardCharsets.UTF_8), true, "planung");
		assertThat(noColumn.problems()).extracting(ImportProblem::unit, ImportProblem::code)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(ImportProblem.Unit.FILE, "import.csv.missingColumn"));
		assertThat(projections.rates(s.id())).isEmpty();
	}

	@Test
	void theProjectedReportIsTheBaseTimesCompoundGrowthWithTheRegionAsARatioOfSums() {
		ProjectionScenario s = scenario();
		AreaSummary bludenz = bezirk("Bludenz");
		AreaId land = bludenz.parentId();
		// the Land +2 % a year for 65+, the Bezirk Bludenz -1 % a year for all ages (the band's own rate wins)
		projections.save(new GrowthRate(null, s.id(), land, BASE, new BigDecimal("2"), null, null), "planung");
		projections.save(new GrowthRate(null, s.id(), bludenz.id(), GrowthRate.ALL_AGES, new BigDecimal("-1"), null,
				null), "planung");
		SupplyCategory c = supply.save(new SupplyCategory(null, "dpt-" + Long.toString(System.nanoTime(), 36),
				"DemandProjectionsTest", "alter-pflege", null, null, null, BASE, new BigDecimal("5"), "Testannahme"),
				"planung");

		ProjectedSupplyReport r = supply.projection(c.key(), s.id(), 2030, SCHEME, "gemeinde");
		assertThat(r.now().period()).isEqualTo(Period.year(2026));
		assertThat(r.projected().period()).isEqualTo(Period.year(2030));
		double growth = Math.pow(1.02, 4);
		double demandSum = 0;
		for (ProjectedSupplyReport.Comparison row : r.rows()) {
			assertThat(row.now().places()).isEqualTo(row.projected().places());
			if (row.now().demand() == null) {
				assertThat(row.projected().demand()).isNull();
				continue;
			}
			assertThat(row.projected().demand()).isCloseTo(row.now().demand() * growth, within(1e-6));
			assertThat(row.changePercent()).isCloseTo(100 * (growth - 1), within(1e-9));
			assertThat(row.demand().rates()).singleElement().satisfies(u -> {
				assertThat(u.from()).isEqualTo(land);
				assertThat(u.inherited()).isTrue();
			});
			demandSum += row.projected().demand();
		}
		// the region: places over the sum of the projected demand
		assertThat(r.region().projected().demand()).isCloseTo(demandSum, within(1e-6));
		assertThat(r.region().projected().placesPer1000())
			.isCloseTo(r.region().projected().places() * 1000.0 / demandSum, within(1e-9));
		assertThat(r.region().projected().targetPlaces()).isCloseTo(demandSum * 5 / 1000, within(1e-6));
		// the base is the indicator engine's 2026 value
		assertThat(supply.report(c.key(), Period.year(2026), SCHEME, "gemeinde").region().demand())
			.isCloseTo(r.region().now().demand(), within(1e-6));

		// a rate for the band in the Bezirk: its Gemeinden take it, and the Bezirk row is then its own base × 0.99⁴
		projections.save(new GrowthRate(null, s.id(), bludenz.id(), BASE, new BigDecimal("-1"), null, null), "planung");
		ProjectedSupplyReport b = supply.projection(c.key(), s.id(), 2030, SCHEME, "bezirk");
		ProjectedSupplyReport.Comparison bl = b.rows().stream().filter(x -> x.now().area().equals(bludenz.id()))
			.findFirst().orElseThrow();
		assertThat(bl.projected().demand()).isCloseTo(bl.now().demand() * Math.pow(0.99, 4), within(1e-6));
		assertThat(bl.demand().rates().get(0).inherited()).isFalse();
		ProjectedSupplyReport.Comparison other = b.rows().stream().filter(x -> !x.now().area().equals(bludenz.id()))
			.findFirst().orElseThrow();
		assertThat(other.projected().demand()).isCloseTo(other.now().demand() * growth, within(1e-6));
	}

	@Test
	void thePageShowsTheProjectionInGermanNumbers() throws Exception {
		ProjectionScenario s = scenario();
		AreaSummary bludenz = bezirk("Bludenz");
		projections.save(new GrowthRate(null, s.id(), bludenz.parentId(), BASE, new BigDecimal("1.5"), null, null),
				"planung");
		SupplyCategory c = supply.save(new SupplyCategory(null, "dpt-" + Long.toString(System.nanoTime(), 36),
				"DemandProjectionsTest Seite", "alter-pflege", null, null, null, BASE, new BigDecimal("5"),
				"Testannahme"), "planung");
		ProjectedSupplyReport r = supply.projection(c.key(), s.id(), 2036, SCHEME, "bezirk");
		ProjectedSupplyReport.Comparison row = r.rows().stream().filter(x -> x.now().area().equals(bludenz.id()))
			.findFirst().orElseThrow();

		MvcResult page = mvc.perform(get("/needs").param("category", c.key()).param("scheme", SCHEME)
			.param("level", "bezirk").param("scenario", s.id().toString()).param("year", "2036")
			.with(user("planung").roles("PLANNER"))).andReturn();
		assertThat(page.getResponse().getStatus()).isEqualTo(200);
		String html = page.getResponse().getContentAsString();
		NumberFormat de0 = NumberFormat.getNumberInstance(Locale.GERMANY);
		de0.setMaximumFractionDigits(0);
		NumberFormat de1 = NumberFormat.getNumberInstance(Locale.GERMANY);
		de1.setMinimumFractionDigits(1);
		de1.setMaximumFractionDigits(1);
		// 1.015¹⁰ = 1.16054…: +16,1 %
		assertThat(html).contains(s.name(), "Testannahme", "Prognose für 2036", "Zielbevölkerung 2036 (Prognose)",
				">" + de0.format(row.now().demand()) + "<", ">" + de0.format(row.projected().demand()) + "<",
				">+16,1\u00a0%<", ">" + de1.format(row.projected().placesPer1000()) + "<",
				">" + de1.format(row.projected().shortfall()) + "<", "übernommen von",
				">" + de0.format(r.region().projected().demand()) + "<",
				"Anteile nach Budget folgen mit dem Modul Sozialraumbudget");
		assertThat(row.projected().demand()).isGreaterThan(1000); // so that the format has a thousands point
		assertThat(de0.format(row.projected().demand())).contains(".");
	}

	@Test
	void theFormsKeepTheirInputAndShowEveryProblemAtItsField() throws Exception {
		MvcResult bad = mvc.perform(post("/needs/projections").with(user("planung").roles("PLANNER")).with(csrf())
			.param("name", "").param("source", "").param("basePeriod", "zweitausend")).andReturn();
		assertThat(bad.getResponse().getStatus()).isEqualTo(200);
		assertThat(bad.getResponse().getContentAsString()).contains("href=\"#s-name\"", "href=\"#s-source\"",
				"href=\"#s-basePeriod\"", "id=\"err-s-basePeriod\"", "value=\"zweitausend\"", "aria-invalid=\"true\"");

		String name = unique("Formprognose");
		MvcResult created = mvc.perform(post("/needs/projections").with(user("planung").roles("PLANNER"))
			.with(csrf()).param("name", name).param("source", "Testannahme").param("basePeriod", "2026")).andReturn();
		assertThat(created.getResponse().getStatus()).isEqualTo(302);
		ProjectionScenario s = projections.scenarios().stream().filter(x -> x.name().equals(name)).findFirst()
			.orElseThrow();
		assertThat(created.getResponse().getRedirectedUrl()).isEqualTo("/needs/projections/" + s.id() + "?saved=true");

		// a rate without area, with a word for a number and the years the wrong way round
		String rates = "/needs/projections/" + s.id() + "/rates";
		MvcResult badRate = mvc.perform(post(rates).with(user("planung").roles("PLANNER")).with(csrf())
			.param("area", "").param("band", "pop_80plus").param("ratePercent", "zwei").param("fromYear", "2031")
			.param("toYear", "2029")).andReturn();
		assertThat(badRate.getResponse().getStatus()).isEqualTo(200);
		assertThat(badRate.getResponse().getContentAsString()).contains("id=\"err-r-area\"",
				"id=\"err-r-ratePercent\"", "id=\"err-r-toYear\"", "value=\"zwei\"", "value=\"2031\"");
		assertThat(projections.rates(s.id())).isEmpty();

		String bezirk = Long.toString(bezirk("Bludenz").id().value());
		MvcResult good = mvc.perform(post(rates).with(user("planung").roles("PLANNER")).with(csrf())
			.param("area", bezirk).param("band", "pop_80plus").param("ratePercent", "-0,75")).andReturn();
		assertThat(good.getResponse().getStatus()).isEqualTo(302);
		assertThat(projections.rates(s.id())).singleElement().extracting(GrowthRate::ratePercent)
			.isEqualTo(new BigDecimal("-0.75"));
		// the same area and band again for all years: overlaps
		MvcResult twice = mvc.perform(post(rates).with(user("planung").roles("PLANNER")).with(csrf())
			.param("area", bezirk).param("band", "pop_80plus").param("ratePercent", "1").param("fromYear", "2030"))
			.andReturn();
		assertThat(twice.getResponse().getContentAsString()).contains("id=\"err-r-fromYear\"");
		assertThat(projections.rates(s.id())).hasSize(1);

		// the scenario page lists the rate in German, and the upload of a bad file shows its problems by line
		String pageHtml = mvc.perform(get("/needs/projections/" + s.id()).with(user("planung").roles("PLANNER")))
			.andReturn().getResponse().getContentAsString();
		assertThat(pageHtml).contains("-0,75 %", "Bezirk Bludenz");
		MvcResult upload = mvc.perform(multipart("/needs/projections/" + s.id() + "/import")
			.file(new MockMultipartFile("file", "raten.csv", "text/csv",
					"area_code;band;rate_percent\n801;pop_80plus;viel\n".getBytes(StandardCharsets.UTF_8)))
			.param("write", "1").with(user("planung").roles("PLANNER")).with(csrf())).andReturn();
		assertThat(upload.getResponse().getContentAsString()).contains("Import abgelehnt", "Zeile 2", "rate_percent",
				"„viel“ ist keine Rate");
		assertThat(projections.rates(s.id())).hasSize(1);

		// deleting needs the confirmation
		mvc.perform(post("/needs/projections/" + s.id() + "/delete").with(user("planung").roles("PLANNER"))
			.with(csrf())).andReturn();
		assertThat(projections.scenario(s.id())).isPresent();
		int deleted = mvc.perform(post("/needs/projections/" + s.id() + "/delete").param("confirm", "yes")
			.with(user("planung").roles("PLANNER")).with(csrf())).andReturn().getResponse().getStatus();
		assertThat(deleted).isEqualTo(302);
		assertThat(projections.scenario(s.id())).isEmpty();
	}

	@Test
	void aCategoryIsDeletedAfterConfirmationAndKeepsTheHistoryOfItsTarget() throws Exception {
		String key = "dpt-del-" + Long.toString(System.nanoTime(), 36);
		SupplyCategory c = new SupplyCategory(null, key, "Zu löschen", "bildung", null, null, null, "pop_total",
				new BigDecimal("2"), "Erste Quelle");
		supply.save(c, "planung");
		supply.save(c, "planung"); // unchanged target: no new entry
		supply.save(new SupplyCategory(null, key, "Zu löschen", "bildung", null, null, null, "pop_total",
				new BigDecimal("3.5"), "Zweite Quelle"), "admin");
		assertThat(supply.targetHistory(key)).extracting(SupplyDemand.TargetChange::targetPer1000,
				SupplyDemand.TargetChange::targetSource, SupplyDemand.TargetChange::changedBy)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(new BigDecimal("3.50"), "Zweite Quelle", "admin"),
					org.assertj.core.groups.Tuple.tuple(new BigDecimal("2.00"), "Erste Quelle", "planung"));
		String edit = mvc.perform(get("/needs").param("edit", key).with(user("planung").roles("PLANNER"))).andReturn()
			.getResponse().getContentAsString();
		assertThat(edit).contains("Verlauf des Richtwerts", "Zweite Quelle", "3,50");

		String confirm = mvc.perform(get("/needs").param("category", key).param("delete", key)
			.with(user("planung").roles("PLANNER"))).andReturn().getResponse().getContentAsString();
		assertThat(confirm).contains("Kategorie „Zu löschen“ löschen?", "Nichts hängt von dieser Kategorie ab",
				"action=\"/needs/categories/" + key + "/delete\"");
		// without the confirmation: shown again, nothing deleted
		int unconfirmed = mvc.perform(post("/needs/categories/" + key + "/delete").with(user("planung").roles("PLANNER"))
			.with(csrf())).andReturn().getResponse().getStatus();
		assertThat(unconfirmed).isEqualTo(200);
		assertThat(supply.category(key)).isPresent();
		MvcResult done = mvc.perform(post("/needs/categories/" + key + "/delete").param("confirm", "yes")
			.with(user("planung").roles("PLANNER")).with(csrf())).andReturn();
		assertThat(done.getResponse().getRedirectedUrl()).isEqualTo("/needs?deleted=true");
		assertThat(supply.category(key)).isEmpty();
		assertThat(supply.targetHistory(key)).isEmpty();
		assertThat(supply.dependents(key)).isEmpty();
	}

	@Test
	void aCategoryWithStoredAccessibilityResultsIsNotDeleted() throws Exception {
		String key = "dpt-used-" + Long.toString(System.nanoTime(), 36);
		supply.save(new SupplyCategory(null, key, "In Gebrauch", "bildung", null, null, null, "pop_total",
				new BigDecimal("2"), "Quelle"), "planung");
		// a stored accessibility result computed for the category
		jdbc.sql("""
				insert into needs.access_run (input_hash, category, band, threshold_m, catchment_m, decay, cells,
				    supply_points) values (?, ?, 'TOTAL', 1000, 1000, 'NONE', 0, 0)""")
			.params("DemandProjectionsTest-" + key, key).update();
		assertThat(supply.dependents(key)).containsExactly(new SupplyDemand.Dependent("needs.dependent.accessRuns", 1));
		MvcResult refused = mvc.perform(post("/needs/categories/" + key + "/delete").param("confirm", "yes")
			.with(user("planung").roles("PLANNER")).with(csrf())).andReturn();
		assertThat(refused.getResponse().getStatus()).isEqualTo(200);
		assertThat(refused.getResponse().getContentAsString()).contains("kann nicht gelöscht werden",
				"1 gespeicherte Erreichbarkeitsberechnung");
		assertThat(supply.category(key)).isPresent();
	}

	@Test
	void theDemoScenarioProjectsVorarlberg() {
		ProjectionScenario demo = projections.scenarios().stream()
			.filter(s -> s.name().equals("Bevölkerungsprognose bis 2041 (Demo-Annahme)")).findFirst().orElseThrow();
		assertThat(demo.source()).contains("Demo-Annahme");
		Map<AreaId, ProjectedDemand> p = projections.project(demo.id(), "pop_80plus", 2036, SCHEME);
		AreaSummary feldkirch = bezirk("Feldkirch");
		ProjectedDemand f = p.get(feldkirch.id());
		assertThat(f.projected()).isCloseTo(f.base() * Math.pow(1.015, 10), within(1e-6));
		assertThat(f.rates()).singleElement().satisfies(u -> assertThat(u.fromName()).contains("Vorarlberg"));
	}
}
