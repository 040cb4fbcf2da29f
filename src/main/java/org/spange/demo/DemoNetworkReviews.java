package org.spange.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spange.network.ActorOrganization;
import org.spange.network.Cooperation;
import org.spange.network.Membership;
import org.spange.network.Network;
import org.spange.network.NetworkGraphs;
import org.spange.network.NetworkReviews;
import org.spange.network.Networks;
import org.spange.network.Person;
import org.spange.network.ReviewFactor;
import org.spange.network.ReviewRound;
import org.spange.network.Viewer;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Adds to the demo networks (after {@link DemoNetworks}): four more fictitious organisations, five more members of the
 * Sozialraumkonferenz Bludenz who joined over two years (one left, so the continuity page has something to show), five
 * co-operations for the network graph (organisations hanging off the network, so brokers stand out), the network's agreed conflict procedure, one finished review round with six
 * answers (results shown) and one open round with two answers (below the anonymity threshold). The answers are given
 * through {@link NetworkReviews} by members whose persons have a user name but no login; {@code traeger} and
 * {@code planung} answered the finished round, so {@code traeger} can still answer the open one. Written once
 * (skipped when the network has review rounds).
 */
@Component
@Profile("demo")
@Order(610)
class DemoNetworkReviews implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoNetworkReviews.class);
	private static final ZoneId VIENNA = ZoneId.of("Europe/Vienna");
	private static final Viewer PLANNER = new Viewer("planung", true, false);

	private final Networks networks;
	private final NetworkGraphs graphs;
	private final NetworkReviews reviews;

	DemoNetworkReviews(Networks networks, NetworkGraphs graphs, NetworkReviews reviews) {
		this.networks = networks;
		this.graphs = graphs;
		this.reviews = reviews;
	}

	@Override
	public void run(ApplicationArguments args) {
		Optional<Network> found = networks.networks().stream().filter(n -> n.name().equals(DemoNetworks.BLUDENZ))
			.findFirst();
		if (found.isEmpty() || !reviews.rounds(found.get().id(), PLANNER).isEmpty()) {
			return;
		}
		long srk = found.get().id();
		LocalDate today = LocalDate.now(VIENNA);
		List<ActorOrganization> existing = networks.organizations();
		long sozialamt = org(existing, "Stadt Bludenz, Sozialamt (fiktiv)");
		long jugendnetz = org(existing, "Jugendnetz Walgau (fiktiv)");
		long sozialplanung = org(existing, "Sozialplanung Vorarlberg (fiktiv)");
		long traeger = existing.stream().filter(o -> o.offerOrganizationId() != null).map(ActorOrganization::id)
			.findFirst().orElse(jugendnetz);

		long familie = networks.createOrganization(new ActorOrganization(null, "Familienberatung Walgau (fiktiv)", null))
			.id();
		long schule = networks.createOrganization(new ActorOrganization(null, "Schulsozialarbeit Bludenz (fiktiv)", null))
			.id();
		long wohnen = networks.createOrganization(new ActorOrganization(null, "Wohnungslosenhilfe Bludenz (fiktiv)", null))
			.id();
		long mobil = networks.createOrganization(new ActorOrganization(null, "Mobile Hilfsdienste Klostertal (fiktiv)",
				null)).id();

		// the review needs members; most come from organisations already in the network, so the graph keeps a core
		// (the network) with organisations hanging off it by co-operations: those who broker stand out
		var sarah = person("Sarah Annahme (fiktiv)", "Familienberatung", familie, "demo-srk-familie");
		var tobias = person("Tobias Entwurf (fiktiv)", "Mobile Jugendarbeit", jugendnetz, "demo-srk-jugend");
		var nina = person("Nina Vorlage (fiktiv)", "Wohnungssicherung", sozialamt, "demo-srk-wohnen");
		var mira = person("Mira Modell (fiktiv)", "Frühe Hilfen", traeger, "demo-srk-fruehe-hilfen");
		var paul = person("Paul Skizze (fiktiv)", "Einsatzleitung", mobil, null);
		networks.addMember(srk, sarah.id(), Membership.Role.MEMBER, LocalDate.of(2024, 9, 1), null);
		networks.addMember(srk, paul.id(), Membership.Role.MEMBER, LocalDate.of(2024, 9, 1), LocalDate.of(2025, 12, 31));
		networks.addMember(srk, nina.id(), Membership.Role.MEMBER, LocalDate.of(2025, 1, 15), null);
		networks.addMember(srk, tobias.id(), Membership.Role.MEMBER, LocalDate.of(2025, 3, 1), null);
		networks.addMember(srk, mira.id(), Membership.Role.MEMBER, LocalDate.of(2026, 2, 1), null);

		graphs.recordCooperation(new Cooperation(null, jugendnetz, schule, "Übergang Schule – Jugendtreff",
				LocalDate.of(2025, 9, 1), null, null, null));
		graphs.recordCooperation(new Cooperation(null, sozialamt, wohnen,
				"Delogierungsprävention: gemeinsame Fallbesprechung", LocalDate.of(2025, 1, 1), null, null, null));
		graphs.recordCooperation(new Cooperation(null, wohnen, mobil, "Hausbesuche bei drohendem Wohnungsverlust",
				LocalDate.of(2025, 6, 1), null, null, null));
		graphs.recordCooperation(new Cooperation(null, familie, traeger, "Weitervermittlung Frühe Hilfen",
				LocalDate.of(2026, 2, 1), null, null, null));
		graphs.recordCooperation(new Cooperation(null, mobil, sozialplanung, "Bedarfserhebung Pflege 2025",
				LocalDate.of(2025, 1, 1), LocalDate.of(2025, 6, 30), null, null));

		LocalDate agreed = LocalDate.of(2026, 3, 12);
		reviews.agreeConflictProcedure(srk, """
				1. Wer einen Konflikt sieht, spricht ihn zuerst direkt und zeitnah bei den Beteiligten an.
				2. Gelingt keine Einigung, vermittelt die Koordination innerhalb von zwei Wochen ein Gespräch.
				3. Bleibt der Konflikt, kommt er als eigener Punkt auf die nächste Sozialraumkonferenz; die Sozialplanung \
				moderiert.""", agreed.isAfter(today) ? today : agreed, PLANNER);

		ReviewRound first = reviews.open(srk, "Netzwerkreview, erste Runde (fiktiv)", today.minusDays(42),
				today.plusDays(7), PLANNER);
		answer(first, "demo-srk-familie", new int[] { 5, 4, 4, 3, 4, 3, 2 }, "Die Treffen sind wertvoll, "
				+ "aber wer für die Jugendarbeit in Nenzing zuständig ist, war mir lange unklar.");
		answer(first, "demo-srk-jugend", new int[] { 4, 3, 4, 3, 3, 2, 2 }, null);
		answer(first, "demo-srk-wohnen", new int[] { 4, 4, 5, 4, 4, 3, 3 },
				"Protokolle kommen oft erst kurz vor dem nächsten Treffen.");
		answer(first, "demo-srk-fruehe-hilfen", new int[] { 3, 3, 3, 2, 3, 2, 1 },
				"Als neues Mitglied hätte ich mir eine Einführung gewünscht.");
		answer(first, "traeger", new int[] { 5, 4, 4, 4, 4, 3, 2 }, null);
		answer(first, "planung", new int[] { 4, 4, 4, 3, 5, 4, 3 }, null);
		reviews.close(first.id(), PLANNER);

		ReviewRound second = reviews.open(srk, "Netzwerkreview, zweite Runde (fiktiv)", today, today.plusDays(28),
				PLANNER);
		answer(second, "demo-srk-familie", new int[] { 5, 4, 4, 4, 4, 4, 4 }, null);
		answer(second, "demo-srk-wohnen", new int[] { 4, 4, 5, 4, 4, 4, 4 }, null);
		log.info("Demo network review: 5 members, 5 co-operations, 2 review rounds (6 and 2 answers, fictitious)");
	}

	private void answer(ReviewRound round, String username, int[] scores, String comment) {
		Map<ReviewFactor, Integer> s = new EnumMap<>(ReviewFactor.class);
		for (ReviewFactor f : ReviewFactor.values()) {
			s.put(f, scores[f.ordinal()]);
		}
		reviews.answer(round.id(), s, comment, new Viewer(username, false, false));
	}

	private static long org(List<ActorOrganization> organizations, String name) {
		return organizations.stream().filter(o -> o.name().equals(name)).map(ActorOrganization::id).findFirst()
			.orElseThrow();
	}

	private Person person(String name, String function, long organization, String username) {
		return networks.createPerson(new Person(null, name, function, organization, List.of(), null, null, null, null,
				Instant.parse("2026-01-15T09:00:00Z"), "Sozialplanung Vorarlberg (fiktiv)", "Demo-Einwilligung v1",
				username));
	}
}
