package org.spange.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.spange.indicator.IndicatorTestData.assertWritten;
import static org.spange.indicator.IndicatorTestData.utf8;
import static org.spange.indicator.IndicatorTestData.windows1252;
import static org.spange.indicator.IndicatorTestData.xlsx;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.spange.SpangeTest;
import org.spange.area.AreaId;
import org.spange.area.AreaQueries;
import org.spange.indicator.Observation.Status;
import org.spange.indicator.ObservationImportOptions.Columns;
import org.spange.indicator.ObservationImportOptions.Layout;
import org.spange.indicator.ObservationImportResult.Change;
import org.spange.platform.imports.ImportReport.Outcome;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** Observation files that are read right and written: layouts, separators, encodings, Excel, markers, re-import. */
@SpangeTest
@RecordApplicationEvents
class ObservationImportTest {

	private static final String P = "observationimporttest_";

	@Autowired
	ObservationImports imports;

	@Autowired
	IndicatorCatalog catalog;

	@Autowired
	AreaQueries areas;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEvents events;

	AreaId a80101;
	AreaId a80102;
	AreaId a80103;

	@BeforeEach
	void areas() {
		a80101 = area("80101");
		a80102 = area("80102");
		a80103 = area("80103");
	}

	private AreaId area(String gkz) {
		return areas.byCode("gemeinde", gkz).orElseThrow().id();
	}

	private String variable(String suffix) {
		return IndicatorTestData.ensure(catalog, IndicatorTestData.count(P + suffix)).key();
	}

	private Map<AreaId, Observation> stored(String key, String period) {
		Map<AreaId, Observation> byArea = new java.util.HashMap<>();
		catalog.observations(key, Period.parse(period), List.of()).forEach(o -> byArea.put(o.area(), o));
		return byArea;
	}

	@Test
	void longLayoutWithCommaAndDecimalPoint() {
		String pop = variable("long_pop");
		String share = variable("long_share");
		byte[] csv = utf8("gebiet,merkmal,zeitraum,wert",
				"80101," + pop + ",2024,2345",
				"80102," + pop + ",2024,318",
				"80101," + share + ",2024-Q1,12.5",
				"80102," + share + ",2024-Q1,\"1,234.5\"");

		ObservationImportResult result = imports.importObservations("long.csv", csv, ObservationImportOptions.defaults());

		assertWritten(result);
		assertThat(result.layout()).isEqualTo(Layout.LONG);
		assertThat(result.decimalSeparator()).isEqualTo('.');
		assertThat(result.report().records()).isEqualTo(4);
		assertThat(result.report().created()).isEqualTo(4);
		assertThat(stored(pop, "2024")).hasSize(2);
		assertThat(stored(pop, "2024").get(a80101).value()).isEqualByComparingTo("2345");
		assertThat(stored(share, "2024-Q1").get(a80102).value()).isEqualByComparingTo("1234.5");
		assertThat(stored(share, "2024-Q1").get(a80101).status()).isEqualTo(Status.OK);
		assertThat(catalog.periods(share)).containsExactly(Period.parse("2024-Q1"));

		assertThat(events.stream(ObservationsImported.class)).singleElement().satisfies(e -> {
			assertThat(e.variableKeys()).containsExactly(pop, share);
			assertThat(e.periods()).containsExactly(Period.parse("2024"), Period.parse("2024-Q1"));
			assertThat(e.observations()).isEqualTo(4);
		});
	}

	@Test
	void wideLayoutWithPeriodColumnAndLevelColumn() {
		String men = variable("wide_men");
		String women = variable("wide_women");
		byte[] csv = utf8("GKZ;Name;Jahr;Ebene;" + men + ";" + women.toUpperCase(),
				"80101;Bartholomäberg;2023;gemeinde;1100;1150",
				"80101;Bartholomäberg;2024;gemeinde;1105;1149",
				"80102;Blons;2024;;160;158");

		ObservationImportResult result = imports.importObservations("wide.csv", csv, ObservationImportOptions.defaults());

		assertWritten(result);
		assertThat(result.layout()).isEqualTo(Layout.WIDE);
		assertThat(result.report().records()).isEqualTo(6);
		assertThat(result.report().created()).isEqualTo(6);
		assertThat(stored(men, "2023").get(a80101).value()).isEqualByComparingTo("1100");
		assertThat(stored(women, "2024").get(a80102).value()).isEqualByComparingTo("158");
		assertThat(catalog.periods(men)).extracting(Period::toString).containsExactly("2023", "2024");
	}

