package org.spange.atlas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.spange.atlas.AtlasTestData.HIDDEN;
import static org.spange.atlas.AtlasTestData.LICENCE;
import static org.spange.atlas.AtlasTestData.PERIOD;
import static org.spange.atlas.AtlasTestData.SCHEME;
import static org.spange.atlas.AtlasTestData.SHARE;
import static org.spange.atlas.AtlasTestData.SMALL;
import static org.spange.atlas.AtlasTestData.SMALL_RATE;
import static org.spange.atlas.AtlasTestData.SOURCE;
import static org.spange.atlas.AtlasTestData.SYNTH;
import static org.spange.atlas.AtlasTestData.SYNTH_RATE;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.spange.SpangeTest;
import org.spange.area.AreaQueries;
import org.spange.area.AreaSummary;
import org.spange.indicator.IndicatorCatalog;
import org.spange.indicator.ObservationImports;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The atlas API over HTTP: values, classes, formatting, visibility, disclosure control and exports. */
@SpangeTest
class AtlasApiTest {

	static final RequestPostProcessor PLANNER = user("planung").roles("PLANNER");
	static final RequestPostProcessor PUBLIC = anonymous();

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	@Autowired
	IndicatorCatalog catalog;

	@Autowired
	ObservationImports imports;

	@Autowired
	AreaQueries areas;

	List<AreaSummary> gemeinden;

	@BeforeEach
	void data() {
		AtlasTestData.ensure(catalog, imports, areas);
		gemeinden = AtlasTestData.gemeinden(areas);
	}

	// ------------------------------------------------------------------------------------------ values, formatting

	@Test
	void valuesAreUnroundedAndTheirDisplayIsRoundedAndFormattedForTheLanguage() throws Exception {
		JsonNode de = map(PUBLIC, SHARE, "gemeinde", "lang", "de");
		JsonNode en = map(PUBLIC, SHARE, "gemeinde", "lang", "en");
		assertThat(de.path("areas").size()).isEqualTo(96);
		assertThat(de.path("audience").asString()).isEqualTo("public");

		JsonNode first = area(de, gemeinden.get(0).id().value());
		assertThat(first.path("value").asDouble()).as("100 · 7 / 30, not rounded").isCloseTo(100 * 7 / 30d,
				within(1e-9));
		assertThat(first.path("display").asString()).isEqualTo("23,3");
		assertThat(area(en, gemeinden.get(0).id().value()).path("display").asString()).isEqualTo("23.3");
		assertThat(first.path("status").asString()).isEqualTo("ok");
		assertThat(first.path("coverage").asDouble()).isEqualTo(1.0);

		// a count: whole numbers with the language's thousands separator
		JsonNode pop = map(PLANNER, AtlasTestData.POP, "gemeinde", "lang", "de");
		assertThat(area(pop, gemeinden.get(1).id().value()).path("display").asString()).isEqualTo("12.345");
		JsonNode popEn = map(PLANNER, AtlasTestData.POP, "gemeinde", "lang", "en");
		assertThat(area(popEn, gemeinden.get(1).id().value()).path("display").asString()).isEqualTo("12,345");

		JsonNode subject = de.path("subject");
		assertThat(subject.path("kind").asString()).isEqualTo("indicator");
		assertThat(subject.path("formula").asString()).isEqualTo("100 * atlastest_old / atlastest_pop");
		assertThat(subject.path("unit").asString()).isEqualTo("%");
		assertThat(subject.path("decimals").asInt()).isEqualTo(1);
		assertThat(subject.path("polarity").asString()).isEqualTo("HIGHER_IS_WORSE");
		assertThat(de.path("choices").path("periods").toString()).contains("\"2024\"");
		assertThat(de.path("choices").path("levels").toString()).contains("\"gemeinde\"", "\"bezirk\"", "\"land\"");
		// without a level: the finest with values (the scheme goes down to Zählsprengel, which have none here)
		assertThat(map(PUBLIC, SHARE, null).path("level").path("key").asString()).isEqualTo("gemeinde");
	}

