package org.spange.conference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
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
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;

import jakarta.mail.internet.MimeMessage;
import net.fortuna.ical4j.data.CalendarBuilder;

/**
 * Editing, cancelling and deleting conferences and agenda items: bad input comes back at the field with the input
 * kept and nothing written, only the conference's editors may do it, a cancellation reaches the invited persons by
 * e-mail with a cancelling calendar file (GreenMail), only drafts are deleted, agenda items are edited, reordered and
 * deleted only while the minutes are a draft.
 */
@SpangeTest
class ConferenceEditTest {

	static final ZoneId VIENNA = ZoneId.of("Europe/Vienna");
	static final Viewer PLANNER = new Viewer("planung", true, false);

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

	@Autowired
	JavaMailSender mailSender;

	private Conference plan(NetworkTestData d, Conference.Type type, String title) {
		Instant start = Instant.now().plus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
		return conferences.plan(new Conference(null, type, title, start, start.plus(2, ChronoUnit.HOURS),
				"Rathaus (fiktiv)", null, null, d.network().id(), type == Conference.Type.CASE
						? Conference.Visibility.RESTRICTED : Conference.Visibility.INTERNAL, null, null),
				NetworkTestData.user(d.coordinator()));
	}

	@Test
	void aConferenceIsRescheduledBeforeItBeginsAndBadInputIsKept() throws Exception {
		var d = NetworkTestData.create(networks, areas);
		Conference c = plan(d, Conference.Type.SOZIALRAUM, "Verschieben " + d.suffix());
		String coordinator = d.coordinator().username();
		assertThat(send(get("/conferences/" + c.id() + "/edit"), coordinator, "PROVIDER").getStatus()).isEqualTo(200);
		// a plain member may not
		assertThat(send(get("/conferences/" + c.id() + "/edit"), d.member().username(), "PROVIDER").getStatus())
			.isEqualTo(403);
		assertThat(send(post("/conferences/" + c.id() + "/edit").param("title", "Gekapert"), d.member().username(),
				"PROVIDER").getStatus()).isEqualTo(403);

		var bad = send(post("/conferences/" + c.id() + "/edit").param("title", "").param("startsAt", "2027-09-01T16:00")
			.param("endsAt", "2027-09-01T15:00").param("place", "Neuer Ort " + d.suffix()).param("onlineUrl", "ftp://x"),
				coordinator, "PROVIDER");
		assertThat(bad.getStatus()).isEqualTo(422);
		assertThat(bad.getContentAsString()).contains("id=\"err-title\"", "id=\"err-endsAt\"", "id=\"err-onlineUrl\"",
				"value=\"Neuer Ort " + d.suffix() + "\"", "value=\"2027-09-01T16:00\"");
		assertThat(conferences.view(c.id(), PLANNER).orElseThrow().conference().place()).isEqualTo("Rathaus (fiktiv)");

		assertThat(send(post("/conferences/" + c.id() + "/edit").param("title", "Verschoben " + d.suffix())
			.param("startsAt", "2027-09-01T16:00").param("endsAt", "2027-09-01T18:00").param("place", "")
			.param("onlineUrl", "https://meet.example.org/" + d.suffix()), coordinator, "PROVIDER").getStatus())
			.isEqualTo(302);
		Conference changed = conferences.view(c.id(), PLANNER).orElseThrow().conference();
		assertThat(changed.title()).isEqualTo("Verschoben " + d.suffix());
		assertThat(changed.startsAt()).isEqualTo(LocalDateTime.of(2027, 9, 1, 16, 0).atZone(VIENNA).toInstant());
		assertThat(changed.place()).isNull();
		assertThat(changed.onlineUrl()).isEqualTo("https://meet.example.org/" + d.suffix());
		assertThat(audits("conference.update", c.id())).isEqualTo(1);

		// once it has begun, time and place stay
		Instant past = Instant.now().minus(1, ChronoUnit.HOURS);
		jdbc.sql("update conference.conference set starts_at = ? where id = ?")
			.params(java.sql.Timestamp.from(past), c.id()).update();
		assertThatThrownBy(() -> conferences.update(c.id(), new Conference(c.id(), null, "x", past.plus(9,
				ChronoUnit.DAYS), past.plus(10, ChronoUnit.DAYS), "Ort", null, null, null, null, null, null),
				PLANNER)).isInstanceOf(InvalidConferenceException.class)
			.satisfies(e -> assertThat(((InvalidConferenceException) e).problems())
				.containsEntry("startsAt", "conference.check.alreadyBegun"));
	}

