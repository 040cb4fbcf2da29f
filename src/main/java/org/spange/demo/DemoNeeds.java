package org.spange.demo;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spange.indicator.Period;
import org.spange.needs.DemandProjections;
import org.spange.needs.ProjectionScenario;
import org.spange.needs.SupplyCategory;
import org.spange.needs.SupplyDemand;
import org.spange.platform.imports.ImportReport;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Two categories of supply for the Vorarlberg demo: day care for older people against the population aged 65+, and
 * homework help against the total population (the demo has no population aged 6–18). The targets are demo
 * assumptions, said so in their source text. Written once: skipped when a category's key exists.
 * <p>
 * A projection scenario for Vorarlberg from the base year 2026, loaded through the same CSV import a planner uses:
 * plausible but invented annual growth rates (older people grow, small children decline in the rural Bezirk Bludenz,
 * Dornbirn grows faster than the Land), labelled as demo assumptions in its name and source.
 */
@Component
@Profile("demo")
@Order(450)
class DemoNeeds implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoNeeds.class);
	static final String ASSUMPTION = "Demo-Annahme, kein amtlicher Richtwert (demo assumption, not an official target).";

	static final String SCENARIO = "Bevölkerungsprognose bis 2041 (Demo-Annahme)";
	static final String SCENARIO_SOURCE = "Demo-Annahme, keine amtliche Prognose (demo assumption, not an official"
			+ " projection): +1,5 %/Jahr für 80+, +2 %/Jahr für 65+ (Bezirk Bludenz +2,6 %, Bezirk Dornbirn +1,6 %), Kinder unter 3 im ländlichen Bezirk Bludenz"
			+ " −0,5 %/Jahr (übrige Bezirke +0,2 %), Gesamtbevölkerung +0,4 %/Jahr, Dornbirn +0,8 %/Jahr.";
	/**
	 * The rates: Land Vorarlberg (8), the Bezirke Bludenz (801), Bregenz (802) and Dornbirn (803), the Gemeinde
	 * Dornbirn (80301).
	 */
	static final String RATES = """
			area_code;band;rate_percent;from_year;to_year
			8;pop_80plus;1,5;;
			8;pop_65plus;2,0;;
			8;children_u3;0,2;;
			8;*;0,4;;
			801;pop_65plus;2,6;;
			801;children_u3;-0,5;;
			801;*;0,1;;
			802;children_u3;-0,2;2027;2031
			803;pop_65plus;1,6;;
			80301;*;0,8;;
			""";

	private final SupplyDemand supply;
	private final DemandProjections projections;

	DemoNeeds(SupplyDemand supply, DemandProjections projections) {
		this.supply = supply;
		this.projections = projections;
	}

	@Override
	public void run(ApplicationArguments args) {
		int created = 0;
		created += create(new SupplyCategory(null, "tagesbetreuung-aeltere", "Tagesbetreuung Ältere", "alter-pflege",
				"aeltere", null, null, "pop_65plus", new BigDecimal("5"), ASSUMPTION));
		created += create(new SupplyCategory(null, "lernhilfe", "Lernhilfe", "bildung", null, 6, 18, "pop_total",
				new BigDecimal("2"), ASSUMPTION + " Bezogen auf die Gesamtbevölkerung, da die Demo keine Altersgruppe"
						+ " 6–18 Jahre enthält."));
		if (created > 0) {
			log.info("Created {} demo categories of supply", created);
		}
		projection();
	}

	private void projection() {
		if (projections.scenarios().stream().anyMatch(s -> s.name().equals(SCENARIO))) {
			return;
		}
		ProjectionScenario draft = new ProjectionScenario(null, SCENARIO, SCENARIO_SOURCE, Period.year(2026));
		if (!projections.check(draft).isEmpty()) {
			return;
		}
		byte[] csv = RATES.getBytes(StandardCharsets.UTF_8);
		ProjectionScenario scenario = projections.save(draft, null);
		ImportReport report = projections.importRates(scenario.id(), "demo-prognose-vorarlberg.csv", csv, true, null);
		if (report.outcome() != ImportReport.Outcome.WRITTEN) {
			// a region without these areas or variables: no scenario rather than a half one
			projections.delete(scenario.id(), null);
			log.info("No demo projection: {}", report.problems());
			return;
		}
		log.info("Created the demo projection '{}' with {} rates", SCENARIO, report.created());
	}

	private int create(SupplyCategory category) {
		// only where the demand variable exists: a region without the demo statistics gets no categories
		if (supply.category(category.key()).isPresent() || !supply.check(category).isEmpty()) {
			return 0;
		}
		supply.save(category, null);
		return 1;
	}
}
