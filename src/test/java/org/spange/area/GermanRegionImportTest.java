package org.spange.area;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.spange.SpangeTest;
import org.spange.platform.imports.ImportReport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The German second region (BKG VG5000, 1.1.2021): Landkreis Göttingen and Landkreis Harz with their 60
 * Gemeinden, keyed by AGS with the ARS as further code, in a scheme of its own.
 */
@SpangeTest
class GermanRegionImportTest {

	private static final String SCHEME = "test-germanregionimporttest";
	private static final LocalDate VALID_FROM = LocalDate.of(2021, 1, 1);
	private static final Map<String, String> ARS = Map.of("ARS", "ARS");

	@Autowired
	AreaImports imports;

	@Autowired
	AreaQueries areas;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	@Test
	void importsKreiseAndGemeindenWithCodesParentsAndPlausibleAreas() {
		byte[] kreiseFile = AreaTestData.resource("/data/germany/kreise-goettingen-harz-vg5000-2021.geojson");
		byte[] gemeindenFile = AreaTestData.resource("/data/germany/gemeinden-goettingen-harz-vg5000-2021.geojson");

		ImportReport kreise = imports.importBoundaries("kreise-goettingen-harz-vg5000-2021.geojson", kreiseFile,
				BoundaryImportOptions.of("kreis", "AGS", "GEN").withExtraCodes(ARS).validFrom(VALID_FROM)
					.inScheme(SCHEME, null, null, null));
		AreaTestData.assertWritten(kreise);
		assertThat(kreise.records()).isEqualTo(2);
		// created unless another test imported the same Kreise before; either way both are now in the scheme
		assertThat(kreise.created() + kreise.updated() + kreise.unchanged()).isEqualTo(2);

		ImportReport gemeinden = imports.importBoundaries("gemeinden-goettingen-harz-vg5000-2021.geojson",
				gemeindenFile, BoundaryImportOptions.of("gemeinde", "AGS", "GEN").withExtraCodes(ARS)
					.validFrom(VALID_FROM).inScheme(SCHEME, "kreis", null, 5));
		AreaTestData.assertWritten(gemeinden);
		assertThat(gemeinden.records()).isEqualTo(60);
		assertThat(gemeinden.created() + gemeinden.updated() + gemeinden.unchanged()).isEqualTo(60);
		assertThat(gemeinden.warnings()).isEmpty();

		assertThat(areas.scheme(SCHEME)).isPresent();
		assertThat(areas.levelsOf(SCHEME)).extracting(AreaLevel::key).containsExactly("kreis", "gemeinde");

		// the two Kreise, their ARS and plausible areas (VG5000 is coarse: ±5 %)
		List<AreaSummary> kreisList = areas.areas(SCHEME, "kreis");
		assertThat(kreisList).extracting(AreaSummary::code).containsExactlyInAnyOrder("03159", "15085");
		Map<String, AreaSummary> kreisByCode = kreisList.stream()
			.collect(Collectors.toMap(AreaSummary::code, Function.identity()));
		AreaSummary goettingen = kreisByCode.get("03159");
		AreaSummary harz = kreisByCode.get("15085");
		assertThat(goettingen.name()).isEqualTo("Göttingen");
		assertThat(harz.name()).isEqualTo("Harz");
		assertThat(goettingen.parentId()).as("Kreise are the roots of the scheme").isNull();
		assertThat(goettingen.validFrom()).isEqualTo(VALID_FROM);
		assertThat(goettingen.areaKm2()).isCloseTo(1755, within(1755 * 0.05));
		assertThat(harz.areaKm2()).isCloseTo(2104, within(2104 * 0.05));
		assertThat(areas.area(goettingen.id()).orElseThrow().codes()).containsExactly(Map.entry("ARS", "03159"));
		assertThat(areas.area(harz.id()).orElseThrow().codes()).containsExactly(Map.entry("ARS", "15085"));

		// the 60 Gemeinden: each below its Kreis (first five digits of the AGS), with the ARS from the file
		Map<String, String> arsByAgs = arsByAgs(gemeindenFile);
		assertThat(arsByAgs).hasSize(60);
		List<AreaSummary> gemeindeList = areas.areas(SCHEME, "gemeinde");
		assertThat(gemeindeList).hasSize(60);
		assertThat(gemeindeList).extracting(AreaSummary::code).containsExactlyInAnyOrderElementsOf(arsByAgs.keySet());
		for (AreaSummary g : gemeindeList) {
			AreaSummary kreis = kreisByCode.get(g.code().substring(0, 5));
			assertThat(g.parentId()).as("parent of %s %s", g.code(), g.name()).isEqualTo(kreis.id());
			assertThat(g.parentName()).isEqualTo(kreis.name());
			assertThat(g.areaKm2()).as("area of %s", g.name()).isPositive();
			AreaDetail detail = areas.area(g.id()).orElseThrow();
			assertThat(detail.codes()).as("codes of %s", g.name())
				.containsExactly(Map.entry("ARS", arsByAgs.get(g.code())));
			AreaDetail.SchemePosition position = position(detail);
			assertThat(position.ancestors()).extracting(AreaSummary::id).containsExactly(kreis.id());
			assertThat(position.children()).isEmpty();
		}
		Map<AreaId, Long> perKreis = gemeindeList.stream()
			.collect(Collectors.groupingBy(AreaSummary::parentId, Collectors.counting()));
		assertThat(perKreis).containsOnly(Map.entry(goettingen.id(), 40L), Map.entry(harz.id(), 20L));

		// the Kreis sees its Gemeinden as children, and they cover it
		AreaDetail goettingenDetail = areas.area(goettingen.id()).orElseThrow();
		assertThat(position(goettingenDetail).children()).hasSize(40)
			.allSatisfy(c -> assertThat(c.code()).startsWith("03159"));
		assertThat(position(goettingenDetail).ancestors()).isEmpty();
		assertThat(position(areas.area(harz.id()).orElseThrow()).children()).hasSize(20);
		Map<AreaId, Double> km2PerKreis = new HashMap<>();
		gemeindeList.forEach(g -> km2PerKreis.merge(g.parentId(), g.areaKm2(), Double::sum));
		assertThat(km2PerKreis.get(goettingen.id())).isCloseTo(goettingen.areaKm2(), within(goettingen.areaKm2() * 0.02));
		assertThat(km2PerKreis.get(harz.id())).isCloseTo(harz.areaKm2(), within(harz.areaKm2() * 0.02));
		double[] bbox = goettingenDetail.bbox();
		assertThat(bbox[0]).isBetween(9.5, 10.0);
		assertThat(bbox[2]).isBetween(10.5, 10.9);
		assertThat(bbox[1]).isBetween(51.2, 51.4);
		assertThat(bbox[3]).isBetween(51.8, 52.0);

		// the demo regions are untouched: the Vorarlberg Gemeinden stay as they are
		assertThat(areas.areas("vorarlberg-bezirke", "gemeinde")).hasSize(96);

		// importing both files again changes nothing (numeric properties survive the jsonb round trip)
		AreaTestData.Snapshot before = AreaTestData.snapshot(jdbc);
		ImportReport kreiseAgain = imports.importBoundaries("kreise-goettingen-harz-vg5000-2021.geojson",
				kreiseFile, BoundaryImportOptions.of("kreis", "AGS", "GEN").withExtraCodes(ARS).validFrom(VALID_FROM)
					.inScheme(SCHEME, null, null, null));
		ImportReport gemeindenAgain = imports.importBoundaries("gemeinden-goettingen-harz-vg5000-2021.geojson",
				gemeindenFile, BoundaryImportOptions.of("gemeinde", "AGS", "GEN").withExtraCodes(ARS)
					.validFrom(VALID_FROM).inScheme(SCHEME, "kreis", null, 5));
		AreaTestData.assertWritten(kreiseAgain);
		AreaTestData.assertWritten(gemeindenAgain);
		assertThat(kreiseAgain.unchanged()).isEqualTo(2);
		assertThat(gemeindenAgain.unchanged()).isEqualTo(60);
		assertThat(kreiseAgain.created() + kreiseAgain.updated() + gemeindenAgain.created() + gemeindenAgain.updated())
			.isZero();
		assertThat(AreaTestData.snapshot(jdbc)).isEqualTo(before);
	}

	private static AreaDetail.SchemePosition position(AreaDetail detail) {
		return detail.schemes().stream().filter(p -> p.scheme().key().equals(SCHEME)).findFirst().orElseThrow();
	}

	private Map<String, String> arsByAgs(byte[] file) {
		Map<String, String> ars = new HashMap<>();
		for (JsonNode f : json.readTree(file).path("features")) {
			ars.put(f.path("properties").path("AGS").asString(), f.path("properties").path("ARS").asString());
		}
		return ars;
	}
}
