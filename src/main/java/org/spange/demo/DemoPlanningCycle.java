package org.spange.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spange.area.AreaId;
import org.spange.area.AreaQueries;
import org.spange.conference.Conference;
import org.spange.conference.Conferences;
import org.spange.conference.Decision;
import org.spange.indicator.IndicatorValue;
import org.spange.indicator.IndicatorValues;
import org.spange.indicator.Period;
import org.spange.network.ActorOrganization;
import org.spange.network.Networks;
import org.spange.network.Viewer;
import org.spange.offer.Offer;
import org.spange.offer.OfferQuery;
import org.spange.offer.OfferSearch;
import org.spange.planning.Evaluation;
import org.spange.planning.Goal;
import org.spange.planning.Guideline;
import org.spange.planning.IndicatorTarget;
import org.spange.planning.Measure;
import org.spange.planning.MeasureStatus;
import org.spange.planning.Planning;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A planning cycle to look at in the demo: a region goal with a sub-goal for the Bezirk Bludenz and one for the
 * Gemeinde Bludenz, indicator targets from the demo statistics (baselines computed by the engine, targets set
 * relative to them), measures in every status — one created by the demo decision of the Sozialregionskonferenz
 * Bezirk Bludenz, one relying on a demo offer — and an evaluation. The measures name their responsible and partner
 * organisations as actors of the demo networks (looked up by name; free text where the network module does not know
 * them, as for the Gemeinden). Written once (skipped when the region goal exists), after the guidelines, the demo
 * networks and the demo conferences; a demo written before measures named actors gets its actors linked on the next
 * start, once. Every text says it is demo content.
 */
