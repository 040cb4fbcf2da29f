package org.spange.demo;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Synthetic social statistics for the Gemeinden of Vorarlberg, derived from their real population: the counts
 * that are not open data (minimum-income recipients, unemployed, households, childcare …). Not real statistics;
 * every variable made from them is flagged synthetic.
 * <p>
 * Deterministic: the numbers depend only on the population figures, the Gemeinde code and the year. Each Gemeinde
 * has a lasting profile (seeded by its code; larger towns have more recipients, smaller households, more single
 * parents and older people living alone) and each year a little noise (seeded by code and year) on top of trends
 * that follow the real ones in shape (a minimum-income peak in 2016/17, an unemployment peak in 2020, childcare for
 * the under-3s growing). {@link java.util.Random} (its algorithm is fixed by the Java specification) and
 * {@link StrictMath} make the output the same on every JVM.
 * <p>
 * Consistency, for every row: {@code pop_u15 + pop_15_64 + pop_65plus = pop_total}; {@code children_u3 <= pop_u15};
 * {@code pop_80plus <= pop_65plus}; {@code alone_80plus <= pop_80plus}; {@code households <= pop_total};
 * {@code single_parent_households <= households} and {@code <= pop_u15}; {@code bms_recipients <= pop_total};
 * {@code bms_u15 <= bms_recipients} and {@code <= pop_u15}; {@code unemployed <= pop_15_64};
 * {@code children_in_childcare_u3 <= children_u3} and {@code <= childcare_places_u3}; all counts {@code >= 0}.
 */
final class SyntheticSocialData {

	static final int FIRST_YEAR = 2015;
	static final int LAST_YEAR = 2026;

	/** The variable keys of the generated columns, in file order. */
	static final List<String> VARIABLES = List.of("pop_u15", "pop_15_64", "pop_80plus", "children_u3", "households",
			"single_parent_households", "alone_80plus", "bms_recipients", "bms_u15", "unemployed",
			"childcare_places_u3", "children_in_childcare_u3");

	/** Real population of a Gemeinde on 1 January of a year: the input. */
	record Population(String gkz, int year, int total, int age65plus) {
	}

	/** One generated row: a Gemeinde in a year. */
	record Row(String gkz, int year, int popU15, int pop15To64, int pop80plus, int childrenU3, int households,
			int singleParentHouseholds, int alone80plus, int bmsRecipients, int bmsU15, int unemployed,
			int childcarePlacesU3, int childrenInChildcareU3) {

		/** The values in the order of {@link SyntheticSocialData#VARIABLES}. */
		int[] values() {
			return new int[] { popU15, pop15To64, pop80plus, childrenU3, households, singleParentHouseholds,
					alone80plus, bmsRecipients, bmsU15, unemployed, childcarePlacesU3, childrenInChildcareU3 };
		}
	}

	/** Relative level of minimum-income receipt by year (refugee peak 2016/17, reform 2019/20). */
	private static final Map<Integer, Double> BMS_TREND = trend(1.00, 1.14, 1.18, 1.08, 0.96, 0.94, 0.90, 0.86, 0.87,
			0.91, 0.93, 0.94);
	/** Relative level of unemployment by year (pandemic peak 2020). */
	private static final Map<Integer, Double> UNEMPLOYMENT_TREND = trend(1.06, 1.05, 1.00, 0.92, 0.89, 1.32, 1.12,
			0.88, 0.93, 1.03, 1.09, 1.10);

	private SyntheticSocialData() {
	}

	/**
	 * Generates a row for every Gemeinde and year from {@value #FIRST_YEAR} to {@value #LAST_YEAR} found in the
	 * population, ordered by code and year.
	 */
	static List<Row> generate(List<Population> population) {
		// the profile rests on the latest population, so it does not change when earlier years are added
		Map<String, Population> latest = new HashMap<>();
		for (Population p : population) {
			latest.merge(p.gkz(), p, (a, b) -> a.year() >= b.year() ? a : b);
		}
		Map<String, Profile> profiles = new HashMap<>();
		List<Row> rows = new ArrayList<>();
		population.stream().filter(p -> p.year() >= FIRST_YEAR && p.year() <= LAST_YEAR)
			.sorted(Comparator.comparing(Population::gkz).thenComparingInt(Population::year))
			.forEach(p -> rows.add(row(p, profiles.computeIfAbsent(p.gkz(),
					gkz -> Profile.of(gkz, latest.get(gkz).total())))));
		return rows;
	}

	/** The rows as a CSV for the observation import: {@code gkz;year;} and one column per variable. */
	static byte[] csv(List<Row> rows) {
		StringBuilder out = new StringBuilder("gkz;year;").append(String.join(";", VARIABLES)).append('\n');
		for (Row row : rows) {
			out.append(row.gkz()).append(';').append(row.year());
			for (int value : row.values()) {
				out.append(';').append(value);
			}
			out.append('\n');
		}
		return out.toString().getBytes(StandardCharsets.UTF_8);
	}

