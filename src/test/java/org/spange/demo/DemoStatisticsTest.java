package org.spange.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.spange.SpangeTest;
import org.spange.area.AreaId;
import org.spange.area.AreaQueries;
import org.spange.area.AreaSummary;
import org.spange.indicator.Indicator;
import org.spange.indicator.IndicatorCatalog;
import org.spange.indicator.IndicatorValue;
import org.spange.indicator.IndicatorValues;
import org.spange.indicator.Observation;
import org.spange.indicator.Period;
import org.spange.indicator.Polarity;
import org.spange.indicator.Topic;
import org.spange.indicator.Variable;
import org.spange.indicator.Variable.AreaAggregation;
import org.spange.platform.imports.CsvTable;
import org.spange.platform.imports.ImportReport;
import org.spange.platform.imports.TextFiles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo statistics: real population and Zählsprengel of Vorarlberg, synthetic social counts derived from them,
 * and (loaded here, as the test profile has only Vorarlberg) Zensus 2022 for Göttingen/Harz and INKAR for the 400
 * German Kreise; indicators over them; and a second load that changes nothing.
 */
@SpangeTest
class DemoStatisticsTest {

	private static final Period P2026 = Period.year(2026);
	/** SHA-256 of the generated synthetic file: pinned, so a change of the generator is a deliberate one. */
	private static final String SYNTHETIC_SHA256 = "59a427d347b6bda995d24e1bd350447a6a57400bb6666f994619a6b935b8088a";

	@Autowired
	IndicatorCatalog catalog;

	@Autowired
	IndicatorValues values;

	@Autowired
	AreaQueries areas;

	@Autowired
	VorarlbergStatistics vorarlberg;

	@Autowired
	GermanStatistics germany;

	@Autowired
	DemoRegionLoader regionLoader;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theDemoHasTheTopicTreeVariablesAndIndicators() {
		assertThat(catalog.topics()).extracting(Topic::key)
			.containsAll(DemoStatistics.TOPICS.stream().map(Topic::key).toList());
		assertThat(catalog.topics()).filteredOn(t -> t.key().equals("existenzsicherung")).extracting(Topic::parentKey)
			.containsExactly("soziale-lage");

		List<String> keys = catalog.variables(false).stream().map(Variable::key).toList();
		assertThat(keys).contains("pop_total", "pop_65plus").containsAll(SyntheticSocialData.VARIABLES);
		Variable pop = catalog.variable("pop_total").orElseThrow();
		assertThat(pop.synthetic()).isFalse();
		assertThat(pop.published()).isTrue();
		assertThat(pop.areaAggregation()).isEqualTo(AreaAggregation.SUM);
		assertThat(pop.source()).contains("Statistik Austria");
		assertThat(pop.licence()).contains("CC BY 4.0");
		assertThat(pop.nameDe()).isNotBlank();
		assertThat(pop.nameEn()).isNotBlank();

		Indicator share = catalog.indicator("share_65plus").orElseThrow();
		assertThat(share.formula()).isEqualTo("100 * pop_65plus / pop_total");
		assertThat(share.unit()).isEqualTo("%");
		assertThat(share.polarity()).isEqualTo(Polarity.NEUTRAL);
		assertThat(share.decimals()).isEqualTo(1);
		assertThat(share.published()).isTrue();
		assertThat(catalog.indicator("bms_rate").orElseThrow().polarity()).isEqualTo(Polarity.HIGHER_IS_WORSE);
		assertThat(catalog.indicator("childcare_rate_u3").orElseThrow().polarity())
			.isEqualTo(Polarity.HIGHER_IS_BETTER);
		assertThat(catalog.indicators(false)).extracting(Indicator::key)
			.containsAll(VorarlbergStatistics.indicators().stream().map(Indicator::key).toList());
	}