@Component
@Profile("demo")
@Order(620)
class DemoPlanningCycle implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoPlanningCycle.class);
	static final String REGION_GOAL = "Kinderarmut in Vorarlberg verringern (Demo)";
	static final String NOTICE = " (Demo-Inhalt, kein realer Beschluss.)";
	static final String BASELINE = "2022";
	// actor organisations of the demo networks (DemoNetworks, DemoNetworkReviews)
	static final String JUGENDNETZ = "Jugendnetz Walgau (fiktiv)";
	static final String SOZIALAMT = "Stadt Bludenz, Sozialamt (fiktiv)";
	static final String FAMILIENBERATUNG = "Familienberatung Walgau (fiktiv)";
	static final String SOZIALPLANUNG = "Sozialplanung Vorarlberg (fiktiv)";

	private final Planning planning;
	private final AreaQueries areas;
	private final IndicatorValues values;
	private final Conferences conferences;
	private final OfferSearch offers;
	private final Networks networks;

	DemoPlanningCycle(Planning planning, AreaQueries areas, IndicatorValues values, Conferences conferences,
			OfferSearch offers, Networks networks) {
		this.networks = networks;
		this.planning = planning;
		this.areas = areas;
		this.values = values;
		this.conferences = conferences;
		this.offers = offers;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (planning.goals().stream().anyMatch(g -> g.title().equals(REGION_GOAL))) {
			linkActors();
			return;
		}
		Optional<Long> land = areas.byCode("land", "8").map(a -> a.id().value());
		Optional<Long> bezirk = areas.areas("vorarlberg-bezirke", "bezirk").stream()
			.filter(b -> b.name().equals("Bludenz")).findFirst().map(a -> a.id().value());
		Optional<Long> gemeinde = areas.byCode("gemeinde", DemoPlanning.MUNICIPALITY_GKZ).map(a -> a.id().value());
		if (land.isEmpty() || bezirk.isEmpty() || gemeinde.isEmpty()) {
			log.info("Demo planning cycle skipped: the Vorarlberg areas are not loaded");
			return;
		}
		Map<String, Long> guideline = guidelines();

		Goal region = planning.createGoal(new Goal(null, land.get(), null, REGION_GOAL,
				"Weniger Kinder und Jugendliche in Haushalten mit Mindestsicherung, durch frühe und vorbeugende Hilfen."
						+ NOTICE,
				ids(guideline, "Lebensbedingungen verbessern", "Prävention vor Intervention"),
				target("bms_rate_u15", land.get(), 0.85, "2030")));
		Goal district = planning.createGoal(new Goal(null, bezirk.get(), region.id(),
				"Familien im Bezirk Bludenz früh erreichen (Demo)",
				"Frühe Hilfen und offene Treffpunkte in allen Talschaften des Bezirks." + NOTICE,
				ids(guideline, "Sozialräumlich orientieren", "Vernetzung und Kooperation"),
				target("single_parent_share", bezirk.get(), 0.9, "2028")));
		Goal town = planning.createGoal(new Goal(null, gemeinde.get(), district.id(),
				"Kinderbetreuung unter 3 Jahren in Bludenz ausbauen (Demo)",
				"Mehr Plätze für Kinder unter 3 Jahren, damit Eltern arbeiten können." + NOTICE,
				ids(guideline, "Strukturelle vor individueller Hilfe"),
				target("childcare_rate_u3", gemeinde.get(), 1.25, "2028")));

		LocalDate today = LocalDate.now();
		Long decision = regionDecision().orElse(null);
		Map<String, Long> actors = actors();
		Measure evening = planning.createMeasure(withActors(new Measure(null,
				"Gemeinsamer Abenddienst der Jugendtreffs (Demo)",
				"Pilot: freitags ein gemeinsamer Abenddienst der Offenen Jugendarbeit im Bezirk." + NOTICE,
				JUGENDNETZ, SOZIALAMT, bezirk.get(), today.minusDays(5),
				today.plusMonths(3), null, new BigDecimal("8500.00"), List.of(district.id()), List.of(),
				decision == null ? List.of() : List.of(decision)), actors));
		planning.changeStatus(evening.id(), MeasureStatus.RUNNING, "Pilot beschlossen und gestartet (Demo)");

		Measure cafe = planning.createMeasure(withActors(new Measure(null, "Elterncafé in jeder Talschaft (Demo)",
				"Ein offener Treffpunkt für Eltern mit kleinen Kindern, begleitet von der Familienberatung." + NOTICE,
				FAMILIENBERATUNG, "Gemeinden des Bezirks", bezirk.get(), today.minusMonths(14),
				today.minusMonths(2), null, new BigDecimal("12000.00"), List.of(district.id(), region.id()),
				familyOffer().map(List::of).orElse(List.of())), actors));
		planning.changeStatus(cafe.id(), MeasureStatus.RUNNING, "Start in Bludenz und Nenzing (Demo)");
		planning.changeStatus(cafe.id(), MeasureStatus.DONE, "In allen Talschaften eingerichtet (Demo)");
		planning.addEvaluation(cafe.id(), new Evaluation(null, cafe.id(),
				"Gut besucht, wo eine Fachkraft fest dabei ist; Eltern fanden so auch zur Beratung." + NOTICE,
				"Im Klostertal kaum Besuch: der Termin lag in der Arbeitszeit." + NOTICE, today.minusMonths(1),
				"Sozialplanung (Demo)"));

		// the Stadtvertretung (no actor of the networks) decides, the Sozialamt carries it out
		Long sozialamt = actors.get(SOZIALAMT);
		Long familie = actors.get(FAMILIENBERATUNG);
		planning.createMeasure(new Measure(null, "Zusätzliche Kleinkindgruppe in Bludenz (Demo)",
				"Eine weitere Gruppe für Kinder unter 3 Jahren im Zentrum." + NOTICE, "Stadtvertretung Bludenz (fiktiv)",
				familie == null ? FAMILIENBERATUNG : null, gemeinde.get(), today.plusMonths(4), today.plusMonths(16),
				null, new BigDecimal("95000.00"), List.of(town.id()), List.of(), List.of(), sozialamt,
				familie == null ? List.of() : List.of(familie)));
		Measure late = planning.createMeasure(withActors(new Measure(null, "Bedarfserhebung Kinderbetreuung (Demo)",
				"Befragung der Eltern zu Betreuungszeiten." + NOTICE, SOZIALPLANUNG, null, gemeinde.get(),
				today.minusMonths(6), today.minusDays(10), null, null, List.of(town.id()), List.of(), List.of()),
				actors));
		planning.changeStatus(late.id(), MeasureStatus.RUNNING, "Fragebogen abgestimmt (Demo)");
		log.info("Created the demo planning cycle: 3 goals, 4 measures");
	}

	/** The demo networks' actor organisations by name (DemoNetworks and DemoNetworkReviews run before). */
	private Map<String, Long> actors() {
		return networks.organizations().stream()
			.collect(java.util.stream.Collectors.toMap(ActorOrganization::name, ActorOrganization::id, (a, b) -> a));
	}

	/**
	 * The measure with its free texts turned into actor organisations where the network module knows them by that
	 * name: the responsible text becomes the responsible organisation, the partner text a partner organisation; the
	 * texts stay where it does not (the measure is unchanged when it names actors already).
	 */
	static Measure withActors(Measure m, Map<String, Long> actors) {
		if (m.responsibleActorId() != null || !m.partnerActorIds().isEmpty()) {
			return m;
		}
		Long responsible = m.responsible() == null ? null : actors.get(m.responsible());
		Long partner = m.partners() == null ? null : actors.get(m.partners());
		if (partner != null && partner.equals(responsible)) {
			partner = null;
		}
		if (responsible == null && partner == null) {
			return m;
		}
		return new Measure(m.id(), m.title(), m.description(), responsible == null ? m.responsible() : null,
				partner == null ? m.partners() : null, m.areaId(), m.startDate(), m.endDate(), m.status(),
				m.costEstimate(), m.goalIds(), m.offerIds(), m.decisionIds(), responsible,
				partner == null ? List.of() : List.of(partner));
	}

	/**
	 * Links the actors of a demo planning cycle written before measures named actors: every demo measure without
	 * actors whose free texts name an actor organisation. Once: afterwards the measures name their actors.
	 */
	private void linkActors() {
		Map<String, Long> actors = actors();
		if (actors.isEmpty()) {
			return;
		}
		int linked = 0;
		for (Measure m : planning.measures()) {
			if (!m.title().endsWith("(Demo)")) {
				continue;
			}
			Measure with = withActors(m, actors);
			if (with != m) {
				planning.updateMeasure(m.id(), with);
				linked++;
			}
		}
		if (linked > 0) {
			log.info("Linked the actor organisations of {} demo measures", linked);
		}
	}

	private Map<String, Long> guidelines() {
		return planning.guidelines().stream().filter(Guideline::isDemo)
			.collect(java.util.stream.Collectors.toMap(Guideline::title, Guideline::id, (a, b) -> a));
	}

	private static List<Long> ids(Map<String, Long> guidelines, String... titles) {
		return java.util.Arrays.stream(titles).map(guidelines::get).filter(java.util.Objects::nonNull).toList();
	}

	/** A target relative to the indicator's baseline value in the area; none when the demo has no such value. */
	private List<IndicatorTarget> target(String indicator, long area, double factor, String targetPeriod) {
		IndicatorValue baseline = values.values(indicator, Period.parse(BASELINE), List.of(new AreaId(area)))
			.get(new AreaId(area));
		if (baseline == null || baseline.missing()) {
			return List.of();
		}
		double target = Math.round(baseline.value() * factor * 100) / 100d;
		return List.of(new IndicatorTarget(indicator, BASELINE, null, target, targetPeriod, null));
	}

	/** The decision the demo Sozialregionskonferenz Bezirk Bludenz answered a forwarded finding with. */
	private Optional<Long> regionDecision() {
		Viewer planner = new Viewer("planung", true, false);
		return conferences.visible(planner).stream()
			.filter(c -> c.title().startsWith("Sozialregionskonferenz Bezirk Bludenz"))
			.map(Conference::id)
			.flatMap(id -> conferences.view(id, planner).stream())
			.flatMap(v -> v.decisions().stream())
			.map(Decision::id)
			.findFirst();
	}

	private Optional<Long> familyOffer() {
		return offers.search(OfferQuery.ALL.withText("Familienberatung"), 0, 1).items().stream().map(Offer::id)
			.findFirst();
	}
}
