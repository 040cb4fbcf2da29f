package org.spange.offer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.spange.SpangeTest;
import org.spange.area.AreaDetail;
import org.spange.area.AreaQueries;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * "Meine Angebote": a provider's own offers (inactive ones too), what to confirm and confirming it, its locations;
 * nothing of another organisation, checked on the server.
 */
@SpangeTest
class ProviderOffersTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	OfferCatalog catalog;

	@Autowired
	AreaQueries areas;

	private String suffix;
	private long own;
	private long other;
	private String ownUser;
	private String otherUser;

	@BeforeEach
	void setUp() {
		suffix = UUID.randomUUID().toString().substring(0, 8);
		own = catalog.createOrganization(new Organization(null, "ProviderOffersTest eigen " + suffix + " (fiktiv)", null,
				null, null, ProviderType.FREE_PROVIDER, null)).id();
		other = catalog.createOrganization(new Organization(null, "ProviderOffersTest fremd " + suffix + " (fiktiv)",
				null, null, null, ProviderType.FREE_PROVIDER, null)).id();
		// users of their own per test: each belongs to exactly one organisation
		ownUser = "providerofferstest-eigen-" + suffix;
		otherUser = "providerofferstest-fremd-" + suffix;
		catalog.addMember(ownUser, own);
		catalog.addMember(otherUser, other);
	}

	private RequestPostProcessor ownProvider() {
		return user(ownUser).roles("PROVIDER");
	}

	private RequestPostProcessor otherProvider() {
		return user(otherUser).roles("PROVIDER");
	}

	private Offer offer(long organization, String name, Offer.Status status, LocalDate confirmed) {
		return catalog.createOffer(new Offer(null, organization, name + " " + suffix, null, status, null, null, true,
				null, null, null, null, null, confirmed, List.of("familie"), null, null, null, null, null, null, null,
				null, null, null, null, null, null));
	}

	private String page(String path, RequestPostProcessor who) throws Exception {
		return mvc.perform(get(path).with(who)).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private static int count(String text, String part) {
		return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
	}

	@Test
	void aProviderSeesItsOwnInactiveOffersAndOthersDoNot() throws Exception {
		Offer inactive = offer(own, "Eingestellt", Offer.Status.INACTIVE, LocalDate.now());
		Offer foreign = offer(other, "Fremdes Angebot", Offer.Status.ACTIVE, LocalDate.now());

		String mine = page("/provider/offers", ownProvider());
		assertThat(mine).contains(inactive.name()).contains(">inaktiv<").doesNotContain(foreign.name())
			.contains("Meine Angebote");
		String theirs = page("/provider/offers", otherProvider());
		assertThat(theirs).contains(foreign.name()).doesNotContain(inactive.name());
		mvc.perform(get("/provider/offers").param("organization", Long.toString(own)).with(otherProvider()))
			.andExpect(status().isForbidden());
		// planners open any organisation
		assertThat(page("/provider/offers?organization=" + own, user("planung").roles("PLANNER")))
			.contains(inactive.name());
		mvc.perform(get("/provider/offers").with(user("g").roles("MUNICIPALITY"))).andExpect(status().isForbidden());
		mvc.perform(get("/provider/offers").with(anonymous())).andExpect(status().is3xxRedirection());

		// the same over the API
		String api = mvc.perform(get("/api/v1/offers/organizations/" + own + "/offers").with(ownProvider()))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(api).contains(inactive.name());
		for (RequestPostProcessor who : List.of(otherProvider(), anonymous())) {
			assertThat(mvc.perform(get("/api/v1/offers/organizations/" + own + "/offers").with(who)).andReturn()
				.getResponse().getContentAsString(StandardCharsets.UTF_8)).doesNotContain(inactive.name());
		}
	}

	@Test
	void staleOffersAreFlaggedAndTheProviderConfirmsSeveralAtOnce() throws Exception {
		LocalDate old = LocalDate.now().minusMonths(13);
		Offer stale = offer(own, "Lange nicht bestätigt", Offer.Status.ACTIVE, old);
		Offer never = offer(own, "Nie bestätigt", Offer.Status.ACTIVE, null);
		Offer fresh = offer(own, "Frisch bestätigt", Offer.Status.ACTIVE, LocalDate.now().minusMonths(1));

		String before = page("/provider/offers", ownProvider());
		assertThat(before).contains("2 von 3 Angeboten sind seit über 12 Monaten nicht bestätigt.")
			.contains(old.format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy"))).contains("noch nie")
			.contains("Ausgewählte bestätigen");
		assertThat(count(before, "bitte bestätigen")).isEqualTo(2);
		// the flag is text with an icon, in the row of the stale offer
		String staleRow = before.substring(before.indexOf(stale.name()));
		staleRow = staleRow.substring(0, staleRow.indexOf("</tr>"));
		assertThat(staleRow).contains("⚠").contains("bitte bestätigen");
		String freshRow = before.substring(before.indexOf(fresh.name()));
		freshRow = freshRow.substring(0, freshRow.indexOf("</tr>"));
		assertThat(freshRow).doesNotContain("bitte bestätigen").contains("aktuell");

		// planners see per organisation how many wait for confirmation
		String overview = page("/provider/offers", user("planung").roles("PLANNER"));
		String ownRow = overview.substring(overview.indexOf("?organization=" + own + "\""));
		ownRow = ownRow.substring(0, ownRow.indexOf("</tr>"));
		assertThat(ownRow).contains(">3<").contains(">2<").contains("⚠");

		// without the CSRF token nothing happens
		mvc.perform(post("/provider/offers/confirm").param("organization", Long.toString(own))
			.param("offer", Long.toString(stale.id())).with(ownProvider())).andExpect(status().isForbidden());
		assertThat(catalog.offer(stale.id()).orElseThrow().lastConfirmed()).isEqualTo(old);

		mvc.perform(post("/provider/offers/confirm").param("organization", Long.toString(own))
			.param("offer", Long.toString(stale.id()), Long.toString(never.id())).with(ownProvider()).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(catalog.offer(stale.id()).orElseThrow().lastConfirmed()).isEqualTo(LocalDate.now());
		assertThat(catalog.offer(never.id()).orElseThrow().lastConfirmed()).isEqualTo(LocalDate.now());
		assertThat(catalog.changes("offer", stale.id())).anySatisfy(c -> {
			assertThat(c.field()).isEqualTo("lastConfirmed");
			assertThat(c.oldValue()).isEqualTo(old.toString());
			assertThat(c.newValue()).isEqualTo(LocalDate.now().toString());
			assertThat(c.actor()).isEqualTo(ownUser);
		});
		String after = page("/provider/offers", ownProvider());
		assertThat(after).doesNotContain("bitte bestätigen").contains("Alle 3 Angebote wurden in den letzten 12 Monaten bestätigt.");
	}

	@Test
	void aProviderCannotConfirmAnotherOrganisationsOffer() throws Exception {
		LocalDate old = LocalDate.now().minusMonths(14);
		Offer mine = offer(own, "Eigen alt", Offer.Status.ACTIVE, old);
		Offer foreign = offer(other, "Fremd alt", Offer.Status.ACTIVE, old);
		// mixed with an own offer: refused as a whole
		mvc.perform(post("/provider/offers/confirm").param("organization", Long.toString(own))
			.param("offer", Long.toString(mine.id()), Long.toString(foreign.id())).with(ownProvider()).with(csrf()))
			.andExpect(status().isForbidden());
		mvc.perform(post("/provider/offers/confirm").param("organization", Long.toString(other))
			.param("offer", Long.toString(foreign.id())).with(ownProvider()).with(csrf()))
			.andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/offers/" + foreign.id() + "/confirmation").with(ownProvider()).with(csrf()))
			.andExpect(status().isForbidden());
		assertThat(catalog.offer(mine.id()).orElseThrow().lastConfirmed()).isEqualTo(old);
		assertThat(catalog.offer(foreign.id()).orElseThrow().lastConfirmed()).isEqualTo(old);
		assertThat(catalog.changes("offer", foreign.id())).noneMatch(c -> c.field().equals("lastConfirmed")
				&& c.oldValue() != null);

		// its own one, over the API
		mvc.perform(post("/api/v1/offers/" + mine.id() + "/confirmation").with(ownProvider()).with(csrf()))
			.andExpect(status().isOk());
		assertThat(catalog.offer(mine.id()).orElseThrow().lastConfirmed()).isEqualTo(LocalDate.now());
	}

	@Test
	void aProviderKeepsItsLocationsOnThePageWithErrorsPerField() throws Exception {
		AreaDetail bregenz = areas.area(areas.byCode("gemeinde", "80207").orElseThrow().id()).orElseThrow();
		// beside the centroid: OfferApiTest keeps a confidential point there that must never show
		double latitude = bregenz.centroid()[1] + 0.001;
		String lat = Double.toString(latitude).replace('.', ',');
		String lon = Double.toString(bregenz.centroid()[0]).replace('.', ',');

		// bad input: every problem at its field, the input kept, nothing written
		String bad = mvc.perform(post("/provider/locations").param("organization", Long.toString(own))
			.param("name", "").param("city", "Bregenz").param("latitude", "viel").param("longitude", lon)
			.with(ownProvider()).with(csrf())).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(bad).contains("Das ist keine Zahl").contains("erforderlich, höchstens 200 Zeichen").contains("value=\"viel\"")
			.contains("value=\"Bregenz\"").contains("id=\"loc-latitude-error\"").contains("href=\"#loc-latitude\"")
			.contains("aria-invalid=\"true\"");
		String confidential = mvc.perform(post("/provider/locations").param("organization", Long.toString(own))
			.param("name", "Schutzwohnung").param("confidential", "true").with(ownProvider()).with(csrf()))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(confidential).contains("braucht seine Koordinaten").contains("value=\"Schutzwohnung\"");
		assertThat(catalog.locationsOf(own)).isEmpty();

		mvc.perform(post("/provider/locations").param("organization", Long.toString(own))
			.param("name", "Beratungsstelle " + suffix).param("address1", "Teststraße 1").param("postalCode", "6900")
			.param("city", "Bregenz").param("latitude", lat).param("longitude", lon).with(ownProvider())
			.with(csrf())).andExpect(status().is3xxRedirection());
		Location saved = catalog.locationsOf(own).get(0);
		assertThat(saved.areaId()).isEqualTo(bregenz.area().id().value());
		assertThat(saved.latitude()).isEqualTo(latitude);
		assertThat(page("/provider/offers", ownProvider())).contains("Beratungsstelle " + suffix);

		// editing: the form comes filled in
		assertThat(page("/provider/offers?location=" + saved.id(), ownProvider()))
			.contains("value=\"Teststraße 1\"").contains("/provider/locations/" + saved.id());
		mvc.perform(post("/provider/locations/" + saved.id()).param("name", "Beratungsstelle neu " + suffix)
			.param("city", "Bregenz").param("latitude", lat).param("longitude", lon).with(ownProvider()).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(catalog.location(saved.id()).orElseThrow().name()).isEqualTo("Beratungsstelle neu " + suffix);

		// another organisation's provider: neither its form nor its locations
		mvc.perform(get("/provider/offers").param("location", Long.toString(saved.id())).with(otherProvider()))
			.andExpect(status().isForbidden());
		mvc.perform(post("/provider/locations/" + saved.id()).param("name", "Übernommen").with(otherProvider())
			.with(csrf())).andExpect(status().isForbidden());
		mvc.perform(post("/provider/locations").param("organization", Long.toString(own)).param("name", "Fremd")
			.with(otherProvider()).with(csrf())).andExpect(status().isForbidden());
		mvc.perform(post("/provider/locations").param("organization", Long.toString(own)).param("name", "ohne Token")
			.with(ownProvider())).andExpect(status().isForbidden());
		assertThat(catalog.location(saved.id()).orElseThrow().name()).isEqualTo("Beratungsstelle neu " + suffix);
		assertThat(catalog.locationsOf(own)).hasSize(1);
	}
}