	/** What stays with a Gemeinde over the years: shares around which the yearly values vary. */
	private record Profile(double urbanity, double shareU15, double shareU3OfU15, double share80OfOld,
			double aloneShare, double householdSize, double singleParentShare, double bmsRate, double bmsChildShare,
			double unemploymentRate, double childcareCoverage, double childcareUse) {

		static Profile of(String gkz, int latestTotal) {
			Random r = new Random(seed(gkz, 0));
			// 0 for a village of ~300 people, 1 for a town of 50,000 and more
			double urbanity = clamp((StrictMath.log10(Math.max(latestTotal, 1)) - 2.5) / 2.2, 0, 1);
			return new Profile(urbanity,
					0.158 - 0.012 * urbanity + 0.008 * r.nextGaussian(),
					0.200 + 0.015 * r.nextGaussian(),
					0.270 + 0.020 * r.nextGaussian(),
					0.330 + 0.100 * urbanity + 0.040 * r.nextGaussian(),
					2.60 - 0.40 * urbanity + 0.08 * r.nextGaussian(),
					0.045 + 0.025 * urbanity + 0.008 * r.nextGaussian(),
					Math.max(0.002, 0.007 + 0.022 * urbanity + 0.004 * r.nextGaussian()),
					0.34 + 0.05 * r.nextGaussian(),
					Math.max(0.01, 0.028 + 0.016 * urbanity + 0.005 * r.nextGaussian()),
					0.06 * urbanity + 0.06 * r.nextGaussian() - (latestTotal < 800 && r.nextDouble() < 0.5 ? 1 : 0),
					0.90 + 0.04 * r.nextGaussian());
		}
	}

	private static Row row(Population p, Profile f) {
		Random r = new Random(seed(p.gkz(), p.year()));
		int t = p.year() - FIRST_YEAR; // 0 … 11
		int total = Math.max(p.total(), 0);
		int old = clampInt(p.age65plus(), 0, total);

		int popU15 = clampInt(round(total * f.shareU15() * noise(r, 0.01)), 0, total - old);
		int pop15To64 = total - popU15 - old;
		int childrenU3 = clampInt(round(popU15 * f.shareU3OfU15() * noise(r, 0.03)), 0, popU15);
		// ageing: the oldest grow as a share of the 65+
		int pop80plus = clampInt(round(old * (f.share80OfOld() + 0.004 * t) * noise(r, 0.02)), 0, old);
		int alone80plus = clampInt(round(pop80plus * f.aloneShare() * noise(r, 0.04)), 0, pop80plus);
		double householdSize = Math.max(1.6, f.householdSize() - 0.006 * t);
		int households = clampInt(round(total / householdSize * noise(r, 0.01)), total > 0 ? 1 : 0, total);
		int singleParents = clampInt(round(households * f.singleParentShare() * noise(r, 0.05)), 0,
				Math.min(households, popU15));
		int bms = clampInt(round(total * f.bmsRate() * BMS_TREND.get(p.year()) * noise(r, 0.06)), 0, total);
		int bmsU15 = clampInt(round(bms * f.bmsChildShare() * noise(r, 0.05)), 0, Math.min(bms, popU15));
		int unemployed = clampInt(
				round(pop15To64 * f.unemploymentRate() * UNEMPLOYMENT_TREND.get(p.year()) * noise(r, 0.05)), 0,
				pop15To64);
		// childcare for the under-3s grows from about a fifth to about two fifths; some villages have none
		double coverage = clamp(0.20 + 0.020 * t + f.childcareCoverage(), 0, 0.85);
		int places = Math.max(0, round(childrenU3 * coverage * noise(r, 0.04)));
		int inCare = clampInt(round(places * clamp(f.childcareUse(), 0.7, 1.0) * noise(r, 0.02)), 0,
				Math.min(places, childrenU3));
		return new Row(p.gkz(), p.year(), popU15, pop15To64, pop80plus, childrenU3, households, singleParents,
				alone80plus, bms, bmsU15, unemployed, places, inCare);
	}

	/** A stable seed from the Gemeinde code and the year (0 for the profile): FNV-1a over the text. */
	static long seed(String gkz, int year) {
		long hash = 0xcbf29ce484222325L;
		for (byte b : (gkz + ":" + year).getBytes(StandardCharsets.UTF_8)) {
			hash ^= b & 0xff;
			hash *= 0x100000001b3L;
		}
		return hash;
	}

	private static double noise(Random r, double sd) {
		return Math.max(0, 1 + sd * r.nextGaussian());
	}

	private static int round(double x) {
		return (int) Math.round(x);
	}

	private static double clamp(double x, double min, double max) {
		return Math.max(min, Math.min(max, x));
	}

	private static int clampInt(int x, int min, int max) {
		return Math.max(min, Math.min(max, x));
	}

	private static Map<Integer, Double> trend(double... factors) {
		Map<Integer, Double> byYear = new LinkedHashMap<>();
		for (int i = 0; i < factors.length; i++) {
			byYear.put(FIRST_YEAR + i, factors[i]);
		}
		if (byYear.size() != LAST_YEAR - FIRST_YEAR + 1) {
			throw new IllegalStateException("one trend factor per year");
		}
		return byYear;
	}
}
