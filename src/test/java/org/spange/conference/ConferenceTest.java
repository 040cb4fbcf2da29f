package org.spange.conference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
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
import org.spange.network.NetworkTestData;
import org.spange.network.Networks;
import org.spange.network.Viewer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Conferences: a Fallkonferenz is seen only by its invited persons (and admins, and whoever planned it), never by
 * the public, its reads are audited and its minutes are never published; public minutes only once approved and
 * published; a decision creates a task that shows up in the owner's task list; bad planning input is refused as a
 * whole with every field named.
 */
@SpangeTest
class ConferenceTest {

	static final Viewer PLANNER = new Viewer("planung", true, false);
	static final Viewer ADMIN = new Viewer("admin", true, true);

	@Autowired
	Conferences conferences;

	@Autowired
	Networks networks;

	@Autowired
	AreaQueries areas;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	static Conference draft(Conference.Type type, String title, Long network, Conference.Visibility visibility) {
		Instant start = Instant.now().plus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
		return new Conference(null, type, title, start, start.plus(2, ChronoUnit.HOURS), "Rathaus (fiktiv)", null,
				null, network, visibility, null, null);
	}

	@Test
	void aFallkonferenzIsSeenOnlyByItsInvitedPersonsAndNeverPublished() throws Exception {
		var d = NetworkTestData.create(networks, areas);
		Viewer coordinator = NetworkTestData.user(d.coordinator());
		// asked for PUBLIC, stored restricted
		Conference c = conferences.plan(draft(Conference.Type.CASE, "Fallkonferenz " + d.suffix(), d.network().id(),
				Conference.Visibility.PUBLIC), coordinator);
		assertThat(c.visibility()).isEqualTo(Conference.Visibility.RESTRICTED);
		conferences.invite(c.id(), List.of(d.member().id()), coordinator);
		var item = conferences.addAgendaItem(c.id(), "Hilfeplanung", null, coordinator);
		conferences.writeMinutes(c.id(), item.id(), "Vertraulicher Inhalt " + d.suffix(), coordinator);

		assertThat(conferences.view(c.id(), NetworkTestData.user(d.member()))).isPresent();
		assertThat(conferences.view(c.id(), ADMIN)).isPresent();
		// not invited: neither a planner, nor another member of the same network, nor the public
		assertThat(conferences.view(c.id(), PLANNER)).isEmpty();
		assertThat(conferences.view(c.id(), NetworkTestData.user(d.former()))).isEmpty();
		assertThat(conferences.view(c.id(), NetworkTestData.user(d.outsider()))).isEmpty();
		assertThat(conferences.visible(PLANNER)).extracting(Conference::id).doesNotContain(c.id());
		assertThat(conferences.minutes(c.id(), Viewer.anonymous())).isEmpty();
		assertThat(conferences.ical(c.id(), PLANNER)).isEmpty();
		assertThat(status(get("/conferences/" + c.id()), "planung", "PLANNER")).isEqualTo(404);
		var anonymousMinutes = mvc.perform(get("/conferences/" + c.id() + "/minutes").with(anonymous())).andReturn()
			.getResponse();
		assertThat(anonymousMinutes.getStatus()).isEqualTo(404);
		assertThat(anonymousMinutes.getContentAsString()).doesNotContain("Vertraulicher Inhalt");
		String asMember = mvc.perform(get("/conferences/" + c.id()).with(user(d.member().username()).roles("PROVIDER")))
			.andReturn().getResponse().getContentAsString();
		assertThat(asMember).contains("Vertraulicher Inhalt " + d.suffix());
		// every read of it is in the audit log
		assertThat(jdbc.sql("""
				select count(*) from access.audit_event where action = 'conference.restricted.read' and subject_id = ?
				  and actor = ?""").params(Long.toString(c.id()), d.member().username()).query(Long.class).single())
			.isGreaterThanOrEqualTo(1);

		// approved, but never published: the service refuses, and the table would too
		conferences.approveMinutes(c.id(), coordinator);
		assertThatThrownBy(() -> conferences.publishMinutes(c.id(), coordinator))
			.isInstanceOf(InvalidConferenceException.class);
		// approved minutes stay as approved: no more agenda items, attendance or decisions
		assertThatThrownBy(() -> conferences.addAgendaItem(c.id(), "Nachtrag", null, coordinator))
			.isInstanceOf(InvalidConferenceException.class);
		assertThatThrownBy(() -> conferences.recordAttendance(c.id(), List.of(), coordinator))
			.isInstanceOf(InvalidConferenceException.class);
		assertThatThrownBy(() -> conferences.decide(c.id(), null, "Nachträglich", null, null, coordinator))
			.isInstanceOf(InvalidConferenceException.class);
		assertThatThrownBy(() -> jdbc.sql("update conference.conference set minutes_status = 'PUBLISHED' where id = ?")
			.param(c.id()).update()).hasMessageContaining("check");
		assertThat(conferences.minutes(c.id(), Viewer.anonymous())).isEmpty();
	}