	@Test
	void wideLayoutWithThePeriodAsAnOption() {
		String kids = variable("wide_kids");
		byte[] csv = utf8("gkz," + kids, "80101,301", "80103,2450");

		ObservationImportResult result = imports.importObservations("wide.csv", csv,
				ObservationImportOptions.defaults().withPeriod("2024-12-31"));

		assertWritten(result);
		assertThat(stored(kids, "2024-12-31")).containsOnlyKeys(a80101, a80103);
	}

	@Test
	void germanExcelCsvInWindows1252WithSemicolonsThousandsPointsAndDecimalCommas() {
		String income = IndicatorTestData.ensure(catalog, IndicatorTestData.balance(P + "german_income")).key();
		byte[] csv = windows1252("Gebiet;Gemeindename;Merkmal;Zeitraum;Wert;Status",
				"80101;Bartholomäberg;" + income + ";2024;1.234,5;",
				"80102;Blons;" + income + ";2024;-12,25;geschätzt",
				"80103;Bludenz;" + income + ";2024;1.234.567;vorläufig",
				"80106;Bürs;" + income + ";2024;;");
		assertThat(new String(csv, StandardCharsets.ISO_8859_1)).contains("B\u00fcrs"); // one byte 0xFC: not UTF-8

		ObservationImportResult result = imports.importObservations("Einkommen.csv", csv,
				ObservationImportOptions.defaults());

		assertWritten(result);
		assertThat(result.decimalSeparator()).isEqualTo(',');
		Map<AreaId, Observation> stored = stored(income, "2024");
		assertThat(stored.get(a80101).value()).isEqualByComparingTo("1234.5");
		assertThat(stored.get(a80102)).extracting(Observation::value, Observation::status)
			.containsExactly(new BigDecimal("-12.25"), Status.ESTIMATED);
		assertThat(stored.get(a80103)).extracting(Observation::value, Observation::status)
			.containsExactly(new BigDecimal("1234567"), Status.PROVISIONAL);
		assertThat(stored.get(area("80106"))).extracting(Observation::value, Observation::status)
			.containsExactly(null, Status.MISSING);
	}

	@Test
	void aSemicolonFileWithoutDecimalsReadsPointsAsThousands() {
		String pop = variable("thousands_pop");
		byte[] csv = windows1252("gkz;" + pop, "80101;2.345", "80103;14.500", "80102;318");

		ObservationImportResult result = imports.importObservations("bev.csv", csv,
				ObservationImportOptions.defaults().withPeriod("2024"));

		assertWritten(result);
		assertThat(result.decimalSeparator()).isEqualTo(',');
		assertThat(stored(pop, "2024").get(a80103).value()).isEqualByComparingTo("14500");
	}

	@Test
	void xlsxWithNumberCellsTextCellsAndMarkers() {
		String pop = variable("xlsx_pop");
		String old = variable("xlsx_old");
		byte[] workbook = xlsx(new Object[] { "GKZ", "Gemeinde", "Jahr", pop, old },
				new Object[] { 80101, "Bartholomäberg", 2024, 2345, 512.5 },
				new Object[] { "80102", "Blons", "2024", "318", "x" },
				new Object[] { 80103, "Bludenz", 2024, "14.650,0", null });

		ObservationImportResult result = imports.importObservations("Bevölkerung.xlsx", workbook,
				ObservationImportOptions.defaults());

		assertWritten(result);
		assertThat(result.layout()).isEqualTo(Layout.WIDE);
		assertThat(result.report().created()).isEqualTo(6);
		assertThat(stored(pop, "2024").get(a80101).value()).isEqualByComparingTo("2345");
		assertThat(stored(pop, "2024").get(a80103).value()).isEqualByComparingTo("14650");
		assertThat(stored(old, "2024").get(a80101).value()).isEqualByComparingTo("512.5");
		assertThat(stored(old, "2024").get(a80102)).extracting(Observation::value, Observation::status)
			.containsExactly(null, Status.MISSING);
		assertThat(stored(old, "2024").get(a80103)).extracting(Observation::value, Observation::status)
			.containsExactly(null, Status.MISSING);
	}