	@Test
	void thePopulationOfEveryGemeindeIsTheFileValue() {
		Map<String, AreaId> gemeinden = areas.idsByCode("gemeinde");
		AreaId dornbirn = gemeinden.get("80301");
		assertThat(observation("pop_total", dornbirn, P2026)).isEqualByComparingTo("52252");
		assertThat(observation("pop_65plus", dornbirn, P2026)).isEqualByComparingTo("9798");

		// and every other value of the file, in one query per variable and year
		CsvTable file = DemoStatistics.table(DemoRegionLoader.resource(VorarlbergStatistics.POPULATION_FILE));
		int gkz = file.column("gkz").orElseThrow();
		int year = file.column("year").orElseThrow();
		int total = file.column("population_total").orElseThrow();
		Map<String, Map<AreaId, BigDecimal>> stored = new HashMap<>();
		int checked = 0;
		for (CsvTable.Row row : file.rows()) {
			String period = CsvTable.cell(row, year);
			Map<AreaId, BigDecimal> byArea = stored.computeIfAbsent(period, p -> catalog
				.observations("pop_total", Period.parse(p), List.of()).stream()
				.collect(Collectors.toMap(Observation::area, Observation::value)));
			assertThat(byArea.get(gemeinden.get(CsvTable.cell(row, gkz))))
				.as("pop_total of %s in %s", CsvTable.cell(row, gkz), period)
				.isEqualByComparingTo(CsvTable.cell(row, total));
			checked++;
		}
		assertThat(checked).isEqualTo(96 * 25);
		assertThat(catalog.periods("pop_total")).first().isEqualTo(Period.year(2002));
	}

