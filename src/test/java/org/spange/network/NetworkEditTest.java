package org.spange.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.spange.SpangeTest;
import org.spange.area.AreaQueries;
import org.spange.conference.Conference;
import org.spange.conference.Conferences;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Editing and deleting persons, networks and memberships: bad input comes back at the field with the input kept and
 * nothing written; a withdrawn consent removes the contact data for good; deleting needs the tick, takes the
 * memberships with it and is audited; a network with conferences is kept; who may do what is checked on the server.
 */
@SpangeTest
class NetworkEditTest {

	static final Viewer PLANNER = new Viewer("planung", true, false);

	@Autowired
	Networks networks;

	@Autowired
	Conferences conferences;

	@Autowired
	AreaQueries areas;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aPersonsContactDataIsEditedAndBadInputIsKept() throws Exception {
		var d = NetworkTestData.create(networks, areas);
		String path = "/networks/persons/" + d.member().id() + "/edit";
		assertThat(send(get(path), "planung", "PLANNER").getStatus()).isEqualTo(200);
		// only planners and admins: not the person's coordinator, not the person
		assertThat(send(get(path), d.coordinator().username(), "PROVIDER").getStatus()).isEqualTo(403);
		assertThat(send(post(path).param("name", "x"), d.member().username(), "PROVIDER").getStatus()).isEqualTo(403);

		var bad = send(post(path).param("name", "").param("email", "keine-adresse").param("phone", "abc")
			.param("preferredChannel", "EMAIL").param("reachability", "Mi " + d.suffix())
			.param("username", d.coordinator().username()), "planung", "PLANNER");
		assertThat(bad.getStatus()).isEqualTo(422);
		assertThat(bad.getContentAsString()).contains("id=\"err-name\"", "id=\"err-email\"", "id=\"err-phone\"",
				"id=\"err-username\"", "value=\"keine-adresse\"", "value=\"Mi " + d.suffix() + "\"");
		assertThat(networks.personToEdit(d.member().id(), PLANNER).orElseThrow().email())
			.isEqualTo(d.member().email());

		assertThat(send(post(path).param("name", "Umbenannt " + d.suffix() + " (fiktiv)").param("email", "neu-" + d.suffix()
				+ "@example.org").param("phone", "+43 5552 1").param("preferredChannel", "PHONE")
			.param("username", d.member().username()), "planung", "PLANNER").getStatus()).isEqualTo(302);
		Person changed = networks.personToEdit(d.member().id(), PLANNER).orElseThrow();
		assertThat(changed.name()).isEqualTo("Umbenannt " + d.suffix() + " (fiktiv)");
		assertThat(changed.email()).isEqualTo("neu-" + d.suffix() + "@example.org");
		assertThat(changed.preferredChannel()).isEqualTo(Person.Channel.PHONE);
		assertThat(changed.areaIds()).isEmpty();
		// the consent stays as recorded
		assertThat(changed.consentVersion()).isEqualTo("v1");
		// the audit names the changed fields, never the values
		assertThat(jdbc.sql("""
				select details::text from access.audit_event where action = 'network.person.update' and subject_id = ?""")
			.param(Long.toString(d.member().id())).query(String.class).single()).contains("email")
			.doesNotContain("neu-" + d.suffix());
	}

