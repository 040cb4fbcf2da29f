package org.spange.demo;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spange.area.AreaDetail;
import org.spange.area.AreaQueries;
import org.spange.area.AreaSummary;
import org.spange.offer.Location;
import org.spange.offer.Offer;
import org.spange.offer.Offer.Approach;
import org.spange.offer.Offer.Form;
import org.spange.offer.Offer.Setting;
import org.spange.offer.OfferCatalog;
import org.spange.offer.OfferPage;
import org.spange.offer.Organization;
import org.spange.offer.ProviderType;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A fictitious offer inventory for Vorarlberg: 32 organisations and 109 offers spread over all 96 Gemeinden and every
 * field of action, each location at its Gemeinde's centroid plus a small fixed offset, one of them a confidential
 * women's shelter. Every name says "fiktiv": these are not real offers. Deterministic; written only once (skipped when
 * the first demo organisation exists). The demo user {@code traeger} belongs to the first organisation.
 */
@Component
@Profile("demo")
@Order(400)
class DemoOffers implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoOffers.class);
	static final String NOTICE = "Fiktiver Demo-Eintrag – kein reales Angebot (fictitious demo entry).";
	static final int ORGANIZATIONS = 32;
	static final int OFFERS = 108;

	private static final String[] ORG_NAMES = { "Lebenswege", "Brücke", "Miteinander", "Sonnenweg", "Horizont",
			"Rheintal Sozial", "Walgau Hilft", "Montafon Miteinander", "Bregenzerwald Sozial", "Kompass", "Anker",
			"Netzwerk Leben", "Perspektive", "Zukunft Jugend", "Familienzentrum Regenbogen", "Arbeitsinitiative Neustart",
			"Gesundheitsforum", "Inklusion Plus", "Klartext Suchtberatung", "Dach überm Kopf", "Existenz Sichern",
			"Gemeinsam Älter", "Ankommen", "Lernwerkstatt", "Schutzraum", "Offene Tür", "Nachbarschaftshilfe",
			"Sozialsprengel Oberland", "Sozialsprengel Unterland", "Jugendnetz", "Pflegeverbund", "Bildungsbrücke" };
	private static final String[] UMBRELLAS = { "Caritas (fiktiv)", "Diakonie (fiktiv)", "Volkshilfe (fiktiv)",
			"Rotes Kreuz (fiktiv)", "Hilfswerk (fiktiv)", "Lebenshilfe (fiktiv)" };
	private static final String[] LANGUAGES = { "en", "tr", "bs", "ar", "fa", "ro" };

	/**
	 * Per field of action: offer name, what it does, target group in words and as keys, min/max age, approach,
	 * form, setting, legal basis.
	 */
	private record Kind(String field, String name, String description, String targetGroup, List<String> groups,
			Integer minAge, Integer maxAge, Approach approach, Form form, Setting setting, String legalBasis) {
	}

	private static final List<Kind> KINDS = List.of(
			new Kind("kinder-jugendhilfe", "Offener Jugendtreff",
					"Treffpunkt mit Freizeitangeboten und Beratung bei Fragen zu Schule, Ausbildung und Familie.",
					"Jugendliche", List.of("jugendliche"), 12, 21, Approach.PREVENTIVE, Form.GROUP, Setting.OPEN,
					"Kinder- und Jugendhilfegesetz (fiktiver Verweis)"),
			new Kind("familie", "Familienberatung",
					"Beratung für Eltern, Paare und Alleinerziehende bei Erziehungsfragen, Trennung und Konflikten.",
					"Familien und Alleinerziehende", List.of("familien"), null, null, Approach.PREVENTIVE,
					Form.INDIVIDUAL, Setting.AMBULATORY, "Familienberatungsförderungsgesetz (fiktiver Verweis)"),
			new Kind("arbeit-beschaeftigung", "Beschäftigungsprojekt",
					"Befristete Beschäftigung und Qualifizierung mit Begleitung bei der Arbeitssuche.",
					"Langzeitarbeitslose Menschen", List.of("arbeitsuchende", "erwachsene"), 18, 64,
					Approach.INTERVENTIVE, Form.GROUP, Setting.SEMI_RESIDENTIAL, "AMS-Förderung (fiktiver Verweis)"),
			new Kind("gesundheit", "Gesundheitsberatung",
					"Beratung zu Ernährung, Bewegung, seelischer Gesundheit und Vorsorge.", "Alle Altersgruppen",
					List.of("alle"), null, null, Approach.PREVENTIVE, Form.INDIVIDUAL, Setting.AMBULATORY, null),
			new Kind("behinderung", "Wohngemeinschaft für Menschen mit Behinderung",
					"Betreutes Wohnen in einer Wohngemeinschaft mit Unterstützung im Alltag.",
					"Menschen mit Behinderung", List.of("behinderung"), 18, null, Approach.INTERVENTIVE, Form.GROUP,
					Setting.RESIDENTIAL, "Chancengesetz (fiktiver Verweis)"),
			new Kind("sucht", "Suchtberatung",
					"Beratung und Begleitung bei Alkohol-, Medikamenten-, Drogen- und Spielsucht.",
					"Menschen mit Suchtproblemen und Angehörige", List.of("erwachsene", "jugendliche", "angehoerige"),
					14, null, Approach.INTERVENTIVE, Form.INDIVIDUAL, Setting.AMBULATORY, null),
			new Kind("wohnen", "Notschlafstelle und Wohnberatung",
					"Notunterkunft, Streetwork und Beratung bei drohendem Wohnungsverlust und Delogierung.",
					"Wohnungslose Menschen", List.of("wohnungslose"), 18, null, Approach.INTERVENTIVE,
					Form.INDIVIDUAL, Setting.OUTREACH, "Mindestsicherungsgesetz (fiktiver Verweis)"),
			new Kind("existenzsicherung", "Schuldenberatung", "Hilfe bei Schulden, Privatkonkurs und Haushaltsplanung.",
					"Menschen mit Schulden", List.of("erwachsene"), 18, null, Approach.INTERVENTIVE, Form.INDIVIDUAL,
					Setting.AMBULATORY, null),
			new Kind("alter-pflege", "Tagesbetreuung für Seniorinnen und Senioren",
					"Tagesstruktur, gemeinsame Mahlzeiten und Aktivierung; Entlastung für pflegende Angehörige.",
					"Ältere Menschen", List.of("aeltere", "angehoerige"), 65, null, Approach.PREVENTIVE, Form.GROUP,
					Setting.SEMI_RESIDENTIAL, "Pflegegesetz (fiktiver Verweis)"),
			new Kind("migration-integration", "Deutschkurs und Integrationsberatung",
					"Deutschkurse, Orientierung und Beratung zu Aufenthalt, Arbeit und Wohnen.",
					"Zugewanderte Menschen", List.of("zugewanderte"), 16, null, Approach.PREVENTIVE, Form.GROUP,
					Setting.OPEN, "Integrationsgesetz (fiktiver Verweis)"),
			new Kind("bildung", "Lernhilfe", "Hausaufgabenbetreuung und Nachhilfe in Kleingruppen.",
					"Schülerinnen und Schüler", List.of("kinder", "jugendliche"), 6, 18, Approach.PREVENTIVE,
					Form.GROUP, Setting.OPEN, null),
			new Kind("gewaltschutz", "Gewaltschutzberatung",
					"Beratung und Schutz bei häuslicher Gewalt, Begleitung zu Polizei und Gericht.",
					"Von Gewalt betroffene Menschen", List.of("frauen", "erwachsene"), null, null,
					Approach.INTERVENTIVE, Form.INDIVIDUAL, Setting.AMBULATORY, "Gewaltschutzgesetz (fiktiver Verweis)"));

	private final OfferCatalog offers;
	private final AreaQueries areas;

	DemoOffers(OfferCatalog offers, AreaQueries areas) {
		this.offers = offers;
		this.areas = areas;
	}

	static String organizationName(int i) {
		return ORG_NAMES[i] + " (fiktiv)";
	}

	@Override
	public void run(ApplicationArguments args) {
		List<AreaSummary> gemeinden = areas.areas("vorarlberg-bezirke", "gemeinde");
		if (gemeinden.isEmpty() || exists(organizationName(0))) {
			return;
		}
		List<Long> orgs = new ArrayList<>();
		for (int i = 0; i < ORGANIZATIONS; i++) {
			ProviderType type = ProviderType.values()[i % ProviderType.values().length];
			String slug = ORG_NAMES[i].toLowerCase().replaceAll("[^a-z]+", "-");
			orgs.add(offers.createOrganization(new Organization(null, organizationName(i), NOTICE,
					"https://example.org/" + slug, slug + "@example.org", type,
					type == ProviderType.FREE_PROVIDER ? UMBRELLAS[i % UMBRELLAS.length] : null)).id());
		}
		offers.addMember("traeger", orgs.get(0));
		for (int k = 0; k < OFFERS; k++) {
			// 37 is coprime to 96: the first 96 offers fall in 96 different Gemeinden
			AreaSummary gemeinde = gemeinden.get(k * 37 % gemeinden.size());
			Kind kind = KINDS.get(k % KINDS.size());
			long org = orgs.get(k % orgs.size());
			double[] point = point(gemeinde, k);
			// accessibility known for two thirds of the locations, step-free for half of those
			Boolean stepFree = k % 3 == 2 ? null : k % 3 == 0;
			long location = offers.createLocation(new Location(null, org, kind.name() + " " + gemeinde.name()
					+ " (fiktiv)", "Musterstraße " + (k % 40 + 1) + " (fiktiv)", null, gemeinde.name(), "AT",
					point == null ? null : point[1], point == null ? null : point[0], false, null, stepFree,
					Boolean.TRUE.equals(stepFree) ? "Eingang ebenerdig, Aufzug, barrierefreies WC (fiktiv)" : null)).id();
			offers.createOffer(offer(org, kind, kind.name() + " " + gemeinde.name() + " (fiktiv)", k,
					List.of(location), List.of(gemeinde.id().value())));
		}
		// the one confidential location: a women's shelter, shown to the public only by its Gemeinde
		AreaSummary dornbirn = gemeinden.stream().filter(g -> g.name().equals("Dornbirn")).findFirst()
			.orElse(gemeinden.get(0));
		double[] point = point(dornbirn, 5);
		long shelterOrg = orgs.get(24);
		long shelter = offers.createLocation(new Location(null, shelterOrg, "Frauenhaus (fiktiv, Adresse geheim)",
				null, null, dornbirn.name(), "AT", point == null ? null : point[1], point == null ? null : point[0],
				point != null, null)).id();
		Kind kind = new Kind("gewaltschutz", "Frauenhaus",
				"Schutzunterkunft für Frauen und ihre Kinder, rund um die Uhr erreichbar.",
				"Frauen und ihre Kinder in Gewaltsituationen", List.of("frauen", "kinder"), null, null,
				Approach.INTERVENTIVE, Form.INDIVIDUAL, Setting.RESIDENTIAL, "Gewaltschutzgesetz (fiktiver Verweis)");
		offers.createOffer(offer(shelterOrg, kind, "Frauenhaus Vorarlberg (fiktiv)", 0, List.of(shelter),
				gemeinden.stream().map(g -> g.id().value()).toList()));
		log.info("Created the fictitious demo offer inventory: {} organisations, {} offers", ORGANIZATIONS,
				OFFERS + 1);
	}

	private boolean exists(String name) {
		for (int page = 0;; page++) {
			OfferPage<Organization> orgs = offers.organizations(page, 500);
			if (orgs.items().stream().anyMatch(o -> o.name().equals(name))) {
				return true;
			}
			if ((long) (page + 1) * orgs.size() >= orgs.total()) {
				return false;
			}
		}
	}

	/**
	 * The Gemeinde's centroid moved by a few hundred metres, fixed per offer, as long as that stays in the Gemeinde;
	 * null without a centroid.
	 */
	private double[] point(AreaSummary gemeinde, int k) {
		double[] c = areas.area(gemeinde.id()).map(AreaDetail::centroid).orElse(null);
		if (c == null) {
			return null;
		}
		double[] moved = { c[0] + ((k % 7) - 3) * 0.002, c[1] + ((k % 5) - 2) * 0.0015 };
		// near a border the offset may leave the Gemeinde: then the centroid itself
		boolean inside = areas.containing("gemeinde", moved[0], moved[1]).map(a -> a.id().equals(gemeinde.id()))
			.orElse(false);
		return inside ? moved : c;
	}

	private static Offer offer(long org, Kind kind, String name, int k, List<Long> locations, List<Long> serviceAreas) {
		// k runs through the kinds in turn: vary cost and hours by the round, so that each kind has both
		int round = k / KINDS.size();
		boolean free = round % 4 != 3;
		List<Offer.Schedule> schedules = new ArrayList<>();
		if (kind.setting() != Setting.RESIDENTIAL) {
			for (int day = 1; day <= 5; day++) {
				schedules.add(new Offer.Schedule(day, LocalTime.of(8 + round % 3, 0), LocalTime.of(12 + round % 6, 0)));
			}
			if (round % 2 == 1) {
				schedules.add(new Offer.Schedule(6, LocalTime.of(9, 0), LocalTime.of(12, 0)));
			}
		}
		return new Offer(null, org, name, kind.description() + " " + NOTICE,
				k % 17 == 16 ? Offer.Status.INACTIVE : Offer.Status.ACTIVE,
				"https://example.org/angebot-" + k, "angebot-" + k + "@example.org", free,
				free ? null : "Kostenbeitrag nach Einkommen (fiktiv)", "Telefonische Anmeldung (fiktiv)",
				kind.legalBasis(), kind.setting() == Setting.RESIDENTIAL || kind.form() == Form.GROUP ? 8 + k % 20 : null,
				k % 3 == 0 ? "etwa " + (1 + k % 6) + " Wochen" : null, LocalDate.of(2026, 1 + k % 10, 1 + k % 28),
				k % 5 == 0 && !kind.field().equals("familie") ? List.of(kind.field(), "familie") : List.of(kind.field()),
				kind.targetGroup(), kind.groups(), kind.minAge(), kind.maxAge(), null, kind.approach(), kind.form(), kind.setting(),
				k % 2 == 0 ? List.of("de") : List.of("de", LANGUAGES[k % LANGUAGES.length]), locations, serviceAreas,
				List.of(new Offer.Phone("+43 5572 " + (100000 + k), "Erstkontakt (fiktiv)")), schedules);
	}
}
