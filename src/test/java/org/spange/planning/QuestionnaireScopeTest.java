package org.spange.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.junit.jupiter.api.Test;
import org.spange.SpangeTest;
import org.spange.offer.OfferCatalog;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Who sees an answer set, checked on the server: an organisation's SWOT is private to its owner, the organisation's
 * members and admins until it is shared; then planners and municipality users see it too, other providers never.
 */
@SpangeTest
class QuestionnaireScopeTest {

	private static final RequestPostProcessor OWNER = user("traeger").roles("PROVIDER");
	private static final RequestPostProcessor OTHER_PROVIDER = user("questionnaire-other").roles("PROVIDER");
	private static final RequestPostProcessor PLANNER = user("planung").roles("PLANNER");
	private static final RequestPostProcessor MUNICIPALITY = user("gemeinde").roles("MUNICIPALITY");
	private static final RequestPostProcessor ADMIN = user("admin").roles("ADMIN");

	@Autowired
	MockMvc mvc;

	@Autowired
	Questionnaires questionnaires;

	@Autowired
	OfferCatalog offers;

	private int status(String path, RequestPostProcessor who) throws Exception {
		return mvc.perform(get(path).with(who)).andReturn().getResponse().getStatus();
	}

	private boolean listed(long id, RequestPostProcessor who) throws Exception {
		return mvc.perform(get("/planning/questionnaires").with(who)).andReturn().getResponse().getContentAsString()
			.contains("data-answers=\"" + id + "\"");
	}

	@Test
	void aProvidersSwotIsPrivateUntilShared() throws Exception {
		long organization = offers.organizationsOf("traeger").iterator().next();
		long swot = questionnaires.templates().stream().filter(t -> t.key().equals("swot")).findFirst().orElseThrow()
			.id();
		String location = mvc.perform(post("/planning/questionnaires/versions/" + swot + "/answers").with(OWNER)
			.with(csrf()).param("organizationId", Long.toString(organization)).param("visibility", "PRIVATE")
			.param("q1", "Zu wenig Personal " + System.nanoTime())).andReturn().getResponse().getRedirectedUrl();
		assertThat(location).startsWith("/planning/questionnaires/answers/");
		long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));

		assertThat(status(location, OWNER)).isEqualTo(200);
		assertThat(status(location, ADMIN)).isEqualTo(200);
		assertThat(status(location, OTHER_PROVIDER)).isEqualTo(404);
		assertThat(status(location, PLANNER)).isEqualTo(404);
		assertThat(status(location, MUNICIPALITY)).isEqualTo(404);
		assertThat(status(location + "/export.docx", PLANNER)).isEqualTo(404);
		assertThat(listed(id, OWNER)).isTrue();
		assertThat(listed(id, PLANNER)).isFalse();
		assertThat(listed(id, MUNICIPALITY)).isFalse();
		// only the owner (or an admin) shares
		assertThat(mvc.perform(post(location + "/visibility").with(PLANNER).with(csrf()).param("visibility", "SHARED"))
			.andReturn().getResponse().getStatus()).isEqualTo(404);

		mvc.perform(post(location + "/visibility").with(OWNER).with(csrf()).param("visibility", "SHARED"));

		assertThat(status(location, PLANNER)).isEqualTo(200);
		assertThat(status(location, MUNICIPALITY)).isEqualTo(200);
		assertThat(status(location, OTHER_PROVIDER)).isEqualTo(404);
		assertThat(listed(id, MUNICIPALITY)).isTrue();
		assertThat(listed(id, OTHER_PROVIDER)).isFalse();
		// a municipality reads but does not change it
		assertThat(status(location + "/edit", MUNICIPALITY)).isEqualTo(403);

		assertThat(mvc.perform(get(location).with(anonymous())).andReturn().getResponse().getRedirectedUrl())
			.endsWith("/login");
	}

	@Test
	void aProviderAnswersOnlyForItsOwnOrganisationAndMunicipalitiesDoNotAnswer() throws Exception {
		long swot = questionnaires.templates().stream().filter(t -> t.key().equals("swot")).findFirst().orElseThrow()
			.id();
		long organization = offers.organizationsOf("traeger").iterator().next();
		String page = mvc.perform(post("/planning/questionnaires/versions/" + swot + "/answers").with(OTHER_PROVIDER)
			.with(csrf()).param("organizationId", Long.toString(organization)).param("q0", "fremd")).andReturn()
			.getResponse().getContentAsString();
		assertThat(page).contains("nur für die eigene Organisation", "href=\"#f-organizationId\"");
		String form = mvc.perform(get("/planning/questionnaires/versions/" + swot + "/answers/new").with(OWNER))
			.andReturn().getResponse().getContentAsString();
		assertThat(form).contains("Ihre Organisationen", "(" + organization + ")");
		assertThat(mvc.perform(post("/planning/questionnaires/versions/" + swot + "/answers").with(MUNICIPALITY)
			.with(csrf()).param("subjectName", "x")).andReturn().getResponse().getStatus()).isEqualTo(403);
	}
}