	@Test
	void missingStaysMissingAndMakesTheParentPartial() throws Exception {
		JsonNode map = map(PUBLIC, SHARE, "gemeinde");
		AreaSummary withoutData = gemeinden.get(5);
		JsonNode missing = area(map, withoutData.id().value());
		assertThat(missing.path("value").isNull()).as("missing is null, never 0").isTrue();
		assertThat(missing.path("display").isNull()).isTrue();
		assertThat(missing.path("status").asString()).isEqualTo("missing");
		assertThat(missing.path("classIndex").isNull()).isTrue();
		assertThat(missing.path("colour").isNull()).isTrue();
		assertThat(missing.path("rank").isNull()).isTrue();
		assertThat(map.path("summary").path("missing").asInt()).isEqualTo(1);

		JsonNode bezirke = map(PUBLIC, SHARE, "bezirk");
		JsonNode parent = area(bezirke, withoutData.parentId().value());
		assertThat(parent.path("status").asString()).isEqualTo("partial");
		assertThat(parent.path("coverage").asDouble()).isLessThan(1);
		assertThat(parent.path("statusLabel").asString()).startsWith("unvollständige Daten");
		assertThat(parent.path("value").isNumber()).isTrue();
	}

	@Test
	void quantilesColourEveryAreaByItsClassAndRankByPolarity() throws Exception {
		JsonNode map = map(PUBLIC, SHARE, "gemeinde");
		JsonNode c = map.path("classification");
		assertThat(c.path("method").asString()).isEqualTo("quantiles");
		assertThat(c.path("classes").asInt()).isEqualTo(5);
		assertThat(c.path("breaks").size()).isEqualTo(6);
		assertThat(c.path("colours").size()).isEqualTo(5);
		assertThat(c.path("entries").size()).isEqualTo(5);
		assertThat(c.path("entries").get(0).path("label").asString()).matches("\\d+,\\d bis \\d+,\\d");
		assertThat(c.path("entries").get(1).path("label").asString()).startsWith("über ");

		int counted = 0;
		double lowest = Double.MAX_VALUE;
		long lowestId = 0;
		for (JsonNode a : map.path("areas")) {
			if (a.path("value").isNull()) {
				continue;
			}
			int k = a.path("classIndex").asInt();
			assertThat(a.path("colour").asString()).isEqualTo(c.path("colours").get(k).asString());
			assertThat(a.path("classLabel").asString()).isEqualTo("Klasse " + (k + 1) + " von 5");
			double v = a.path("value").asDouble();
			assertThat(v).isBetween(c.path("breaks").get(k).asDouble(), c.path("breaks").get(k + 1).asDouble());
			if (v < lowest) {
				lowest = v;
				lowestId = a.path("id").asLong();
			}
			counted++;
		}
		int legendCount = 0;
		for (JsonNode e : c.path("entries")) {
			legendCount += e.path("count").asInt();
		}
		assertThat(legendCount).isEqualTo(counted).isEqualTo(95);
		assertThat(area(map, lowestId).path("rank").asInt()).as("higher is worse: the lowest ranks first").isEqualTo(1);
		assertThat(map.path("ranking").path("best").get(0).path("id").asLong()).isEqualTo(lowestId);
		assertThat(map.path("ranking").path("best").size()).isEqualTo(5);
		assertThat(map.path("ranking").path("worst").size()).isEqualTo(5);
		assertThat(map.path("ranking").path("worst").get(0).path("rank").asInt()).isEqualTo(95);

		int binned = 0;
		for (JsonNode b : map.path("histogram").path("bins")) {
			binned += b.path("count").asInt();
		}
		assertThat(binned).isEqualTo(95);
		int outliers = 0;
		for (JsonNode a : map.path("areas")) {
			outliers += a.path("outlier").asBoolean() ? 1 : 0;
		}
		assertThat(map.path("outliers").path("count").asInt()).isEqualTo(outliers);
		assertThat(map.path("summary").path("outliers").asInt()).isEqualTo(outliers);
	}

