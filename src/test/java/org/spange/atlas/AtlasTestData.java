package org.spange.atlas;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;

import org.spange.area.AreaQueries;
import org.spange.area.AreaSummary;
import org.spange.indicator.Indicator;
import org.spange.indicator.IndicatorCatalog;
import org.spange.indicator.ObservationImportOptions;
import org.spange.indicator.ObservationImportResult;
import org.spange.indicator.ObservationImports;
import org.spange.indicator.Polarity;
import org.spange.indicator.Topic;
import org.spange.indicator.Variable;
import org.spange.indicator.Variable.AreaAggregation;
import org.spange.indicator.Variable.TimeAggregation;
import org.spange.platform.imports.ImportReport;

/**
 * Test data of the atlas tests, made through the public APIs on the 96 Vorarlberg Gemeinden (period 2024), keys
 * prefixed {@code atlastest_}. The i-th Gemeinde by code has:
 *
 * <pre>
 *  pop    30 (i = 0), 12345 (i = 1), else 400 + (i · 7919 mod 3000)
 *  old    7 (i = 0), missing (i = 5), else pop · (8 + i · 7 mod 17) / 100, rounded      → share: 100 · 7 / 30 = 23,333…
 *  small  2 (i mod 9 = 0), 0 (i mod 13 = 0), 4 (i mod 17 = 0), else 5 + (i · 11 mod 30)   → small counts to protect
 *  synth  10 + i (synthetic demo data)
 * </pre>
 *
 * Indicators: share = 100 · old / pop (1 decimal, higher is worse, published), small_rate = 1000 · small / pop
 * (published), hidden = the share unpublished, synth_rate = 100 · synth / pop (published, synthetic input).
 */
final class AtlasTestData {

	static final String P = "atlastest_";
	static final String TOPIC = "atlastest";
	static final String POP = P + "pop";
	static final String OLD = P + "old";
	static final String SMALL = P + "small";
	static final String SYNTH = P + "synth";
	static final String SHARE = P + "share";
	static final String SMALL_RATE = P + "small_rate";
	static final String HIDDEN = P + "hidden";
	static final String SYNTH_RATE = P + "synth_rate";
	static final String PERIOD = "2024";
	static final String SCHEME = "vorarlberg-bezirke";
	static final String REGIONS = "vorarlberg-sozialplanungsraeume";
	static final String SOURCE = "Testamt für Statistik";
	static final String LICENCE = "CC BY 4.0";

	private AtlasTestData() {
	}

	static long pop(int i) {
		return i == 0 ? 30 : i == 1 ? 12345 : 400 + (i * 7919L) % 3000;
	}

	static Long old(int i) {
		if (i == 5) {
			return null;
		}
		return i == 0 ? 7 : Math.round(pop(i) * (8 + (i * 7) % 17) / 100.0);
	}

	static long small(int i) {
		return i % 9 == 0 ? 2 : i % 13 == 0 ? 0 : i % 17 == 0 ? 4 : 5 + (i * 11L) % 30;
	}

	static long synth(int i) {
		return 10 + i;
	}

	/** The Gemeinden of the Bezirke scheme by code. */
	static List<AreaSummary> gemeinden(AreaQueries areas) {
		return areas.areas(SCHEME, "gemeinde").stream().sorted(Comparator.comparing(AreaSummary::code)).toList();
	}

	/** Creates the data unless it is there (the test context and database are shared). */
	static synchronized void ensure(IndicatorCatalog catalog, ObservationImports imports, AreaQueries areas) {
		if (catalog.indicator(SYNTH_RATE).isPresent()) {
			return;
		}
		catalog.saveTopic(new Topic(TOPIC, "Atlastest", "Atlas test", null));
		create(catalog, new Variable(POP, "Testbevölkerung", "Test population", "Personen", TOPIC, SOURCE, LICENCE,
				null, AreaAggregation.SUM, null, TimeAggregation.LAST, true, false, true));
		create(catalog, new Variable(OLD, "Test 65+", "Test 65+", "Personen", TOPIC, SOURCE, LICENCE, null,
				AreaAggregation.SUM, null, TimeAggregation.LAST, true, false, true));
		create(catalog, new Variable(SMALL, "Test Kleinzahl", "Test small count", "Personen", TOPIC, SOURCE, LICENCE,
				null, AreaAggregation.SUM, null, TimeAggregation.LAST, true, false, true));
		create(catalog, new Variable(SYNTH, "Test synthetisch", "Test synthetic", "Personen", TOPIC,
				"Spange-Demo (generiert)", "CC0", null, AreaAggregation.SUM, null, TimeAggregation.LAST, true, true,
				true));
		StringBuilder csv = new StringBuilder("gkz;zeitraum;" + POP + ";" + OLD + ";" + SMALL + ";" + SYNTH + "\n");
		List<AreaSummary> gemeinden = gemeinden(areas);
		assertThat(gemeinden).hasSize(96);
		for (int i = 0; i < gemeinden.size(); i++) {
			Long o = old(i);
			csv.append(gemeinden.get(i).code()).append(';').append(PERIOD).append(';').append(pop(i)).append(';')
				.append(o == null ? "" : o.toString()).append(';').append(small(i)).append(';').append(synth(i))
				.append('\n');
		}
		ObservationImportResult result = imports.importObservations("atlastest.csv",
				csv.toString().getBytes(StandardCharsets.UTF_8), ObservationImportOptions.defaults());
		assertThat(result.report().problems()).isEmpty();
		assertThat(result.report().outcome()).isEqualTo(ImportReport.Outcome.WRITTEN);
		catalog.saveIndicator(new Indicator(SHARE, "Testanteil 65+", "Test share 65+", "100 * " + OLD + " / " + POP,
				"%", Polarity.HIGHER_IS_WORSE, 1, TOPIC, "Anteil der Älteren (Test)", true));
		catalog.saveIndicator(new Indicator(SMALL_RATE, "Testquote klein", "Test small rate",
				"1000 * " + SMALL + " / " + POP, "‰", Polarity.HIGHER_IS_WORSE, 2, TOPIC, null, true));
		catalog.saveIndicator(new Indicator(HIDDEN, "Test unveröffentlicht", "Test unpublished",
				"100 * " + OLD + " / " + POP, "%", Polarity.HIGHER_IS_BETTER, 1, TOPIC, null, false));
		catalog.saveIndicator(new Indicator(SYNTH_RATE, "Test synthetische Quote", "Test synthetic rate",
				"100 * " + SYNTH + " / " + POP, "%", Polarity.NEUTRAL, 1, TOPIC, null, true));
	}

	private static void create(IndicatorCatalog catalog, Variable v) {
		if (catalog.variable(v.key()).isEmpty()) {
			catalog.createVariable(v);
		}
	}
}
