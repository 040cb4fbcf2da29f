package org.spange.offer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.Period;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.spange.SpangeTest;
import org.spange.area.AreaDetail;
import org.spange.area.AreaQueries;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Review of provider changes, switched per top-level area: held changes (202), approval through the catalog with the
 * change log, rejection with a reason the provider sees, planners never held; and freshness.
 */
@SpangeTest
class OfferReviewTest {

	private static final String PROVIDER = "offerreviewtest-traeger";

	@Autowired
	MockMvc mvc;

	@Autowired
	OfferCatalog catalog;

	@Autowired
	OfferReview review;

	@Autowired
	AreaQueries areas;

	@Autowired
	JdbcClient jdbc;

	private final ObjectMapper json = new ObjectMapper();

	/** The rules as they were before a test: restored after it, since the database is shared. */
	private Map<Long, Boolean> storedRules;

	private long organization;
	private long location;
	/** The top-level area containing the test location (the Land Vorarlberg in the demo). */
	private long top;

	@BeforeEach
	void setUp() {
		storedRules = new HashMap<>();
		jdbc.sql("select area_id, review_required from offer.review_rule")
			.query((java.sql.ResultSet rs) -> {
				storedRules.put(rs.getLong(1), rs.getBoolean(2));
			});
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		organization = catalog.createOrganization(new Organization(null, "OfferReviewTest Träger " + suffix
				+ " (fiktiv)", null, null, null, ProviderType.FREE_PROVIDER, null)).id();
		catalog.addMember(PROVIDER, organization);
		AreaDetail bregenz = areas.area(areas.byCode("gemeinde", "80207").orElseThrow().id()).orElseThrow();
		location = catalog.createLocation(new Location(null, organization, "OfferReviewTest Standort", "Teststraße 1",
				"6900", "Bregenz", "AT", bregenz.centroid()[1] + 0.001, bregenz.centroid()[0], false, null)).id();
		List<Long> tops = review.rules().stream().map(OfferReview.Rule::areaId).toList();
		top = bregenz.schemes().stream().filter(p -> !p.ancestors().isEmpty())
			.map(p -> p.ancestors().get(0).id().value()).filter(tops::contains).findFirst().orElseThrow();
	}

	@AfterEach
	void restoreRules() {
		jdbc.sql("delete from offer.review_rule").update();
		storedRules.forEach((area, required) -> jdbc.sql(
				"insert into offer.review_rule (area_id, review_required, changed_by) values (?, ?, 'test')")
			.params(area, required).update());
	}

	private void reviewInVorarlberg(boolean on) {
		review.setRules(Map.of(top, on));
	}

	private static RequestPostProcessor planner() {
		return user("planung").roles("PLANNER");
	}

	private static RequestPostProcessor provider() {
		return user(PROVIDER).roles("PROVIDER");
	}

	private Offer offer(String name) {
		return catalog.createOffer(new Offer(null, organization, name, "fiktiv", Offer.Status.ACTIVE, null, null, true,
				null, null, null, 10, null, LocalDate.now().minusMonths(2), List.of("familie"), "Familien",
				List.of("familien"), null, null, null, null, null, Offer.Setting.AMBULATORY, List.of("de"),
				List.of(location), null, List.of(new Offer.Phone("+43 5574 1", null)), null));
	}

	private String body(String name, int places) {
		return """
				{"organizationId": %d, "name": "%s", "description": "fiktiv", "status": "ACTIVE", "freeOfCharge": true,
				 "capacityPlaces": %d, "fieldsOfAction": ["familie"], "targetGroup": "Familien",
				 "targetGroups": ["familien"], "setting": "AMBULATORY", "languages": ["de", "tr"],
				 "locationIds": [%d], "phones": [{"number": "+43 5574 1"}]}"""
			.formatted(organization, name, places, location);
	}

	private JsonNode call(MockHttpServletRequestBuilder request, RequestPostProcessor who, int expected)
			throws Exception {
		String body = mvc.perform(request.with(who).with(csrf())).andExpect(status().is(expected)).andReturn()
			.getResponse().getContentAsString(StandardCharsets.UTF_8);
		return body.isEmpty() ? null : json.readTree(body);
	}