	@Test
	void publicMinutesOnlyOnceApprovedAndPublished() throws Exception {
		var d = NetworkTestData.create(networks, areas);
		Viewer coordinator = NetworkTestData.user(d.coordinator());
		Conference pub = conferences.plan(draft(Conference.Type.SOZIALRAUM, "Öffentlich " + d.suffix(),
				d.network().id(), Conference.Visibility.PUBLIC), coordinator);
		var item = conferences.addAgendaItem(pub.id(), "Bericht", d.member().id(), coordinator);
		conferences.writeMinutes(pub.id(), item.id(), "Öffentliches Protokoll " + d.suffix(), coordinator);
		String path = "/conferences/" + pub.id() + "/minutes";
		assertThat(mvc.perform(get(path).with(anonymous())).andReturn().getResponse().getStatus()).isEqualTo(404);
		// a plain member may neither approve nor publish
		assertThatThrownBy(() -> conferences.approveMinutes(pub.id(), NetworkTestData.user(d.member())))
			.isInstanceOf(SecurityException.class);
		assertThatThrownBy(() -> conferences.publishMinutes(pub.id(), coordinator))
			.isInstanceOf(InvalidConferenceException.class);
		assertThat(status(post("/conferences/" + pub.id() + "/approve"), d.coordinator().username(), "PROVIDER"))
			.isEqualTo(302);
		// approved minutes are locked
		assertThatThrownBy(() -> conferences.writeMinutes(pub.id(), item.id(), "später", coordinator))
			.isInstanceOf(InvalidConferenceException.class);
		assertThat(status(post("/conferences/" + pub.id() + "/publish"), d.coordinator().username(), "PROVIDER"))
			.isEqualTo(302);
		var published = mvc.perform(get(path).with(anonymous())).andReturn().getResponse();
		assertThat(published.getStatus()).isEqualTo(200);
		assertThat(published.getContentAsString()).contains("Öffentliches Protokoll " + d.suffix(), "veröffentlicht")
			// the public sees no persons
			.doesNotContain(d.member().name());

		Conference internal = conferences.plan(draft(Conference.Type.SOZIALREGION, "Intern " + d.suffix(), null,
				Conference.Visibility.INTERNAL), PLANNER);
		conferences.approveMinutes(internal.id(), PLANNER);
		assertThatThrownBy(() -> conferences.publishMinutes(internal.id(), PLANNER))
			.isInstanceOf(InvalidConferenceException.class);
		assertThat(mvc.perform(get("/conferences/" + internal.id() + "/minutes").with(anonymous())).andReturn()
			.getResponse().getStatus()).isEqualTo(404);
	}