	@Test
	void aWithdrawnConsentRemovesTheContactDataForGood() throws Exception {
		var d = NetworkTestData.create(networks, areas);
		String base = "/networks/persons/" + d.member().id();
		assertThat(send(post(base + "/withdraw-consent"), "planung", "PLANNER").getStatus()).isEqualTo(422);
		assertThat(networks.consentWithdrawn(d.member().id())).isEmpty();
		assertThat(send(post(base + "/withdraw-consent").param("confirmWithdraw", "yes"), d.coordinator().username(),
				"PROVIDER").getStatus()).isEqualTo(403);

		assertThat(send(post(base + "/withdraw-consent").param("confirmWithdraw", "yes"), "planung", "PLANNER")
			.getStatus()).isEqualTo(302);
		assertThat(networks.consentWithdrawn(d.member().id())).isPresent();
		Person after = networks.personToEdit(d.member().id(), PLANNER).orElseThrow();
		assertThat(after.name()).isEqualTo(d.member().name());
		assertThat(after.email()).isNull();
		assertThat(after.phone()).isNull();
		assertThat(after.reachability()).isNull();
		assertThat(after.function()).isNull();
		assertThat(after.areaIds()).isEmpty();
		// no invitation e-mail any more, and fellow members see no contact
		assertThat(networks.emailForMessage(d.member().id())).isEmpty();
		PersonView seen = networks.person(d.member().id(), NetworkTestData.user(d.coordinator())).orElseThrow();
		assertThat(seen.contact().email()).isNull();
		assertThat(seen.contact().phone()).isNull();
		// contact data does not come back through the edit form
		var refused = send(post(base + "/edit").param("name", d.member().name()).param("email", "wieder@example.org"),
				"planung", "PLANNER");
		assertThat(refused.getStatus()).isEqualTo(422);
		assertThat(refused.getContentAsString()).contains("id=\"err-email\"", "Einwilligung ist widerrufen");
		assertThat(networks.personToEdit(d.member().id(), PLANNER).orElseThrow().email()).isNull();
		assertThat(jdbc.sql("select count(*) from access.audit_event where action = 'network.person.consentWithdrawn' "
				+ "and subject_id = ?").param(Long.toString(d.member().id())).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void aPersonIsDeletedWithTheirMemberships() throws Exception {
		var d = NetworkTestData.create(networks, areas);
		long id = d.member().id();
		networks.addFixedTask(d.network().id(), "Verteiler " + d.suffix(), id);
		networks.addResponsibility(new Responsibility(null, id, null, "Thema " + d.suffix(), null,
				areas.byCode("gemeinde", "80116").orElseThrow().id().value()));
		Instant start = Instant.now().plus(4, ChronoUnit.DAYS);
		Conference invitedTo = conferences.plan(new Conference(null, Conference.Type.NETWORK_MEETING, "Treffen "
				+ d.suffix(), start, start.plus(1, ChronoUnit.HOURS), "Ort", null, null, d.network().id(),
				Conference.Visibility.INTERNAL, null, null), PLANNER);
		conferences.invite(invitedTo.id(), List.of(id), PLANNER);
		String path = "/networks/persons/" + id + "/delete";
		assertThat(send(post(path), "planung", "PLANNER").getStatus()).isEqualTo(422);
		assertThat(send(post(path).param("confirmDelete", "yes"), d.coordinator().username(), "PROVIDER").getStatus())
			.isEqualTo(403);
		assertThat(networks.person(id, PLANNER)).isPresent();

		// an open task from a conference keeps the person until it is done
		var decision = conferences.decide(invitedTo.id(), null, "Protokoll verteilen " + d.suffix(), id,
				LocalDate.now().plusDays(7), PLANNER);
		var refused = send(post(path).param("confirmDelete", "yes"), "planung", "PLANNER");
		assertThat(refused.getStatus()).isEqualTo(422);
		assertThat(refused.getContentAsString()).contains("offene Aufgaben aus Konferenzen");
		assertThat(networks.person(id, PLANNER)).isPresent();
		conferences.completeTask(decision.task().id(), PLANNER);

		assertThat(send(post(path).param("confirmDelete", "yes"), "planung", "PLANNER").getStatus()).isEqualTo(302);
		assertThat(networks.person(id, PLANNER)).isEmpty();
		assertThat(networks.members(d.network().id(), PLANNER)).extracting(m -> m.person().id()).doesNotContain(id);
		assertThat(jdbc.sql("select count(*) from network.membership where person_id = ?").param(id).query(Long.class)
			.single()).isZero();
		assertThat(networks.fixedTasks(d.network().id())).filteredOn(t -> t.text().equals("Verteiler " + d.suffix()))
			.singleElement().satisfies(t -> assertThat(t.ownerPersonId()).isNull());
		assertThat(networks.findResponsible("Thema " + d.suffix(), null, PLANNER)).isEmpty();
		assertThat(jdbc.sql("select count(*) from access.audit_event where action = 'network.person.delete' "
				+ "and subject_id = ?").param(Long.toString(id)).query(Long.class).single()).isEqualTo(1);
		assertThat(send(get("/networks/persons/" + id + "/edit"), "planung", "PLANNER").getStatus()).isEqualTo(404);
		// the conference the person was invited to names no one instead
		assertThat(send(get("/conferences/" + invitedTo.id()), "planung", "PLANNER").getContentAsString())
			.contains("(gelöschte Person)").doesNotContain(d.member().name());
	}

	@Test
	void aNetworkIsEditedAndDeletedOnlyWithoutConferences() throws Exception {
		var d = NetworkTestData.create(networks, areas);
		String path = "/networks/" + d.network().id();
		long bezirk = areas.byCode("bezirk", "801").orElseThrow().id().value();
		assertThat(send(get(path + "/edit"), "planung", "PLANNER").getStatus()).isEqualTo(200);
		assertThat(send(get(path + "/edit"), d.coordinator().username(), "PROVIDER").getStatus()).isEqualTo(403);

		var bad = send(post(path + "/edit").param("name", d.otherNetwork().name()).param("purpose", "Neu " + d.suffix())
			.param("areaIds", "999999999"), "planung", "PLANNER");
		assertThat(bad.getStatus()).isEqualTo(422);
		assertThat(bad.getContentAsString()).contains("id=\"err-name\"", "id=\"err-areaIds\"", "Neu " + d.suffix());
		assertThat(networks.network(d.network().id()).orElseThrow().name()).isEqualTo(d.network().name());
		assertThat(send(post(path + "/edit").param("name", d.network().name() + " neu").param("purpose", "Neu")
			.param("areaIds", Long.toString(bezirk)), "planung", "PLANNER").getStatus()).isEqualTo(302);
		Network changed = networks.network(d.network().id()).orElseThrow();
		assertThat(changed.name()).isEqualTo(d.network().name() + " neu");
		assertThat(changed.areaIds()).containsExactly(bezirk);

		// with a conference: kept, even when confirmed
		Instant start = Instant.now().plus(5, ChronoUnit.DAYS);
		conferences.plan(new Conference(null, Conference.Type.NETWORK_MEETING, "Treffen " + d.suffix(), start,
				start.plus(1, ChronoUnit.HOURS), "Ort", null, null, d.network().id(), Conference.Visibility.INTERNAL,
				null, null), PLANNER);
		assertThat(networks.deletable(d.network().id())).isFalse();
		var kept = send(post(path + "/delete").param("confirm", "yes"), "planung", "PLANNER");
		assertThat(kept.getStatus()).isEqualTo(422);
		assertThat(kept.getContentAsString()).contains("Zu diesem Netzwerk gibt es Konferenzen");
		assertThat(networks.network(d.network().id())).isPresent();

		// without conferences: only with the tick
		String other = "/networks/" + d.otherNetwork().id() + "/delete";
		assertThat(send(post(other), "planung", "PLANNER").getStatus()).isEqualTo(422);
		assertThat(send(post(other).param("confirm", "yes"), d.outsider().username(), "PROVIDER").getStatus())
			.isEqualTo(403);
		assertThat(networks.network(d.otherNetwork().id())).isPresent();
		assertThat(send(post(other).param("confirm", "yes"), "planung", "PLANNER").getStatus()).isEqualTo(302);
		assertThat(networks.network(d.otherNetwork().id())).isEmpty();
		assertThat(networks.networksOf(d.outsider().username())).isEmpty();
		assertThat(jdbc.sql("select count(*) from access.audit_event where action = 'network.delete' and subject_id = ?")
			.param(Long.toString(d.otherNetwork().id())).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void theCoordinatorChangesARoleAndEndsAMembership() throws Exception {
		var d = NetworkTestData.create(networks, areas);
		Membership member = networks.members(d.network().id(), PLANNER).stream()
			.filter(m -> m.person().id() == d.member().id()).findFirst().orElseThrow();
		String path = "/networks/" + d.network().id() + "/members/" + member.id() + "/edit";
		assertThat(send(get(path), d.coordinator().username(), "PROVIDER").getStatus()).isEqualTo(200);
		assertThat(send(get(path), d.member().username(), "PROVIDER").getStatus()).isEqualTo(403);
		assertThat(send(post(path).param("role", "COORDINATOR"), d.member().username(), "PROVIDER").getStatus())
			.isEqualTo(403);
		// the membership of another network is not found under this one
		Membership outsider = networks.members(d.otherNetwork().id(), PLANNER).get(0);
		assertThat(send(get("/networks/" + d.network().id() + "/members/" + outsider.id() + "/edit"), "planung",
				"PLANNER").getStatus()).isEqualTo(404);

		var bad = send(post(path).param("role", "BOSS").param("to", "2024-12-31"), d.coordinator().username(),
				"PROVIDER");
		assertThat(bad.getStatus()).isEqualTo(422);
		assertThat(bad.getContentAsString()).contains("id=\"err-role\"");
		var early = send(post(path).param("role", "DEPUTY").param("to", "2024-12-31"), d.coordinator().username(),
				"PROVIDER");
		assertThat(early.getStatus()).isEqualTo(422);
		assertThat(early.getContentAsString()).contains("id=\"err-to\"", "value=\"2024-12-31\"");
		assertThat(networks.membership(member.id(), PLANNER).orElseThrow().role()).isEqualTo(Membership.Role.MEMBER);

		assertThat(send(post(path).param("role", "DEPUTY"), d.coordinator().username(), "PROVIDER").getStatus())
			.isEqualTo(302);
		assertThat(networks.coordinates(d.member().username(), d.network().id())).isTrue();
		LocalDate yesterday = LocalDate.now(java.time.ZoneId.of("Europe/Vienna")).minusDays(1);
		assertThat(send(post(path).param("role", "DEPUTY").param("to", yesterday.toString()), "planung", "PLANNER")
			.getStatus()).isEqualTo(302);
		// ended: no longer a current member, still in the history
		assertThat(networks.networksOf(d.member().username())).doesNotContain(d.network().id());
		assertThat(networks.membership(member.id(), PLANNER).orElseThrow().to()).isEqualTo(yesterday);
		assertThatThrownBy(() -> networks.updateMembership(member.id(), Membership.Role.MEMBER, null,
				NetworkTestData.user(d.outsider()))).isInstanceOf(SecurityException.class);
		assertThat(networks.members(d.network().id(), PLANNER)).hasSize(3);
	}

	private MockHttpServletResponse send(MockHttpServletRequestBuilder request, String username, String role)
			throws Exception {
		return mvc.perform(request.with(user(username).roles(role)).with(csrf())).andReturn().getResponse();
	}
}
