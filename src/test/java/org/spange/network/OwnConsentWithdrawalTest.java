package org.spange.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.junit.jupiter.api.Test;
import org.spange.SpangeTest;
import org.spange.area.AreaQueries;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * "Meine Daten in Netzwerken": a user linked to a person sees the person's record, networks and consent, and
 * withdraws the consent themself — with the tick, for the own person only, through the same service method as the
 * planner's withdrawal (contact data gone, the name stays), audited with the person's login as the actor. A login
 * linked to no person is told so and can withdraw nothing.
 */
@SpangeTest
class OwnConsentWithdrawalTest {

	static final Viewer PLANNER = new Viewer("planung", true, false);

	@Autowired
	Networks networks;

	@Autowired
	AreaQueries areas;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aPersonSeesTheirDataAndWithdrawsTheirOwnConsent() throws Exception {
		var d = NetworkTestData.create(networks, areas);
		String me = d.member().username();
		String id = Long.toString(d.member().id());

		// the networks list links the page for a linked login
		assertThat(send(get("/networks"), me).getContentAsString()).contains("id=\"own-data-link\"");
		String page = send(get("/networks/me"), me).getContentAsString();
		assertThat(page).contains("Meine Daten in Netzwerken", d.member().name(), d.member().email(), "+43 1 234 567",
				"Testnetzwerk " + d.suffix(), "Testorganisation " + d.suffix(), "Textversion v1", "Testplanung",
				"id=\"withdraw-form\"", "name=\"personId\" value=\"" + id + "\"")
			// another network's member is not shown here
			.doesNotContain("Anderes Netzwerk " + d.suffix());

		// without the tick: nothing happens, the page says why
		var unticked = send(post("/networks/me/withdraw-consent").param("personId", id), me);
		assertThat(unticked.getStatus()).isEqualTo(422);
		assertThat(unticked.getContentAsString()).contains("id=\"err-confirmWithdraw\"", "aria-invalid=\"true\"");
		assertThat(networks.consentWithdrawn(d.member().id())).isEmpty();

		// another person's consent: refused, on the page and in the service
		assertThat(send(post("/networks/me/withdraw-consent").param("personId", Long.toString(d.outsider().id()))
			.param("confirmWithdraw", "yes"), me).getStatus()).isEqualTo(403);
		assertThat(send(post("/networks/me/withdraw-consent").param("confirmWithdraw", "yes"), me).getStatus())
			.isEqualTo(403);
		assertThatThrownBy(() -> networks.withdrawConsent(d.outsider().id(), NetworkTestData.user(d.member())))
			.isInstanceOf(SecurityException.class);
		assertThat(networks.consentWithdrawn(d.outsider().id())).isEmpty();
		assertThat(networks.consentWithdrawn(d.member().id())).isEmpty();

		var done = send(post("/networks/me/withdraw-consent").param("personId", id).param("confirmWithdraw", "yes"), me);
		assertThat(done.getStatus()).isEqualTo(302);
		assertThat(done.getRedirectedUrl()).isEqualTo("/networks/me");
		// exactly what the planner's withdrawal does: contact data gone, the name stays, no more e-mails
		assertThat(networks.consentWithdrawn(d.member().id())).isPresent();
		Person after = networks.personToEdit(d.member().id(), PLANNER).orElseThrow();
		assertThat(after.name()).isEqualTo(d.member().name());
		assertThat(after.email()).isNull();
		assertThat(after.phone()).isNull();
		assertThat(after.function()).isNull();
		assertThat(after.reachability()).isNull();
		assertThat(after.preferredChannel()).isNull();
		assertThat(after.areaIds()).isEmpty();
		assertThat(networks.emailForMessage(d.member().id())).isEmpty();
		// the memberships stay
		assertThat(networks.networksOf(me)).containsExactly(d.network().id());

		// the audit names the person's own login as the actor
		assertThat(jdbc.sql("""
				select actor || '/' || (details->>'by') from access.audit_event
				where action = 'network.person.consentWithdrawn' and subject_id = ?""").param(id)
			.query(String.class).list()).containsExactly(me + "/self");

		// the page says so and offers no second withdrawal
		String withdrawn = send(get("/networks/me"), me).getContentAsString();
		assertThat(withdrawn).contains("id=\"withdrawn\"", "Sie haben Ihre Einwilligung am").doesNotContain(
				"id=\"withdraw-form\"", d.member().email());
		// nobody else was touched
		assertThat(networks.personToEdit(d.coordinator().id(), PLANNER).orElseThrow().email())
			.isEqualTo(d.coordinator().email());
	}

	@Test
	void aLoginWithoutPersonIsToldSoAndWithdrawsNothing() throws Exception {
		var d = NetworkTestData.create(networks, areas);
		String nobody = "ohne-person-" + d.suffix();
		var page = send(get("/networks/me"), nobody);
		assertThat(page.getStatus()).isEqualTo(200);
		assertThat(page.getContentAsString()).contains("Sie sind keiner Person zugeordnet")
			.doesNotContain("id=\"withdraw-form\"");
		assertThat(send(get("/networks"), nobody).getContentAsString()).doesNotContain("id=\"own-data-link\"");
		assertThat(send(post("/networks/me/withdraw-consent").param("personId", Long.toString(d.member().id()))
			.param("confirmWithdraw", "yes"), nobody).getStatus()).isEqualTo(404);
		assertThat(networks.consentWithdrawn(d.member().id())).isEmpty();
		assertThat(networks.ownData(new Viewer(nobody, false, false))).isEmpty();
		assertThat(networks.ownData(Viewer.anonymous())).isEmpty();
		// the public is sent to the login
		assertThat(mvc.perform(get("/networks/me")).andReturn().getResponse().getStatus()).isEqualTo(302);
	}

	private MockHttpServletResponse send(MockHttpServletRequestBuilder request, String username) throws Exception {
		return mvc.perform(request.with(user(username).roles("PROVIDER")).with(csrf())).andReturn().getResponse();
	}
}