	@Test
	void aDecisionCreatesATaskInTheOwnersListUntilItIsDone() throws Exception {
		var d = NetworkTestData.create(networks, areas);
		Viewer coordinator = NetworkTestData.user(d.coordinator());
		Conference c = conferences.plan(draft(Conference.Type.NETWORK_MEETING, "Netzwerktreffen " + d.suffix(),
				d.network().id(), Conference.Visibility.INTERNAL), coordinator);
		var item = conferences.addAgendaItem(c.id(), "Ferienprogramm", null, coordinator);
		String text = "Ferienprogramm " + d.suffix() + " mit der Gemeinde abstimmen";
		assertThat(status(post("/conferences/" + c.id() + "/decisions").param("text", text)
			.param("agendaItemId", Long.toString(item.id())).param("taskOwner", Long.toString(d.member().id()))
			.param("taskDue", "2027-01-31"), d.coordinator().username(), "PROVIDER")).isEqualTo(302);

		List<Task> mine = conferences.myOpenTasks(NetworkTestData.user(d.member()));
		assertThat(mine).singleElement().satisfies(t -> {
			assertThat(t.title()).isEqualTo(text);
			assertThat(t.due()).isEqualTo(LocalDate.of(2027, 1, 31));
			assertThat(t.networkId()).isEqualTo(d.network().id());
		});
		assertThat(conferences.openTasksOfNetwork(d.network().id(), coordinator)).extracting(Task::title)
			.containsExactly(text);
		// not for a non-member
		assertThat(conferences.openTasksOfNetwork(d.network().id(), NetworkTestData.user(d.outsider()))).isEmpty();
		String page = mvc.perform(get("/tasks").with(user(d.member().username()).roles("PROVIDER"))).andReturn()
			.getResponse().getContentAsString();
		assertThat(page).contains(text, "31.01.2027");

		// someone else may not tick it off; the owner may
		assertThat(status(post("/tasks/" + mine.get(0).id() + "/done"), d.outsider().username(), "PROVIDER"))
			.isEqualTo(403);
		assertThat(status(post("/tasks/" + mine.get(0).id() + "/done"), d.member().username(), "PROVIDER"))
			.isEqualTo(302);
		assertThat(conferences.myOpenTasks(NetworkTestData.user(d.member()))).isEmpty();

		// a due date without an owner, or an owner without a due date: refused, nothing written
		long decisions = jdbc.sql("select count(*) from conference.decision where conference_id = ?").param(c.id())
			.query(Long.class).single();
		var bad = mvc.perform(post("/conferences/" + c.id() + "/decisions").param("text", "")
			.param("taskDue", "2027-02-01").with(user(d.coordinator().username()).roles("PROVIDER")).with(csrf()))
			.andReturn().getResponse();
		assertThat(bad.getStatus()).isEqualTo(422);
		assertThat(bad.getContentAsString()).contains("id=\"err-text\"", "id=\"err-taskOwner\"", "href=\"#f-taskOwner\"");
		assertThat(jdbc.sql("select count(*) from conference.decision where conference_id = ?").param(c.id())
			.query(Long.class).single()).isEqualTo(decisions);
	}

	@Test
	void badPlanningInputIsRefusedAsAWholeWithEveryFieldNamedAndKept() throws Exception {
		String title = "Kaputt " + System.nanoTime();
		var response = mvc.perform(post("/conferences/new").with(user("planung").roles("PLANNER")).with(csrf())
			.param("type", "SOZIALRAUM").param("title", "").param("startsAt", "2027-03-10T16:00")
			.param("endsAt", "2027-03-10T14:00").param("onlineUrl", "ftp://irgendwo").param("visibility", "PUBLIC")
			.param("place", title)).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(422);
		assertThat(response.getContentAsString()).contains("id=\"err-title\"", "id=\"err-endsAt\"",
				"id=\"err-onlineUrl\"", "Das Ende liegt nicht nach dem Beginn.", "value=\"" + title + "\"",
				"value=\"2027-03-10T16:00\"");
		assertThat(jdbc.sql("select count(*) from conference.conference where place = ?").param(title)
			.query(Long.class).single()).isZero();
		// only planners and the network's coordinators plan
		assertThatThrownBy(() -> conferences.plan(draft(Conference.Type.SOZIALRAUM, "x", null,
				Conference.Visibility.INTERNAL), new Viewer("traeger", false, false)))
			.isInstanceOf(SecurityException.class);
	}

	@Test
	void theInvitedPersonAnswersTheInvitation() throws Exception {
		var d = NetworkTestData.create(networks, areas);
		Viewer coordinator = NetworkTestData.user(d.coordinator());
		Conference c = conferences.plan(draft(Conference.Type.SOZIALRAUM, "Anmeldung " + d.suffix(), d.network().id(),
				Conference.Visibility.INTERNAL), coordinator);
		conferences.invite(c.id(), List.of(d.member().id()), coordinator);
		assertThat(status(post("/conferences/" + c.id() + "/registration").param("response", "ACCEPTED"),
				d.member().username(), "PROVIDER")).isEqualTo(302);
		assertThat(conferences.view(c.id(), coordinator).orElseThrow().invitations()).singleElement()
			.satisfies(i -> assertThat(i.response()).isEqualTo(Invitation.Response.ACCEPTED));
		// who is not invited cannot answer
		assertThat(status(post("/conferences/" + c.id() + "/registration").param("response", "ACCEPTED"),
				d.outsider().username(), "PROVIDER")).isEqualTo(403);
	}

	private int status(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
			String username, String role) throws Exception {
		return mvc.perform(request.with(user(username).roles(role)).with(csrf())).andReturn().getResponse()
			.getStatus();
	}
}