	private String page(String path, RequestPostProcessor who) throws Exception {
		return mvc.perform(get(path).with(who)).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private long pendingCount(long offerId) {
		return jdbc.sql("select count(*) from offer.pending_change where offer_id = ? and status = 'PENDING'")
			.param(offerId).query(Long.class).single();
	}

	@Test
	void withReviewAProviderUpdateWaitsUntilAPlannerApprovesIt() throws Exception {
		reviewInVorarlberg(true);
		Offer offer = offer("OfferReviewTest Beratung (fiktiv)");
		JsonNode accepted = call(put("/api/v1/offers/" + offer.id()).contentType("application/json")
			.content(body("OfferReviewTest Beratung neu (fiktiv)", 14)), provider(), 202);
		long pending = accepted.get("pendingChangeId").asLong();
		assertThat(accepted.get("status").asString()).isEqualTo("PENDING");

		// nothing changed yet
		assertThat(catalog.offer(offer.id()).orElseThrow().name()).isEqualTo("OfferReviewTest Beratung (fiktiv)");
		assertThat(catalog.offer(offer.id()).orElseThrow().capacityPlaces()).isEqualTo(10);
		assertThat(call(get("/api/v1/offers/pending/" + pending), provider(), 200).get("status").asString())
			.isEqualTo("PENDING");
		// another organisation's provider does not learn about it
		call(get("/api/v1/offers/pending/" + pending), user("offerreviewtest-fremd").roles("PROVIDER"), 404);

		// the planner sees it field by field, with German labels
		String reviewPage = page("/admin/offers/review", planner());
		assertThat(reviewPage).contains("OfferReviewTest Beratung (fiktiv)").contains("OfferReviewTest Beratung neu (fiktiv)")
			.contains(">Plätze<").contains(">10<").contains(">14<").contains(">Sprachen<").contains(PROVIDER);
		// the provider sees that it waits
		assertThat(page("/provider/offers?organization=" + organization, provider())).contains("wartet auf Prüfung");

		// approving needs the CSRF token
		mvc.perform(post("/admin/offers/review/" + pending + "/approve").with(planner()))
			.andExpect(status().isForbidden());
		assertThat(pendingCount(offer.id())).isEqualTo(1);
		mvc.perform(post("/admin/offers/review/" + pending + "/approve").with(planner()).with(csrf()))
			.andExpect(status().is3xxRedirection());

		Offer now = catalog.offer(offer.id()).orElseThrow();
		assertThat(now.name()).isEqualTo("OfferReviewTest Beratung neu (fiktiv)");
		assertThat(now.capacityPlaces()).isEqualTo(14);
		List<ChangeLogEntry> changes = catalog.changes("offer", offer.id()).stream()
			.filter(c -> c.oldValue() != null).toList();
		assertThat(changes).extracting(ChangeLogEntry::field).contains("name", "capacityPlaces", "languages");
		assertThat(changes).allSatisfy(c -> assertThat(c.actor()).isEqualTo("planung"));
		assertThat(review.change(pending).orElseThrow().status()).isEqualTo(OfferReview.Status.APPROVED);
		String details = jdbc.sql("""
				select details::text from access.audit_event where action = 'offer.review.approve' and subject_id = ?
				order by id desc limit 1""").param(Long.toString(offer.id())).query(String.class).single();
		assertThat(details).contains(PROVIDER);
		// a second decision is refused
		mvc.perform(post("/admin/offers/review/" + pending + "/reject").param("reason", "zu spät").with(planner())
			.with(csrf())).andExpect(status().is3xxRedirection());
		assertThat(review.change(pending).orElseThrow().status()).isEqualTo(OfferReview.Status.APPROVED);
	}

	@Test
	void aRejectedChangeLeavesTheOfferAsItWasAndTheProviderSeesWhy() throws Exception {
		reviewInVorarlberg(true);
		Offer offer = offer("OfferReviewTest Ablehnung (fiktiv)");
		long pending = call(put("/api/v1/offers/" + offer.id()).contentType("application/json")
			.content(body("OfferReviewTest Ablehnung geändert (fiktiv)", 3)), provider(), 202).get("pendingChangeId")
			.asLong();

		// no reason: refused, the change still waits
		String refused = mvc.perform(post("/admin/offers/review/" + pending + "/reject").param("reason", " ")
			.with(planner()).with(csrf())).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(refused).contains("Bitte geben Sie eine Begründung an").contains("aria-invalid=\"true\"");
		assertThat(review.change(pending).orElseThrow().status()).isEqualTo(OfferReview.Status.PENDING);

		mvc.perform(post("/admin/offers/review/" + pending + "/reject")
			.param("reason", "Die Platzzahl stimmt nicht mit der Förderung überein.").with(planner()).with(csrf()))
			.andExpect(status().is3xxRedirection());
		Offer now = catalog.offer(offer.id()).orElseThrow();
		assertThat(now).isEqualTo(offer);
		JsonNode shown = call(get("/api/v1/offers/pending/" + pending), provider(), 200);
		assertThat(shown.get("status").asString()).isEqualTo("REJECTED");
		assertThat(shown.get("reason").asString()).isEqualTo("Die Platzzahl stimmt nicht mit der Förderung überein.");
		assertThat(page("/provider/offers?organization=" + organization, provider())).contains("abgelehnt")
			.contains("Die Platzzahl stimmt nicht mit der Förderung überein.");
		assertThat(page("/admin/offers/review", planner())).doesNotContain("id=\"change-" + pending + "\"");
	}

	@Test
	void aNewOfferProposedUnderReviewIsCreatedOnApproval() throws Exception {
		reviewInVorarlberg(true);
		String name = "OfferReviewTest neu " + UUID.randomUUID().toString().substring(0, 8) + " (fiktiv)";
		long pending = call(post("/api/v1/offers").contentType("application/json").content(body(name, 5)), provider(),
				202).get("pendingChangeId").asLong();
		assertThat(catalog.offersOf(organization)).extracting(Offer::name).doesNotContain(name);
		assertThat(page("/admin/offers/review", planner())).contains(name).contains("neues Angebot");

		mvc.perform(post("/admin/offers/review/" + pending + "/approve").with(planner()).with(csrf()))
			.andExpect(status().is3xxRedirection());
		Offer created = catalog.offersOf(organization).stream().filter(o -> o.name().equals(name)).findFirst()
			.orElseThrow();
		assertThat(review.change(pending).orElseThrow().resultOfferId()).isEqualTo(created.id());
		assertThat(catalog.changes("offer", created.id())).extracting(ChangeLogEntry::field).contains("name");
	}

	@Test
	void withoutReviewProviderChangesApplyAtOnce() throws Exception {
		reviewInVorarlberg(false);
		Offer offer = offer("OfferReviewTest direkt (fiktiv)");
		call(put("/api/v1/offers/" + offer.id()).contentType("application/json")
			.content(body("OfferReviewTest direkt geändert (fiktiv)", 7)), provider(), 200);
		assertThat(catalog.offer(offer.id()).orElseThrow().name()).isEqualTo("OfferReviewTest direkt geändert (fiktiv)");
		assertThat(pendingCount(offer.id())).isZero();
		assertThat(catalog.changes("offer", offer.id())).anySatisfy(c -> {
			assertThat(c.field()).isEqualTo("name");
			assertThat(c.actor()).isEqualTo(PROVIDER);
		});
	}

	@Test
	void plannerChangesAreNeverHeld() throws Exception {
		reviewInVorarlberg(true);
		Offer offer = offer("OfferReviewTest Planung (fiktiv)");
		call(put("/api/v1/offers/" + offer.id()).contentType("application/json")
			.content(body("OfferReviewTest Planung geändert (fiktiv)", 8)), planner(), 200);
		call(put("/api/v1/offers/" + offer.id()).contentType("application/json")
			.content(body("OfferReviewTest Admin geändert (fiktiv)", 8)), user("admin").roles("ADMIN"), 200);
		assertThat(catalog.offer(offer.id()).orElseThrow().name()).isEqualTo("OfferReviewTest Admin geändert (fiktiv)");
		assertThat(pendingCount(offer.id())).isZero();
	}

	@Test
	void badInputIsReportedAtOnceAndNothingIsHeld() throws Exception {
		reviewInVorarlberg(true);
		Offer offer = offer("OfferReviewTest Fehler (fiktiv)");
		JsonNode problems = call(put("/api/v1/offers/" + offer.id()).contentType("application/json").content("""
				{"organizationId": %d, "name": "", "status": "ACTIVE", "fieldsOfAction": ["gibt-es-nicht"],
				 "locationIds": [%d]}""".formatted(organization, location)), provider(), 422).get("problems");
		assertThat(problems.valueStream().map(p -> p.get("field").asString()).toList())
			.contains("name", "fieldsOfAction[0]");
		assertThat(pendingCount(offer.id())).isZero();
		assertThat(catalog.offer(offer.id()).orElseThrow()).isEqualTo(offer);
	}

	@Test
	void aNewerProposalReplacesTheEarlierOne() throws Exception {
		reviewInVorarlberg(true);
		Offer offer = offer("OfferReviewTest zweimal (fiktiv)");
		long first = call(put("/api/v1/offers/" + offer.id()).contentType("application/json")
			.content(body("OfferReviewTest erster Vorschlag (fiktiv)", 1)), provider(), 202).get("pendingChangeId")
			.asLong();
		long second = call(put("/api/v1/offers/" + offer.id()).contentType("application/json")
			.content(body("OfferReviewTest zweiter Vorschlag (fiktiv)", 2)), provider(), 202).get("pendingChangeId")
			.asLong();
		assertThat(review.change(first).orElseThrow().status()).isEqualTo(OfferReview.Status.SUPERSEDED);
		assertThat(review.change(second).orElseThrow().status()).isEqualTo(OfferReview.Status.PENDING);
		assertThat(pendingCount(offer.id())).isEqualTo(1);
		review.reject(second, "Test beendet");
	}

	@Test
	void plannersSwitchTheReviewPerTopLevelAreaOnThePage() throws Exception {
		assertThat(review.rules()).extracting(OfferReview.Rule::areaId).contains(top);
		String before = page("/admin/offers/review", planner());
		assertThat(before).contains("name=\"required\"").contains("Vorarlberg");

		mvc.perform(post("/admin/offers/review/rules").param("area", Long.toString(top))
			.param("required", Long.toString(top)).with(planner())).andExpect(status().isForbidden());
		assertThat(review.rules()).filteredOn(r -> r.areaId() == top).singleElement()
			.satisfies(r -> assertThat(r.reviewRequired()).isEqualTo(storedRules.getOrDefault(top, false)));

		mvc.perform(post("/admin/offers/review/rules").param("area", Long.toString(top))
			.param("required", Long.toString(top)).with(planner()).with(csrf())).andExpect(status().is3xxRedirection());
		assertThat(review.rules()).filteredOn(r -> r.areaId() == top).singleElement().satisfies(r -> {
			assertThat(r.reviewRequired()).isTrue();
			assertThat(r.explicit()).isTrue();
		});
		Offer offer = offer("OfferReviewTest Regel (fiktiv)");
		assertThat(review.reviewRequired(offer, offer)).isTrue();

		// unticked: off again
		mvc.perform(post("/admin/offers/review/rules").param("area", Long.toString(top)).with(planner()).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(review.reviewRequired(offer, offer)).isFalse();

		// only top-level areas have rules
		long gemeinde = areas.byCode("gemeinde", "80207").orElseThrow().id().value();
		mvc.perform(post("/admin/offers/review/rules").param("area", Long.toString(gemeinde))
			.param("required", Long.toString(gemeinde)).with(planner()).with(csrf())).andExpect(status().isBadRequest());
		assertThat(jdbc.sql("select count(*) from offer.review_rule where area_id = ?").param(gemeinde)
			.query(Long.class).single()).isZero();
		mvc.perform(get("/admin/offers/review").with(provider())).andExpect(status().isForbidden());
	}

	@Test
	void anOfferIsStaleWhenNotConfirmedWithinTwelveMonths() {
		assertThat(review.confirmAfter()).isEqualTo(Period.ofMonths(12));
		Offer offer = offer("OfferReviewTest frisch (fiktiv)");
		assertThat(review.stale(withConfirmed(offer, LocalDate.now().minusMonths(13)))).isTrue();
		assertThat(review.stale(withConfirmed(offer, LocalDate.now().minusMonths(1)))).isFalse();
		assertThat(review.stale(withConfirmed(offer, LocalDate.now().minusMonths(12)))).isFalse();
		assertThat(review.stale(withConfirmed(offer, null))).isTrue();
	}

	private static Offer withConfirmed(Offer o, LocalDate date) {
		return new Offer(o.id(), o.organizationId(), o.name(), o.description(), o.status(), o.url(), o.email(),
				o.freeOfCharge(), o.costText(), o.applicationProcess(), o.legalBasis(), o.capacityPlaces(),
				o.waitingTime(), date, o.fieldsOfAction(), o.targetGroup(), o.targetGroups(), o.minAge(), o.maxAge(),
				o.lifeSituations(), o.approach(), o.form(), o.setting(), o.languages(), o.locationIds(),
				o.serviceAreaIds(), o.phones(), o.schedules());
	}
}
