package org.spange.demo;

import static org.spange.demo.DemoCatalogWriter.cell;
import static org.spange.demo.DemoCatalogWriter.check;
import static org.spange.demo.DemoCatalogWriter.renameHeader;
import static org.spange.demo.DemoCatalogWriter.renaming;
import static org.spange.demo.DemoStatistics.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.spange.area.AreaImports;
import org.spange.area.AreaListOptions;
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
 * Statistics of the Vorarlberg demo region: the real population of the 96 Gemeinden 2002–2026 (total and 65+), the
 * 290 Zählsprengel with their population 2026, and synthetic social counts 2015–2026 derived from the population
 * ({@link SyntheticSocialData}), with indicators over them.
 */
@Component
@Profile("demo")
class VorarlbergStatistics implements RegionStatistics {

	static final String POPULATION_FILE = "vorarlberg/bevoelkerung-gemeinden-2002-2026.csv";
	static final String ZAEHLSPRENGEL_FILE = "vorarlberg/zaehlsprengel-bevoelkerung-2026.csv";
	static final String SYNTHETIC_FILE = "synthetische-sozialdaten-vorarlberg-2015-2026.csv";
	static final String SCHEME = "vorarlberg-bezirke";

	static final String POPULATION_SOURCE = "Statistik Austria, Statistik des Bevölkerungsstandes: Bevölkerung am"
			+ " 1. Jänner (Gemeinden 2002–2026; Zählsprengel 2026 aus den INSPIRE-Bevölkerungsdaten)";
	static final String POPULATION_LICENCE = "CC BY 4.0 – Datenquelle: Statistik Austria";
	static final String SYNTHETIC_SOURCE = "Synthetische Demodaten (Spange), aus der realen Bevölkerung abgeleitet";
	static final String SYNTHETIC_LICENCE = "CC0 1.0";
	private static final String SYNTHETIC_NOTE = text(
			"Synthetisch: deterministisch aus der realen Bevölkerung der Gemeinde (Statistik Austria) erzeugt, keine"
					+ " amtliche Statistik. Nur zur Vorführung.",
			"Synthetic: generated deterministically from the real population of the Gemeinde (Statistik Austria);"
					+ " not official statistics. For demonstration only.");

	private final AreaImports areaImports;
	private final DemoCatalogWriter writer;

	VorarlbergStatistics(AreaImports areaImports, DemoCatalogWriter writer) {
		this.areaImports = areaImports;
		this.writer = writer;
	}

	@Override
	public List<ImportReport> loadAreas() {
		return List.of(check(areaImports.importAreaList("zaehlsprengel-vorarlberg-2026.csv",
				zaehlsprengelList(DemoRegionLoader.resource(ZAEHLSPRENGEL_FILE)),
				AreaListOptions.of("zaehlsprengel", "zsp_id", "name").inScheme(SCHEME, "gemeinde", "gkz", null))));
	}

	@Override
	public List<ImportReport> loadStatistics(boolean imports) {
		writer.topics(DemoStatistics.TOPICS);
		writer.variables(variables());
		writer.indicators(indicators());
		if (!imports) {
			return List.of();
		}
		List<ImportReport> reports = new ArrayList<>();
		reports.add(writer.observations("bevoelkerung-gemeinden-2002-2026.csv",
				renameHeader(DemoRegionLoader.resource(POPULATION_FILE),
						renaming(Map.of("population_total", "pop_total", "population_65plus", "pop_65plus"))),
				wide("gemeinde", "gkz", "year").withIgnoredColumns(Set.of("name", "bezirk_code"))));
		reports.add(writer.observations("zaehlsprengel-bevoelkerung-2026.csv",
				renameHeader(DemoRegionLoader.resource(ZAEHLSPRENGEL_FILE),
						renaming(Map.of("population_2026", "pop_total"))),
				wide("zaehlsprengel", "zsp_id", null).withPeriod("2026")
					.withIgnoredColumns(Set.of("gkz", "gemeinde"))));
		// the last import: its last period marks a complete load
		reports.add(writer.observations(SYNTHETIC_FILE, SyntheticSocialData.csv(synthetic()),
				wide("gemeinde", "gkz", "year")));
		return reports;
	}

