package org.spange.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spange.area.AreaImports;
import org.spange.area.AreaQueries;
import org.spange.area.BoundaryImportOptions;
import org.spange.area.SchemeAssignmentOptions;
import org.spange.platform.imports.ImportReport;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Loads the configured demo regions ({@code spange.demo.regions}, default Vorarlberg) through the same imports a
 * planner uses, so the demo proves them. A region already loaded is left alone.
 */
@Component
@Profile("demo")
@Order(100)
class DemoRegionLoader implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoRegionLoader.class);
	static final LocalDate BOUNDARIES_2021 = LocalDate.of(2021, 1, 1);

	private final AreaImports imports;
	private final AreaQueries areas;
	private final List<String> regions;

	DemoRegionLoader(AreaImports imports, AreaQueries areas,
			@Value("${spange.demo.regions:vorarlberg}") List<String> regions) {
		this.imports = imports;
		this.areas = areas;
		this.regions = regions;
	}

	@Override
	public void run(ApplicationArguments args) {
		for (String region : regions) {
			switch (region.trim()) {
				case "vorarlberg" -> loadVorarlberg();
				case "goettingen-harz" -> loadGoettingenHarz();
				default -> log.warn("Unknown demo region '{}': known are vorarlberg, goettingen-harz", region);
			}
		}
	}

	void loadVorarlberg() {
		if (!areas.levelsOf("vorarlberg-sozialplanungsraeume").isEmpty()) {
			return; // loaded completely before; a partial load is completed, as every step is idempotent
		}
		imports.ensureScheme("vorarlberg-bezirke", "Vorarlberg: Bezirke", "Vorarlberg: districts",
				"Land › Bezirk › Gemeinde; Grenzen 1.1.2021 (Statistik Austria)", false);
		check(imports.importBoundaries("bezirke-2021.geojson", resource("vorarlberg/bezirke-2021.geojson"),
				BoundaryImportOptions.of("bezirk", "code", "name").validFrom(BOUNDARIES_2021)));
		check(imports.importSchemeAssignment("bezirke-land.csv", csv("code;land;land_name",
				List.of("801;8;Vorarlberg", "802;8;Vorarlberg", "803;8;Vorarlberg", "804;8;Vorarlberg")),
				new SchemeAssignmentOptions("vorarlberg-bezirke", null, false, "bezirk", "land", "code", "land",
						"land_name", false)));
		check(imports.importBoundaries("gemeinden-2021.geojson", resource("vorarlberg/gemeinden-2021.geojson"),
				BoundaryImportOptions.of("gemeinde", "gkz", "name").validFrom(BOUNDARIES_2021)
					.inScheme("vorarlberg-bezirke", "bezirk", "bezirk", null)));

		imports.ensureScheme("vorarlberg-sozialplanungsraeume", "Vorarlberg: Sozialplanungsräume (illustrativer Entwurf)",
				"Vorarlberg: social planning regions (illustrative draft)",
				"Illustrative Gruppierung der 96 Gemeinden in fünf Planungsräume; die realen Planungsräume sind nicht"
						+ " veröffentlicht.",
				true);
		byte[] regionsCsv = resource("vorarlberg/planungsraeume-illustrativ.csv");
		check(imports.importSchemeAssignment("planungsraeume-illustrativ.csv", regionsCsv,
				new SchemeAssignmentOptions("vorarlberg-sozialplanungsraeume", null, true, "gemeinde", "planungsraum",
						"gkz", "planungsraum_code", "planungsraum_name", false)));
		List<String> regionCodes = new String(regionsCsv, StandardCharsets.UTF_8).lines().skip(1)
			.map(line -> line.split(";")[2]).distinct().sorted().map(code -> code + ";8").toList();
		check(imports.importSchemeAssignment("planungsraeume-land.csv", csv("code;land", regionCodes),
				new SchemeAssignmentOptions("vorarlberg-sozialplanungsraeume", null, true, "planungsraum", "land",
						"code", "land", null, false)));
		log.info("Demo region Vorarlberg loaded");
	}

	void loadGoettingenHarz() {
		if (!areas.areas("goettingen-harz-kreise", "gemeinde").isEmpty()) {
			return;
		}
		imports.ensureScheme("goettingen-harz-kreise", "Göttingen und Harz: Kreise", "Göttingen and Harz: districts",
				"Kreis › Gemeinde; BKG VG5000, Stand 1.1.2021", false);
		Map<String, String> ars = Map.of("ARS", "ARS");
		check(imports.importBoundaries("kreise-goettingen-harz-vg5000-2021.geojson",
				resource("germany/kreise-goettingen-harz-vg5000-2021.geojson"),
				BoundaryImportOptions.of("kreis", "AGS", "GEN").withExtraCodes(ars).validFrom(BOUNDARIES_2021)
					.inScheme("goettingen-harz-kreise", null, null, null)));
		check(imports.importBoundaries("gemeinden-goettingen-harz-vg5000-2021.geojson",
				resource("germany/gemeinden-goettingen-harz-vg5000-2021.geojson"),
				BoundaryImportOptions.of("gemeinde", "AGS", "GEN").withExtraCodes(ars).validFrom(BOUNDARIES_2021)
					.inScheme("goettingen-harz-kreise", "kreis", null, 5)));
		log.info("Demo region Göttingen/Harz loaded");
	}

	private static void check(ImportReport report) {
		if (report.outcome() != ImportReport.Outcome.WRITTEN) {
			throw new IllegalStateException("Demo import " + report.fileName() + " failed: " + report.problems());
		}
	}

	private static byte[] csv(String header, List<String> lines) {
		return (header + "\n" + lines.stream().collect(Collectors.joining("\n")) + "\n").getBytes(StandardCharsets.UTF_8);
	}

	static byte[] resource(String path) {
		try (InputStream in = DemoRegionLoader.class.getResourceAsStream("/data/" + path)) {
			if (in == null) {
				throw new IllegalStateException("Missing demo data /data/" + path);
			}
			return in.readAllBytes();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