	@Test
	void theRegionalReferenceIsTheValueOfTheOneRoot() throws Exception {
		JsonNode land = map(PUBLIC, SHARE, "land");
		assertThat(land.path("areas").size()).isEqualTo(1);
		double landValue = land.path("areas").get(0).path("value").asDouble();

		JsonNode reference = map(PUBLIC, SHARE, "gemeinde").path("reference");
		assertThat(reference.path("value").asDouble()).isEqualTo(landValue);
		assertThat(reference.path("areaName").asString()).isEqualTo("Vorarlberg");
		assertThat(reference.path("explanation").asString()).contains("Vorarlberg", "obersten Gebiet");
		assertThat(reference.path("roots").size()).isEqualTo(1);
		// a diverging palette around it, as the indicator has a polarity
		assertThat(map(PUBLIC, SHARE, "gemeinde").path("classification").path("paletteType").asString())
			.isEqualTo("diverging");
	}

	@Test
	void everyClassificationMethodAndItsMistakes() throws Exception {
		JsonNode equal = map(PUBLIC, SHARE, "gemeinde", "method", "equal-intervals", "classes", "4");
		JsonNode breaks = equal.path("classification").path("breaks");
		assertThat(breaks.size()).isEqualTo(5);
		double width = breaks.get(1).asDouble() - breaks.get(0).asDouble();
		for (int i = 1; i < 4; i++) {
			assertThat(breaks.get(i + 1).asDouble() - breaks.get(i).asDouble()).isCloseTo(width, within(1e-9));
		}
		assertThat(map(PUBLIC, SHARE, "gemeinde", "method", "jenks", "classes", "6").path("classification")
			.path("method").asString()).isEqualTo("natural-breaks");
		JsonNode sd = map(PUBLIC, SHARE, "gemeinde", "method", "sd", "classes", "5").path("classification");
		assertThat(sd.path("method").asString()).isEqualTo("standard-deviations");
		assertThat(sd.path("note").asString()).contains("Standardabweichung", "Regionswert");

		JsonNode manual = map(PUBLIC, SHARE, "gemeinde", "method", "manual", "breaks", "0; 12,5; 20; 100");
		JsonNode m = manual.path("classification");
		assertThat(m.path("classes").asInt()).isEqualTo(3);
		assertThat(m.path("entries").get(0).path("label").asString()).isEqualTo("0,0 bis 12,5");
		assertThat(m.path("entries").get(1).path("label").asString()).isEqualTo("über 12,5 bis 20,0");
		JsonNode manualEn = map(PUBLIC, SHARE, "gemeinde", "method", "manual", "breaks", "0,12.5,20,100", "lang",
				"en");
		assertThat(manualEn.path("classification").path("entries").get(1).path("label").asString())
			.isEqualTo("over 12.5 to 20.0");

		assertProblem(status(PUBLIC, SHARE, "gemeinde", "method", "manual", "breaks", "10;20;30"), 400,
				"atlas.error.breaksEnclose");
		assertProblem(status(PUBLIC, SHARE, "gemeinde", "method", "manual", "breaks", "0;50;20;100"), 400,
				"atlas.error.breaksOrder");
		assertProblem(status(PUBLIC, SHARE, "gemeinde", "method", "manual"), 400, "atlas.error.noBreaks");
		assertProblem(status(PUBLIC, SHARE, "gemeinde", "classes", "12"), 400, "atlas.error.classes");
		assertProblem(status(PUBLIC, SHARE, "gemeinde", "method", "magic"), 400, "atlas.error.method");
		assertProblem(status(PUBLIC, SHARE, "gemeinde", "period", "24"), 400, "atlas.error.period");
		assertProblem(status(PUBLIC, SHARE, "planungsraum"), 404, "atlas.error.level");
		assertProblem(status(PUBLIC, "no_such_key", "gemeinde"), 404, "atlas.error.key");
	}

	// ------------------------------------------------------------------------------------ visibility, disclosure