	@Override
	public boolean complete() {
		List<String> synthetic = SyntheticSocialData.VARIABLES;
		return writer.catalog().periods(synthetic.get(synthetic.size() - 1))
			.contains(Period.year(SyntheticSocialData.LAST_YEAR));
	}

	/** The synthetic rows, generated from the real population file. */
	static List<SyntheticSocialData.Row> synthetic() {
		return SyntheticSocialData.generate(population(DemoRegionLoader.resource(POPULATION_FILE)));
	}

	/** The real population per Gemeinde and year. */
	static List<SyntheticSocialData.Population> population(byte[] file) {
		CsvTable table = DemoStatistics.table(file);
		int gkz = table.column("gkz").orElseThrow();
		int year = table.column("year").orElseThrow();
		int total = table.column("population_total").orElseThrow();
		int old = table.column("population_65plus").orElseThrow();
		return table.rows().stream().map(row -> new SyntheticSocialData.Population(CsvTable.cell(row, gkz),
				Integer.parseInt(CsvTable.cell(row, year)), Integer.parseInt(CsvTable.cell(row, total)),
				Integer.parseInt(CsvTable.cell(row, old)))).toList();
	}

	/**
	 * The Zählsprengel as an area list: code, a name made of the Gemeinde and the number within it (the source has
	 * no names), the Gemeinde code as parent.
	 */
	static byte[] zaehlsprengelList(byte[] file) {
		CsvTable table = DemoStatistics.table(file);
		int id = table.column("zsp_id").orElseThrow();
		int gkz = table.column("gkz").orElseThrow();
		int gemeinde = table.column("gemeinde").orElseThrow();
		List<String> lines = new ArrayList<>();
		for (CsvTable.Row row : table.rows()) {
			String code = CsvTable.cell(row, id);
			String name = CsvTable.cell(row, gemeinde) + ", Zählsprengel " + code.substring(code.length() - 3);
			lines.add(String.join(";", cell(code), cell(name), cell(CsvTable.cell(row, gkz))));
		}
		return DemoCatalogWriter.csv("zsp_id;name;gkz", lines);
	}

	private static ObservationImportOptions wide(String level, String areaColumn, String periodColumn) {
		return ObservationImportOptions.defaults().withLayout(Layout.WIDE).withLevel(level)
			.withColumns(new Columns(areaColumn, null, null, periodColumn, null, null)).withDecimalSeparator('.');
	}

