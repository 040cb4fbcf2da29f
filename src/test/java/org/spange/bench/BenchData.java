package org.spange.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.spange.indicator.Indicator;
import org.spange.indicator.Polarity;
import org.spange.indicator.Variable;
import org.spange.indicator.Variable.AreaAggregation;
import org.spange.indicator.Variable.TimeAggregation;

/**
 * The national data set of the indicator benchmark, generated deterministically: the 10,786 Gemeinden of the Zensus
 * 2022 (real AGS, names and population), rolled up by AGS into 400 Kreise (first 5 digits), 16 Länder (first 2)
 * and the Staat {@code DE}; 200 synthetic variables over 20 yearly periods (2003–2022); 100 indicators.
 * <p>
 * Every value is a pure function of (seed, variable, Gemeinde, year), so any subset (such as the rows of the import
 * measurement) can be generated on its own and comes out the same.
 */
final class BenchData {

	static final long SEED = 20_221_115L;
	static final int FIRST_YEAR = 2003;
	static final int LAST_YEAR = 2022;
	static final int VARIABLES = 200;
	static final int INDICATORS = 100;
	static final String SCHEME = "bench-de";
	/** share of observations stored as MISSING (no value); the population (the weight) is complete */
	static final double MISSING = 0.015;

	/** One Gemeinde of the Zensus file. */
	record Gemeinde(String ags, String name, long population, double shareForeign, double householdSize,
			long dwellings, double vacancyRate, double rentPerM2) {
	}

	/** How the baseline statement computes a key (see {@link BaselineSql}). */
	enum Kind {
		/** a variable summed over areas */
		SUM,
		/** a variable as mean weighted by slot 2 */
		WMEAN,
		/** factor * x1 / x2 */
		RATIO,
		/** factor * x1 / x2 - factor * x3 / x4 (an indicator minus another) */
		DIFF,
		/** factor * (x1 / x2) / (x3 / x4) (an indicator relative to another) */
		QUOTIENT
	}

	/** A variable or indicator key with what it is made of, by variable number (1-based). */
	record Key(String key, Kind kind, double factor, int[] inputs) {
	}

	final List<Gemeinde> gemeinden;
	final List<Variable> variables = new ArrayList<>();
	final List<Indicator> indicators = new ArrayList<>();
	/** every variable and indicator key, as the baseline computes it */
	final List<Key> keys = new ArrayList<>();

	private final double[] base = new double[VARIABLES + 1];
	private final double[] trend = new double[VARIABLES + 1];

	private BenchData(List<Gemeinde> gemeinden) {
		this.gemeinden = gemeinden;
		defineVariables();
		defineIndicators();
	}

