package org.spange.offer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.spange.SpangeTest;
import org.spange.area.AreaDetail;
import org.spange.area.AreaQueries;
import org.spange.area.AreaSummary;
import org.spange.offer.Offer.Approach;
import org.spange.offer.Offer.Form;
import org.spange.offer.Offer.Setting;
import org.spange.offer.OfferSearch.CountBy;
import org.spange.offer.OfferSearch.OfferMarker;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Search quality on a small inventory of its own (one organisation, found by its id) and on the demo inventory:
 * word forms, typos, parts of compounds, stop words, and filters alone and combined.
 */
@SpangeTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OfferSearchTest {

	@Autowired
	OfferCatalog catalog;

	@Autowired
	OfferSearch search;

	@Autowired
	AreaQueries areas;

	private long org;
	private AreaSummary bludenz;
	private AreaSummary bezirkBludenz;

	@BeforeAll
	void inventory() {
		org = catalog.createOrganization(new Organization(null, "OfferSearchTest Träger (fiktiv)", null, null, null,
				ProviderType.FREE_PROVIDER, null)).id();
		bludenz = gemeinde("Bludenz");
		bezirkBludenz = areas.areas("vorarlberg-bezirke", "bezirk").stream().filter(b -> b.name().equals("Bludenz"))
			.findFirst().orElseThrow();
		long inBludenz = location("Beratungsstelle Bludenz", bludenz, false);
		Location l = catalog.location(inBludenz).orElseThrow();
		catalog.updateLocation(inBludenz, new Location(l.id(), l.organizationId(), l.name(), l.address1(),
				l.postalCode(), l.city(), l.country(), l.latitude(), l.longitude(), false, null, true, "Aufzug"));
		long inBregenz = location("Jugendraum Bregenz", gemeinde("Bregenz"), false);
		long secret = location("Schutzwohnung", gemeinde("Feldkirch"), true);
		offer("Erziehungsberatung für Eltern", "Beratung bei Fragen der Erziehung.", Offer.Status.ACTIVE, "familie",
				List.of("familien"), null, null, Setting.AMBULATORY, Form.INDIVIDUAL, true, List.of("de", "tr"),
				List.of(new Offer.Schedule(1, LocalTime.of(8, 0), LocalTime.of(12, 0))), List.of(inBludenz),
				List.of());
		offer("Jugendcafé Treffpunkt", "Offener Treff mit Billard und Musik.", Offer.Status.ACTIVE,
				"kinder-jugendhilfe", List.of("jugendliche"), 12, 18, Setting.OPEN, Form.GROUP, true, List.of("de"),
				List.of(new Offer.Schedule(5, LocalTime.of(14, 0), LocalTime.of(20, 0))), List.of(inBregenz),
				List.of());
		offer("Schuldnerhilfe und Budgetberatung", "Hilfe bei Mahnungen und Exekution.", Offer.Status.ACTIVE,
				"existenzsicherung", List.of("erwachsene"), 18, null, Setting.AMBULATORY, Form.INDIVIDUAL, false,
				List.of("de", "en"), List.of(), List.of(secret), List.of(bezirkBludenz.id().value()));
		offer("Stillgelegte Schuldnerhilfe", "Nicht mehr angeboten.", Offer.Status.INACTIVE, "existenzsicherung",
				List.of("erwachsene"), null, null, Setting.AMBULATORY, Form.INDIVIDUAL, true, List.of("de"), List.of(),
				List.of(inBludenz), List.of());
	}

	private AreaSummary gemeinde(String name) {
		return areas.areas("vorarlberg-bezirke", "gemeinde").stream().filter(g -> g.name().equals(name)).findFirst()
			.orElseThrow();
	}

	private long location(String name, AreaSummary gemeinde, boolean confidential) {
		// a little off the centroid, which other tests use for their own confidential points
		double[] c = areas.area(gemeinde.id()).map(AreaDetail::centroid).orElseThrow();
		return catalog.createLocation(new Location(null, org, name, "Teststraße 1", "6700", gemeinde.name(), "AT",
				c[1] + 0.0005, c[0] + 0.0005, confidential, null)).id();
	}

	private void offer(String name, String description, Offer.Status status, String field, List<String> groups,
			Integer minAge, Integer maxAge, Setting setting, Form form, boolean free, List<String> languages,
			List<Offer.Schedule> schedules, List<Long> locations, List<Long> serviceAreas) {
		catalog.createOffer(new Offer(null, org, name, description, status, null, null, free,
				free ? null : "20 € pro Termin", null, null, null, null, LocalDate.of(2026, 6, 1), List.of(field),
				null, groups, minAge, maxAge, null, Approach.PREVENTIVE, form, setting, languages, locations,
				serviceAreas, List.of(), schedules));
	}

	/** The query restricted to this test's organisation. */
	private OfferQuery own(String text) {
		return new OfferQuery(text, null, null, null, null, null, null, null, null, null, null, null, org, false, null);
	}

	private List<String> names(OfferQuery query) {
		return search.search(query, 0, 50).items().stream().map(Offer::name).toList();
	}

	private List<String> found(String text) {
		return names(own(text));
	}

	@Test
	void wordFormsTyposAndPartsOfCompoundsAreFound() {
		assertThat(found("Erziehungsberatungen")).containsExactly("Erziehungsberatung für Eltern");
		assertThat(found("Erzihungsberatung")).containsExactly("Erziehungsberatung für Eltern");
		assertThat(found("Jugendcafe")).containsExactly("Jugendcafé Treffpunkt");
		assertThat(found("Mahnung")).containsExactly("Schuldnerhilfe und Budgetberatung");
		// "Beratung" is part of two compounds and the description of the first
		assertThat(found("Beratung")).containsExactlyInAnyOrder("Erziehungsberatung für Eltern",
				"Schuldnerhilfe und Budgetberatung");
		// a stop word says nothing; every other word must be found
		assertThat(found("für Eltern")).containsExactly("Erziehungsberatung für Eltern");
		assertThat(found("Beratung Eltern")).containsExactly("Erziehungsberatung für Eltern");
		assertThat(found("Pferdezucht")).isEmpty();
		// found through the target group, the field of action and the town of the location
		assertThat(found("Jugendliche")).containsExactly("Jugendcafé Treffpunkt");
		assertThat(found("Existenzsicherung")).containsExactly("Schuldnerhilfe und Budgetberatung");
		assertThat(found("Bregenz")).containsExactly("Jugendcafé Treffpunkt");
	}

	@Test
	void theConfidentialStreetIsNotSearchable() {
		// all three locations have the same street; only the two open ones make it findable
		assertThat(found("Teststraße")).containsExactlyInAnyOrder("Erziehungsberatung für Eltern",
				"Jugendcafé Treffpunkt");
	}

	@Test
	void theBestMatchComesFirstInTheDemoInventory() {
		// two typos in one word; only the demo's debt counselling, not this test's own offers
		List<String> names = names(new OfferQuery("Schuldnerbratung", null, null, null, "existenzsicherung", null,
				null, null, null, null, null, null, null, false, null));
		assertThat(names).isNotEmpty().allMatch(n -> n.startsWith("Schuldenberatung ") || n.startsWith("Schuldnerhilfe"));
		assertThat(names.stream().filter(n -> n.startsWith("Schuldenberatung ")).count()).isGreaterThanOrEqualTo(8);
		// offers named so come before those that only mention it (their organisation is called "… Suchtberatung")
		List<String> addiction = names(OfferQuery.ALL.withText("Sucht"));
		long named = addiction.stream().filter(n -> n.startsWith("Suchtberatung ")).count();
		assertThat(named).isGreaterThanOrEqualTo(8);
		assertThat(addiction.subList(0, (int) named)).allMatch(n -> n.startsWith("Suchtberatung "));
	}

	@Test
	void inactiveOffersOnlyWhenAskedFor() {
		assertThat(found("Schuldnerhilfe")).containsExactly("Schuldnerhilfe und Budgetberatung");
		assertThat(names(own("Schuldnerhilfe").withInactive(true))).containsExactlyInAnyOrder(
				"Schuldnerhilfe und Budgetberatung", "Stillgelegte Schuldnerhilfe");
	}

	private OfferQuery filter(Long area, String group, Integer age, String field, Setting setting, String language,
			Boolean free, LocalDateTime openAt) {
		return new OfferQuery(null, area, group, age, field, setting, null, null, language, free, openAt, null, org,
				false, null);
	}

	@Test
	void filtersAloneAndCombined() {
		assertThat(names(filter(null, null, 15, null, null, null, null, null)))
			.containsExactlyInAnyOrder("Erziehungsberatung für Eltern", "Jugendcafé Treffpunkt");
		assertThat(names(filter(null, null, 40, null, null, null, null, null)))
			.containsExactlyInAnyOrder("Erziehungsberatung für Eltern", "Schuldnerhilfe und Budgetberatung");
		assertThat(names(filter(null, "jugendliche", null, null, null, null, null, null)))
			.containsExactly("Jugendcafé Treffpunkt");
		assertThat(names(filter(null, null, null, "familie", null, null, null, null)))
			.containsExactly("Erziehungsberatung für Eltern");
		assertThat(names(filter(null, null, null, null, Setting.AMBULATORY, null, true, null)))
			.containsExactly("Erziehungsberatung für Eltern");
		assertThat(names(filter(null, null, null, null, null, null, false, null)))
			.containsExactly("Schuldnerhilfe und Budgetberatung");
		assertThat(names(filter(null, null, null, null, null, "tr", null, null)))
			.containsExactly("Erziehungsberatung für Eltern");
		assertThat(names(filter(null, null, 15, null, Setting.OPEN, "de", true, null)))
			.containsExactly("Jugendcafé Treffpunkt");
		assertThat(names(filter(null, null, 15, null, Setting.OPEN, "tr", true, null))).isEmpty();
		assertThat(search.search(own("Beratung").withText("Beratung"), 0, 50).total()).isEqualTo(2);
	}

	@Test
	void stepFreeFindsOnlyLocationsKnownToBeStepFree() {
		// the Bludenz office is step-free; the others are not known: unknown is not "yes"
		OfferQuery q = new OfferQuery(null, null, null, null, null, null, null, null, null, null, null, null, org,
				false, true);
		assertThat(names(q)).containsExactly("Erziehungsberatung für Eltern");
		assertThat(catalog.location(catalog.offer(search.search(q, 0, 1).items().get(0).id()).orElseThrow()
			.locationIds().get(0)).orElseThrow().accessibility()).isEqualTo("Aufzug");
	}

	@Test
	void openNowFollowsTheOpeningHours() {
		// 2026-11-23 is a Monday, 2026-11-27 a Friday, 2026-11-29 a Sunday
		assertThat(names(filter(null, null, null, null, null, null, null, LocalDateTime.of(2026, 11, 23, 10, 0))))
			.containsExactly("Erziehungsberatung für Eltern");
		assertThat(names(filter(null, null, null, null, null, null, null, LocalDateTime.of(2026, 11, 23, 12, 0))))
			.isEmpty();
		assertThat(names(filter(null, null, null, null, null, null, null, LocalDateTime.of(2026, 11, 27, 19, 59))))
			.containsExactly("Jugendcafé Treffpunkt");
		assertThat(names(filter(null, null, null, null, null, null, null, LocalDateTime.of(2026, 11, 29, 10, 0))))
			.isEmpty();
	}

	@Test
	void anAreaFindsWhatIsLocatedInItOrServesIt() {
		// the Bezirk: located in its Gemeinde Bludenz, or serving the Bezirk itself
		assertThat(names(filter(bezirkBludenz.id().value(), null, null, null, null, null, null, null)))
			.containsExactlyInAnyOrder("Erziehungsberatung für Eltern", "Schuldnerhilfe und Budgetberatung");
		// the Gemeinde: also what serves the Bezirk around it
		assertThat(names(filter(bludenz.id().value(), null, null, null, null, null, null, null)))
			.containsExactlyInAnyOrder("Erziehungsberatung für Eltern", "Schuldnerhilfe und Budgetberatung");
		assertThat(names(filter(gemeinde("Bregenz").id().value(), null, null, null, null, null, null, null)))
			.containsExactly("Jugendcafé Treffpunkt");
	}

	@Test
	void markersNeverShowAConfidentialPointUnlessAllowed() {
		List<OfferMarker> open = search.markers(own(null), false);
		assertThat(open).hasSize(3);
		OfferMarker secret = open.stream().filter(OfferMarker::confidential).findFirst().orElseThrow();
		assertThat(secret.latitude()).isNull();
		assertThat(secret.longitude()).isNull();
		assertThat(secret.areaId()).isEqualTo(gemeinde("Feldkirch").id().value());
		assertThat(open).filteredOn(m -> !m.confidential()).allMatch(m -> m.latitude() != null);
		assertThat(search.markers(own(null), true)).allMatch(m -> m.latitude() != null);
	}

	@Test
	void countsByDimension() {
		Map<String, Long> fields = search.counts(own(null), CountBy.FIELD_OF_ACTION);
		assertThat(fields).containsExactlyInAnyOrderEntriesOf(
				Map.of("familie", 1L, "kinder-jugendhilfe", 1L, "existenzsicherung", 1L));
		assertThat(search.counts(own(null).withInactive(true), CountBy.FIELD_OF_ACTION))
			.containsEntry("existenzsicherung", 2L);
		assertThat(search.counts(own(null), CountBy.GEMEINDE))
			.containsEntry(String.valueOf(bludenz.id().value()), 1L).hasSize(3);
		assertThat(search.counts(own(null), CountBy.SETTING)).containsEntry("AMBULATORY", 2L)
			.containsEntry("OPEN", 1L);
	}
}
