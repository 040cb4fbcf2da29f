package org.spange.conference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.spange.SpangeTest;
import org.spange.area.AreaQueries;
import org.spange.network.NetworkTestData;
import org.spange.network.Networks;
import org.spange.network.Viewer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;

import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;

/**
 * Rescheduling a conference whose invitations went out reaches the invited persons (GreenMail, in process): who had
 * the invitation e-mail, and only they, get an update notice saying what changed (old → new, Vienna time) with a
 * calendar file that a calendar client applies to the event it already has: METHOD:REQUEST, the same UID, the
 * SEQUENCE raised by one per notified change (ical4j-validated). A new title alone notifies nobody; the cancellation
 * carries the next SEQUENCE; a Fallkonferenz's notice names no case.
 */
@SpangeTest
class ConferenceUpdateNoticeTest {

	static final ZoneId VIENNA = ZoneId.of("Europe/Vienna");

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

	MailCatcher mail;
	GreenMail smtp;

	@BeforeEach
	void startSmtp() {
		mail = new MailCatcher(mailSender);
		smtp = mail.smtp();
	}

	@AfterEach
	void stopSmtp() {
		mail.close();
	}

	@Test
	void reschedulingNotifiesWhoHadTheInvitationWithARisingSequence() throws Exception {
		var d = NetworkTestData.create(networks, areas);
		Viewer coordinator = NetworkTestData.user(d.coordinator());
		String title = "Änderungstest " + d.suffix();
		Conference c = conferences.plan(new Conference(null, Conference.Type.SOZIALRAUM, title, at(2027, 3, 10, 14, 0),
				at(2027, 3, 10, 16, 0), "Rathaus Nenzing (fiktiv)", null, null, d.network().id(),
				Conference.Visibility.INTERNAL, null, null), coordinator);
		conferences.invite(c.id(), List.of(d.member().id(), d.outsider().id()), coordinator);
		assertThat(conferences.sendInvitations(c.id(), coordinator)).isEqualTo(2);
		assertThat(smtp.waitForIncomingEmail(10_000, 2)).isTrue();
		// the invitation is the event's first revision
		for (MimeMessage m : smtp.getReceivedMessages()) {
			assertThat(event(MailCatcher.attachment(m, "einladung.ics")).getSequence().getSequenceNo()).isZero();
		}
		// invited later, the e-mail not sent yet: no notice either
		conferences.invite(c.id(), List.of(d.former().id()), coordinator);

		// the edit page says what will happen (and each field is there once, no stray confirmation box beside it)
		String editPage = mvc.perform(get("/conferences/" + c.id() + "/edit").with(user(d.coordinator().username())
			.roles("PROVIDER"))).andReturn().getResponse().getContentAsString();
		assertThat(editPage).contains("id=\"update-hint\"");
		assertThat(editPage.split("id=\"f-title\"", -1)).hasSize(2);
		assertThat(editPage.split("id=\"f-confirm\"", -1)).hasSize(2);

		// a new title alone: saved, nobody notified, the page says 0
		MvcResult titleOnly = edit(d, c, "Neuer Titel " + d.suffix(), "2027-03-10T14:00", "2027-03-10T16:00",
				"Rathaus Nenzing (fiktiv)", "");
		assertThat(titleOnly.getFlashMap().get("updateNotices")).isEqualTo(0);
		assertThat(conferences.view(c.id(), coordinator).orElseThrow().conference().title())
			.isEqualTo("Neuer Titel " + d.suffix());
		assertThat(smtp.getReceivedMessages()).hasSize(2);
		assertThat(sequence(c)).isZero();

		// first rescheduling: the time moves; title back as well, which the notice then names too
		MvcResult first = edit(d, c, title, "2027-03-17T15:00", "2027-03-17T17:30", "Rathaus Nenzing (fiktiv)", "");
		assertThat(first.getFlashMap().get("updateNotices")).isEqualTo(2);
		assertThat(smtp.waitForIncomingEmail(10_000, 4)).isTrue();
		List<MimeMessage> firstNotices = received("Geändert: " + title + " am 17.03.2027, 15:00");
		assertThat(firstNotices).hasSize(2);
		assertThat(recipients(firstNotices)).containsExactlyInAnyOrder(d.member().email(), d.outsider().email());
		for (MimeMessage m : firstNotices) {
			String body = text(m);
			assertThat(body).contains("Beginn: 10.03.2027, 14:00 Uhr → 17.03.2027, 15:00 Uhr",
					"Ende: 10.03.2027, 16:00 Uhr → 17.03.2027, 17:30 Uhr",
					"Titel: Neuer Titel " + d.suffix() + " → " + title).doesNotContain("Ort: Rathaus Nenzing (fiktiv) →");
			String ics = MailCatcher.attachment(m, "aenderung.ics");
			assertThat(ics).contains("METHOD:REQUEST\r\n", "UID:conference-" + c.id() + "@spange\r\n",
					"SEQUENCE:1\r\n", "DTSTART:20270317T140000Z\r\n");
			Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
			calendar.validate();
			assertThat(calendar.getProperty(Property.METHOD).getValue()).isEqualTo("REQUEST");
			VEvent event = (VEvent) calendar.getComponent(Component.VEVENT);
			assertThat(event.getUid().getValue()).isEqualTo("conference-" + c.id() + "@spange");
			assertThat(event.getSequence().getSequenceNo()).isEqualTo(1);
			assertThat(event.getStartDate().getDate().toInstant()).isEqualTo(at(2027, 3, 17, 15, 0));
			assertThat(event.getEndDate().getDate().toInstant()).isEqualTo(at(2027, 3, 17, 17, 30));
		}
		// the conference page shows the count
		assertThat(mvc.perform(get("/conferences/" + c.id()).flashAttr("updateNotices", 2)
			.with(user(d.coordinator().username()).roles("PROVIDER"))).andReturn().getResponse()
			.getContentAsString()).contains("2 Änderungsmitteilung(en) per E-Mail versendet.");

		// second rescheduling: online instead of the town hall
		MvcResult second = edit(d, c, title, "2027-03-17T15:00", "2027-03-17T17:30", "",
				"https://meet.example.org/" + d.suffix());
		assertThat(second.getFlashMap().get("updateNotices")).isEqualTo(2);
		assertThat(smtp.waitForIncomingEmail(10_000, 6)).isTrue();
		List<MimeMessage> secondNotices = received("Geändert: " + title + " am 17.03.2027, 15:00");
		assertThat(secondNotices).hasSize(4);
		List<MimeMessage> online = secondNotices.stream()
			.filter(m -> text(m).contains("Ort: Rathaus Nenzing (fiktiv) → –")).toList();
		assertThat(online).hasSize(2);
		for (MimeMessage m : online) {
			assertThat(text(m)).contains("Online-Link: – → https://meet.example.org/" + d.suffix())
				.doesNotContain("Beginn: 10.03.2027");
			VEvent event = event(MailCatcher.attachment(m, "aenderung.ics"));
			assertThat(event.getSequence().getSequenceNo()).isEqualTo(2);
			assertThat(event.getLocation().getValue()).isEqualTo("https://meet.example.org/" + d.suffix());
		}
		assertThat(sequence(c)).isEqualTo(2);

		// the cancellation is the next revision
		assertThat(conferences.cancel(c.id(), null, coordinator)).isEqualTo(2);
		assertThat(smtp.waitForIncomingEmail(10_000, 8)).isTrue();
		List<MimeMessage> cancels = received("Abgesagt: " + title);
		assertThat(cancels).hasSize(2);
		for (MimeMessage m : cancels) {
			String ics = MailCatcher.attachment(m, "absage.ics");
			Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
			calendar.validate();
			assertThat(calendar.getProperty(Property.METHOD).getValue()).isEqualTo("CANCEL");
			VEvent event = (VEvent) calendar.getComponent(Component.VEVENT);
			assertThat(event.getUid().getValue()).isEqualTo("conference-" + c.id() + "@spange");
			assertThat(event.getSequence().getSequenceNo()).isEqualTo(3);
		}
		// the former member, invited but never sent the invitation, got nothing at all
		assertThat(recipients(List.of(smtp.getReceivedMessages()))).doesNotContain(d.former().email());
		assertThat(jdbc.sql("select count(*) from access.audit_event where action = 'conference.update' and subject_id = ?")
			.param(Long.toString(c.id())).query(Long.class).single()).isEqualTo(3);
	}