	@Test
	void missingMarkersAreStoredAsMissingWithoutAValueNeverAsZero() {
		String key = variable("markers");
		byte[] csv = utf8("gkz;zeitraum;" + key, "80101;2024;.", "80102;2024;-", "80103;2024;x", "80104;2024;",
				"80105;2024;…", "80106;2024;0");

		ObservationImportResult result = imports.importObservations("markers.csv", csv,
				ObservationImportOptions.defaults());

		assertWritten(result);
		Map<AreaId, Observation> stored = stored(key, "2024");
		assertThat(stored).hasSize(6);
		for (String gkz : List.of("80101", "80102", "80103", "80104", "80105")) {
			assertThat(stored.get(area(gkz))).as(gkz).extracting(Observation::value, Observation::status)
				.containsExactly(null, Status.MISSING);
		}
		assertThat(stored.get(area("80106")).value()).isEqualByComparingTo("0");
		assertThat(jdbc.sql("""
				select count(*) from indicator.observation o join indicator.variable v on v.id = o.variable_id
				where v.key = ? and o.value is null and o.status = 'MISSING'""").param(key).query(Long.class).single())
			.isEqualTo(5);
	}

	@Test
	void markersCanBeMappedToSuppressed() {
		String key = variable("suppressed");
		byte[] csv = utf8("gkz;" + key, "80101;x", "80102;.", "80103;7");

		ObservationImportResult result = imports.importObservations("geheim.csv", csv, ObservationImportOptions
			.defaults().withPeriod("2024").withMarkers(Map.of("X", Status.SUPPRESSED, ".", Status.MISSING)));

		assertWritten(result);
		assertThat(stored(key, "2024")).extractingByKeys(a80101, a80102, a80103)
			.extracting(Observation::status)
			.containsExactly(Status.SUPPRESSED, Status.MISSING, Status.OK);
	}

	@Test
	void headerNamesCanBeConfigured() {
		String key = variable("columns");
		byte[] csv = utf8("Kennzahl;Schluessel;Periode;Anzahl", key + ";80101;2024-03;5");

		ObservationImportResult result = imports.importObservations("custom.csv", csv, ObservationImportOptions
			.defaults().withLayout(Layout.LONG)
			.withColumns(new Columns("Schluessel", null, "Kennzahl", "Periode", "Anzahl", null)));

		assertWritten(result);
		assertThat(stored(key, "2024-03").get(a80101).value()).isEqualByComparingTo("5");
	}

