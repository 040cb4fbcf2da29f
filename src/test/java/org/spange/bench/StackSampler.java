package org.spange.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A poor man's profiler: samples the stack of one thread every few milliseconds and files each sample under the
 * first category whose frame it finds (innermost first). Time waiting for PostgreSQL counts under the step that
 * waits (a JDBC call inside {@code ValueSetStore.write} is "write value sets").
 */
final class StackSampler implements AutoCloseable {

	/** category → class and method name fragments, tried in this order against every frame, innermost first */
	private static final Map<String, List<String>> CATEGORIES = new LinkedHashMap<>();

	static {
		CATEGORIES.put("write value sets (JDBC batch + PostgreSQL)", List.of("ValueSetStore.write"));
		CATEGORIES.put("delete value sets", List.of("ValueSetStore.delete"));
		CATEGORIES.put("read observations (JDBC + PostgreSQL)", List.of("IndicatorEngine.observations",
				"FastEngine.observations"));
		CATEGORIES.put("evaluate formulas", List.of("Computation.evaluate", "Computation.resolve", "Formula.evaluate"));
		CATEGORIES.put("roll-up loop (sums over parts)", List.of("Computation.run", "Computation.<init>",
				"FastEngine.rollUp"));
		CATEGORIES.put("find periods", List.of("IndicatorEngine.periodsOf"));
		CATEGORIES.put("definitions and tree", List.of("IndicatorEngine$Definitions", "IndicatorEngine.tree",
				"IndicatorEngine.definitions"));
		CATEGORIES.put("commit", List.of("doCommit", "commit"));
	}

	private final Thread target;
	private final Thread sampler;
	private final Map<String, Integer> counts = new TreeMap<>();
	private final Map<String, Integer> topFrames = new TreeMap<>();
	private final Map<String, Integer> projectFrames = new TreeMap<>();
	private volatile boolean running = true;
	private int samples;

	StackSampler(Thread target, int periodMillis) {
		this.target = target;
		this.sampler = new Thread(() -> {
			while (running) {
				sample();
				try {
					Thread.sleep(periodMillis);
				} catch (InterruptedException e) {
					return;
				}
			}
		}, "bench-stack-sampler");
		sampler.setDaemon(true);
		sampler.start();
	}

	private void sample() {
		StackTraceElement[] stack = target.getStackTrace();
		if (stack.length == 0) {
			return;
		}
		String category = "other";
		outer: for (StackTraceElement frame : stack) {
			String name = frame.getClassName() + "." + frame.getMethodName();
			for (Map.Entry<String, List<String>> c : CATEGORIES.entrySet()) {
				for (String fragment : c.getValue()) {
					if (name.contains(fragment)) {
						category = c.getKey();
						break outer;
					}
				}
			}
		}
		String project = null;
		for (StackTraceElement frame : stack) {
			if (frame.getClassName().startsWith("org.spange.") && !frame.getClassName().startsWith("org.spange.bench.")) {
				project = frame.getClassName().substring("org.spange.".length()) + "." + frame.getMethodName();
				break;
			}
		}
		synchronized (this) {
			samples++;
			counts.merge(category, 1, Integer::sum);
			String top = stack[0].getClassName() + "." + stack[0].getMethodName();
			topFrames.merge(top, 1, Integer::sum);
			if (project != null) {
				projectFrames.merge(project, 1, Integer::sum);
			}
		}
	}

	@Override
	public void close() {
		running = false;
		sampler.interrupt();
		try {
			sampler.join(1000);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	/** Share of the samples per category, largest first. */
	synchronized Map<String, Double> shares() {
		Map<String, Double> out = new LinkedHashMap<>();
		counts.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue())
			.forEach(e -> out.put(e.getKey(), samples == 0 ? 0 : e.getValue() / (double) samples));
		return out;
	}

	/** The innermost frames seen most often, with their share. */
	synchronized Map<String, Double> hottestFrames(int n) {
		Map<String, Double> out = new LinkedHashMap<>();
		topFrames.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(n)
			.forEach(e -> out.put(e.getKey(), samples == 0 ? 0 : e.getValue() / (double) samples));
		return out;
	}

	/** The innermost Spange frames (the project's own methods, callees included) seen most often. */
	synchronized Map<String, Double> hottestProjectFrames(int n) {
		Map<String, Double> out = new LinkedHashMap<>();
		projectFrames.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(n)
			.forEach(e -> out.put(e.getKey(), samples == 0 ? 0 : e.getValue() / (double) samples));
		return out;
	}

	synchronized int samples() {
		return samples;
	}
}
