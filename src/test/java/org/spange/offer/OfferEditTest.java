package org.spange.offer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.spange.SpangeTest;
import org.spange.area.AreaQueries;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The offer form: every problem at its field with the input kept and nothing written; saving; provider scope. */
@SpangeTest
class OfferEditTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	OfferCatalog catalog;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AreaQueries areas;

	private static final RequestPostProcessor PLANNER = user("planung").roles("PLANNER");

	private MockHttpServletResponse send(MockHttpServletRequestBuilder request, RequestPostProcessor who)
			throws Exception {
		return mvc.perform(request.with(who).with(csrf())).andReturn().getResponse();
	}

	private long organization(String name) {
		return catalog.createOrganization(new Organization(null, name, null, null, null, ProviderType.VOLUNTEER,
				null)).id();
	}

	private long offers() {
		return jdbc.sql("select count(*) from offer.offer").query(Long.class).single();
	}

	private static MockHttpServletRequestBuilder form(String path, long org, String name) {
		return post(path).param("organizationId", Long.toString(org)).param("name", name).param("status", "ACTIVE")
			.param("fields", "familie").param("groups", "familien").param("free", "true").param("minAge", "0")
			.param("maxAge", "18").param("setting", "AMBULATORY").param("languages", "de, tr")
			.param("phones", "+43 5572 1234 | Sekretariat").param("opens", "08:00", "", "", "", "", "", "")
			.param("closes", "12:00", "", "", "", "", "", "");
	}

	@Test
	void serviceAreasAreChosenInTheForm() throws Exception {
		long org = organization("OfferEditTest Versorgung (fiktiv)");
		long bludenz = areas.areas("vorarlberg-bezirke", "bezirk").stream().filter(b -> b.name().equals("Bludenz"))
			.findFirst().orElseThrow().id().value();
		MockHttpServletResponse created = send(form("/offers/new", org, "Mobile Beratung (fiktiv)")
			.param("serviceAreas", Long.toString(bludenz)), PLANNER);
		long id = Long.parseLong(created.getRedirectedUrl().replace("/offers/", ""));
		assertThat(catalog.offer(id).orElseThrow().serviceAreaIds()).containsExactly(bludenz);
		assertThat(send(get("/offers/" + id + "/edit"), PLANNER).getContentAsString(StandardCharsets.UTF_8))
			.containsPattern("<option value=\"" + bludenz + "\"\\s+selected=\"selected\"");
		// an area that does not exist is named at the field, nothing written
		String html = send(form("/offers/" + id + "/edit", org, "Mobile Beratung (fiktiv)").param("serviceAreas",
				"999999999"), PLANNER).getContentAsString(StandardCharsets.UTF_8);
		assertThat(html).contains("href=\"#o-serviceAreas\"");
		assertThat(catalog.offer(id).orElseThrow().serviceAreaIds()).containsExactly(bludenz);
	}

	@Test
	void everyProblemIsShownAtItsFieldAndNothingIsWritten() throws Exception {
		long org = organization("OfferEditTest Verein (fiktiv)");
		long before = offers();
		MockHttpServletResponse response = send(post("/offers/new").param("organizationId", Long.toString(org))
			.param("name", "").param("status", "ACTIVE").param("free", "false").param("minAge", "zwölf")
			.param("maxAge", "10").param("opens", "8 Uhr").param("closes", "12:00")
			.param("description", "bleibt erhalten"), PLANNER);
		String html = response.getContentAsString(StandardCharsets.UTF_8);
		assertThat(response.getStatus()).isEqualTo(200);
		// what cannot be read is named first (age, time), with the typed value kept
		assertThat(html).contains("href=\"#o-minAge\"").contains("Bitte eine ganze Zahl eingeben.")
			.contains("value=\"zwölf\"").contains("href=\"#o-opens-0\"").contains("bleibt erhalten");
		assertThat(offers()).isEqualTo(before);

		// once readable, the catalog's checks: name, fields of action, cost text, age range, all at once
		response = send(post("/offers/new").param("organizationId", Long.toString(org)).param("name", "")
			.param("status", "ACTIVE").param("free", "false").param("minAge", "12").param("maxAge", "10"), PLANNER);
		html = response.getContentAsString(StandardCharsets.UTF_8);
		assertThat(html).contains("Bitte korrigieren Sie 4 Angaben:").contains("href=\"#o-name\"")
			.contains("href=\"#o-fields\"").contains("href=\"#o-costText\"").contains("href=\"#o-maxAge\"")
			.contains("aria-invalid=\"true\"");
		assertThat(offers()).isEqualTo(before);
	}

	@Test
	void aPlannerCreatesAndEditsAnOffer() throws Exception {
		long org = organization("OfferEditTest Träger (fiktiv)");
		MockHttpServletResponse created = send(form("/offers/new", org, "Elterncafé (fiktiv)"), PLANNER);
		assertThat(created.getStatus()).isEqualTo(302);
		long id = Long.parseLong(created.getRedirectedUrl().replace("/offers/", ""));
		Offer offer = catalog.offer(id).orElseThrow();
		assertThat(offer.name()).isEqualTo("Elterncafé (fiktiv)");
		assertThat(offer.targetGroups()).containsExactly("familien");
		assertThat(offer.languages()).containsExactly("de", "tr");
		assertThat(offer.phones()).containsExactly(new Offer.Phone("+43 5572 1234", "Sekretariat"));
		assertThat(offer.schedules()).hasSize(1);

		String edit = send(get("/offers/" + id + "/edit"), PLANNER).getContentAsString(StandardCharsets.UTF_8);
		assertThat(edit).contains("value=\"Elterncafé (fiktiv)\"").contains("value=\"08:00\"");
		assertThat(send(form("/offers/" + id + "/edit", org, "Elterncafé am Markt (fiktiv)"), PLANNER).getStatus())
			.isEqualTo(302);
		assertThat(catalog.offer(id).orElseThrow().name()).isEqualTo("Elterncafé am Markt (fiktiv)");
		assertThat(catalog.changes("offer", id)).anyMatch(c -> c.field().equals("name")
				&& "Elterncafé am Markt (fiktiv)".equals(c.newValue()) && c.actor().equals("planung"));
	}

	@Test
	void aProviderEditsOnlyItsOwnOrganisationsOffers() throws Exception {
		long own = organization("OfferEditTest eigener Träger (fiktiv)");
		long other = organization("OfferEditTest fremder Träger (fiktiv)");
		catalog.addMember("offeredittest-traeger", own);
		RequestPostProcessor provider = user("offeredittest-traeger").roles("PROVIDER");
		long foreign = Long.parseLong(send(form("/offers/new", other, "Fremdes Angebot (fiktiv)"), PLANNER)
			.getRedirectedUrl().replace("/offers/", ""));
		assertThat(send(get("/offers/" + foreign + "/edit"), provider).getStatus()).isEqualTo(403);
		assertThat(send(form("/offers/" + foreign + "/edit", other, "Übernommen"), provider).getStatus())
			.isEqualTo(403);
		assertThat(send(form("/offers/new", other, "Untergeschoben"), provider).getStatus()).isEqualTo(403);
		assertThat(catalog.offer(foreign).orElseThrow().name()).isEqualTo("Fremdes Angebot (fiktiv)");

		MockHttpServletResponse mine = send(form("/offers/new", own, "Eigenes Angebot (fiktiv)"), provider);
		assertThat(mine.getStatus()).isEqualTo(302);
		List<Offer> offers = catalog.offersOf(own);
		assertThat(offers).extracting(Offer::name).containsExactly("Eigenes Angebot (fiktiv)");
		// the form without the CSRF token is refused
		assertThat(mvc.perform(form("/offers/new", own, "Ohne Token").with(provider)).andReturn().getResponse()
			.getStatus()).isEqualTo(403);
	}

	@Test
	void choosingTheOrganisationLoadsItsLocations() throws Exception {
		long org = organization("OfferEditTest Standorte (fiktiv)");
		long other = organization("OfferEditTest fremder Träger (fiktiv)");
		catalog.createLocation(new Location(null, org, "Beratungsstelle Hard (fiktiv)", "Landstraße 1", "6971", "Hard",
				"AT", 47.49, 9.69, false, null));
		String html = send(get("/offers/new/locations").param("organizationId", Long.toString(org)), PLANNER)
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(html).startsWith("<fieldset").contains("Beratungsstelle Hard (fiktiv)").contains("name=\"locations\"")
			.doesNotContain("<html");
		// no organisation yet: the part says to choose one first
		assertThat(send(get("/offers/new/locations"), PLANNER).getContentAsString(StandardCharsets.UTF_8))
			.contains("Wählen Sie zuerst den Träger");
		// a provider sees only its own organisations' locations
		catalog.addMember("offeredittest-standorte", other);
		RequestPostProcessor provider = user("offeredittest-standorte").roles("PROVIDER");
		assertThat(send(get("/offers/new/locations").param("organizationId", Long.toString(org)), provider).getStatus())
			.isEqualTo(403);
		assertThat(mvc.perform(get("/offers/new/locations").param("organizationId", Long.toString(org))).andReturn()
			.getResponse().getContentAsString()).doesNotContain("Beratungsstelle Hard");
	}
}