	static List<Variable> variables() {
		List<Variable> v = new ArrayList<>();
		v.add(real("pop_total", "Bevölkerung insgesamt", "Population, total", "bevoelkerung",
				text("Wohnbevölkerung am 1. Jänner des Jahres.", "Resident population on 1 January of the year.")));
		v.add(real("pop_65plus", "Bevölkerung ab 65 Jahren", "Population aged 65 and over", "alter",
				text("Wohnbevölkerung ab 65 Jahren am 1. Jänner des Jahres.",
						"Resident population aged 65 and over on 1 January of the year.")));
		v.add(synthetic("pop_u15", "Bevölkerung unter 15 Jahren", "Population under 15", "Personen", "bevoelkerung",
				TimeAggregation.LAST));
		v.add(synthetic("pop_15_64", "Bevölkerung von 15 bis 64 Jahren", "Population aged 15 to 64", "Personen",
				"bevoelkerung", TimeAggregation.LAST));
		v.add(synthetic("pop_80plus", "Bevölkerung ab 80 Jahren", "Population aged 80 and over", "Personen", "alter",
				TimeAggregation.LAST));
		v.add(synthetic("children_u3", "Kinder unter 3 Jahren", "Children under 3", "Personen", "familie-kinder",
				TimeAggregation.LAST));
		v.add(synthetic("households", "Privathaushalte", "Private households", "Haushalte", "bevoelkerung",
				TimeAggregation.LAST));
		v.add(synthetic("single_parent_households", "Ein-Eltern-Haushalte", "Single-parent households", "Haushalte",
				"familie-kinder", TimeAggregation.LAST));
		v.add(synthetic("alone_80plus", "Allein lebende Personen ab 80 Jahren", "People aged 80 and over living alone",
				"Personen", "alter", TimeAggregation.LAST));
		v.add(synthetic("bms_recipients", "Beziehende von Sozialhilfe/Mindestsicherung",
				"Recipients of social assistance (Sozialhilfe/Mindestsicherung)", "Personen", "existenzsicherung",
				TimeAggregation.LAST));
		v.add(synthetic("bms_u15", "Beziehende von Sozialhilfe/Mindestsicherung unter 15 Jahren",
				"Recipients of social assistance under 15", "Personen", "existenzsicherung", TimeAggregation.LAST));
		v.add(synthetic("unemployed", "Arbeitslose (Jahresdurchschnitt)", "Unemployed (annual average)", "Personen",
				"arbeit", TimeAggregation.MEAN));
		v.add(synthetic("childcare_places_u3", "Betreuungsplätze für Kinder unter 3 Jahren",
				"Childcare places for children under 3", "Plätze", "familie-kinder", TimeAggregation.LAST));
		v.add(synthetic("children_in_childcare_u3", "Betreute Kinder unter 3 Jahren", "Children under 3 in childcare",
				"Personen", "familie-kinder", TimeAggregation.LAST));
		return v;
	}

	private static Variable real(String key, String de, String en, String topic, String description) {
		return new Variable(key, de, en, "Personen", topic, POPULATION_SOURCE, POPULATION_LICENCE, description,
				AreaAggregation.SUM, null, TimeAggregation.LAST, true, false, true);
	}

	private static Variable synthetic(String key, String de, String en, String unit, String topic,
			TimeAggregation time) {
		return new Variable(key, de, en, unit, topic, SYNTHETIC_SOURCE, SYNTHETIC_LICENCE, SYNTHETIC_NOTE,
				AreaAggregation.SUM, null, time, true, true, true);
	}

