package org.spange.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.spange.needs.Accessibility;
import org.spange.needs.NearestSupply;
import org.spange.needs.RoadRouting;
import org.spange.needs.RoadRouting.Mode;
import org.spange.needs.RoadRouting.TravelTimes;
import org.spange.needs.SupplyPoint;

/**
 * The accessibility benchmark (issue 6): the nearest offer of each category, straight line, for a deterministic
 * synthetic grid of 3,000,000 populated cells and 5,000 offers in four categories, against a naive baseline in the
 * same run — brute force over every offer of the category for a fixed sample of 20,000 cells (every 150th), scaled
 * up to all cells — and one road-network run on the Krems test network. Writes
 * {@code bench/results/accessibility.json} and {@code .md}. Timings are reported, never asserted; only the
 * correctness check (the engine's distances equal the brute force's on the sample) can fail it. Pure computation:
 * no Spring, no database. Run: {@code ./mvnw -Pbench test -Dtest=AccessibilityBenchmark}.
 */
class AccessibilityBenchmark {

	static final int NX = 2000;
	static final int NY = 1500;
	static final int CELLS = NX * NY;
	/** Germany's extent, roughly: lon 6–15°, lat 47.5–55° (cells of about 310 m × 560 m). */
	static final double LON0 = 6.0;
	static final double LON1 = 15.0;
	static final double LAT0 = 47.5;
	static final double LAT1 = 55.0;
	static final String[] CATEGORIES = { "kita", "school", "doctor", "counselling" };
	static final int[] OFFERS = { 2000, 1500, 1000, 500 };
	static final int SAMPLE_STEP = 150;
	static final int RUNS = 3;

	final Accessibility accessibility = new Accessibility();

