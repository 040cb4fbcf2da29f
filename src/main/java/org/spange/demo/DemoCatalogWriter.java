package org.spange.demo;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import org.spange.indicator.Indicator;
import org.spange.indicator.IndicatorCatalog;
import org.spange.indicator.ObservationImportOptions;
import org.spange.indicator.ObservationImportResult;
import org.spange.indicator.ObservationImports;
import org.spange.indicator.Topic;
import org.spange.indicator.Variable;
import org.spange.platform.imports.ImportReport;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Writes the demo's topics, variables, indicators and observations through the public face of the indicator module:
 * topics, variables and indicators only where they are absent (a planner may have changed them since), observations
 * by the ordinary import, which changes nothing when the file is the same.
 */
@Component
@Profile("demo")
class DemoCatalogWriter {

	private final IndicatorCatalog catalog;
	private final ObservationImports imports;

	DemoCatalogWriter(IndicatorCatalog catalog, ObservationImports imports) {
		this.catalog = catalog;
		this.imports = imports;
	}

	IndicatorCatalog catalog() {
		return catalog;
	}

	/** Creates the topics that do not exist yet, parents first. */
	void topics(List<Topic> topics) {
		Set<String> known = catalog.topics().stream().map(Topic::key).collect(Collectors.toSet());
		for (Topic topic : topics) {
			if (known.add(topic.key())) {
				catalog.saveTopic(topic);
			}
		}
	}

	/** Creates the variables that do not exist yet, in order (a weight before the variables it weighs). */
	void variables(List<Variable> variables) {
		Set<String> known = catalog.variables(false).stream().map(Variable::key).collect(Collectors.toSet());
		for (Variable variable : variables) {
			if (known.add(variable.key())) {
				catalog.createVariable(variable);
			}
		}
	}

	/** Saves the indicators that do not exist yet; each is computed at once. */
	void indicators(List<Indicator> indicators) {
		Set<String> known = catalog.indicators(false).stream().map(Indicator::key).collect(Collectors.toSet());
		for (Indicator indicator : indicators) {
			if (known.add(indicator.key())) {
				catalog.saveIndicator(indicator);
			}
		}
	}

	/** Imports observations; a rejected file is a bug in the demo and stops the start. */
	ImportReport observations(String fileName, byte[] content, ObservationImportOptions options) {
		ObservationImportResult result = imports.importObservations(fileName, content, options);
		return check(result.report());
	}

	static ImportReport check(ImportReport report) {
		if (report.outcome() != ImportReport.Outcome.WRITTEN) {
			throw new IllegalStateException("Demo import " + report.fileName() + " failed: " + report.problems());
		}
		return report;
	}

	/** A CSV made of a header and lines, separated by {@code ;}. */
	static byte[] csv(String header, List<String> lines) {
		StringBuilder out = new StringBuilder(header).append('\n');
		lines.forEach(line -> out.append(line).append('\n'));
		return out.toString().getBytes(StandardCharsets.UTF_8);
	}

	/** A cell for a {@code ;}-separated CSV, quoted where it must be. */
	static String cell(String text) {
		return text.contains(";") || text.contains("\"") ? '"' + text.replace("\"", "\"\"") + '"' : text;
	}

	/**
	 * The file with its header line renamed cell by cell (quotes around header cells are dropped); the data lines
	 * are kept byte for byte. For files whose column names are not the variable keys.
	 */
	static byte[] renameHeader(byte[] file, UnaryOperator<String> rename) {
		String text = new String(file, StandardCharsets.UTF_8);
		int end = text.indexOf('\n');
		String header = (end < 0 ? text : text.substring(0, end)).replace("\r", "");
		char delimiter = header.indexOf(';') >= 0 ? ';' : header.indexOf('\t') >= 0 ? '\t' : ',';
		List<String> cells = new ArrayList<>();
		for (String cell : header.split(String.valueOf(delimiter), -1)) {
			String name = cell.strip();
			if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
				name = name.substring(1, name.length() - 1);
			}
			cells.add(rename.apply(name));
		}
		String renamed = String.join(String.valueOf(delimiter), cells);
		return (renamed + (end < 0 ? "" : "\n" + text.substring(end + 1))).getBytes(StandardCharsets.UTF_8);
	}

	/** A renaming by a table; names not in it stay. */
	static UnaryOperator<String> renaming(Map<String, String> names) {
		return name -> names.getOrDefault(name, name);
	}
}