	@Test
	void theSameFileTwiceChangesNothingAndAChangedFileChangesOnlyWhatDiffers() {
		String key = variable("reimport");
		byte[] csv = utf8("gkz;jahr;" + key, "80101;2024;10", "80102;2024;.", "80103;2024;30");
		assertWritten(imports.importObservations("r.csv", csv, ObservationImportOptions.defaults()));
		var before = jdbc.sql("""
				select o.area_id, o.value, o.status, o.updated_at from indicator.observation o
				join indicator.variable v on v.id = o.variable_id where v.key = ? order by o.area_id""")
			.param(key).query().listOfRows();
		events.clear();

		ObservationImportResult again = imports.importObservations("r.csv", csv, ObservationImportOptions.defaults());

		assertWritten(again);
		assertThat(again.report()).extracting(r -> r.created(), r -> r.updated(), r -> r.unchanged())
			.containsExactly(0, 0, 3);
		assertThat(again.rows()).extracting(ObservationImportResult.Row::change).containsOnly(Change.UNCHANGED);
		assertThat(jdbc.sql("""
				select o.area_id, o.value, o.status, o.updated_at from indicator.observation o
				join indicator.variable v on v.id = o.variable_id where v.key = ? order by o.area_id""")
			.param(key).query().listOfRows()).isEqualTo(before);
		assertThat(events.stream(ObservationsImported.class)).isEmpty();

		// 10.0 is still 10; the missing value arrives; 30 becomes 31
		byte[] changed = utf8("gkz;jahr;" + key, "80101;2024;10,0", "80102;2024;20", "80103;2024;31");
		ObservationImportResult third = imports.importObservations("r2.csv", changed,
				ObservationImportOptions.defaults());
		assertWritten(third);
		assertThat(third.report()).extracting(r -> r.created(), r -> r.updated(), r -> r.unchanged())
			.containsExactly(0, 2, 1);
		assertThat(third.rows()).extracting(r -> r.areaCode(), r -> r.change()).containsExactly(
				tuple("80101", Change.UNCHANGED), tuple("80102", Change.CHANGED), tuple("80103", Change.CHANGED));
		assertThat(stored(key, "2024").get(a80102)).extracting(Observation::value, Observation::status)
			.containsExactly(new BigDecimal("20"), Status.OK);
		assertThat(events.stream(ObservationsImported.class)).singleElement()
			.extracting(ObservationsImported::observations).isEqualTo(2);
	}

	@Test
	void aPreviewCountsAndShowsTheRowsButWritesNothing() {
		String key = variable("preview");
		assertWritten(imports.importObservations("p.csv", utf8("gkz;jahr;" + key, "80101;2024;1"),
				ObservationImportOptions.defaults()));
		IndicatorTestData.Snapshot before = IndicatorTestData.snapshot(jdbc);
		long runs = jdbc.sql("select count(*) from indicator.import_run").query(Long.class).single();
		events.clear();

		ObservationImportResult preview = imports.importObservations("p.csv",
				utf8("gkz;jahr;" + key, "80101;2024;1", "80101;2023;5", "80102;2024;2", "80103;2024;x"),
				new ObservationImportOptions(null, null, null, null, null, null, null, true, 2));

		assertThat(preview.report().outcome()).isEqualTo(Outcome.PREVIEW);
		assertThat(preview.report()).extracting(r -> r.created(), r -> r.updated(), r -> r.unchanged())
			.containsExactly(3, 0, 1);
		assertThat(preview.rows()).hasSize(2).extracting(r -> r.line(), r -> r.areaCode(), r -> r.area(),
				r -> r.variableKey(), r -> r.period().toString(), r -> r.value(), r -> r.status(), r -> r.change())
			.containsExactly(tuple(2, "80101", a80101, key, "2024", new BigDecimal("1"), Status.OK, Change.UNCHANGED),
					tuple(3, "80101", a80101, key, "2023", new BigDecimal("5"), Status.OK, Change.NEW));
		assertThat(IndicatorTestData.snapshot(jdbc)).isEqualTo(before);
		assertThat(jdbc.sql("select count(*) from indicator.import_run").query(Long.class).single()).isEqualTo(runs);
		assertThat(events.stream(ObservationsImported.class)).isEmpty();
		assertThat(catalog.periods(key)).containsExactly(Period.parse("2024"));
	}

	@Test
	void aWrittenImportIsAuditedAndRecorded() {
		String key = variable("audit");
		assertWritten(imports.importObservations("audit.csv", utf8("gkz;jahr;" + key, "80101;2024;1"),
				ObservationImportOptions.defaults()));

		assertThat(jdbc.sql("""
				select count(*) from indicator.import_run where file_name = 'audit.csv' and outcome = 'WRITTEN'
				and (report ->> 'created')::int = 1""").query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from access.audit_event where action = 'indicator.import.observations'"
				+ " and subject_id = ?").param(key).query(Long.class).single()).isEqualTo(1);
	}
}
