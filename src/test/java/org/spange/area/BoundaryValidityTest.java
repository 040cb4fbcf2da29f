package org.spange.area;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.spange.area.AreaTestData.collection;
import static org.spange.area.AreaTestData.feature;
import static org.spange.area.AreaTestData.square;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.spange.SpangeTest;
import org.spange.area.AreaTestData.Snapshot;
import org.spange.platform.imports.ImportReport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Boundaries with a later start of validity close the earlier version the day before and start a new one. */
@SpangeTest
class BoundaryValidityTest {

	private static final String P = "BoundaryValidityTest-";
	private static final LocalDate FROM_2020 = LocalDate.of(2020, 1, 1);
	private static final LocalDate FROM_2024 = LocalDate.of(2024, 7, 1);

	@Autowired
	AreaImports imports;

	@Autowired
	AreaQueries areas;

	@Autowired
	JdbcClient jdbc;

	record Version(long id, String name, LocalDate validFrom, LocalDate validTo) {
	}

	private List<Version> versions(String code) {
		return jdbc.sql("""
				select a.id, a.name, a.valid_from, a.valid_to from area.area a
				join area.area_level l on l.id = a.level_id
				where l.key = 'sozialraum' and a.code = ? order by a.valid_from""")
			.param(code).query(Version.class).list();
	}

	@Test
	void aLaterValidFromClosesTheEarlierVersionAndCreatesANewOne() {
		String code = P + "1";
		String untouched = P + "2";
		BoundaryImportOptions options = BoundaryImportOptions.of("sozialraum", "code", "name");
		AreaTestData.assertWritten(imports.importBoundaries("2020.geojson", collection(
				feature(square(9.70, 47.50, 0.01), "code", code, "name", "Alt"),
				feature(square(9.72, 47.50, 0.01), "code", untouched, "name", "Bleibt")),
				options.validFrom(FROM_2020)));
		Snapshot before = AreaTestData.snapshot(jdbc);

		ImportReport report = imports.importBoundaries("2024.geojson",
				collection(feature(square(9.70, 47.50, 0.02), "code", code, "name", "Neu")),
				options.validFrom(FROM_2024));

		AreaTestData.assertWritten(report);
		assertThat(report.created()).isEqualTo(1);
		assertThat(report.updated()).as("the closed earlier version").isEqualTo(1);
		assertThat(AreaTestData.snapshot(jdbc).areas()).isEqualTo(before.areas() + 1);
		List<Version> versions = versions(code);
		assertThat(versions).extracting(Version::name, Version::validFrom, Version::validTo).containsExactly(
				tuple("Alt", FROM_2020, LocalDate.of(2024, 6, 30)),
				tuple("Neu", FROM_2024, null));
		assertThat(versions(untouched)).extracting(Version::validFrom, Version::validTo)
			.containsExactly(tuple(FROM_2020, null));

		// today the new version is the area of this code
		AreaSummary current = areas.byCode("sozialraum", code).orElseThrow();
		assertThat(current.id().value()).isEqualTo(versions.get(1).id());
		assertThat(current.validTo()).isNull();
		AreaDetail old = areas.area(new AreaId(versions.get(0).id())).orElseThrow();
		assertThat(old.area().validTo()).isEqualTo(LocalDate.of(2024, 6, 30));
		assertThat(current.areaKm2()).isCloseTo(4 * old.area().areaKm2(), org.assertj.core.api.Assertions.within(0.1));

		// importing the new boundaries again changes nothing, and the old version stays closed
		Snapshot afterNew = AreaTestData.snapshot(jdbc);
		ImportReport again = imports.importBoundaries("2024.geojson",
				collection(feature(square(9.70, 47.50, 0.02), "code", code, "name", "Neu")),
				options.validFrom(FROM_2024));
		AreaTestData.assertWritten(again);
		assertThat(again.unchanged()).isEqualTo(1);
		assertThat(again.created() + again.updated()).isZero();
		assertThat(AreaTestData.snapshot(jdbc)).isEqualTo(afterNew);
		assertThat(versions(code)).extracting(Version::validTo)
			.containsExactly(LocalDate.of(2024, 6, 30), null);
	}

	@Test
	void anEarlierVersionImportedLaterEndsTheDayBeforeTheLaterOne() {
		String code = P + "history";
		BoundaryImportOptions options = BoundaryImportOptions.of("sozialraum", "code", "name");
		AreaTestData.assertWritten(imports.importBoundaries("2024.geojson",
				collection(feature(square(9.74, 47.50, 0.02), "code", code, "name", "2024")),
				options.validFrom(FROM_2024)));

		// historic boundaries, imported afterwards (e.g. for a time series)
		ImportReport older = imports.importBoundaries("2020.geojson",
				collection(feature(square(9.74, 47.50, 0.01), "code", code, "name", "2020")),
				options.validFrom(FROM_2020));
		AreaTestData.assertWritten(older);
		assertThat(older.created()).isEqualTo(1);
		assertThat(versions(code)).extracting(Version::name, Version::validFrom, Version::validTo).containsExactly(
				tuple("2020", FROM_2020, LocalDate.of(2024, 6, 30)),
				tuple("2024", FROM_2024, null));

		// and one in between: it ends where the later one starts and closes the earlier one
		LocalDate from2022 = LocalDate.of(2022, 1, 1);
		ImportReport between = imports.importBoundaries("2022.geojson",
				collection(feature(square(9.74, 47.50, 0.015), "code", code, "name", "2022")),
				options.validFrom(from2022));
		AreaTestData.assertWritten(between);
		assertThat(between.created()).isEqualTo(1);
		assertThat(between.updated()).isEqualTo(1);
		assertThat(versions(code)).extracting(Version::name, Version::validFrom, Version::validTo).containsExactly(
				tuple("2020", FROM_2020, LocalDate.of(2021, 12, 31)),
				tuple("2022", from2022, LocalDate.of(2024, 6, 30)),
				tuple("2024", FROM_2024, null));

		// exactly one version is valid today
		assertThat(areas.byCode("sozialraum", code)).get().extracting(AreaSummary::name).isEqualTo("2024");
	}

	@Test
	void aPreviewOfALaterVersionWritesNothing() {
		String code = P + "preview";
		BoundaryImportOptions options = BoundaryImportOptions.of("sozialraum", "code", "name");
		AreaTestData.assertWritten(imports.importBoundaries("2020.geojson",
				collection(feature(square(9.78, 47.50, 0.01), "code", code, "name", "Alt")),
				options.validFrom(FROM_2020)));
		Snapshot before = AreaTestData.snapshot(jdbc);

		ImportReport preview = imports.importBoundaries("2024.geojson",
				collection(feature(square(9.78, 47.50, 0.02), "code", code, "name", "Neu")),
				options.validFrom(FROM_2024).previewOnly(true));

		assertThat(preview.outcome()).isEqualTo(ImportReport.Outcome.PREVIEW);
		assertThat(preview.problems()).isEmpty();
		assertThat(preview.created()).isEqualTo(1);
		assertThat(preview.updated()).as("the earlier version it would close").isEqualTo(1);
		assertThat(AreaTestData.snapshot(jdbc)).isEqualTo(before);
		assertThat(versions(code)).extracting(Version::name, Version::validTo).containsExactly(tuple("Alt", null));
	}
}