	@Test
	void aCancellationReachesTheInvitedPersonsByEmail() throws Exception {
		var d = NetworkTestData.create(networks, areas);
		Viewer coordinator = NetworkTestData.user(d.coordinator());
		Conference c = plan(d, Conference.Type.SOZIALRAUM, "Absagetest " + d.suffix());
		Conference fall = plan(d, Conference.Type.CASE, "Familie Geheim " + d.suffix());
		conferences.invite(c.id(), List.of(d.member().id(), d.outsider().id()), coordinator);
		conferences.invite(fall.id(), List.of(d.member().id()), coordinator);

		try (MailCatcher mail = new MailCatcher(mailSender)) {
			GreenMail smtp = mail.smtp();
			assertThat(conferences.sendInvitations(c.id(), coordinator)).isEqualTo(2);
			assertThat(conferences.sendInvitations(fall.id(), coordinator)).isEqualTo(1);
			assertThat(smtp.waitForIncomingEmail(10_000, 3)).isTrue();

			// without the tick: nothing happens
			var unconfirmed = send(post("/conferences/" + c.id() + "/cancel").param("notice", "Raum " + d.suffix()),
					d.coordinator().username(), "PROVIDER");
			assertThat(unconfirmed.getStatus()).isEqualTo(422);
			assertThat(unconfirmed.getContentAsString()).contains("id=\"err-confirm\"", "Raum " + d.suffix());
			assertThat(conferences.view(c.id(), coordinator).orElseThrow().conference().cancelled()).isFalse();
			// a member may not
			assertThat(send(post("/conferences/" + c.id() + "/cancel").param("confirm", "yes"), d.member().username(),
					"PROVIDER").getStatus()).isEqualTo(403);

			assertThat(send(post("/conferences/" + c.id() + "/cancel").param("confirm", "yes")
				.param("notice", "Der Saal ist belegt " + d.suffix()), d.coordinator().username(), "PROVIDER")
				.getStatus()).isEqualTo(302);
			assertThat(smtp.waitForIncomingEmail(10_000, 5)).isTrue();
			List<MimeMessage> cancels = List.of(smtp.getReceivedMessages()).stream()
				.filter(m -> subject(m).startsWith("Abgesagt: Absagetest " + d.suffix())).toList();
			assertThat(cancels).hasSize(2);
			for (MimeMessage m : cancels) {
				assertThat(GreenMailUtil.getBody(m)).contains("Der Saal ist belegt " + d.suffix());
				String ics = MailCatcher.attachment(m, "absage.ics");
				assertThat(ics).contains("METHOD:CANCEL\r\n", "STATUS:CANCELLED\r\n",
						"UID:conference-" + c.id() + "@spange\r\n");
				new CalendarBuilder().build(new StringReader(ics)).validate();
			}
			Conference cancelled = conferences.view(c.id(), coordinator).orElseThrow().conference();
			assertThat(cancelled.cancelled()).isTrue();
			assertThat(send(get("/conferences/" + c.id()), d.member().username(), "PROVIDER").getContentAsString())
				.contains("id=\"cancelled\"");
			// once is enough; and no more rescheduling
			assertThatThrownBy(() -> conferences.cancel(c.id(), null, coordinator))
				.isInstanceOf(InvalidConferenceException.class);
			// a cancelled conference takes no more agenda, minutes, decisions or invitations
			assertThatThrownBy(() -> conferences.addAgendaItem(c.id(), "Nachtrag", null, coordinator))
				.isInstanceOf(InvalidConferenceException.class);
			assertThatThrownBy(() -> conferences.decide(c.id(), null, "Beschluss", null, null, coordinator))
				.isInstanceOf(InvalidConferenceException.class);
			var refused = send(post("/conferences/" + c.id() + "/invitations/send"), d.coordinator().username(),
					"PROVIDER");
			assertThat(refused.getStatus()).isEqualTo(422);
			assertThat(refused.getContentAsString()).contains("Die Konferenz ist abgesagt.");

			// a Fallkonferenz's notice names no case and carries no free text
			conferences.cancel(fall.id(), "Familie Geheim zieht um", coordinator);
			assertThat(smtp.waitForIncomingEmail(10_000, 6)).isTrue();
			MimeMessage caseMail = List.of(smtp.getReceivedMessages()).stream()
				.filter(m -> subject(m).startsWith("Abgesagt: Fallkonferenz")).findFirst().orElseThrow();
			assertThat(GreenMailUtil.getWholeMessage(caseMail)).doesNotContain("Geheim");
		}
		assertThat(audits("conference.cancel", c.id())).isEqualTo(1);
	}

