package org.spange.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.spange.SpangeTest;
import org.spange.area.AreaQueries;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Persons' contact data is personal data: planners and admins see it, logged-in users only for persons who currently
 * share a network with them, others only name and organisation, anonymous visitors nothing. Checked in the service
 * and through the pages.
 */
@SpangeTest
class NetworkScopeTest {

	@Autowired
	Networks networks;

	@Autowired
	AreaQueries areas;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void contactDataOnlyForMembersOfTheSameNetwork() {
		var d = NetworkTestData.create(networks, areas);
		// a member sees the coordinator's contact
		assertThat(networks.person(d.coordinator().id(), NetworkTestData.user(d.member())).orElseThrow().contact())
			.isNotNull()
			.satisfies(c -> assertThat(c.email()).isEqualTo(d.coordinator().email()));
		// an outsider sees name and organisation, no contact
		PersonView seenByOutsider = networks.person(d.coordinator().id(), NetworkTestData.user(d.outsider()))
			.orElseThrow();
		assertThat(seenByOutsider.name()).isEqualTo(d.coordinator().name());
		assertThat(seenByOutsider.organization()).startsWith("Testorganisation");
		assertThat(seenByOutsider.contact()).isNull();
		// a former member no longer sees, and is no longer seen
		assertThat(networks.person(d.coordinator().id(), NetworkTestData.user(d.former())).orElseThrow().contact())
			.isNull();
		assertThat(networks.person(d.former().id(), NetworkTestData.user(d.member())).orElseThrow().contact()).isNull();
		// everybody sees their own contact data
		assertThat(networks.person(d.outsider().id(), NetworkTestData.user(d.outsider())).orElseThrow().contact())
			.isNotNull();
		// planners see everybody's
		assertThat(networks.person(d.outsider().id(), new Viewer("planung", true, false)).orElseThrow().contact())
			.isNotNull();
		// anonymous: nothing of persons at all
		assertThat(networks.person(d.coordinator().id(), Viewer.anonymous())).isEmpty();
		assertThat(networks.persons(Viewer.anonymous())).isEmpty();
		assertThat(networks.members(d.network().id(), Viewer.anonymous())).isEmpty();
		// the member list carries the same rule
		List<Membership> seenByOutsiderList = networks.members(d.network().id(), NetworkTestData.user(d.outsider()));
		assertThat(seenByOutsiderList).hasSize(3).allSatisfy(m -> assertThat(m.person().contact()).isNull());
		assertThat(networks.members(d.network().id(), NetworkTestData.user(d.member())))
			.filteredOn(m -> m.person().id() != d.former().id())
			.allSatisfy(m -> assertThat(m.person().contact()).isNotNull());
	}

	@Test
	void theNetworkPageShowsContactsToMembersOnly() throws Exception {
		var d = NetworkTestData.create(networks, areas);
		String path = "/networks/" + d.network().id();
		String asMember = mvc.perform(get(path).with(user(d.member().username()).roles("PROVIDER"))).andReturn()
			.getResponse().getContentAsString();
		assertThat(asMember).contains(d.coordinator().name(), d.coordinator().email());
		String asOutsider = mvc.perform(get(path).with(user(d.outsider().username()).roles("PROVIDER")))
			.andReturn().getResponse().getContentAsString();
		assertThat(asOutsider).contains(d.coordinator().name(), "nur für Netzwerkmitglieder sichtbar")
			.doesNotContain(d.coordinator().email(), d.member().email());
		String asPlanner = mvc.perform(get(path).with(user("planung").roles("PLANNER"))).andReturn().getResponse()
			.getContentAsString();
		assertThat(asPlanner).contains(d.coordinator().email(), d.member().email());
		var anonymousResponse = mvc.perform(get(path).with(anonymous())).andReturn().getResponse();
		assertThat(anonymousResponse.getStatus()).isEqualTo(302);
		assertThat(anonymousResponse.getHeader("Location")).endsWith("/login");
	}

	@Test
	void responsibilitiesAreFoundByWordFormAndContainingArea() {
		var d = NetworkTestData.create(networks, areas);
		long bezirk = areas.byCode("bezirk", "801").orElseThrow().id().value();
		long nenzing = areas.byCode("gemeinde", "80116").orElseThrow().id().value();
		long dornbirn = areas.byCode("gemeinde", "80301").orElseThrow().id().value();
		String topic = "Schuldnerberatung" + d.suffix().replaceAll("[0-9]", "x");
		networks.addResponsibility(new Responsibility(null, d.coordinator().id(), null,
				topic + " für Familien", "familie", bezirk));
		Viewer member = NetworkTestData.user(d.member());
		// another word form ("Familie" for "Familien") and the Gemeinde inside the Bezirk
		var hits = networks.findResponsible(topic + " Familie", nenzing, member);
		assertThat(hits).singleElement().satisfies(h -> {
			assertThat(h.who()).isEqualTo(d.coordinator().name());
			assertThat(h.person().contact()).isNotNull();
		});
		// a prefix of a compound finds it too
		assertThat(networks.findResponsible(topic.substring(0, topic.length() - 2), null, member)).hasSize(1);
		// a Gemeinde in another Bezirk does not
		assertThat(networks.findResponsible(topic, dornbirn, member)).isEmpty();
		// an outsider finds the responsibility, but not the contact
		assertThat(networks.findResponsible(topic, nenzing, NetworkTestData.user(d.outsider()))).singleElement()
			.satisfies(h -> assertThat(h.person().contact()).isNull());
		// the public would see no persons at all
		assertThat(networks.findResponsible(topic, nenzing, Viewer.anonymous())).isEmpty();
	}

