package org.spange.demo;

import java.math.BigDecimal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spange.needs.SupplyCategory;
import org.spange.needs.SupplyDemand;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Two categories of supply for the Vorarlberg demo: day care for older people against the population aged 65+, and
 * homework help against the total population (the demo has no population aged 6–18). The targets are demo
 * assumptions, said so in their source text. Written once: skipped when a category's key exists.
 */
@Component
@Profile("demo")
@Order(450)
class DemoNeeds implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoNeeds.class);
	static final String ASSUMPTION = "Demo-Annahme, kein amtlicher Richtwert (demo assumption, not an official target).";

	private final SupplyDemand supply;

	DemoNeeds(SupplyDemand supply) {
		this.supply = supply;
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