	@Test
	void thePublicSeesPublishedIndicatorsOnlyPlannersAllOfThem() throws Exception {
		assertProblem(status(PUBLIC, HIDDEN, "gemeinde"), 404, "atlas.error.key");
		assertProblem(status(user("gemeinde").roles("MUNICIPALITY"), HIDDEN, "gemeinde"), 404, "atlas.error.key");
		JsonNode planner = map(PLANNER, HIDDEN, "gemeinde");
		assertThat(planner.path("subject").path("published").asBoolean()).isFalse();
		assertThat(planner.path("audience").asString()).isEqualTo("internal");
		assertThat(map(user("admin").roles("ADMIN"), HIDDEN, "gemeinde").path("areas").size()).isEqualTo(96);

		String publicCatalog = mvc.perform(get("/api/v1/atlas/catalog").with(PUBLIC)).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		String plannerCatalog = mvc.perform(get("/api/v1/atlas/catalog").with(PLANNER)).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(publicCatalog).contains(SHARE).doesNotContain(HIDDEN);
		assertThat(plannerCatalog).contains(SHARE, HIDDEN);
		assertThat(mvc.perform(get("/api/v1/atlas/export.csv").param("key", HIDDEN).with(PUBLIC)).andReturn()
			.getResponse().getStatus()).as("exports hide it too").isEqualTo(404);
	}

	@Test
	void thePublicDoesNotSeeSmallCountsAndPlannersSeeWhatWouldBeWithheld() throws Exception {
		JsonNode open = map(PUBLIC, SMALL, "gemeinde");
		JsonNode raw = map(PLANNER, SMALL, "gemeinde");
		assertThat(open.path("disclosure").path("applied").asBoolean()).isTrue();
		assertThat(open.path("disclosure").path("threshold").asInt()).isEqualTo(5);
		assertThat(raw.path("disclosure").path("applied").asBoolean()).isFalse();

		Set<Long> withheld = new HashSet<>();
		int primary = 0;
		for (int i = 0; i < gemeinden.size(); i++) {
			long id = gemeinden.get(i).id().value();
			JsonNode a = area(open, id);
			JsonNode r = area(raw, id);
			assertThat(r.path("value").asLong()).as("planners see raw values").isEqualTo(AtlasTestData.small(i));
			long count = AtlasTestData.small(i);
			if (count > 0 && count < 5) {
				assertThat(a.path("status").asString()).as("small count %d", count).isEqualTo("suppressed");
				assertThat(r.path("publicSuppression").asString()).isEqualTo("primary");
				primary++;
			}
			if ("suppressed".equals(a.path("status").asString())) {
				withheld.add(id);
				for (String field : List.of("value", "display", "classIndex", "colour", "rank", "coverage")) {
					assertThat(a.path(field).isNull()).as("%s of a withheld area", field).isTrue();
				}
				assertThat(a.path("statusLabel").asString()).isEqualTo("geheim gehalten");
				assertThat(r.path("publicSuppression").isNull()).isFalse();
			}
			else {
				assertThat(r.path("publicSuppression").isNull()).as("flag only where the public sees nothing")
					.isTrue();
				assertThat(a.path("value").asLong()).isEqualTo(count);
			}
		}
		assertThat(primary).isGreaterThan(10);
		assertThat(withheld.size()).as("secondary suppression adds to the primary cells").isGreaterThan(primary);
		assertThat(open.path("summary").path("suppressed").asInt()).isEqualTo(withheld.size());
		assertThat(raw.path("disclosure").path("suppressed").asInt()).isEqualTo(withheld.size());
		assertThat(open.path("disclosure").path("countVariables").toString()).contains(SMALL);

		// an indicator resting on the count is withheld where the count is, at least
		JsonNode rate = map(PUBLIC, SMALL_RATE, "gemeinde");
		for (long id : withheld) {
			assertThat(area(rate, id).path("status").asString()).isEqualTo("suppressed");
		}
		// a classification over the shown values only
		int classified = 0;
		for (JsonNode e : open.path("classification").path("entries")) {
			classified += e.path("count").asInt();
		}
		assertThat(classified).isEqualTo(96 - withheld.size());
	}

	@Test
	void withheldCellsFollowNewValuesAtOnce() throws Exception {
		String key = AtlasTestData.P + "changing";
		if (catalog.variable(key).isEmpty()) {
			catalog.createVariable(new org.spange.indicator.Variable(key, "Test wechselnd", "Test changing", "Personen",
					null, SOURCE, LICENCE, null, org.spange.indicator.Variable.AreaAggregation.SUM, null,
					org.spange.indicator.Variable.TimeAggregation.LAST, true, false, true));
		}
		importCounts(key, 2);
		long first = gemeinden.get(0).id().value();
		assertThat(area(map(PUBLIC, key, "gemeinde"), first).path("status").asString()).isEqualTo("suppressed");
		importCounts(key, 50);
		JsonNode after = map(PUBLIC, key, "gemeinde");
		assertThat(area(after, first).path("value").asLong()).as("no stale suppression after the import")
			.isEqualTo(50);
		assertThat(after.path("summary").path("suppressed").asInt()).isZero();
	}