	@Test
	void nobodyIsInvitedToAConferenceThatIsOver() throws Exception {
		var d = NetworkTestData.create(networks, areas);
		Viewer coordinator = NetworkTestData.user(d.coordinator());
		Instant start = Instant.now().minus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
		Conference past = conferences.plan(new Conference(null, Conference.Type.SOZIALRAUM, "Vorbei " + d.suffix(),
				start, start.plus(2, ChronoUnit.HOURS), "Rathaus (fiktiv)", null, null, d.network().id(),
				Conference.Visibility.INTERNAL, null, null), coordinator);
		assertThatThrownBy(() -> conferences.invite(past.id(), List.of(d.member().id()), coordinator))
			.isInstanceOf(InvalidConferenceException.class);
		assertThat(conferences.view(past.id(), coordinator).orElseThrow().invitations()).isEmpty();
		// the page offers no invitation form for it
		assertThat(send(get("/conferences/" + past.id()), d.coordinator().username(), "PROVIDER")
			.getContentAsString()).doesNotContain("/conferences/" + past.id() + "/invitations");
	}

	@Test
	void onlyDraftsAreDeletedAndOnlyWithTheTick() throws Exception {
		var d = NetworkTestData.create(networks, areas);
		Viewer coordinator = NetworkTestData.user(d.coordinator());
		Conference draft = plan(d, Conference.Type.SOZIALRAUM, "Entwurf " + d.suffix());
		conferences.addAgendaItem(draft.id(), "Punkt", null, coordinator);
		Conference used = plan(d, Conference.Type.SOZIALRAUM, "Benutzt " + d.suffix());
		conferences.decide(used.id(), null, "Ein Beschluss", null, null, coordinator);

		assertThat(send(post("/conferences/" + draft.id() + "/delete"), d.coordinator().username(), "PROVIDER")
			.getStatus()).isEqualTo(422);
		assertThat(send(post("/conferences/" + draft.id() + "/delete").param("confirmDelete", "yes"),
				d.member().username(), "PROVIDER").getStatus()).isEqualTo(403);
		assertThat(conferences.view(draft.id(), PLANNER)).isPresent();
		assertThat(send(post("/conferences/" + draft.id() + "/delete").param("confirmDelete", "yes"),
				d.coordinator().username(), "PROVIDER").getStatus()).isEqualTo(302);
		assertThat(conferences.view(draft.id(), PLANNER)).isEmpty();
		assertThat(audits("conference.delete", draft.id())).isEqualTo(1);

		assertThat(conferences.deletable(used.id(), PLANNER)).isFalse();
		var refused = send(post("/conferences/" + used.id() + "/delete").param("confirmDelete", "yes"),
				d.coordinator().username(), "PROVIDER");
		assertThat(refused.getStatus()).isEqualTo(422);
		assertThat(refused.getContentAsString()).contains("Nur Entwürfe werden gelöscht");
		assertThat(conferences.view(used.id(), PLANNER)).isPresent();
	}