	@Test
	void aFallkonferenzUpdateNamesNoCase() throws Exception {
		var d = NetworkTestData.create(networks, areas);
		Viewer coordinator = NetworkTestData.user(d.coordinator());
		Conference fall = conferences.plan(new Conference(null, Conference.Type.CASE, "Familie Geheim " + d.suffix(),
				at(2027, 4, 5, 9, 0), at(2027, 4, 5, 10, 0), "Jugendamt (fiktiv)", null, null, d.network().id(),
				Conference.Visibility.RESTRICTED, null, null), coordinator);
		conferences.invite(fall.id(), List.of(d.member().id()), coordinator);
		assertThat(conferences.sendInvitations(fall.id(), coordinator)).isEqualTo(1);
		assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();

		// time and title change together: the notice says the time, never the title, old or new
		Rescheduled r = conferences.update(fall.id(), new Conference(fall.id(), null, "Familie Vertraulich " + d.suffix(),
				at(2027, 4, 6, 9, 0), at(2027, 4, 6, 10, 0), "Jugendamt (fiktiv)", null, null, null, null, null, null),
				coordinator);
		assertThat(r.notified()).isEqualTo(1);
		assertThat(r.conference().title()).isEqualTo("Familie Vertraulich " + d.suffix());
		assertThat(smtp.waitForIncomingEmail(10_000, 2)).isTrue();
		MimeMessage notice = received("Geändert: Fallkonferenz am 06.04.2027, 09:00").get(0);
		String whole = GreenMailUtil.getWholeMessage(notice);
		assertThat(whole).doesNotContain("Geheim", "Vertraulich");
		assertThat(text(notice)).doesNotContain("Geheim", "Vertraulich", "Titel:");
		assertThat(text(notice)).contains("Beginn: 05.04.2027, 09:00 Uhr → 06.04.2027, 09:00 Uhr");
		String ics = MailCatcher.attachment(notice, "aenderung.ics");
		assertThat(ics).contains("SUMMARY:Fallkonferenz\r\n", "SEQUENCE:1\r\n").doesNotContain("Geheim", "Vertraulich");
		new CalendarBuilder().build(new StringReader(ics)).validate();
	}

