package org.spange.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Writes the figures of a benchmark run as JSON and as a short Markdown table. */
final class BenchReport {

	private BenchReport() {
	}

	static String json(Map<String, Object> results) {
		return JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValueAsString(results)
				+ "\n";
	}

	@SuppressWarnings("unchecked")
	static String markdown(Map<String, Object> r) {
		Map<String, Object> machine = (Map<String, Object>) r.get("machine");
		Map<String, Object> targets = (Map<String, Object>) r.get("targets");
		Map<String, Object> check = (Map<String, Object>) r.get("baseline_check");
		StringBuilder md = new StringBuilder();
		md.append("# Indicator benchmark\n\n");
		md.append(String.format(Locale.ROOT, "Run %s on %s cores, %s GB RAM, %s; %s (shared_buffers %s). "
				+ "Load average %s at the start, %s at the end (other builds share the machine).%n%n",
				r.get("timestamp"), machine.get("cores"), machine.get("memory_gb"), machine.get("jvm"),
				firstWords(String.valueOf(machine.get("postgresql")), 2), machine.get("shared_buffers"),
				machine.get("load_average_start"), r.get("load_average_end")));
		md.append(String.format(Locale.ROOT, "Data set: %s areas (%s), %s variables, %s indicators, %s yearly"
				+ " periods (%s), %,d observations.%n%n", r.get("areas"), r.get("levels"), r.get("variables"),
				r.get("indicators"), r.get("periods"), r.get("period_range"), ((Number) r.get("observations"))
					.longValue()));
		md.append("| measure | engine | baseline | ratio | target | met |\n");
		md.append("| --- | ---: | ---: | ---: | --- | --- |\n");
		md.append(String.format(Locale.ROOT, "| full recomputation (median of %d) | %,d ms | %,d ms (one SQL"
				+ " statement, work_mem %s) | %.2f | ≤ 0.5 | %s |%n", ((List<?>) r.get("recompute_runs_ms")).size(),
				num(r, "recompute_ms"), num(r, "baseline_sql_ms"), r.get("baseline_work_mem"),
				dbl(r, "recompute_vs_baseline"), yes(targets.get("recompute_at_most_half_of_baseline"))));
		md.append(String.format(Locale.ROOT, "| map query p50 / p95 (%s calls, %s areas) | %.2f / %.2f ms | | | p95"
				+ " ≤ 20 ms | %s |%n", r.get("map_queries"), r.get("map_query_areas"), dbl(r, "map_query_p50_ms"),
				dbl(r, "map_query_p95_ms"), yes(targets.get("map_query_p95_at_most_20_ms"))));
		md.append(String.format(Locale.ROOT, "| import (%,d rows, without / with recomputation) | %,d / %,d rows/s |"
				+ " %,d rows/s (COPY) | %.2f | ≥ 0.5 | %s |%n", num(r, "import_rows"), num(r, "import_rows_per_s"),
				num(r, "import_with_recompute_rows_per_s"), num(r, "copy_rows_per_s"), dbl(r, "import_vs_copy"),
				yes(targets.get("import_at_least_half_of_copy"))));
		md.append(String.format(Locale.ROOT, "%nRuns: engine %s ms, baseline %s ms. Import phases: %s.%n",
				r.get("recompute_runs_ms"), r.get("baseline_runs_ms"), r.get("import_phases")));
		md.append(String.format(Locale.ROOT, "%nCorrectness: %s — %,d values in %,d value sets (every key in %s)"
				+ " compared with the baseline, tolerance %s.%n", Boolean.TRUE.equals(check.get("matched"))
						? "the engine's values equal the baseline's" : "**MISMATCH**",
				((Number) check.get("values_compared")).longValue(),
				((Number) check.get("value_sets_compared")).longValue(), check.get("periods"), check.get("tolerance")));
		Object profile = r.get("recompute_profile_last_run");
		if (profile instanceof Map<?, ?> p) {
			md.append("\nWhere the recomputation spends its time (stack samples of the last run):\n\n");
			p.forEach((k, v) -> {
				if (!"samples".equals(k)) {
					md.append("- ").append(k).append(": ").append(v).append('\n');
				}
			});
		}
		if (r.get("import_profile_innermost_spange_frames") instanceof Map<?, ?> p) {
			md.append("\nWhere the import spends its time (innermost Spange method of each stack sample, callees"
					+ " included):\n\n");
			p.forEach((k, v) -> {
				if (!"samples".equals(k)) {
					md.append("- `").append(k).append("`: ").append(v).append('\n');
				}
			});
		}
		md.append("\nNotes:\n\n");
		for (Object note : (List<?>) r.get("notes")) {
			md.append("- ").append(note).append('\n');
		}
		md.append("\nFigures: `indicators.json` beside this file. Run: `./mvnw -Pbench test` (see README,"
				+ " Benchmarks).\n");
		return md.toString();
	}

	private static long num(Map<String, Object> r, String key) {
		return ((Number) r.get(key)).longValue();
	}

	private static double dbl(Map<String, Object> r, String key) {
		return ((Number) r.get(key)).doubleValue();
	}

	private static String yes(Object b) {
		return Boolean.TRUE.equals(b) ? "yes" : "**no**";
	}

	private static String firstWords(String s, int n) {
		String[] words = s.split(" ");
		return String.join(" ", java.util.Arrays.copyOf(words, Math.min(n, words.length)));
	}
}