	@Test
	void theResponsibilitySearchPageAnswersWhomToCall() throws Exception {
		String body = mvc.perform(get("/networks/responsibilities").param("q", "Jugendarbeit")
			.param("area", Long.toString(areas.byCode("gemeinde", "80116").orElseThrow().id().value()))
			.with(user("traeger").roles("PROVIDER"))).andReturn().getResponse().getContentAsString();
		// the demo: Lea coordinates the network traeger belongs to; the Jugendnetz works in the whole Bezirk
		assertThat(body).contains("Lea Platzhalter (fiktiv)", "lea.platzhalter@example.org",
				"Mobile Jugendarbeit (Streetwork)");
	}

	@Test
	void aBadPersonIsRefusedAsAWholeWithEveryFieldNamed() throws Exception {
		long before = jdbc.sql("select count(*) from network.person").query(Long.class).single();
		var response = mvc.perform(post("/networks/persons").with(user("planung").roles("PLANNER")).with(csrf())
			.param("name", "").param("email", "keine-adresse").param("phone", "abc").param("preferredChannel", "EMAIL")
			.param("consentBy", "").param("function", "Behaltene Funktion")).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(422);
		String body = response.getContentAsString();
		assertThat(body).contains("id=\"err-name\"", "id=\"err-email\"", "id=\"err-phone\"", "id=\"err-consentAt\"",
				"id=\"err-consentBy\"", "id=\"err-consentVersion\"", "href=\"#f-email\"",
				"Keine gültige E-Mail-Adresse.", "Ohne Einwilligung werden keine Kontaktdaten gespeichert.")
			// the input is kept
			.contains("value=\"Behaltene Funktion\"", "value=\"keine-adresse\"");
		assertThat(jdbc.sql("select count(*) from network.person").query(Long.class).single()).isEqualTo(before);
		// the service says the same by field
		assertThatThrownBy(() -> networks.createPerson(new Person(null, "X", null, null, List.of(-1L), "x@example.org",
				null, null, Person.Channel.PHONE, Instant.now().plusSeconds(3600), "Y", "v1", "Nicht Gültig")))
			.isInstanceOf(InvalidNetworkInputException.class)
			.satisfies(e -> assertThat(((InvalidNetworkInputException) e).problems()).containsOnlyKeys("areaIds",
					"preferredChannel", "consentAt", "username"));
	}

	@Test
	void plannersAddResponsibilitiesAllOrNothing() throws Exception {
		var d = NetworkTestData.create(networks, areas);
		long before = jdbc.sql("select count(*) from network.responsibility").query(Long.class).single();
		var bad = mvc.perform(post("/networks/responsibilities").with(user("planung").roles("PLANNER")).with(csrf())
			.param("topic", "").param("fieldOfAction", "gibt-es-nicht")).andReturn().getResponse();
		assertThat(bad.getStatus()).isEqualTo(422);
		assertThat(bad.getContentAsString()).contains("id=\"err-personId\"", "id=\"err-topic\"",
				"id=\"err-areaId\"", "id=\"err-fieldOfAction\"", "Eine Person oder eine Organisation ist nötig.");
		assertThat(jdbc.sql("select count(*) from network.responsibility").query(Long.class).single())
			.isEqualTo(before);
		// providers may not
		assertThat(mvc.perform(post("/networks/responsibilities").with(user("traeger").roles("PROVIDER"))
			.with(csrf()).param("topic", "x")).andReturn().getResponse().getStatus()).isEqualTo(403);

		String topic = "Pflegeberatung" + d.suffix().replaceAll("[0-9]", "q");
		long nenzing = areas.byCode("gemeinde", "80116").orElseThrow().id().value();
		assertThat(mvc.perform(post("/networks/responsibilities").with(user("planung").roles("PLANNER")).with(csrf())
			.param("personId", Long.toString(d.member().id())).param("topic", topic)
			.param("fieldOfAction", "alter-pflege").param("areaId", Long.toString(nenzing))).andReturn()
			.getResponse().getStatus()).isEqualTo(302);
		assertThat(networks.findResponsible(topic, nenzing, NetworkTestData.user(d.coordinator()))).singleElement()
			.satisfies(h -> assertThat(h.who()).isEqualTo(d.member().name()));
	}

	@Test
	void onlyPlannersAndCoordinatorsMaintainANetwork() throws Exception {
		var d = NetworkTestData.create(networks, areas);
		String path = "/networks/" + d.network().id() + "/tasks";
		assertThat(mvc.perform(post(path).param("text", "Raum buchen").with(csrf())
			.with(user(d.member().username()).roles("PROVIDER"))).andReturn().getResponse().getStatus()).isEqualTo(403);
		assertThat(mvc.perform(post(path).param("text", "Raum buchen").with(csrf())
			.with(user(d.coordinator().username()).roles("PROVIDER"))).andReturn().getResponse().getStatus())
			.isEqualTo(302);
		assertThat(networks.fixedTasks(d.network().id())).extracting(FixedTask::text).containsExactly("Raum buchen");
		assertThat(jdbc.sql("select count(*) from access.audit_event where action = 'network.task.add' and subject_id = ?")
			.param(Long.toString(d.network().id())).query(Long.class).single()).isEqualTo(1);
	}
}