	@Test
	void theZaehlsprengelLieInTheirGemeindenAndAddUpToThem() {
		List<AreaSummary> zaehlsprengel = areas.areas(VorarlbergStatistics.SCHEME, "zaehlsprengel");
		assertThat(zaehlsprengel).hasSize(290).allSatisfy(z -> assertThat(z.parentId()).isNotNull());
		AreaSummary first = zaehlsprengel.stream().filter(z -> z.code().equals("80301001")).findFirst().orElseThrow();
		assertThat(first.parentName()).isEqualTo("Dornbirn");

		Map<AreaId, BigDecimal> own = catalog.observations("pop_total", P2026, List.of()).stream()
			.collect(Collectors.toMap(Observation::area, Observation::value));
		Map<AreaId, BigDecimal> sums = new HashMap<>();
		for (AreaSummary z : zaehlsprengel) {
			assertThat(own).as("population of Zählsprengel %s", z.code()).containsKey(z.id());
			sums.merge(z.parentId(), own.get(z.id()), BigDecimal::add);
		}
		assertThat(sums).hasSize(96).allSatisfy((gemeinde, sum) -> assertThat(sum)
			.as("Zählsprengel sum of Gemeinde %s", gemeinde).isEqualByComparingTo(own.get(gemeinde)));
		assertThat(sums.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("412307");
	}

	@Test
	void indicatorsAreRatiosOfSumsAtEveryLevel() {
		AreaId dornbirn = areas.byCode("gemeinde", "80301").orElseThrow().id();
		AreaSummary bezirk = areas.byCode("bezirk", "803").orElseThrow();
		Map<AreaId, IndicatorValue> computed = values.values("share_65plus", P2026, List.of(dornbirn, bezirk.id()));
		assertThat(computed.get(dornbirn).value()).isCloseTo(100.0 * 9798 / 52252, within(1e-9));
		assertThat(computed.get(dornbirn).complete()).isTrue();

		long total = 0;
		long old = 0;
		Map<AreaId, Observation> pop = byArea("pop_total", P2026);
		Map<AreaId, Observation> pop65 = byArea("pop_65plus", P2026);
		for (AreaSummary g : areas.areas(VorarlbergStatistics.SCHEME, "gemeinde")) {
			if (bezirk.id().equals(g.parentId())) {
				total += pop.get(g.id()).value().longValueExact();
				old += pop65.get(g.id()).value().longValueExact();
			}
		}
		assertThat(computed.get(bezirk.id()).value()).isCloseTo(100.0 * old / total, within(1e-9));
		assertThat(values.periods("bms_rate")).first().isEqualTo(Period.year(SyntheticSocialData.FIRST_YEAR));
	}

	@Test
	void syntheticVariablesAreFlaggedAndSaySo() {
		for (String key : SyntheticSocialData.VARIABLES) {
			Variable v = catalog.variable(key).orElseThrow();
			assertThat(v.synthetic()).as(key).isTrue();
			assertThat(v.source()).as(key).isEqualTo(VorarlbergStatistics.SYNTHETIC_SOURCE);
			assertThat(v.licence()).as(key).isEqualTo("CC0 1.0");
			assertThat(v.nonNegative()).as(key).isTrue();
			assertThat(v.description()).as(key).contains("Synthetisch", "Synthetic");
			assertThat(catalog.periods(key)).as(key).hasSize(12);
		}
		assertThat(catalog.variable("pop_65plus").orElseThrow().synthetic()).isFalse();
	}

	@Test
	void theSyntheticGeneratorIsDeterministicAndConsistentInEveryRow() {
		List<SyntheticSocialData.Row> rows = VorarlbergStatistics.synthetic();
		assertThat(VorarlbergStatistics.synthetic()).isEqualTo(rows);
		assertThat(SyntheticSocialData.csv(VorarlbergStatistics.synthetic())).isEqualTo(SyntheticSocialData.csv(rows));
		// the same on every JVM: java.util.Random and StrictMath are specified exactly. Change deliberately: a new
		// checksum means every demo database gets new synthetic values on its next full load.
		assertThat(TextFiles.sha256(SyntheticSocialData.csv(rows))).isEqualTo(SYNTHETIC_SHA256);
		assertThat(rows).hasSize(96 * 12);

		Map<String, SyntheticSocialData.Population> population = VorarlbergStatistics
			.population(DemoRegionLoader.resource(VorarlbergStatistics.POPULATION_FILE)).stream()
			.collect(Collectors.toMap(p -> p.gkz() + ":" + p.year(), Function.identity()));
		for (SyntheticSocialData.Row r : rows) {
			SyntheticSocialData.Population p = population.get(r.gkz() + ":" + r.year());
			String row = r.toString();
			for (int value : r.values()) {
				assertThat(value).as(row).isNotNegative();
			}
			assertThat(r.popU15() + r.pop15To64() + p.age65plus()).as(row).isEqualTo(p.total());
			assertThat(r.childrenU3()).as(row).isLessThanOrEqualTo(r.popU15());
			assertThat(r.pop80plus()).as(row).isLessThanOrEqualTo(p.age65plus());
			assertThat(r.alone80plus()).as(row).isLessThanOrEqualTo(r.pop80plus());
			assertThat(r.households()).as(row).isPositive().isLessThanOrEqualTo(p.total());
			assertThat(r.singleParentHouseholds()).as(row).isLessThanOrEqualTo(r.households())
				.isLessThanOrEqualTo(r.popU15());
			assertThat(r.bmsRecipients()).as(row).isLessThanOrEqualTo(p.total());
			assertThat(r.bmsU15()).as(row).isLessThanOrEqualTo(r.bmsRecipients()).isLessThanOrEqualTo(r.popU15());
			assertThat(r.unemployed()).as(row).isLessThanOrEqualTo(r.pop15To64());
			assertThat(r.childrenInChildcareU3()).as(row).isLessThanOrEqualTo(r.childrenU3())
				.isLessThanOrEqualTo(r.childcarePlacesU3());
		}
		// plausible as a whole: about 2 % minimum-income recipients, 2.2–2.6 persons per household
		long total = rows.stream().mapToLong(r -> population.get(r.gkz() + ":" + r.year()).total()).sum();
		double bms = rows.stream().mapToLong(SyntheticSocialData.Row::bmsRecipients).sum() / (double) total;
		double householdSize = total / (double) rows.stream().mapToLong(SyntheticSocialData.Row::households).sum();
		assertThat(bms).isBetween(0.01, 0.03);
		assertThat(householdSize).isBetween(2.1, 2.6);
	}

	@Test
	void loadingVorarlbergAgainChangesNothing() {
		vorarlberg.load(true); // repairs what other tests may have changed (one database for all tests)
		Counts before = counts();
		List<ImportReport> again = vorarlberg.load(true);
		assertThat(again).hasSize(4).allSatisfy(r -> {
			assertThat(r.outcome()).isEqualTo(ImportReport.Outcome.WRITTEN);
			assertThat(r.created()).as(r.fileName()).isZero();
			assertThat(r.updated()).as(r.fileName()).isZero();
		});
		assertThat(counts()).isEqualTo(before);
		assertThat(vorarlberg.load(false)).as("a start after a complete load imports nothing").isEmpty();
		assertThat(counts()).isEqualTo(before);
	}

	@Test
	void germanyGetsZensusForTheRegionAndInkarForAll400Kreise() {
		try {
			loadAndCheckGermany();
		} finally {
			removeGermanStatistics();
		}
	}

	private void loadAndCheckGermany() {
		regionLoader.loadGoettingenHarz();
		long start = System.nanoTime();
		germany.load(false);
		System.out.printf("German demo statistics loaded in %d ms%n", (System.nanoTime() - start) / 1_000_000);

		// areas: Deutschland › 16 Länder › 400 Kreise; the Kreise with boundaries keep them, their name and codes
		assertThat(areas.areas(GermanStatistics.SCHEME, "staat")).extracting(AreaSummary::name)
			.containsExactly("Deutschland");
		assertThat(areas.areas(GermanStatistics.SCHEME, "land")).hasSize(16);
		List<AreaSummary> kreise = areas.areas(GermanStatistics.SCHEME, "kreis");
		assertThat(kreise).hasSize(400).allSatisfy(k -> assertThat(k.parentId()).isNotNull());
		Map<String, AreaSummary> byCode = kreise.stream()
			.collect(Collectors.toMap(AreaSummary::code, Function.identity()));
		assertThat(byCode.get("03159").name()).isEqualTo("Göttingen");
		assertThat(byCode.get("03159").parentName()).isEqualTo("Niedersachsen");
		assertThat(byCode.get("03159").areaKm2()).isNotNull();
		assertThat(areas.area(byCode.get("03159").id()).orElseThrow().codes()).containsEntry("ARS", "03159");
		assertThat(byCode.get("15085").parentName()).isEqualTo("Sachsen-Anhalt");
		assertThat(byCode.get("01001").name()).isEqualTo("Flensburg, Stadt");
		assertThat(byCode.get("01051").name()).isEqualTo("Kreis 01051");
		assertThat(byCode.get("11000").parentName()).isEqualTo("Berlin");
		assertThat(jdbc.sql("""
				select count(*) - count(distinct a.code) from area.area a join area.area_level l on l.id = a.level_id
				where l.key = 'kreis' and a.valid_from <= current_date and (a.valid_to is null or a.valid_to >= current_date)
				""").query(Long.class).single()).as("no Kreis twice").isZero();

		// INKAR: a value for every Kreis in 2022 for the share of people aged 65+
		Map<AreaId, Observation> inkar = byArea("inkar_share_65plus", Period.year(2022));
		assertThat(inkar).hasSize(400)
			.allSatisfy((area, o) -> assertThat(o.status()).isEqualTo(Observation.Status.OK));
		assertThat(catalog.periods("inkar_share_65plus")).hasSize(28);
		Variable rate = catalog.variable("inkar_unemployment_rate").orElseThrow();
		assertThat(rate.areaAggregation()).isEqualTo(AreaAggregation.NONE);
		assertThat(rate.nameEn()).isEqualTo("Unemployment rate (INKAR)");
		assertThat(rate.licence()).contains("dl-de/by-2-0", "Daten verändert");
		AreaId goettingen = byCode.get("03159").id();
		assertThat(observation("inkar_unemployment_rate", goettingen, Period.year(2021))).isEqualByComparingTo("5.73");
		Indicator kreisRate = catalog.indicator("kreis_unemployment_rate").orElseThrow();
		assertThat(kreisRate.formula()).isEqualTo("inkar_unemployment_rate");
		assertThat(kreisRate.polarity()).isEqualTo(Polarity.HIGHER_IS_WORSE);
		AreaId niedersachsen = areas.byCode("land", "03").orElseThrow().id();
		Map<AreaId, IndicatorValue> rates = values.values("kreis_unemployment_rate", Period.year(2021),
				List.of(goettingen, niedersachsen));
		assertThat(rates.get(goettingen).value()).isCloseTo(5.73, within(1e-9));
		assertThat(rates.get(niedersachsen) == null || rates.get(niedersachsen).missing())
			.as("a rate without a weight is not aggregated").isTrue();

		// Zensus 2022: the 59 Gemeinden of the region (the unincorporated area has no census figures)
		Map<AreaId, Observation> census = byArea("census_population", Period.year(2022));
		assertThat(census).hasSize(59);
		AreaId goettingenStadt = areas.byCode("gemeinde", "03159016").orElseThrow().id();
		assertThat(census.get(goettingenStadt).value()).isEqualByComparingTo("124548");
		assertThat(catalog.variable("census_vacancy_rate").orElseThrow().weightKey()).isEqualTo("census_dwellings");
		assertThat(catalog.variable("census_share_foreign").orElseThrow().weightKey())
			.isEqualTo("census_population");
		// the Kreis: a mean of its Gemeinden weighted by population
		Map<AreaId, Observation> foreign = byArea("census_share_foreign", Period.year(2022));
		double weighted = 0;
		double weights = 0;
		for (AreaSummary g : areas.areas(GermanStatistics.REGION_SCHEME, "gemeinde")) {
			if (goettingen.equals(g.parentId()) && foreign.containsKey(g.id()) && foreign.get(g.id()).value() != null) {
				weighted += foreign.get(g.id()).value().doubleValue() * census.get(g.id()).value().doubleValue();
				weights += census.get(g.id()).value().doubleValue();
			}
		}
		assertThat(values.values("census22_foreign_share", Period.year(2022), List.of(goettingen)).get(goettingen)
			.value()).isCloseTo(weighted / weights, within(1e-6));

		// a second load changes nothing, and a restart skips it
		Counts before = counts();
		List<ImportReport> again = germany.load(true);
		assertThat(again).isNotEmpty().allSatisfy(r -> {
			assertThat(r.created()).as(r.fileName()).isZero();
			assertThat(r.updated()).as(r.fileName()).isZero();
		});
		assertThat(counts()).isEqualTo(before);
		assertThat(germany.load(false)).isEmpty();
	}

	/**
	 * All tests share one database, and every change of areas recomputes every value: with INKAR's 336,000
	 * observations that takes seconds, after each area import of every test that runs later. So the German
	 * statistics go again (the areas stay; they cost little). Remove this once recomputation after an area change
	 * is incremental.
	 */
	private void removeGermanStatistics() {
		String indicators = "key like 'kreis\\_%' or key like 'census22\\_%'";
		String variables = "key like 'inkar\\_%' or key like 'census\\_%'";
		jdbc.sql("delete from indicator.value_set where " + indicators + " or " + variables).update();
		jdbc.sql("delete from indicator.indicator where " + indicators).update();
		jdbc.sql("delete from indicator.variable where " + variables).update(); // observations cascade
	}

	private BigDecimal observation(String key, AreaId area, Period period) {
		return catalog.observations(key, period, List.of(area)).stream().findFirst().orElseThrow().value();
	}

	private Map<AreaId, Observation> byArea(String key, Period period) {
		return catalog.observations(key, period, List.of()).stream()
			.collect(Collectors.toMap(Observation::area, Function.identity()));
	}

	record Counts(long areas, long variables, long indicators, long topics, long observations, long values) {
	}

	private Counts counts() {
		return new Counts(count("area.area"), count("indicator.variable"), count("indicator.indicator"),
				count("indicator.topic"), count("indicator.observation"), count("indicator.value_set"));
	}

	private long count(String table) {
		return jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

	@Test
	void inkarZerosThatCannotBeRealAreReadAsMissing() {
		byte[] file = "\"county_code\",\"year\",\"purchasing_power\",\"students_per_100\"\n\"09273\",2021,0,0\n\"09274\",2021,0.5,0\n"
			.getBytes(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(new String(GermanStatistics.zerosAsMissing(file, GermanStatistics.ZERO_MEANS_MISSING),
				java.nio.charset.StandardCharsets.UTF_8))
			.contains("\"09273\",2021,,0\n").contains("\"09274\",2021,0.5,0");
	}
}