	@Test
	void nearestOfferPerCategory() throws Exception {
		Map<String, Object> r = new LinkedHashMap<>();
		r.put("timestamp", Instant.now().toString());
		r.put("machine", machine());
		double[] lon = new double[CELLS];
		double[] lat = new double[CELLS];
		int[] population = new int[CELLS];
		grid(lon, lat, population);
		Map<String, List<SupplyPoint>> offers = offers();
		r.put("cells", CELLS);
		r.put("offers", Arrays.stream(OFFERS).sum());
		r.put("categories", CATEGORIES.length);
		r.put("offers_by_category", counts(offers));
		r.put("extent", "lon 6–15°, lat 47.5–55°, " + NX + " × " + NY + " cells, every cell populated (1–400)");

		// engine: all cells, every category, RUNS times
		Map<String, List<Double>> engineRuns = new LinkedHashMap<>();
		List<Double> perCategoryRuns = new ArrayList<>();
		Map<String, NearestSupply> lastResult = new LinkedHashMap<>();
		Map<String, Double> weightedMean = new LinkedHashMap<>();
		for (int run = 0; run < RUNS; run++) {
			double total = 0;
			for (String category : CATEGORIES) {
				long t0 = System.nanoTime();
				NearestSupply nearest = accessibility.nearest(lon, lat, offers.get(category));
				double s = (System.nanoTime() - t0) / 1e9;
				total += s;
				engineRuns.computeIfAbsent(category, c -> new ArrayList<>()).add(round(s, 3));
				lastResult.put(category, nearest);
			}
			perCategoryRuns.add(round(total / CATEGORIES.length, 3));
		}
		for (String category : CATEGORIES) {
			double[] m = lastResult.get(category).metres();
			double sum = 0;
			double people = 0;
			for (int i = 0; i < CELLS; i++) {
				sum += population[i] * m[i];
				people += population[i];
			}
			weightedMean.put(category, round(sum / people, 1));
		}
		double secondsPerCategory = median(perCategoryRuns);
		Map<String, Double> byCategory = new LinkedHashMap<>();
		engineRuns.forEach((c, runs) -> byCategory.put(c, median(runs)));

		// baseline: brute force on the sample, same threads, scaled up to all cells
		int[] sample = IntStream.range(0, CELLS).filter(i -> i % SAMPLE_STEP == 0).toArray();
		List<Double> baselineRuns = new ArrayList<>();
		Map<String, double[]> bruteMetres = new LinkedHashMap<>();
		for (int run = 0; run < RUNS; run++) {
			double total = 0;
			for (String category : CATEGORIES) {
				List<SupplyPoint> supply = offers.get(category);
				double[] sLon = supply.stream().mapToDouble(SupplyPoint::lon).toArray();
				double[] sLat = supply.stream().mapToDouble(SupplyPoint::lat).toArray();
				double[] best = new double[sample.length];
				long t0 = System.nanoTime();
				IntStream.range(0, sample.length).parallel().forEach(k -> {
					int i = sample[k];
					double b = Double.POSITIVE_INFINITY;
					for (int j = 0; j < sLon.length; j++) {
						b = Math.min(b, Accessibility.metres(lon[i], lat[i], sLon[j], sLat[j]));
					}
					best[k] = b;
				});
				total += (System.nanoTime() - t0) / 1e9;
				bruteMetres.put(category, best);
			}
			baselineRuns.add(round(total / CATEGORIES.length * ((double) CELLS / sample.length), 2));
		}
		double baselineSeconds = median(baselineRuns);

		// correctness: the engine's distance equals the brute force's on every sampled cell
		double maxDiff = 0;
		for (String category : CATEGORIES) {
			double[] engine = lastResult.get(category).metres();
			double[] brute = bruteMetres.get(category);
			for (int k = 0; k < sample.length; k++) {
				maxDiff = Math.max(maxDiff, Math.abs(engine[sample[k]] - brute[k]));
			}
		}

		r.put("seconds_per_category", secondsPerCategory);
		r.put("seconds_by_category", byCategory);
		r.put("seconds_per_category_runs", perCategoryRuns);
		r.put("cells_per_second", Math.round(CELLS / secondsPerCategory));
		r.put("baseline_seconds", baselineSeconds);
		r.put("baseline_kind", "brute force (haversine to every offer of the category), " + sample.length
				+ " sampled cells (every " + SAMPLE_STEP + "th), same 2 threads, EXTRAPOLATED to " + CELLS
				+ " cells; seconds per category");
		r.put("baseline_runs", baselineRuns);
		r.put("ratio", round(secondsPerCategory / baselineSeconds, 5));
		r.put("speedup", round(baselineSeconds / secondsPerCategory, 1));
		r.put("runs", RUNS);
		r.put("target", Map.of("seconds_per_category_at_most", 5.0, "met", secondsPerCategory <= 5.0));
		r.put("population_weighted_mean_metres", weightedMean);
		r.put("correctness", Map.of("sampled_cells", sample.length, "categories", CATEGORIES.length,
				"max_abs_difference_metres", maxDiff, "matched", maxDiff < 1e-3));
		r.put("road_network", roadNetwork());
		r.put("load_average_end", load());

		Path out = Path.of(System.getProperty("spange.bench.out", "bench/results"));
		Files.createDirectories(out);
		Files.writeString(out.resolve("accessibility.json"), BenchReport.json(r), StandardCharsets.UTF_8);
		Files.writeString(out.resolve("accessibility.md"), markdown(r), StandardCharsets.UTF_8);
		System.out.println(BenchReport.json(r));
		assertThat(maxDiff).as("engine vs brute force, metres").isLessThan(1e-3);
	}

	/** Row by row (cells near each other are queried one after the other, as in a real grid file). */
	static void grid(double[] lon, double[] lat, int[] population) {
		double dLon = (LON1 - LON0) / NX;
		double dLat = (LAT1 - LAT0) / NY;
		for (int y = 0; y < NY; y++) {
			for (int x = 0; x < NX; x++) {
				int i = y * NX + x;
				lon[i] = LON0 + (x + 0.5) * dLon;
				lat[i] = LAT0 + (y + 0.5) * dLat;
				// deterministic, uneven: a cheap integer hash
				int h = i * 0x9E3779B1;
				h ^= h >>> 15;
				population[i] = 1 + Math.floorMod(h, 400);
			}
		}
	}