	@Test
	void agendaItemsAreEditedReorderedAndDeletedWhileTheMinutesAreADraft() throws Exception {
		var d = NetworkTestData.create(networks, areas);
		Viewer coordinator = NetworkTestData.user(d.coordinator());
		String who = d.coordinator().username();
		Conference c = plan(d, Conference.Type.NETWORK_MEETING, "Tagesordnung " + d.suffix());
		AgendaItem a = conferences.addAgendaItem(c.id(), "Erstens", null, coordinator);
		AgendaItem b = conferences.addAgendaItem(c.id(), "Zweitens", null, coordinator);
		AgendaItem z = conferences.addAgendaItem(c.id(), "Drittens", null, coordinator);
		Decision onB = conferences.decide(c.id(), b.id(), "Beschluss zu B " + d.suffix(), null, null, coordinator);

		String base = "/conferences/" + c.id() + "/agenda/";
		assertThat(send(get(base + a.id() + "/edit"), who, "PROVIDER").getStatus()).isEqualTo(200);
		var bad = send(post(base + a.id() + "/edit").param("title", " ").param("ownerPersonId", "999999999"), who,
				"PROVIDER");
		assertThat(bad.getStatus()).isEqualTo(422);
		assertThat(bad.getContentAsString()).contains("id=\"err-title\"", "id=\"err-ownerPersonId\"");
		assertThat(titles(c)).containsExactly("Erstens", "Zweitens", "Drittens");
		assertThat(send(post(base + a.id() + "/edit").param("title", "Begrüßung")
			.param("ownerPersonId", Long.toString(d.member().id())), who, "PROVIDER").getStatus()).isEqualTo(302);
		assertThat(send(post(base + a.id() + "/edit").param("title", "fremd"), d.member().username(), "PROVIDER")
			.getStatus()).isEqualTo(403);

		// reorder: the third one up, the first one down; the top one cannot go further up
		assertThat(send(post(base + z.id() + "/move").param("direction", "up"), who, "PROVIDER").getStatus())
			.isEqualTo(302);
		assertThat(titles(c)).containsExactly("Begrüßung", "Drittens", "Zweitens");
		send(post(base + a.id() + "/move").param("direction", "down"), who, "PROVIDER");
		assertThat(titles(c)).containsExactly("Drittens", "Begrüßung", "Zweitens");
		send(post(base + z.id() + "/move").param("direction", "up"), who, "PROVIDER");
		assertThat(titles(c)).containsExactly("Drittens", "Begrüßung", "Zweitens");
		assertThat(send(post(base + z.id() + "/move").param("direction", "sideways"), who, "PROVIDER").getStatus())
			.isEqualTo(422);

		// delete: only with the tick; its decision stays, for the whole conference; positions close up
		assertThat(send(post(base + b.id() + "/delete"), who, "PROVIDER").getStatus()).isEqualTo(422);
		assertThat(send(post(base + b.id() + "/delete").param("confirm", "yes"), who, "PROVIDER").getStatus())
			.isEqualTo(302);
		assertThat(titles(c)).containsExactly("Drittens", "Begrüßung");
		ConferenceView view = conferences.view(c.id(), coordinator).orElseThrow();
		assertThat(view.agenda()).extracting(AgendaItem::position).containsExactly(1, 2);
		assertThat(view.decisions()).filteredOn(x -> x.id() == onB.id()).singleElement()
			.satisfies(x -> assertThat(x.agendaItemId()).isNull());

		// approved minutes lock the agenda
		conferences.approveMinutes(c.id(), coordinator);
		assertThat(send(post(base + a.id() + "/edit").param("title", "später"), who, "PROVIDER").getStatus())
			.isEqualTo(422);
		assertThatThrownBy(() -> conferences.deleteAgendaItem(c.id(), a.id(), coordinator))
			.isInstanceOf(InvalidConferenceException.class);
		assertThat(titles(c)).containsExactly("Drittens", "Begrüßung");
	}

	private List<String> titles(Conference c) {
		return conferences.view(c.id(), PLANNER).orElseThrow().agenda().stream().map(AgendaItem::title).toList();
	}

	private long audits(String action, long conference) {
		return jdbc.sql("select count(*) from access.audit_event where action = ? and subject_id = ?")
			.params(action, Long.toString(conference)).query(Long.class).single();
	}

	private MockHttpServletResponse send(MockHttpServletRequestBuilder request, String username, String role)
			throws Exception {
		return mvc.perform(request.with(user(username).roles(role)).with(csrf())).andReturn().getResponse();
	}

	private static String subject(MimeMessage m) {
		try {
			return m.getSubject();
		} catch (jakarta.mail.MessagingException e) {
			throw new IllegalStateException(e);
		}
	}

}
