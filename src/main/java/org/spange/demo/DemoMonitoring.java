package org.spange.demo;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spange.atlas.AlertCondition;
import org.spange.atlas.IndexDefinition;
import org.spange.atlas.MonitoringSetup;
import org.spange.atlas.SocialIndex.Component;
import org.spange.atlas.SocialIndex.Standardisation;
import org.spange.atlas.Typology;
import org.spange.atlas.TypologyDefinition;
import org.spange.indicator.IndicatorCatalog;
import org.spange.indicator.Polarity;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;

/**
 * Social monitoring for the demo, after the statistics ({@link DemoStatistics}): a social index, a typology and
 * early-warning rules for Vorarlberg's Gemeinden (on the synthetic social counts) and, when the German region is
 * loaded, for the 400 German Kreise (on the real INKAR indicators). Created only where absent.
 */
@org.springframework.stereotype.Component
@Profile("demo")
@Order(300)
class DemoMonitoring implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoMonitoring.class);
	private static final Polarity WORSE = Polarity.HIGHER_IS_WORSE;
	private static final Polarity BETTER = Polarity.HIGHER_IS_BETTER;

	private final MonitoringSetup monitoring;
	private final IndicatorCatalog catalog;

	DemoMonitoring(MonitoringSetup monitoring, IndicatorCatalog catalog) {
		this.monitoring = monitoring;
		this.catalog = catalog;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (catalog.indicator("bms_rate").isPresent()) {
			index(new IndexDefinition("vorarlberg-sozialindex", "Sozialindex Vorarlberg (Demo, synthetische Daten)",
					"Social index Vorarlberg (demo, synthetic data)", "vorarlberg-bezirke", "gemeinde", "pop_total",
					300d, Standardisation.Z_SCORE, 3, null,
					List.of(new Component("bms_rate", WORSE, 1), new Component("bms_rate_u15", WORSE, 1),
							new Component("unemployment_rate", WORSE, 1), new Component("single_parent_share", WORSE, 1),
							new Component("alone_80plus_share", WORSE, 0.5),
							new Component("childcare_rate_u3", BETTER, 0.5))));
			typology(new TypologyDefinition("vorarlberg-gemeindetypen", "Gemeindetypen Vorarlberg (Demo)",
					"Types of Gemeinden, Vorarlberg (demo)", "vorarlberg-bezirke", "gemeinde",
					List.of("share_65plus", "share_u15", "bms_rate", "unemployment_rate", "avg_household_size",
							"childcare_rate_u3"),
					Typology.Method.K_MEANS, 2, 6, 1L));
			rule("Mindestsicherungsquote über 3 % (Gemeinden)", "bms_rate", "vorarlberg-bezirke", "gemeinde",
					AlertCondition.ABOVE, 3, 1);
			rule("Kinder in der Mindestsicherung: Anstieg um mehr als 1 Prozentpunkt", "bms_rate_u15",
					"vorarlberg-bezirke", "gemeinde", AlertCondition.RISE, 1, 1);
			rule("Sozialindex Vorarlberg: Wechsel der Statusklasse", "vorarlberg-sozialindex", "vorarlberg-bezirke",
					"gemeinde", AlertCondition.CLASS_CHANGED, 0, 1);
		}
		if (catalog.indicator("kreis_unemployment_rate").isPresent()) {
			index(new IndexDefinition("deutschland-kreise-sozialindex", "Sozialindex der Kreise (INKAR)",
					"Social index of the German Kreise (INKAR)", "deutschland-kreise", "kreis", null, null,
					Standardisation.Z_SCORE, 5, null,
					List.of(new Component("kreis_unemployment_rate", WORSE, 1),
							new Component("kreis_share_longterm_unemployed", WORSE, 1),
							new Component("kreis_youth_unemployment_rate", WORSE, 1),
							new Component("kreis_share_no_degree", WORSE, 1),
							new Component("kreis_purchasing_power", BETTER, 1))));
			typology(new TypologyDefinition("deutschland-kreistypen", "Kreistypen (INKAR)",
					"Types of German Kreise (INKAR)", "deutschland-kreise", "kreis",
					List.of("kreis_unemployment_rate", "kreis_purchasing_power", "kreis_rent_level",
							"kreis_share_65plus", "kreis_share_foreign", "kreis_gdp_per_capita"),
					Typology.Method.K_MEANS, 2, 8, 1L));
			rule("Arbeitslosenquote der Kreise: Anstieg um mehr als 1 Prozentpunkt", "kreis_unemployment_rate",
					"deutschland-kreise", "kreis", AlertCondition.RISE, 1, 1);
		}
	}

	private void index(IndexDefinition d) {
		if (monitoring.index(d.key()).isEmpty()) {
			monitoring.saveIndex(d);
			log.info("Demo social index {} created", d.key());
		}
	}

	private void typology(TypologyDefinition d) {
		if (monitoring.typology(d.key()).isEmpty()) {
			monitoring.saveTypology(d);
			log.info("Demo typology {} created", d.key());
		}
	}

	private void rule(String name, String key, String scheme, String level, AlertCondition condition, double threshold,
			int periods) {
		if (!monitoring.hasAlertRule(name)) {
			monitoring.createAlertRule(name, key, scheme, level, condition, threshold, periods);
		}
	}
}
