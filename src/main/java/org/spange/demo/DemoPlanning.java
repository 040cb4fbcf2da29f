package org.spange.demo;

import java.time.LocalDate;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spange.access.UserScopes;
import org.spange.area.AreaQueries;
import org.spange.area.AreaSummary;
import org.spange.planning.Guideline;
import org.spange.planning.Planning;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The six guidelines of social-space-oriented planning as demo content for the Vorarlberg region: written once
 * (skipped when the first one exists), each labelled as demo content. The demo municipality user {@code gemeinde}
 * plans for the Gemeinde Bludenz (assigned once, when it has no areas yet).
 */
@Component
@Profile("demo")
@Order(500)
class DemoPlanning implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoPlanning.class);
	static final String BODY = "Land Vorarlberg / Gemeindeverband (Demo)";
	static final LocalDate RESOLVED = LocalDate.of(2025, 3, 18);
	static final String NOTICE = " (Demo-Inhalt, kein realer Beschluss.)";

	static final List<String[]> GUIDELINES = List.of(
			new String[] { "Lebensbedingungen verbessern",
					"Planung und Angebote zielen darauf, die Lebensbedingungen der Menschen in ihren Gemeinden"
							+ " spürbar zu verbessern." },
			new String[] { "Sozialräumlich orientieren",
					"Bedarfe und Angebote werden vom Sozialraum aus gedacht, mit den Menschen und Ressourcen vor Ort." },
			new String[] { "Ressortübergreifend planen und arbeiten",
					"Soziales, Bildung, Gesundheit, Wohnen und Arbeit planen gemeinsam statt nebeneinander." },
			new String[] { "Prävention vor Intervention",
					"Vorbeugende Angebote haben Vorrang, damit Notlagen gar nicht erst entstehen." },
			new String[] { "Strukturelle vor individueller Hilfe",
					"Wo viele Menschen dieselbe Hürde trifft, werden Strukturen verändert statt nur Einzelfälle"
							+ " gelöst." },
			new String[] { "Vernetzung und Kooperation",
					"Träger, Gemeinden und Land stimmen sich ab und nutzen ihre Stärken gemeinsam." });

	static final String MUNICIPALITY_USER = "gemeinde";
	/** Bludenz (Gemeindekennziffer) */
	static final String MUNICIPALITY_GKZ = "80103";

	private final Planning planning;
	private final AreaQueries areas;
	private final UserScopes scopes;

	DemoPlanning(Planning planning, AreaQueries areas, UserScopes scopes) {
		this.planning = planning;
		this.areas = areas;
		this.scopes = scopes;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (scopes.areasOf(MUNICIPALITY_USER).isEmpty()
				&& scopes.users().stream().anyMatch(u -> u.username().equals(MUNICIPALITY_USER))) {
			areas.byCode("gemeinde", MUNICIPALITY_GKZ).ifPresent(b -> {
				scopes.assignAreas(MUNICIPALITY_USER, List.of(b.id().value()));
				log.info("The demo user '{}' plans for {}", MUNICIPALITY_USER, b.name());
			});
		}
		String first = GUIDELINES.get(0)[0];
		if (planning.guidelines().stream().anyMatch(g -> g.isDemo() && g.title().equals(first))) {
			return;
		}
		Long region = areas.byCode("land", "8").map(AreaSummary::id).map(id -> id.value()).orElse(null);
		for (String[] g : GUIDELINES) {
			planning.createGuideline(new Guideline(null, BODY, region, g[0], g[1] + NOTICE, RESOLVED, true));
		}
		log.info("Created the {} demo guidelines", GUIDELINES.size());
	}
}
