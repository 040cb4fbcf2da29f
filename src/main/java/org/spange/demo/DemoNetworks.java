package org.spange.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spange.area.AreaQueries;
import org.spange.area.AreaSummary;
import org.spange.conference.Conference;
import org.spange.conference.Conferences;
import org.spange.network.ActorOrganization;
import org.spange.network.Membership;
import org.spange.network.Network;
import org.spange.network.Networks;
import org.spange.network.Person;
import org.spange.network.Responsibility;
import org.spange.network.Viewer;
import org.spange.offer.OfferCatalog;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Two fictitious networks in the Bezirk Bludenz with a handful of fictitious persons (example.org addresses),
 * responsibilities and one upcoming public Sozialraumkonferenz with its agenda. The demo user {@code traeger} is a
 * member of the Sozialraumkonferenz Bludenz only, so it sees the contact data of that network's members but not of
 * the Frühe Hilfen network's; {@code planung} coordinates the Frühe Hilfen network. Written once (skipped when the
 * first demo network exists).
 */
@Component
@Profile("demo")
@Order(600)
class DemoNetworks implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoNetworks.class);
	static final String BLUDENZ = "Sozialraumkonferenz Bludenz (fiktiv)";
	static final String MONTAFON = "Netzwerk Frühe Hilfen Montafon (fiktiv)";
	private static final ZoneId VIENNA = ZoneId.of("Europe/Vienna");

	private final Networks networks;
	private final Conferences conferences;
	private final AreaQueries areas;
	private final OfferCatalog offers;

	DemoNetworks(Networks networks, Conferences conferences, AreaQueries areas, OfferCatalog offers) {
		this.networks = networks;
		this.conferences = conferences;
		this.areas = areas;
		this.offers = offers;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (networks.networks().stream().anyMatch(n -> n.name().equals(BLUDENZ))) {
			counterCurrent();
			return;
		}
		Optional<Long> bezirk = area("bezirk", "801");
		Optional<Long> bludenz = area("gemeinde", "80103");
		Optional<Long> nenzing = area("gemeinde", "80116");
		Optional<Long> schruns = area("gemeinde", "80122");
		Optional<Long> tschagguns = area("gemeinde", "80128");
		if (bezirk.isEmpty() || bludenz.isEmpty() || nenzing.isEmpty() || schruns.isEmpty() || tschagguns.isEmpty()) {
			log.info("Demo networks skipped: the Vorarlberg demo areas are not loaded");
			return;
		}
		Long offerOrg = offers.organizationsOf("traeger").stream().sorted().findFirst().orElse(null);
		String offerOrgName = offerOrg == null ? null : offers.organization(offerOrg).map(o -> o.name()).orElse(null);
		var sozialamt = networks.createOrganization(new ActorOrganization(null, "Stadt Bludenz, Sozialamt (fiktiv)", null));
		var jugendnetz = networks.createOrganization(new ActorOrganization(null, "Jugendnetz Walgau (fiktiv)", null));
		var traegerOrg = offerOrgName == null ? jugendnetz
				: networks.createOrganization(new ActorOrganization(null, offerOrgName, offerOrg));
		var sozialplanung = networks.createOrganization(new ActorOrganization(null, "Sozialplanung Vorarlberg (fiktiv)",
				null));

		Instant consent = Instant.parse("2026-01-15T09:00:00Z");
		String by = "Sozialplanung Vorarlberg (fiktiv)";
		var anna = person("Anna Beispiel (fiktiv)", "Sozialplanerin", sozialplanung.id(), List.of(bezirk.get()),
				"anna.beispiel@example.org", "+43 5552 000 01", "Mo–Do 8–12 Uhr", Person.Channel.EMAIL, consent, by,
				"planung");
		var max = person("Max Muster (fiktiv)", "Bereichsleitung", traegerOrg.id(), List.of(bludenz.get()),
				"max.muster@example.org", "+43 5552 000 02", "Di und Do nachmittags", Person.Channel.PHONE, consent,
				by, "traeger");
		var lea = person("Lea Platzhalter (fiktiv)", "Offene Jugendarbeit", jugendnetz.id(), List.of(nenzing.get()),
				"lea.platzhalter@example.org", "+43 5525 000 03", "Mo–Fr ab 14 Uhr", Person.Channel.EMAIL, consent, by,
				null);
		var eva = person("Eva Exempel (fiktiv)", "Leitung Sozialamt", sozialamt.id(), List.of(bludenz.get()),
				"eva.exempel@example.org", "+43 5552 000 04", "Mo–Fr 8–12 Uhr", Person.Channel.EMAIL, consent, by,
				null);
		var jonas = person("Jonas Probe (fiktiv)", "Frühe Hilfen", traegerOrg.id(),
				List.of(schruns.get(), tschagguns.get()), "jonas.probe@example.org", "+43 5556 000 05",
				"Mi und Fr vormittags", Person.Channel.PHONE, consent, by, null);

		LocalDate since = LocalDate.of(2026, 1, 1);
		Network srk = networks.createNetwork(new Network(null, BLUDENZ,
				"Austausch der sozialen Einrichtungen, der Stadt und der Planung über Bedarfe im Sozialraum Bludenz.",
				List.of(bezirk.get(), bludenz.get(), nenzing.get())));
		networks.addMember(srk.id(), lea.id(), Membership.Role.COORDINATOR, since, null);
		networks.addMember(srk.id(), eva.id(), Membership.Role.DEPUTY, since, null);
		networks.addMember(srk.id(), max.id(), Membership.Role.MEMBER, since, null);
		networks.addMember(srk.id(), anna.id(), Membership.Role.GUEST, since, null);
		networks.addFixedTask(srk.id(), "Einladungsverteiler pflegen", eva.id());
		networks.addFixedTask(srk.id(), "Protokoll führen (wechselnd)", null);

		Network fh = networks.createNetwork(new Network(null, MONTAFON,
				"Frühe Hilfen für werdende Eltern und Familien mit Kleinkindern im Montafon: Zugänge und Weitervermittlung.",
				List.of(schruns.get(), tschagguns.get())));
		networks.addMember(fh.id(), anna.id(), Membership.Role.COORDINATOR, since, null);
		networks.addMember(fh.id(), jonas.id(), Membership.Role.MEMBER, since, null);
		networks.addMember(fh.id(), eva.id(), Membership.Role.MEMBER, since, LocalDate.of(2026, 6, 30));
		networks.addFixedTask(fh.id(), "Jährlicher Bericht an die Sozialplanung", anna.id());

		networks.addResponsibility(new Responsibility(null, lea.id(), null, "Offene Jugendarbeit und Jugendtreff",
				"kinder-jugendhilfe", nenzing.get()));
		networks.addResponsibility(new Responsibility(null, null, jugendnetz.id(), "Mobile Jugendarbeit (Streetwork)",
				"kinder-jugendhilfe", bezirk.get()));
		networks.addResponsibility(new Responsibility(null, eva.id(), null, "Wohnungssicherung und Delogierungsprävention",
				"wohnen", bludenz.get()));
		networks.addResponsibility(new Responsibility(null, jonas.id(), null, "Frühe Hilfen für Familien mit Kleinkindern",
				"familie", schruns.get()));
		networks.addResponsibility(new Responsibility(null, anna.id(), null, "Sozialplanung und Sozialraumkonferenzen",
				null, bezirk.get()));

		Viewer planner = new Viewer("planung", true, false);
		LocalDate day = LocalDate.now(VIENNA).plusDays(14);
		Conference c = conferences.plan(new Conference(null, Conference.Type.SOZIALRAUM,
				"Sozialraumkonferenz Bludenz – Herbsttreffen (fiktiv)",
				day.atTime(LocalTime.of(14, 0)).atZone(VIENNA).toInstant(),
				day.atTime(LocalTime.of(16, 30)).atZone(VIENNA).toInstant(), "Rathaus Bludenz, Sitzungssaal (fiktiv)",
				null, bezirk.get(), srk.id(), Conference.Visibility.PUBLIC, null, null), planner);
		conferences.addAgendaItem(c.id(), "Begrüßung und Protokoll der letzten Sitzung", lea.id(), planner);
		conferences.addAgendaItem(c.id(), "Jugendarbeit in Nenzing: Bedarf und Angebote", lea.id(), planner);
		conferences.addAgendaItem(c.id(), "Wohnungssicherung: Zahlen aus der Beratung", eva.id(), planner);
		conferences.invite(c.id(), List.of(lea.id(), eva.id(), max.id(), anna.id()), planner);
		log.info("Demo networks: 2 networks, 5 persons, 5 responsibilities, 1 conference (all fictitious)");
		counterCurrent();
	}

	static final String NENZING_SRK = "Sozialraumkonferenz Nenzing – Frühjahrstreffen (fiktiv)";

	/**
	 * The counter-current principle: a past Sozialraumkonferenz Nenzing forwarded a finding to the
	 * Sozialregionskonferenz Bezirk Bludenz, which put it on its agenda and answered it with a decision; both minutes
	 * are published, so the public sees the way up and the answer. A Vorarlberg-wide conference (county level) is
	 * planned ahead. Written once (skipped when the Nenzing conference exists).
	 */
	private void counterCurrent() {
		Viewer planner = new Viewer("planung", true, false);
		if (conferences.visible(planner).stream().anyMatch(c -> c.title().equals(NENZING_SRK))) {
			return;
		}
		Optional<Long> land = area("land", "8");
		Optional<Long> bezirk = area("bezirk", "801");
		Optional<Long> nenzing = area("gemeinde", "80116");
		Optional<Network> srk = networks.networks().stream().filter(n -> n.name().equals(BLUDENZ)).findFirst();
		Optional<Long> lea = networks.persons(planner).stream().filter(p -> p.name().equals("Lea Platzhalter (fiktiv)"))
			.map(p -> p.id()).findFirst();
		if (land.isEmpty() || bezirk.isEmpty() || nenzing.isEmpty() || srk.isEmpty() || lea.isEmpty()) {
			log.info("Demo counter-current skipped: demo areas, network or persons missing");
			return;
		}
		LocalDate today = LocalDate.now(VIENNA);
		Conference below = conferences.plan(new Conference(null, Conference.Type.SOZIALRAUM, NENZING_SRK,
				at(today.minusDays(28), 17), at(today.minusDays(28), 19), "Gemeindeamt Nenzing (fiktiv)", null,
				nenzing.get(), srk.get().id(), Conference.Visibility.PUBLIC, null, null), planner);
		var item = conferences.addAgendaItem(below.id(), "Jugendtreff Nenzing: Öffnungszeiten", lea.get(), planner);
		String finding = "Jugendliche aus Nenzing fahren am Freitagabend nach Bludenz, weil der Jugendtreff um 18 Uhr "
				+ "schließt. Längere Öffnungszeiten braucht es in mehreren Gemeinden des Walgaus; das übersteigt "
				+ "das Budget einer einzelnen Gemeinde.";
		conferences.writeMinutes(below.id(), item.id(), finding, planner);
		Conference region = conferences.plan(new Conference(null, Conference.Type.SOZIALREGION,
				"Sozialregionskonferenz Bezirk Bludenz (fiktiv)", at(today.minusDays(7), 14), at(today.minusDays(7), 17),
				"Bezirkshauptmannschaft Bludenz (fiktiv)", null, bezirk.get(), null, Conference.Visibility.PUBLIC, null,
				null), planner);
		conferences.plan(new Conference(null, Conference.Type.SOZIALREGION, "Sozialplanungskonferenz Vorarlberg (fiktiv)",
				at(today.plusDays(35), 9), at(today.plusDays(35), 13), "Landhaus Bregenz (fiktiv)", null, land.get(),
				null, Conference.Visibility.PUBLIC, null, null), planner);
		var forwarded = conferences.forward(below.id(), item.id(), null, region.id(),
				"Längere Öffnungszeiten der Jugendtreffs im Walgau", finding, planner);
		var regionItem = conferences.putOnAgenda(region.id(), forwarded.id(), planner);
		conferences.writeMinutes(region.id(), regionItem.id(), "Die Region prüft einen gemeinsamen Abenddienst der "
				+ "Offenen Jugendarbeit für Nenzing, Nüziders und Bludenz.", planner);
		var decision = conferences.decide(region.id(), regionItem.id(), "Gemeinsamer Abenddienst der Offenen "
				+ "Jugendarbeit am Freitag als Pilot für ein Jahr; Finanzierung anteilig nach Einwohnerzahl.", null,
				null, planner);
		conferences.answer(region.id(), forwarded.id(), "Die Sozialregionskonferenz unterstützt das Anliegen: Ab dem "
				+ "nächsten Quartal gibt es freitags einen gemeinsamen Abenddienst als Pilot.", decision.id(), planner);
		for (Conference c : List.of(below, region)) {
			conferences.approveMinutes(c.id(), planner);
			conferences.publishMinutes(c.id(), planner);
		}
		log.info("Demo counter-current: one finding from Nenzing answered by the region Bludenz (fictitious)");
	}

	private static Instant at(LocalDate day, int hour) {
		return day.atTime(LocalTime.of(hour, 0)).atZone(VIENNA).toInstant();
	}

	private Person person(String name, String function, Long organization, List<Long> areaIds, String email,
			String phone, String reachability, Person.Channel channel, Instant consentAt, String consentBy,
			String username) {
		return networks.createPerson(new Person(null, name, function, organization, areaIds, email, phone, reachability,
				channel, consentAt, consentBy, "Demo-Einwilligung v1", username));
	}

	private Optional<Long> area(String level, String code) {
		return areas.byCode(level, code).map(AreaSummary::id).map(id -> id.value());
	}
}