	/** 70 % of the offers around 300 towns, 30 % scattered; seeded, so every run sees the same offers. */
	static Map<String, List<SupplyPoint>> offers() {
		Random random = new Random(2026);
		double[][] towns = new double[300][2];
		for (double[] t : towns) {
			t[0] = LON0 + random.nextDouble() * (LON1 - LON0);
			t[1] = LAT0 + random.nextDouble() * (LAT1 - LAT0);
		}
		Map<String, List<SupplyPoint>> offers = new LinkedHashMap<>();
		int id = 0;
		for (int c = 0; c < CATEGORIES.length; c++) {
			List<SupplyPoint> list = new ArrayList<>();
			for (int k = 0; k < OFFERS[c]; k++) {
				double lon;
				double lat;
				if (random.nextDouble() < 0.7) {
					double[] t = towns[random.nextInt(towns.length)];
					lon = Math.max(LON0, Math.min(LON1, t[0] + random.nextGaussian() * 0.05));
					lat = Math.max(LAT0, Math.min(LAT1, t[1] + random.nextGaussian() * 0.03));
				} else {
					lon = LON0 + random.nextDouble() * (LON1 - LON0);
					lat = LAT0 + random.nextDouble() * (LAT1 - LAT0);
				}
				list.add(new SupplyPoint("o" + id++, lon, lat, 1 + random.nextInt(50), CATEGORIES[c]));
			}
			offers.put(CATEGORIES[c], list);
		}
		return offers;
	}

	/** One road-network run: Krems (OpenStreetMap), a 100 × 100 grid of points to 20 supply points, each mode. */
	Map<String, Object> roadNetwork() throws Exception {
		Path build = Path.of(AccessibilityBenchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI())
			.getParent()
			.resolve("graphhopper");
		Files.createDirectories(build);
		Path osm = build.resolve("krems.osm.gz");
		try (InputStream in = AccessibilityBenchmark.class.getResourceAsStream("/needs/krems.osm.gz")) {
			Files.copy(in, osm, StandardCopyOption.REPLACE_EXISTING);
		}
		Path folder = build.resolve("krems-bench");
		deleteTree(folder);
		Map<String, Object> m = new LinkedHashMap<>();
		long t0 = System.nanoTime();
		try (RoadRouting routing = RoadRouting.open(osm, folder)) {
			m.put("network", "Krems an der Donau (OpenStreetMap, ODbL)");
			m.put("import_seconds", round((System.nanoTime() - t0) / 1e9, 2));
			m.put("nodes", routing.nodes());
			m.put("edges", routing.edges());
			int side = 100;
			double[] lon = new double[side * side];
			double[] lat = new double[side * side];
			for (int y = 0; y < side; y++) {
				for (int x = 0; x < side; x++) {
					lon[y * side + x] = 15.600 + 0.070 * (x + 0.5) / side;
					lat[y * side + x] = 48.388 + 0.026 * (y + 0.5) / side;
				}
			}
			Random random = new Random(11);
			List<SupplyPoint> supply = new ArrayList<>();
			for (int j = 0; j < 20; j++) {
				supply.add(new SupplyPoint("s" + j, 15.600 + random.nextDouble() * 0.070,
						48.388 + random.nextDouble() * 0.026, 1, "x"));
			}
			m.put("cells_routed", lon.length);
			m.put("supply_points", supply.size());
			Map<String, Object> modes = new LinkedHashMap<>();
			for (Mode mode : Mode.values()) {
				List<Double> runs = new ArrayList<>();
				TravelTimes times = null;
				for (int run = 0; run < RUNS; run++) {
					long t = System.nanoTime();
					times = routing.toNearest(lon, lat, supply, mode);
					runs.add(round((System.nanoTime() - t) / 1e9, 3));
				}
				double[] s = times.seconds();
				long reached = Arrays.stream(s).filter(Double::isFinite).count();
				double mean = Arrays.stream(s).filter(Double::isFinite).average().orElse(Double.NaN);
				modes.put(mode.name().toLowerCase(Locale.ROOT), Map.of("seconds", median(runs), "runs", runs,
						"cells_reached", reached, "mean_travel_minutes", round(mean / 60, 2)));
			}
			m.put("modes", modes);
			m.put("method", "one multi-source Dijkstra from all supply points over the reversed edges, then each"
					+ " cell takes its nearest road node (walk to the road at 5 km/h)");
		}
		return m;
	}