	/** Every Gemeinde 50, the first one {@code first}. */
	private void importCounts(String key, long first) {
		StringBuilder csv = new StringBuilder("gkz;zeitraum;" + key + "\n");
		for (int i = 0; i < gemeinden.size(); i++) {
			csv.append(gemeinden.get(i).code()).append(";2024;").append(i == 0 ? first : 50).append('\n');
		}
		var result = imports.importObservations("changing.csv", csv.toString().getBytes(StandardCharsets.UTF_8),
				org.spange.indicator.ObservationImportOptions.defaults());
		assertThat(result.report().problems()).isEmpty();
	}

	@Test
	void sourcesLicencesAndTheSyntheticNotice() throws Exception {
		JsonNode share = map(PUBLIC, SHARE, "gemeinde");
		assertThat(share.path("synthetic").asBoolean()).isFalse();
		assertThat(share.path("syntheticNotice").isNull()).isTrue();
		assertThat(share.path("sources").size()).isEqualTo(2);
		assertThat(share.path("sources").get(0).path("source").asString()).isEqualTo(SOURCE);
		assertThat(share.path("sources").get(0).path("licence").asString()).isEqualTo(LICENCE);
		assertThat(share.path("attribution").toString()).contains("Spange", "ColorBrewer", SOURCE);

		JsonNode synthetic = map(PUBLIC, SYNTH_RATE, "gemeinde");
		assertThat(synthetic.path("synthetic").asBoolean()).isTrue();
		assertThat(synthetic.path("syntheticNotice").asString()).contains("synthetischen Demodaten");
		assertThat(map(PUBLIC, SYNTH_RATE, "gemeinde", "lang", "en").path("syntheticNotice").asString())
			.contains("synthetic demo data");
		boolean flagged = false;
		for (JsonNode s : synthetic.path("sources")) {
			flagged |= s.path("key").asString().equals(SYNTH) && s.path("synthetic").asBoolean();
		}
		assertThat(flagged).isTrue();
	}

	@Test
	void theApiIsDocumented() throws Exception {
		String docs = mvc.perform(get("/v3/api-docs").with(PUBLIC)).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(docs).contains("/api/v1/atlas/map", "/api/v1/atlas/catalog", "/api/v1/atlas/export.csv",
				"/api/v1/atlas/export.xlsx", "/api/v1/atlas/export.geojson",
				"What a choropleth map of an indicator or variable shows", "\"breaks\"", "\"lang\"");
	}

	// ------------------------------------------------------------------------------------------------------ exports