	private MvcResult edit(NetworkTestData d, Conference c, String title, String start, String end, String place,
			String url) throws Exception {
		MvcResult result = mvc.perform(post("/conferences/" + c.id() + "/edit").param("title", title)
			.param("startsAt", start).param("endsAt", end).param("place", place).param("onlineUrl", url)
			.with(user(d.coordinator().username()).roles("PROVIDER")).with(csrf())).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(302);
		return result;
	}

	private int sequence(Conference c) {
		return jdbc.sql("select ical_sequence from conference.conference where id = ?").param(c.id())
			.query(Integer.class).single();
	}

	private List<MimeMessage> received(String subjectPrefix) throws Exception {
		List<MimeMessage> found = new ArrayList<>();
		for (MimeMessage m : smtp.getReceivedMessages()) {
			if (m.getSubject().startsWith(subjectPrefix)) {
				found.add(m);
			}
		}
		return found;
	}

	private static List<String> recipients(List<MimeMessage> messages) throws Exception {
		List<String> to = new ArrayList<>();
		for (MimeMessage m : messages) {
			to.add(m.getRecipients(Message.RecipientType.TO)[0].toString());
		}
		return to;
	}

	private static VEvent event(String ics) throws Exception {
		Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
		calendar.validate();
		return (VEvent) calendar.getComponent(Component.VEVENT);
	}

	private static Instant at(int y, int m, int day, int h, int min) {
		return LocalDateTime.of(y, m, day, h, min).atZone(VIENNA).toInstant();
	}

	/** The decoded text of the e-mail (the raw body is quoted-printable). */
	private static String text(Part part) {
		try {
			if (part.isMimeType("text/plain") && part.getFileName() == null) {
				return (String) part.getContent();
			}
			if (part.getContent() instanceof Multipart multipart) {
				for (int i = 0; i < multipart.getCount(); i++) {
					String found = text(multipart.getBodyPart(i));
					if (found != null) {
						return found;
					}
				}
			}
			return null;
		} catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

}