	/** The data set on the Zensus Gemeinden shipped with Spange ({@code data/germany/zensus2022-gemeinden.csv}). */
	static BenchData load() {
		try (InputStream in = BenchData.class.getResourceAsStream("/data/germany/zensus2022-gemeinden.csv")) {
			if (in == null) {
				throw new IllegalStateException("data/germany/zensus2022-gemeinden.csv is not on the classpath");
			}
			List<Gemeinde> all = parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
			// a smaller data set for trying the benchmark out: the first n Gemeinden by AGS
			int n = Integer.getInteger("bench.maxGemeinden", all.size());
			return new BenchData(all.subList(0, Math.min(n, all.size())));
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static String variableKey(int v) {
		return String.format(Locale.ROOT, "var_%03d", v);
	}

	static String indicatorKey(int i) {
		return String.format(Locale.ROOT, "ind_%03d", i);
	}

	static int years() {
		return LAST_YEAR - FIRST_YEAR + 1;
	}

	// areas

	/** Area lists for {@code AreaImports.importAreaList}: code;name;parent. */
	String staatCsv() {
		return "code;name;parent\nDE;Deutschland;\n";
	}

	String laenderCsv() {
		StringBuilder sb = new StringBuilder("code;name;parent\n");
		gemeinden.stream().map(g -> g.ags().substring(0, 2)).distinct().sorted()
			.forEach(code -> sb.append(code).append(";Land ").append(code).append(";DE\n"));
		return sb.toString();
	}

	String kreiseCsv() {
		StringBuilder sb = new StringBuilder("code;name\n");
		gemeinden.stream().map(g -> g.ags().substring(0, 5)).distinct().sorted()
			.forEach(code -> sb.append(code).append(";Kreis ").append(code).append('\n'));
		return sb.toString();
	}

	String gemeindenCsv() {
		StringBuilder sb = new StringBuilder("code;name\n");
		for (Gemeinde g : gemeinden) {
			sb.append(g.ags()).append(';').append(g.name().replace(";", ",")).append('\n');
		}
		return sb.toString();
	}

	// variables and indicators

	private void defineVariables() {
		for (int v = 1; v <= VARIABLES; v++) {
			String key = variableKey(v);
			trend[v] = -0.02 + 0.04 * u(1, v, 0, 0);
			String nameDe;
			String unit;
			AreaAggregation aggregation = AreaAggregation.SUM;
			String weight = null;
			boolean nonNegative = true;
			if (v == 1) {
				nameDe = "Bevölkerung insgesamt";
				unit = "Personen";
				trend[v] = 0;
			} else if (v <= 11) {
				// reference groups (denominators): households, dwellings, age groups …
				base[v] = 0.1 + 0.5 * u(2, v, 0, 0);
				nameDe = v == 2 ? "Wohnungen" : v == 3 ? "Haushalte" : "Bezugsgruppe " + v;
				unit = v == 2 ? "Wohnungen" : v == 3 ? "Haushalte" : "Personen";
			} else if (v <= 150) {
				// counts of a small share of the population, log-uniform between 0.1 % and 8 %
				base[v] = 0.001 * Math.pow(80, u(2, v, 0, 0));
				nameDe = "Fallzahl " + v;
				unit = "Personen";
			} else if (v <= 170) {
				// amounts in EUR, 50–3,000 per inhabitant
				base[v] = 50 * Math.pow(60, u(2, v, 0, 0));
				nameDe = "Betrag " + v;
				unit = "EUR";
			} else {
				// means weighted by the population: share foreign, household size, vacancy, rent, then synthetic
				aggregation = AreaAggregation.WEIGHTED_MEAN;
				weight = variableKey(1);
				base[v] = 1 + 99 * u(2, v, 0, 0);
				nameDe = switch (v) {
				case 171 -> "Ausländeranteil (Mittel)";
				case 172 -> "Haushaltsgröße (Mittel)";
				case 173 -> "Leerstandsquote (Mittel)";
				case 174 -> "Nettokaltmiete je m² (Mittel)";
				default -> "Mittelwert " + v;
				};
				unit = v == 174 ? "EUR/m²" : v == 172 ? "Personen" : "";
				nonNegative = true;
			}
			variables.add(new Variable(key, nameDe + " (Benchmark)", "Benchmark variable " + v, unit, null,
					"Spange benchmark (synthetic, based on Zensus 2022 population)", "CC0", null, aggregation, weight,
					TimeAggregation.LAST, nonNegative, true, false));
			keys.add(aggregation == AreaAggregation.SUM ? new Key(key, Kind.SUM, 1, new int[] { v })
					: new Key(key, Kind.WMEAN, 1, new int[] { v, 1 }));
		}
	}

	private void defineIndicators() {
		Map<Integer, int[]> ratioInputs = new TreeMap<>();
		for (int i = 1; i <= INDICATORS; i++) {
			String key = indicatorKey(i);
			String formula;
			String unit;
			Key def;
			if (i <= 75) {
				// the typical case: a share in percent of a reference group
				int num = 11 + i;
				int den = 1 + (i - 1) % 11;
				formula = "100 * " + variableKey(num) + " / " + variableKey(den);
				unit = "%";
				def = new Key(key, Kind.RATIO, 100, new int[] { num, den });
				ratioInputs.put(i, new int[] { num, den });
			} else if (i <= 85) {
				// per 1,000 inhabitants
				int num = 11 + i;
				formula = "1000 * " + variableKey(num) + " / " + variableKey(1);
				unit = "je 1.000 EW";
				def = new Key(key, Kind.RATIO, 1000, new int[] { num, 1 });
			} else if (i <= 90) {
				// EUR per inhabitant
				int num = 151 + (i - 86);
				formula = variableKey(num) + " / " + variableKey(1);
				unit = "EUR je EW";
				def = new Key(key, Kind.RATIO, 1, new int[] { num, 1 });
			} else if (i <= 95) {
				// the gap between two shares: an indicator over indicators
				int a = 2 * (i - 90) - 1;
				int b = 2 * (i - 90);
				formula = indicatorKey(a) + " - " + indicatorKey(b);
				unit = "Prozentpunkte";
				def = new Key(key, Kind.DIFF, 100, concat(ratioInputs.get(a), ratioInputs.get(b)));
			} else {
				// one share relative to another
				int a = 20 + (i - 95);
				int b = 40 + (i - 95);
				formula = "100 * " + indicatorKey(a) + " / " + indicatorKey(b);
				unit = "%";
				def = new Key(key, Kind.QUOTIENT, 100, concat(ratioInputs.get(a), ratioInputs.get(b)));
			}
			indicators.add(new Indicator(key, "Benchmark-Indikator " + i, "Benchmark indicator " + i, formula, unit,
					Polarity.NEUTRAL, 1, null, "synthetic (benchmark)", false));
			keys.add(def);
		}
	}

	private static int[] concat(int[] a, int[] b) {
		return new int[] { a[0], a[1], b[0], b[1] };
	}

	// observations

	/**
	 * The value of variable {@code v} in Gemeinde {@code g} (index into {@link #gemeinden}) in {@code year}, written
	 * into {@code out} with a decimal point; nothing written for a missing value.
	 *
	 * @return false when the value is missing
	 */
	boolean value(int v, int g, int year, StringBuilder out) {
		if (v != 1 && u(3, v, g, year) < MISSING) {
			return false;
		}
		Gemeinde gem = gemeinden.get(g);
		long pop = population(g, year);
		int dt = year - LAST_YEAR;
		double noise = 1 + 0.06 * (u(4, v, g, year) - 0.5);
		double areaFactor = Math.exp(0.6 * (u(5, v, g, 0) + u(6, v, g, 0) - 1));
		double drift = 1 + trend[v] * dt;
		if (v == 1) {
			out.append(pop);
		} else if (v == 2) {
			out.append(Math.max(1, Math.round(gem.dwellings() * (1 + 0.004 * dt) * noise)));
		} else if (v == 3) {
			double size = Double.isNaN(gem.householdSize()) ? 2.0 : gem.householdSize();
			out.append(Math.max(1, Math.round(pop / size * noise)));
		} else if (v <= 150) {
			out.append(Math.round(pop * Math.min(0.95, base[v] * areaFactor * drift * noise)));
		} else if (v <= 170) {
			appendFixed(out, pop * base[v] * areaFactor * drift * noise, 2);
		} else {
			double mean = switch (v) {
			case 171 -> Double.isNaN(gem.shareForeign()) ? 10 : gem.shareForeign();
			case 172 -> Double.isNaN(gem.householdSize()) ? 2.1 : gem.householdSize();
			case 173 -> Double.isNaN(gem.vacancyRate()) ? 4 : gem.vacancyRate();
			case 174 -> Double.isNaN(gem.rentPerM2()) ? 6.5 : gem.rentPerM2();
			default -> base[v] * areaFactor;
			};
			appendFixed(out, mean * drift * noise, 2);
		}
		return true;
	}

	private long population(int g, int year) {
		double growth = -0.012 + 0.024 * u(7, 0, g, 0);
		return Math.max(1, Math.round(gemeinden.get(g).population() * (1 + growth * (year - LAST_YEAR))));
	}

	/** A non-negative number with {@code digits} decimals, without going through String.format. */
	static void appendFixed(StringBuilder out, double x, int digits) {
		long scale = digits == 2 ? 100 : (long) Math.pow(10, digits);
		long n = Math.round(Math.max(0, x) * scale);
		out.append(n / scale).append('.');
		String frac = Long.toString(n % scale);
		for (int i = frac.length(); i < digits; i++) {
			out.append('0');
		}
		out.append(frac);
	}

	/** A uniform number in [0, 1) from the seed and the coordinates: SplitMix64 finaliser chain. */
	static double u(int stream, int v, int g, int year) {
		long h = mix(SEED * 0x9E3779B97F4A7C15L + stream);
		h = mix(h ^ (v * 0xD1B54A32D192ED03L));
		h = mix(h ^ (g * 0xABC98388FB8FAC03L));
		h = mix(h ^ year);
		return (h >>> 11) * 0x1.0p-53;
	}

	private static long mix(long z) {
		z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
		z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
		return z ^ (z >>> 31);
	}

	// the Zensus file

	private static List<Gemeinde> parse(String csv) {
		List<Gemeinde> out = new ArrayList<>();
		String[] lines = csv.split("\r?\n");
		Map<String, Integer> header = new LinkedHashMap<>();
		List<String> names = cells(lines[0]);
		for (int i = 0; i < names.size(); i++) {
			header.put(names.get(i), i);
		}
		for (int l = 1; l < lines.length; l++) {
			if (lines[l].isBlank()) {
				continue;
			}
			List<String> c = cells(lines[l]);
			out.add(new Gemeinde(c.get(header.get("ags")), c.get(header.get("municipality_name")),
					Long.parseLong(c.get(header.get("population_census22"))),
					number(c.get(header.get("share_foreign_census22"))),
					number(c.get(header.get("avg_household_size_census22"))),
					Math.round(number(c.get(header.get("total_dwellings_census22")))),
					number(c.get(header.get("vacancy_rate_census22"))),
					number(c.get(header.get("avg_rent_per_m2_census22")))));
		}
		out.sort((a, b) -> a.ags().compareTo(b.ags()));
		return out;
	}

	private static double number(String s) {
		try {
			return s == null || s.isBlank() ? Double.NaN : Double.parseDouble(s.strip());
		} catch (NumberFormatException e) {
			return Double.NaN;
		}
	}

	/** One CSV line separated by commas, with double-quoted cells. */
	private static List<String> cells(String line) {
		List<String> out = new ArrayList<>();
		StringBuilder cell = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < line.length(); i++) {
			char ch = line.charAt(i);
			if (quoted) {
				if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
					cell.append('"');
					i++;
				} else if (ch == '"') {
					quoted = false;
				} else {
					cell.append(ch);
				}
			} else if (ch == '"') {
				quoted = true;
			} else if (ch == ',') {
				out.add(cell.toString());
				cell.setLength(0);
			} else {
				cell.append(ch);
			}
		}
		out.add(cell.toString());
		return out;
	}
}