	static List<Indicator> indicators() {
		String synthetic = " " + text("Beruht auf synthetischen Demodaten.", "Rests on synthetic demo data.");
		return List.of(
				new Indicator("share_65plus", "Anteil der Bevölkerung ab 65 Jahren", "Share of population aged 65+",
						"100 * pop_65plus / pop_total", "%", Polarity.NEUTRAL, 1, "alter",
						text("Bevölkerung ab 65 Jahren je 100 Einwohner:innen.",
								"Population aged 65 and over per 100 inhabitants."),
						true),
				new Indicator("share_80plus", "Anteil der Hochaltrigen (ab 80 Jahren)", "Share of population aged 80+",
						"100 * pop_80plus / pop_total", "%", Polarity.NEUTRAL, 1, "alter",
						text("Bevölkerung ab 80 Jahren je 100 Einwohner:innen.",
								"Population aged 80 and over per 100 inhabitants.") + synthetic,
						true),
				new Indicator("share_u15", "Anteil der Kinder und Jugendlichen unter 15 Jahren",
						"Share of population under 15", "100 * pop_u15 / pop_total", "%", Polarity.NEUTRAL, 1,
						"bevoelkerung",
						text("Bevölkerung unter 15 Jahren je 100 Einwohner:innen.",
								"Population under 15 per 100 inhabitants.") + synthetic,
						true),
				new Indicator("old_age_dependency", "Altenquotient", "Old-age dependency ratio",
						"100 * pop_65plus / pop_15_64", "je 100 (15–64 J.)", Polarity.NEUTRAL, 1, "alter",
						text("Personen ab 65 Jahren je 100 Personen von 15 bis 64 Jahren.",
								"People aged 65 and over per 100 people aged 15 to 64.") + synthetic,
						true),
				new Indicator("avg_household_size", "Durchschnittliche Haushaltsgröße", "Average household size",
						"pop_total / households", "Personen", Polarity.NEUTRAL, 2, "bevoelkerung",
						text("Einwohner:innen je Privathaushalt.", "Inhabitants per private household.") + synthetic,
						true),
				new Indicator("bms_rate", "Sozialhilfe-/Mindestsicherungsquote",
						"Social assistance rate (Sozialhilfe/Mindestsicherung)", "100 * bms_recipients / pop_total",
						"%", Polarity.HIGHER_IS_WORSE, 1, "existenzsicherung",
						text("Beziehende von Sozialhilfe bzw. Mindestsicherung je 100 Einwohner:innen.",
								"Recipients of social assistance per 100 inhabitants.") + synthetic,
						true),
				new Indicator("bms_rate_u15", "Sozialhilfe-/Mindestsicherungsquote unter 15 Jahren",
						"Social assistance rate under 15", "100 * bms_u15 / pop_u15", "%", Polarity.HIGHER_IS_WORSE,
						1, "existenzsicherung",
						text("Beziehende unter 15 Jahren je 100 Kinder unter 15 Jahren (Kinderarmut).",
								"Recipients under 15 per 100 children under 15 (child poverty).") + synthetic,
						true),
				new Indicator("unemployment_rate", "Arbeitslosenanteil (15 bis 64 Jahre)",
						"Unemployed per population aged 15 to 64", "100 * unemployed / pop_15_64", "%",
						Polarity.HIGHER_IS_WORSE, 1, "arbeit",
						text("Arbeitslose je 100 Personen von 15 bis 64 Jahren; bezogen auf die Bevölkerung im"
								+ " erwerbsfähigen Alter, nicht auf die Erwerbspersonen wie die amtliche"
								+ " Arbeitslosenquote.",
								"Unemployed per 100 people aged 15 to 64: relative to the working-age population, not"
										+ " to the labour force as the official unemployment rate.")
								+ synthetic,
						true),
				new Indicator("single_parent_share", "Anteil der Ein-Eltern-Haushalte", "Share of single-parent households",
						"100 * single_parent_households / households", "%", Polarity.HIGHER_IS_WORSE, 1,
						"familie-kinder",
						text("Ein-Eltern-Haushalte je 100 Privathaushalte; hoch heißt: mehr Unterstützungsbedarf.",
								"Single-parent households per 100 private households; high means more need for"
										+ " support.")
								+ synthetic,
						true),
				new Indicator("alone_80plus_share", "Anteil allein lebender Hochaltriger",
						"Share of people aged 80+ living alone", "100 * alone_80plus / pop_80plus", "%",
						Polarity.HIGHER_IS_WORSE, 1, "alter",
						text("Allein lebende Personen ab 80 Jahren je 100 Personen ab 80 Jahren (Risiko der"
								+ " Vereinsamung, Bedarf an Unterstützung).",
								"People aged 80 and over living alone per 100 people aged 80 and over (risk of"
										+ " isolation, need for support).")
								+ synthetic,
						true),
				new Indicator("childcare_rate_u3", "Betreuungsquote unter 3 Jahren", "Childcare rate under 3",
						"100 * children_in_childcare_u3 / children_u3", "%", Polarity.HIGHER_IS_BETTER, 1,
						"familie-kinder",
						text("Betreute Kinder unter 3 Jahren je 100 Kinder unter 3 Jahren.",
								"Children under 3 in childcare per 100 children under 3.") + synthetic,
						true),
				new Indicator("childcare_supply_u3", "Versorgungsquote Kinderbetreuung unter 3 Jahren",
						"Childcare places per 100 children under 3", "100 * childcare_places_u3 / children_u3", "%",
						Polarity.HIGHER_IS_BETTER, 1, "familie-kinder",
						text("Betreuungsplätze für Kinder unter 3 Jahren je 100 Kinder unter 3 Jahren.",
								"Childcare places for children under 3 per 100 children under 3.") + synthetic,
						true));
	}
}