	static void deleteTree(Path folder) throws java.io.IOException {
		if (Files.exists(folder)) {
			try (var paths = Files.walk(folder)) {
				for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
					Files.delete(p);
				}
			}
		}
	}

	static Map<String, Integer> counts(Map<String, List<SupplyPoint>> offers) {
		Map<String, Integer> counts = new LinkedHashMap<>();
		offers.forEach((c, l) -> counts.put(c, l.size()));
		return counts;
	}

	static Map<String, Object> machine() {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("cores", Runtime.getRuntime().availableProcessors());
		m.put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
		m.put("max_heap_mb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
		m.put("memory_gb", Math.round(((com.sun.management.OperatingSystemMXBean) ManagementFactory
			.getOperatingSystemMXBean()).getTotalMemorySize() / 1e9));
		m.put("load_average_start", load());
		return m;
	}

	static double load() {
		return round(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), 2);
	}

	static double median(List<Double> values) {
		double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
	}

	static double round(double value, int digits) {
		double f = Math.pow(10, digits);
		return Math.round(value * f) / f;
	}

	@SuppressWarnings("unchecked")
	static String markdown(Map<String, Object> r) {
		Map<String, Object> machine = (Map<String, Object>) r.get("machine");
		Map<String, Object> road = (Map<String, Object>) r.get("road_network");
		Map<String, Object> check = (Map<String, Object>) r.get("correctness");
		StringBuilder md = new StringBuilder("# Accessibility benchmark\n\n");
		md.append(String.format(Locale.ROOT, "Run %s on %s cores, %s GB RAM, %s. Load average %s at the start, %s at"
				+ " the end (other builds share the machine).%n%n", r.get("timestamp"), machine.get("cores"),
				machine.get("memory_gb"), machine.get("jvm"), machine.get("load_average_start"),
				r.get("load_average_end")));
		md.append(String.format(Locale.ROOT, "Data set (synthetic, deterministic): %,d populated cells (%s), %,d"
				+ " offers in %s categories %s.%n%n", ((Number) r.get("cells")).longValue(), r.get("extent"),
				((Number) r.get("offers")).longValue(), r.get("categories"), r.get("offers_by_category")));
		md.append("| measure | engine | baseline | ratio | target | met |\n| --- | ---: | ---: | ---: | --- | --- |\n");
		md.append(String.format(Locale.ROOT, "| nearest offer, straight line, per category (median of %s) | %.2f s"
				+ " (%,d cells/s) | %.0f s (brute force, **extrapolated** from a sample) | %.4f | ≤ 5 s | %s |%n",
				r.get("runs"), (Double) r.get("seconds_per_category"),
				((Number) r.get("cells_per_second")).longValue(), (Double) r.get("baseline_seconds"),
				(Double) r.get("ratio"), Boolean.TRUE.equals(((Map<?, ?>) r.get("target")).get("met")) ? "yes"
						: "no"));
		md.append(String.format(Locale.ROOT, "%nPer category (median seconds): %s. Runs (mean per category): %s s;"
				+ " baseline runs: %s s.%n", r.get("seconds_by_category"), r.get("seconds_per_category_runs"),
				r.get("baseline_runs")));
		md.append(String.format(Locale.ROOT, "%nBaseline: %s.%n", r.get("baseline_kind")));
		md.append(String.format(Locale.ROOT, "%nCorrectness: %s — the engine's distances on %s sampled cells × %s"
				+ " categories differ from the brute force's by at most %s m.%n",
				Boolean.TRUE.equals(check.get("matched")) ? "exact" : "**MISMATCH**", check.get("sampled_cells"),
				check.get("categories"), check.get("max_abs_difference_metres")));
		md.append(String.format(Locale.ROOT, "%nRoad network (%s): %s nodes, %s edges, graph built in %s s; %s cells"
				+ " routed to the nearest of %s supply points: %s. Method: %s.%n", road.get("network"),
				road.get("nodes"), road.get("edges"), road.get("import_seconds"), road.get("cells_routed"),
				road.get("supply_points"), road.get("modes"), road.get("method")));
		md.append("\nFigures: `accessibility.json` beside this file. Run: `./mvnw -Pbench test"
				+ " -Dtest=AccessibilityBenchmark`.\n");
		return md.toString();
	}
}