	@Test
	void csvInGermanHasSemicolonsDecimalCommasABomAndTheMetadata() throws Exception {
		MockHttpServletResponse response = export(PUBLIC, "csv", SHARE, "lang", "de");
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentType()).startsWith("text/csv");
		assertThat(response.getHeader("Content-Disposition")).contains("attachment",
				"spange-atlas_atlastest_share_2024_vorarlberg-bezirke_gemeinde.csv");
		byte[] bytes = response.getContentAsByteArray();
		assertThat(new byte[] { bytes[0], bytes[1], bytes[2] }).as("UTF-8 byte order mark")
			.isEqualTo(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF });
		String csv = new String(bytes, StandardCharsets.UTF_8);
		assertThat(csv).contains("Indikator;Testanteil 65+ (atlastest_share)", "Formel;100 * atlastest_old / atlastest_pop",
				"Einheit;%", "Zeitraum;2024", "Exportiert am;", "Quelle;Test 65+: " + SOURCE + " (Lizenz: " + LICENCE + ")",
				"Quelle;Testbevölkerung: " + SOURCE, "Spange", "ColorBrewer", "\r\n");
		assertThat(csv).doesNotContain("Synthetische Demodaten");
		String first = line(csv, ";" + gemeinden.get(0).code() + ";");
		String[] cells = first.split(";", -1);
		assertThat(cells[4]).as("unrounded, decimal comma").startsWith("23,3333333");
		assertThat(cells[5]).isEqualTo("23,3");
		assertThat(cells[7]).isEqualTo("vollständig");
		String missing = line(csv, ";" + gemeinden.get(5).code() + ";");
		assertThat(missing.split(";", -1)[4]).as("missing stays empty, not 0").isEmpty();
		assertThat(missing).contains("keine Daten");

		String english = export(PUBLIC, "csv", SHARE, "lang", "en").getContentAsString(StandardCharsets.UTF_8);
		assertThat(english).contains("Indicator,Test share 65+ (atlastest_share)", "Period,2024",
				"Source,Test 65+: " + SOURCE + " (licence: " + LICENCE + ")");
		assertThat(line(english, "," + gemeinden.get(0).code() + ",").split(",", -1)[4]).startsWith("23.3333333");

		String synthetic = export(PUBLIC, "csv", SYNTH_RATE, "lang", "de").getContentAsString(StandardCharsets.UTF_8);
		assertThat(synthetic).contains("Hinweis;Diese Karte beruht ganz oder teilweise auf synthetischen Demodaten",
				"Synthetische Demodaten");
	}

	@Test
	void xlsxHasNumberCellsAndASheetWithSourcesAndLicences() throws Exception {
		MockHttpServletResponse response = export(PUBLIC, "xlsx", SYNTH_RATE, "lang", "de");
		assertThat(response.getStatus()).isEqualTo(200);
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(response.getContentAsByteArray()))) {
			Sheet data = book.getSheet("Daten");
			assertThat(data.getRow(0).getCell(4).getStringCellValue()).isEqualTo("Wert (%)");
			Row first = null;
			for (Row row : data) {
				if (row.getRowNum() > 0 && row.getCell(1) != null
						&& gemeinden.get(0).code().equals(row.getCell(1).getStringCellValue())) {
					first = row;
				}
			}
			assertThat(first).isNotNull();
			assertThat(first.getCell(4).getCellType()).isEqualTo(CellType.NUMERIC);
			assertThat(first.getCell(4).getNumericCellValue()).as("100 · 10 / 30, unrounded").isCloseTo(100 * 10 / 30d,
					within(1e-9));
			assertThat(first.getCell(4).getCellStyle().getDataFormatString()).isEqualTo("#,##0.0");
			assertThat(first.getCell(6).getCellType()).isEqualTo(CellType.NUMERIC);
			Sheet meta = book.getSheet("Quellen und Lizenzen");
			StringBuilder text = new StringBuilder();
			meta.forEach(r -> r.forEach(c -> text.append(c.getStringCellValue()).append('|')));
			assertThat(text.toString()).contains("Test synthetische Quote (atlastest_synth_rate)",
					"100 * atlastest_synth / atlastest_pop", "Spange-Demo (generiert)", "CC0", LICENCE,
					"synthetischen Demodaten", "Exportiert am", "Spange", "ColorBrewer");
		}
	}

	@Test
	void geoJsonCarriesTheValuesAsPropertiesAndTheMetadata() throws Exception {
		MockHttpServletResponse response = export(PUBLIC, "geojson", SMALL, "lang", "en");
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentType()).startsWith("application/geo+json");
		JsonNode collection = json.readTree(response.getContentAsString(StandardCharsets.UTF_8));
		assertThat(collection.path("type").asString()).isEqualTo("FeatureCollection");
		assertThat(collection.path("features").size()).isEqualTo(96);
		Map<Long, JsonNode> byId = new HashMap<>();
		collection.path("features").forEach(f -> byId.put(f.path("properties").path("id").asLong(), f));
		JsonNode map = map(PUBLIC, SMALL, "gemeinde", "lang", "en");
		for (JsonNode a : map.path("areas")) {
			JsonNode p = byId.get(a.path("id").asLong()).path("properties");
			assertThat(p.path("status").asString()).isEqualTo(a.path("status").asString());
			if (a.path("status").asString().equals("suppressed")) {
				assertThat(p.path("value").isNull()).as("withheld in the export as on the map").isTrue();
			}
			else {
				assertThat(p.path("value").asDouble()).isEqualTo(a.path("value").asDouble());
			}
			assertThat(byId.get(a.path("id").asLong()).path("geometry").path("type").asString())
				.isEqualTo("MultiPolygon");
		}
		JsonNode meta = collection.path("spange");
		assertThat(meta.path("indicator").asString()).isEqualTo(SMALL);
		assertThat(meta.path("period").asString()).isEqualTo(PERIOD);
		assertThat(meta.path("sources").get(0).path("licence").asString()).isEqualTo(LICENCE);
		assertThat(meta.path("attribution").toString()).contains("Spange");
		assertThat(meta.path("exported").asString()).isNotBlank();
	}

	@Test
	void publicExportsWithholdWhatTheMapWithholds() throws Exception {
		JsonNode map = map(PUBLIC, SMALL, "gemeinde");
		String csv = export(PUBLIC, "csv", SMALL, "lang", "de").getContentAsString(StandardCharsets.UTF_8);
		String plannerCsv = export(PLANNER, "csv", SMALL, "lang", "de").getContentAsString(StandardCharsets.UTF_8);
		assertThat(plannerCsv).contains("Öffentlich", "geheim (kleine Zahl)");
		assertThat(csv).doesNotContain("geheim (kleine Zahl)");
		List<String> withheld = new ArrayList<>();
		for (JsonNode a : map.path("areas")) {
			if (a.path("status").asString().equals("suppressed")) {
				String row = line(csv, ";" + a.path("code").asString() + ";");
				assertThat(row.split(";", -1)[4]).as("value of withheld %s", a.path("name").asString()).isEmpty();
				assertThat(row).contains("geheim gehalten");
				withheld.add(a.path("code").asString());
			}
		}
		assertThat(withheld).isNotEmpty();
		assertThat(csv).contains("Datenschutz;Werte, die auf Zahlen unter 5 beruhen");
	}

	// -------------------------------------------------------------------------------------------------------------

	private JsonNode map(RequestPostProcessor who, String key, String level, String... more) throws Exception {
		MockHttpServletResponse response = status(who, key, level, more);
		assertThat(response.getStatus()).as(response.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(200);
		return json.readTree(response.getContentAsString(StandardCharsets.UTF_8));
	}

	private MockHttpServletResponse status(RequestPostProcessor who, String key, String level, String... more)
			throws Exception {
		MockHttpServletRequestBuilder request = get("/api/v1/atlas/map").param("key", key).param("period", PERIOD)
			.param("scheme", SCHEME);
		if (level != null) {
			request.param("level", level);
		}
		boolean lang = false;
		for (int i = 0; i < more.length; i += 2) {
			request.param(more[i], more[i + 1]);
			lang |= more[i].equals("lang");
		}
		if (!lang) {
			request.param("lang", "de");
		}
		return mvc.perform(request.with(who)).andReturn().getResponse();
	}

	private MockHttpServletResponse export(RequestPostProcessor who, String format, String key, String... more)
			throws Exception {
		MockHttpServletRequestBuilder request = get("/api/v1/atlas/export." + format).param("key", key)
			.param("period", PERIOD).param("scheme", SCHEME).param("level", "gemeinde");
		for (int i = 0; i < more.length; i += 2) {
			request.param(more[i], more[i + 1]);
		}
		return mvc.perform(request.with(who)).andReturn().getResponse();
	}

	private void assertProblem(MockHttpServletResponse response, int status, String code) throws Exception {
		String body = response.getContentAsString(StandardCharsets.UTF_8);
		assertThat(response.getStatus()).as(body).isEqualTo(status);
		assertThat(json.readTree(body).path("code").asString()).isEqualTo(code);
		assertThat(json.readTree(body).path("detail").asString()).isNotBlank();
	}

	static JsonNode area(JsonNode map, long id) {
		for (JsonNode a : map.path("areas")) {
			if (a.path("id").asLong() == id) {
				return a;
			}
		}
		throw new AssertionError("no area " + id + " in the map");
	}

	private static String line(String csv, String containing) {
		return csv.lines().filter(l -> l.contains(containing)).findFirst()
			.orElseThrow(() -> new AssertionError("no line with " + containing));
	}
}
