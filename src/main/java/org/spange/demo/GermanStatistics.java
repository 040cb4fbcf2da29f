package org.spange.demo;

import static org.spange.demo.DemoCatalogWriter.cell;
import static org.spange.demo.DemoCatalogWriter.check;
import static org.spange.demo.DemoCatalogWriter.renameHeader;
import static org.spange.demo.DemoStatistics.text;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.spange.area.AreaImports;
import org.spange.area.AreaListOptions;
import org.spange.area.AreaQueries;
import org.spange.area.AreaScheme;
import org.spange.area.AreaSummary;
import org.spange.area.SchemeAssignmentOptions;
import org.spange.indicator.Indicator;
import org.spange.indicator.ObservationImportOptions;
import org.spange.indicator.ObservationImportOptions.Columns;
import org.spange.indicator.ObservationImportOptions.Layout;
import org.spange.indicator.Period;
import org.spange.indicator.Polarity;
import org.spange.indicator.Variable;
import org.spange.indicator.Variable.AreaAggregation;
import org.spange.indicator.Variable.TimeAggregation;
import org.spange.platform.imports.CsvTable;
import org.spange.platform.imports.ImportReport;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Statistics of the German demo data: the Zensus 2022 for the Gemeinden of the Göttingen/Harz region, and the INKAR
 * indicators of all 400 Kreise 1995–2022, for which Germany's Kreise are listed (without boundaries) under the 16
 * Länder in the scheme {@value #SCHEME}.
 */
@Component
@Profile("demo")
class GermanStatistics implements RegionStatistics {

	static final String SCHEME = "deutschland-kreise";
	static final String REGION_SCHEME = "goettingen-harz-kreise";
	static final String ZENSUS_FILE = "germany/zensus2022-gemeinden.csv";
	static final String INKAR_FILE = "germany/inkar-kreise-1995-2022.csv";
	static final String INKAR_CODEBOOK = "germany/inkar-kreise-codebook.csv";
	/** Gebietsstand of the INKAR Kreise (400, after Eisenach joined the Wartburgkreis in 2021). */
	static final LocalDate KREISE_VALID_FROM = LocalDate.of(2021, 1, 1);
	static final String INKAR_PREFIX = "inkar_";
	/** Indicators over INKAR variables: {@code kreis_} and the column name. */
	static final String INKAR_INDICATOR_PREFIX = "kreis_";
	/** A variable that has a value for every Kreis in every year: its last year marks a complete INKAR import. */
	static final String INKAR_MARKER = INKAR_PREFIX + "share_65plus";
	static final Period INKAR_LAST_PERIOD = Period.year(2022);

	/** The 16 Länder by their two-digit code. */
	static final Map<String, String> LAENDER = laender("01", "Schleswig-Holstein", "02", "Hamburg", "03",
			"Niedersachsen", "04", "Bremen", "05", "Nordrhein-Westfalen", "06", "Hessen", "07", "Rheinland-Pfalz", "08",
			"Baden-Württemberg", "09", "Bayern", "10", "Saarland", "11", "Berlin", "12", "Brandenburg", "13",
			"Mecklenburg-Vorpommern", "14", "Sachsen", "15", "Sachsen-Anhalt", "16", "Thüringen");

	static final String ZENSUS_SOURCE = "Statistische Ämter des Bundes und der Länder, Zensus 2022 (Stichtag"
			+ " 15. 5. 2022); aufbereitet im R-Paket gerda (GitHub hhilbig/gerda)";
	static final String ZENSUS_LICENCE = "dl-de/by-2-0 – Datenquelle: Statistische Ämter des Bundes und der Länder,"
			+ " Zensus 2022 (Daten verändert)";
	static final String INKAR_SOURCE = "INKAR – Indikatoren und Karten zur Raum- und Stadtentwicklung, BBSR Bonn;"
			+ " aufbereitet im R-Paket gerda (GitHub hhilbig/gerda)";
	static final String INKAR_LICENCE = "dl-de/by-2-0 – Datenquelle: INKAR, BBSR Bonn (Daten verändert)";

	/**
	 * An INKAR column: its German name, unit and topic; the polarity of its indicator, or null for none.
	 * {@code nonNegative} is false where the source has negative values (-0.01, apparently a placeholder).
	 */
	record InkarColumn(String column, String nameDe, String unit, String topic, boolean nonNegative,
			Polarity polarity, int decimals) {
	}

	static final List<InkarColumn> INKAR = List.of(
			inkar("share_65plus", "Anteil der Einwohner:innen ab 65 Jahren", "%", "alter", Polarity.NEUTRAL, 1),
			inkar("median_age", "Medianalter der Bevölkerung", "Jahre", "bevoelkerung", Polarity.NEUTRAL, 1),
			inkar("share_foreign", "Ausländeranteil", "%", "bevoelkerung", Polarity.NEUTRAL, 1),
			inkar("share_female", "Frauenanteil", "%", "bevoelkerung", null, 1),
			inkar("gdp_per_capita", "Bruttoinlandsprodukt je Einwohner:in", "Tsd. EUR", "wirtschaft",
					Polarity.HIGHER_IS_BETTER, 1),
			inkar("share_primary_sector", "Anteil des primären Sektors an der Bruttowertschöpfung", "%", "wirtschaft",
					null, 1),
			inkar("share_secondary_sector", "Anteil des sekundären Sektors an der Bruttowertschöpfung", "%",
					"wirtschaft", null, 1),
			inkar("share_tertiary_sector", "Anteil des tertiären Sektors an der Bruttowertschöpfung", "%",
					"wirtschaft", null, 1),
			inkar("share_micro_enterprises", "Anteil der Kleinstbetriebe (unter 10 Beschäftigte)", "%", "wirtschaft",
					null, 1),
			inkar("share_large_enterprises", "Anteil der Großbetriebe (ab 250 Beschäftigte)", "%", "wirtschaft", null,
					2),
			inkar("unemployment_rate", "Arbeitslosenquote", "%", "arbeit", Polarity.HIGHER_IS_WORSE, 1),
			inkar("share_longterm_unemployed", "Anteil der Langzeitarbeitslosen an den Arbeitslosen", "%", "arbeit",
					Polarity.HIGHER_IS_WORSE, 1),
			inkar("youth_unemployment_rate", "Arbeitslosenquote unter 25 Jahren", "%", "arbeit",
					Polarity.HIGHER_IS_WORSE, 1),
			inkar("share_abitur", "Anteil der Schulabgänger:innen mit allgemeiner Hochschulreife", "%", "bildung",
					Polarity.HIGHER_IS_BETTER, 1),
			inkar("share_no_degree", "Anteil der Schulabgänger:innen ohne Abschluss", "%", "bildung",
					Polarity.HIGHER_IS_WORSE, 1),
			inkar("students_per_100", "Studierende je 100 Einwohner:innen von 18 bis 25 Jahren", "je 100",
					"bildung", null, 1),
			inkar("apprentices_per_100", "Auszubildende je 100 Einwohner:innen von 15 bis 25 Jahren", "je 100",
					"bildung", Polarity.HIGHER_IS_BETTER, 1),
			inkar("purchasing_power", "Kaufkraft je Einwohner:in", "EUR", "soziale-lage", Polarity.HIGHER_IS_BETTER,
					0),
			inkar("share_low_income_hh", "Anteil der Haushalte mit niedrigem Einkommen", "%", "soziale-lage",
					Polarity.HIGHER_IS_WORSE, 1),
			inkar("physician_density", "Ärzt:innen je 10.000 Einwohner:innen", "je 10.000 EW", "gesundheit",
					Polarity.HIGHER_IS_BETTER, 1),
			inkar("hospital_beds_per_capita", "Krankenhausbetten je 1.000 Einwohner:innen", "je 1.000 EW",
					"gesundheit", null, 1),
			inkar("gp_density", "Hausärzt:innen je 10.000 Einwohner:innen", "je 10.000 EW", "gesundheit",
					Polarity.HIGHER_IS_BETTER, 1),
			inkar("childcare_under3", "Betreuungsquote Kinder unter 3 Jahren", "%", "familie-kinder",
					Polarity.HIGHER_IS_BETTER, 1),
			inkar("childcare_3to6", "Betreuungsquote Kinder von 3 bis unter 6 Jahren", "%", "familie-kinder",
					Polarity.HIGHER_IS_BETTER, 1),
			inkar("building_permits_per_capita", "Baugenehmigungen für Wohnungen je 10.000 Einwohner:innen",
					"je 10.000 EW", "wohnen", null, 1),
			inkar("rent_level", "Angebotsmieten (Wiedervermietung)", "EUR/m²", "wohnen", Polarity.HIGHER_IS_WORSE, 2),
			inkar("living_space_per_capita", "Wohnfläche je Einwohner:in", "m²", "wohnen", Polarity.NEUTRAL, 1),
			new InkarColumn("cars_per_capita", "Pkw je 1.000 Einwohner:innen", "je 1.000 EW", "wirtschaft", false,
					null, 0),
			new InkarColumn("municipal_debt_per_capita", "Kommunale Schulden je Einwohner:in", "EUR", "wirtschaft",
					false, Polarity.HIGHER_IS_WORSE, 0),
			inkar("tax_revenue_per_capita", "Gemeindliche Steuerkraft je Einwohner:in", "EUR", "wirtschaft",
					Polarity.HIGHER_IS_BETTER, 0));

	private final AreaImports areaImports;
	private final AreaQueries areas;
	private final DemoCatalogWriter writer;

	GermanStatistics(AreaImports areaImports, AreaQueries areas, DemoCatalogWriter writer) {
		this.areaImports = areaImports;
		this.areas = areas;
		this.writer = writer;
	}

	@Override
	public boolean complete() {
		return writer.catalog().periods(INKAR_MARKER).contains(INKAR_LAST_PERIOD);
	}

	@Override
	public List<ImportReport> loadAreas() {
		return loadKreise(kreisCodes(DemoStatistics.table(DemoRegionLoader.resource(INKAR_FILE))));
	}

	@Override
	public List<ImportReport> loadStatistics(boolean imports) {
		writer.topics(DemoStatistics.TOPICS);
		Map<String, Map<String, String>> codebook = codebook();
		writer.variables(variables(codebook));
		writer.indicators(indicators(codebook));
		if (!imports) {
			return List.of();
		}
		List<ImportReport> reports = new ArrayList<>();
		byte[] zensus = zensusOfRegion();
		if (zensus != null) {
			reports.add(writer.observations("zensus2022-gemeinden-goettingen-harz.csv", zensus,
					wide("gemeinde", "ags", null).withPeriod("2022")));
		}
		// the last import: its last period marks a complete load
		reports.add(writer.observations("inkar-kreise-1995-2022.csv",
				renameHeader(zerosAsMissing(DemoRegionLoader.resource(INKAR_FILE), ZERO_MEANS_MISSING),
						GermanStatistics::inkarKey),
				wide("kreis", "county_code", "year")));
		return reports;
	}

	// areas

	/**
	 * Deutschland › 16 Länder › Kreise in the scheme {@value #SCHEME}. Kreise that have a boundary already (the
	 * Göttingen/Harz region) are not listed, which would replace their codes and attributes, but assigned to their
	 * Land.
	 */
	List<ImportReport> loadKreise(Set<String> kreisCodes) {
		List<ImportReport> reports = new ArrayList<>();
		areaImports.ensureScheme(SCHEME, "Deutschland: Länder und Kreise", "Germany: states and districts",
				"Staat › Land › Kreis; die 400 Kreise nach dem Gebietsstand 2021 (INKAR), ohne Grenzen, außer wo eine"
						+ " Grenzdatei geladen ist / State › Land › Kreis: the 400 Kreise of 2021 (INKAR), without"
						+ " boundaries unless a boundary file was loaded",
				false);
		reports.add(check(areaImports.importAreaList("deutschland.csv",
				DemoCatalogWriter.csv("code;name", List.of("DE;Deutschland")),
				AreaListOptions.of("staat", "code", "name").inScheme(SCHEME, null, null, null))));
		reports.add(check(areaImports.importAreaList("laender.csv",
				DemoCatalogWriter.csv("code;name;staat",
						LAENDER.entrySet().stream().map(e -> e.getKey() + ";" + e.getValue() + ";DE").toList()),
				AreaListOptions.of("land", "code", "name").inScheme(SCHEME, "staat", "staat", null))));

		Set<String> withBoundary = kreiseWithBoundary();
		Map<String, String> names = kreisNames();
		List<String> listed = new ArrayList<>();
		List<String> assigned = new ArrayList<>();
		for (String code : kreisCodes) {
			if (withBoundary.contains(code)) {
				assigned.add(code + ";" + code.substring(0, 2));
			} else {
				listed.add(String.join(";", code, cell(names.getOrDefault(code, "Kreis " + code)), code));
			}
		}
		if (!listed.isEmpty()) {
			reports.add(check(areaImports.importAreaList("kreise-deutschland-2021.csv",
					DemoCatalogWriter.csv("code;name;ars", listed),
					new AreaListOptions("kreis", "code", "name", Map.of("ARS", "ars"), SCHEME, "land", null, 2,
							KREISE_VALID_FROM, false))));
		}
		if (!assigned.isEmpty()) {
			reports.add(check(areaImports.importSchemeAssignment("kreise-mit-grenzen-laender.csv",
					DemoCatalogWriter.csv("code;land", assigned), new SchemeAssignmentOptions(SCHEME, null, false,
							"kreis", "land", "code", "land", null, false))));
		}
		return reports;
	}

	/** The codes of the Kreise that have a boundary, in any scheme. */
	private Set<String> kreiseWithBoundary() {
		Set<String> codes = new TreeSet<>();
		for (AreaScheme scheme : areas.schemes()) {
			areas.areas(scheme.key(), "kreis").stream().filter(a -> a.areaKm2() != null).map(AreaSummary::code)
				.forEach(codes::add);
		}
		return codes;
	}

	/**
	 * INKAR columns in which 0 cannot be a real value (no Kreis has no purchasing power or no Abitur at all): the
	 * source writes 0 where the value is missing, so the demo reads these zeros as missing (see data/README.md).
	 */
	static final Set<String> ZERO_MEANS_MISSING = Set.of("purchasing_power", "share_abitur");

	/** The comma-separated INKAR file with exact zeros in the given columns emptied (= missing). */
	static byte[] zerosAsMissing(byte[] file, Set<String> columns) {
		String[] lines = new String(file, java.nio.charset.StandardCharsets.UTF_8).split("\n", -1);
		String[] header = lines[0].replace("\r", "").split(",", -1);
		Set<Integer> blank = new TreeSet<>();
		for (int i = 0; i < header.length; i++) {
			if (columns.contains(header[i].replace("\"", "").strip())) {
				blank.add(i);
			}
		}
		for (int l = 1; l < lines.length; l++) {
			String[] cells = lines[l].split(",", -1);
			boolean changed = false;
			for (int i : blank) {
				if (i < cells.length && cells[i].strip().matches("0(\\.0+)?")) {
					cells[i] = "";
					changed = true;
				}
			}
			if (changed) {
				lines[l] = String.join(",", cells);
			}
		}
		return String.join("\n", lines).getBytes(java.nio.charset.StandardCharsets.UTF_8);
	}

	/** The Kreis codes of the INKAR file, in order. */
	static Set<String> kreisCodes(CsvTable inkar) {
		int column = inkar.column("county_code").orElseThrow();
		return inkar.rows().stream().map(row -> CsvTable.cell(row, column)).collect(Collectors.toCollection(TreeSet::new));
	}

	/**
	 * Names of Kreise from the Zensus file: a kreisfreie Stadt is also a Gemeinde, with the Kreis code and
	 * {@code 000} as its AGS. Landkreise have no name in the shared data.
	 */
	static Map<String, String> kreisNames() {
		CsvTable zensus = DemoStatistics.table(DemoRegionLoader.resource(ZENSUS_FILE));
		int ags = zensus.column("ags").orElseThrow();
		int name = zensus.column("municipality_name").orElseThrow();
		Map<String, String> names = new HashMap<>();
		for (CsvTable.Row row : zensus.rows()) {
			String code = CsvTable.cell(row, ags);
			if (code.length() == 8 && code.endsWith("000")) {
				names.put(code.substring(0, 5), CsvTable.cell(row, name));
			}
		}
		return names;
	}

	// Zensus 2022

	/** The Zensus values of the region's Gemeinden as a wide file of variable columns; null without Gemeinden. */
	byte[] zensusOfRegion() {
		Set<String> gemeinden = areas.areas(REGION_SCHEME, "gemeinde").stream().map(AreaSummary::code)
			.collect(Collectors.toSet());
		if (gemeinden.isEmpty()) {
			return null;
		}
		CsvTable zensus = DemoStatistics.table(DemoRegionLoader.resource(ZENSUS_FILE));
		Map<String, String> columns = new LinkedHashMap<>();
		columns.put("population_census22", "census_population");
		columns.put("share_foreign_census22", "census_share_foreign");
		columns.put("avg_household_size_census22", "census_avg_household_size");
		columns.put("total_dwellings_census22", "census_dwellings");
		columns.put("vacancy_rate_census22", "census_vacancy_rate");
		columns.put("avg_rent_per_m2_census22", "census_avg_rent_m2");
		int ags = zensus.column("ags").orElseThrow();
		List<Integer> indexes = columns.keySet().stream().map(c -> zensus.column(c).orElseThrow()).toList();
		List<String> lines = new ArrayList<>();
		for (CsvTable.Row row : zensus.rows()) {
			String code = CsvTable.cell(row, ags);
			if (gemeinden.contains(code)) {
				lines.add(code + ";" + indexes.stream().map(i -> CsvTable.cell(row, i)).collect(Collectors.joining(";")));
			}
		}
		return lines.isEmpty() ? null : DemoCatalogWriter.csv("ags;" + String.join(";", columns.values()), lines);
	}

	// catalogue

	static String inkarKey(String column) {
		return column.equals("county_code") || column.equals("year") ? column : INKAR_PREFIX + column;
	}

	/** The codebook by column: English label, unit, INKAR code, notes. */
	static Map<String, Map<String, String>> codebook() {
		CsvTable table = DemoStatistics.table(DemoRegionLoader.resource(INKAR_CODEBOOK));
		Map<String, Map<String, String>> byVariable = new HashMap<>();
		for (CsvTable.Row row : table.rows()) {
			Map<String, String> entry = new HashMap<>();
			for (int i = 0; i < table.header().size(); i++) {
				entry.put(table.header().get(i).strip(), CsvTable.cell(row, i));
			}
			byVariable.put(entry.get("variable"), entry);
		}
		return byVariable;
	}

	static List<Variable> variables(Map<String, Map<String, String>> codebook) {
		List<Variable> v = new ArrayList<>();
		v.add(zensus("census_population", "Einwohner:innen (Zensus 2022)", "Population (Census 2022)", "Personen",
				"bevoelkerung", AreaAggregation.SUM, null,
				text("Einwohnerzahl der Gemeinde am Zensusstichtag 15. 5. 2022.",
						"Population of the Gemeinde on the census day, 15 May 2022.")));
		v.add(zensus("census_dwellings", "Wohnungen (Zensus 2022)", "Dwellings (Census 2022)", "Wohnungen", "wohnen",
				AreaAggregation.SUM, null,
				text("Wohnungen in Gebäuden mit Wohnraum.", "Dwellings in buildings with living space.")));
		v.add(zensus("census_share_foreign", "Ausländeranteil (Zensus 2022)", "Share of foreigners (Census 2022)", "%",
				"bevoelkerung", AreaAggregation.WEIGHTED_MEAN, "census_population",
				text("Anteil der Personen ohne deutsche Staatsangehörigkeit an der Bevölkerung; über Gebiete mit der"
						+ " Einwohnerzahl gewichtet.",
						"Share of people without German citizenship; weighted by population across areas.")));
		v.add(zensus("census_avg_household_size", "Durchschnittliche Haushaltsgröße (Zensus 2022)",
				"Average household size (Census 2022)", "Personen", "bevoelkerung", AreaAggregation.WEIGHTED_MEAN,
				"census_dwellings",
				text("Personen je Haushalt; über Gebiete mit der Zahl der Wohnungen gewichtet, die der Zahl der"
						+ " Haushalte am nächsten kommt (ein Mittel je Haushalt, nicht je Person).",
						"Persons per household; weighted across areas by dwellings, the closest count to households"
								+ " (a mean per household, not per person).")));
		v.add(zensus("census_vacancy_rate", "Leerstandsquote (Zensus 2022)", "Vacancy rate (Census 2022)", "%",
				"wohnen", AreaAggregation.WEIGHTED_MEAN, "census_dwellings",
				text("Anteil leer stehender Wohnungen an allen Wohnungen; über Gebiete mit der Zahl der Wohnungen"
						+ " gewichtet.", "Share of vacant dwellings; weighted by dwellings across areas.")));
		v.add(zensus("census_avg_rent_m2", "Durchschnittliche Nettokaltmiete je m² (Zensus 2022)",
				"Average net rent per m² (Census 2022)", "EUR/m²", "wohnen", AreaAggregation.WEIGHTED_MEAN,
				"census_dwellings",
				text("Durchschnittliche Nettokaltmiete je Quadratmeter vermieteter Wohnungen; über Gebiete mit der"
						+ " Zahl der Wohnungen gewichtet (die vermietete Fläche ist nicht bekannt).",
						"Average net rent per square metre of rented dwellings; weighted by dwellings across areas"
								+ " (the rented floor space is not known).")));
		for (InkarColumn c : INKAR) {
			Map<String, String> entry = codebook.get(c.column());
			if (entry == null) {
				throw new IllegalStateException("INKAR column " + c.column() + " is not in the codebook");
			}
			String code = entry.getOrDefault("inkar_code", "");
			String notes = entry.getOrDefault("notes", "");
			v.add(new Variable(INKAR_PREFIX + c.column(), c.nameDe() + " (INKAR)", entry.get("label") + " (INKAR)",
					c.unit(), c.topic(), INKAR_SOURCE + (code.isEmpty() || code.equals("NA") ? "" : "; Kennziffer " + code),
					INKAR_LICENCE,
					text("Wert je Kreis, wie von INKAR veröffentlicht; über Gebiete nicht aggregierbar.",
							"Value per Kreis as published by INKAR; cannot be aggregated over areas.")
							+ (notes.isEmpty() ? "" : " (" + notes + ")"),
					AreaAggregation.NONE, null, TimeAggregation.MEAN, c.nonNegative(), false, true));
		}
		return v;
	}

	private static Variable zensus(String key, String de, String en, String unit, String topic,
			AreaAggregation aggregation, String weight, String description) {
		return new Variable(key, de, en, unit, topic, ZENSUS_SOURCE, ZENSUS_LICENCE, description, aggregation, weight,
				TimeAggregation.LAST, true, false, true);
	}

	static List<Indicator> indicators(Map<String, Map<String, String>> codebook) {
		List<Indicator> list = new ArrayList<>();
		list.add(new Indicator("census22_foreign_share", "Ausländeranteil (Zensus 2022)",
				"Share of foreigners (Census 2022)", "census_share_foreign", "%", Polarity.NEUTRAL, 1, "bevoelkerung",
				text("Anteil der Personen ohne deutsche Staatsangehörigkeit.",
						"Share of people without German citizenship."),
				true));
		list.add(new Indicator("census22_household_size", "Durchschnittliche Haushaltsgröße (Zensus 2022)",
				"Average household size (Census 2022)", "census_avg_household_size", "Personen", Polarity.NEUTRAL, 2,
				"bevoelkerung", text("Personen je Haushalt.", "Persons per household."), true));
		list.add(new Indicator("census22_vacancy_rate", "Leerstandsquote (Zensus 2022)", "Vacancy rate (Census 2022)",
				"census_vacancy_rate", "%", Polarity.NEUTRAL, 1, "wohnen",
				text("Leer stehende Wohnungen je 100 Wohnungen. Hoch heißt schrumpfende Nachfrage, sehr niedrig einen"
						+ " angespannten Wohnungsmarkt: keine Richtung ist an sich gut.",
						"Vacant dwellings per 100 dwellings. High means shrinking demand, very low a tight housing"
								+ " market: neither direction is good as such."),
				true));
		list.add(new Indicator("census22_rent_m2", "Nettokaltmiete je m² (Zensus 2022)", "Net rent per m² (Census 2022)",
				"census_avg_rent_m2", "EUR/m²", Polarity.HIGHER_IS_WORSE, 2, "wohnen",
				text("Durchschnittliche Nettokaltmiete je Quadratmeter; hoch heißt: Wohnen ist teurer.",
						"Average net rent per square metre; high means housing costs more."),
				true));
		list.add(new Indicator("census22_dwellings_per_1000", "Wohnungen je 1.000 Einwohner:innen (Zensus 2022)",
				"Dwellings per 1,000 inhabitants (Census 2022)", "1000 * census_dwellings / census_population",
				"je 1.000 EW", Polarity.NEUTRAL, 0, "wohnen",
				text("Wohnungen je 1.000 Einwohner:innen.", "Dwellings per 1,000 inhabitants."), true));
		for (InkarColumn c : INKAR) {
			if (c.polarity() != null) {
				list.add(new Indicator(INKAR_INDICATOR_PREFIX + c.column(), c.nameDe() + " (Kreise, INKAR)",
						codebook.get(c.column()).get("label") + " (districts, INKAR)", INKAR_PREFIX + c.column(),
						c.unit(), c.polarity(), c.decimals(), c.topic(),
						text("Der Wert der INKAR-Variablen je Kreis.", "The value of the INKAR variable per Kreis."),
						true));
			}
		}
		return list;
	}

	private static ObservationImportOptions wide(String level, String areaColumn, String periodColumn) {
		return ObservationImportOptions.defaults().withLayout(Layout.WIDE).withLevel(level)
			.withColumns(new Columns(areaColumn, null, null, periodColumn, null, null)).withDecimalSeparator('.');
	}

	private static InkarColumn inkar(String column, String nameDe, String unit, String topic, Polarity polarity,
			int decimals) {
		return new InkarColumn(column, nameDe, unit, topic, true, polarity, decimals);
	}

	private static Map<String, String> laender(String... codesAndNames) {
		Map<String, String> map = new LinkedHashMap<>();
		for (int i = 0; i < codesAndNames.length; i += 2) {
			map.put(codesAndNames[i], codesAndNames[i + 1]);
		}
		return java.util.Collections.unmodifiableMap(map);
	}
}
