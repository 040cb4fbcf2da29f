package org.spange.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spange.indicator.Topic;
import org.spange.platform.imports.CsvTable;
import org.spange.platform.imports.ImportReport;
import org.spange.platform.imports.TextFiles;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Loads the statistics of the configured demo regions after their areas ({@link DemoRegionLoader}): topics,
 * variables, indicators and observations, through the same catalogue and import a planner uses. Idempotent: topics,
 * variables and indicators are created only where absent, and the imports change nothing when run again. A region
 * loaded completely before is skipped (see {@link RegionStatistics#complete()}), so a restart reads no data file.
 */
@Component
@Profile("demo")
@Order(200)
class DemoStatistics implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoStatistics.class);

	/** The topic tree, parents first. */
	static final List<Topic> TOPICS = List.of(
			new Topic("bevoelkerung", "Bevölkerung", "Population", null),
			new Topic("soziale-lage", "Soziale Lage", "Social situation", null),
			new Topic("existenzsicherung", "Existenzsicherung", "Minimum income and social assistance", "soziale-lage"),
			new Topic("arbeit", "Arbeit", "Employment", null),
			new Topic("familie-kinder", "Familie und Kinder", "Families and children", null),
			new Topic("alter", "Alter", "Old age", null),
			new Topic("wohnen", "Wohnen", "Housing", null),
			new Topic("wirtschaft", "Wirtschaft", "Economy", null),
			new Topic("bildung", "Bildung", "Education", null),
			new Topic("gesundheit", "Gesundheit", "Health", null));

	private final Map<String, RegionStatistics> regions = new LinkedHashMap<>();

	DemoStatistics(VorarlbergStatistics vorarlberg, GermanStatistics germany,
			@Value("${spange.demo.regions:vorarlberg}") List<String> regions) {
		List<String> enabled = regions.stream().map(String::trim).toList();
		if (enabled.contains("vorarlberg")) {
			this.regions.put("Vorarlberg", vorarlberg);
		}
		if (enabled.contains("goettingen-harz")) {
			this.regions.put("Göttingen/Harz (Zensus 2022, INKAR)", germany);
		}
	}

	@Override
	public void run(ApplicationArguments args) {
		long start = System.nanoTime();
		Map<String, Boolean> complete = new LinkedHashMap<>();
		Map<String, List<ImportReport>> reports = new LinkedHashMap<>();
		Map<String, Long> nanos = new LinkedHashMap<>();
		// areas of all regions first: every change of areas recomputes all values, cheap while there are none
		regions.forEach((name, region) -> {
			long t = System.nanoTime();
			complete.put(name, region.complete());
			reports.put(name, new ArrayList<>(complete.get(name) ? List.of() : region.loadAreas()));
			nanos.put(name, System.nanoTime() - t);
		});
		regions.forEach((name, region) -> {
			long t = System.nanoTime();
			reports.get(name).addAll(region.loadStatistics(!complete.get(name)));
			nanos.merge(name, System.nanoTime() - t, Long::sum);
		});
		log.info("Demo statistics loaded in {} ms ({})", millis(System.nanoTime() - start),
				regions.keySet().stream()
					.map(name -> name + " " + millis(nanos.get(name)) + " ms" + summary(reports.get(name)))
					.collect(Collectors.joining("; ")));
	}

	private static String summary(List<ImportReport> reports) {
		if (reports.isEmpty()) {
			return ", complete before: skipped";
		}
		int created = reports.stream().mapToInt(ImportReport::created).sum();
		int updated = reports.stream().mapToInt(ImportReport::updated).sum();
		return ", " + reports.size() + " imports: " + created + " created, " + updated + " updated";
	}

	private static long millis(long nanos) {
		return nanos / 1_000_000;
	}

	/** German and English text in one field (descriptions have no language of their own). */
	static String text(String de, String en) {
		return de + " / EN: " + en;
	}

	/** A data file read as a table. */
	static CsvTable table(byte[] file) {
		try {
			return CsvTable.parse(TextFiles.decode(file));
		} catch (CsvTable.CsvException e) {
			throw new IllegalStateException("Demo data file unreadable: " + e.getMessage(), e);
		}
	}
}
