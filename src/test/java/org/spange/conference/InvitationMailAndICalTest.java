package org.spange.conference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.spange.SpangeTest;
import org.spange.area.AreaQueries;
import org.spange.network.NetworkTestData;
import org.spange.network.Networks;
import org.spange.network.Viewer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.test.web.servlet.MockMvc;

import com.icegreen.greenmail.util.GreenMail;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.component.VEvent;

/**
 * Invitations go out by e-mail through the configured SMTP server (here GreenMail, in process) with the conference as
 * an iCalendar file; the .ics export is valid RFC 5545, checked by a strict parser (ical4j) and by hand (CRLF, lines
 * folded at 75 octets, required properties).
 */
@SpangeTest
class InvitationMailAndICalTest {

	static final ZoneId VIENNA = ZoneId.of("Europe/Vienna");

	@Autowired
	Conferences conferences;

	@Autowired
	Networks networks;

	@Autowired
	AreaQueries areas;

	@Autowired
	JavaMailSender mailSender;

	@Autowired
	MockMvc mvc;

	@Test
	void invitationsAreSentWithTheCalendarFile() throws Exception {
		var d = NetworkTestData.create(networks, areas);
		Viewer coordinator = NetworkTestData.user(d.coordinator());
		Conference c = conferences.plan(new Conference(null, Conference.Type.SOZIALRAUM, "Einladungstest " + d.suffix(),
				at(2027, 3, 10, 14, 0), at(2027, 3, 10, 16, 0), "Rathaus Nenzing (fiktiv)", null, null,
				d.network().id(), Conference.Visibility.INTERNAL, null, null), coordinator);
		conferences.invite(c.id(), List.of(d.member().id(), d.outsider().id()), coordinator);

		try (MailCatcher mail = new MailCatcher(mailSender)) {
			GreenMail smtp = mail.smtp();
			var response = mvc.perform(post("/conferences/" + c.id() + "/invitations/send")
				.with(user(d.coordinator().username()).roles("PROVIDER")).with(csrf())).andReturn().getResponse();
			assertThat(response.getStatus()).isEqualTo(302);
			assertThat(smtp.waitForIncomingEmail(10_000, 2)).isTrue();
			MimeMessage[] received = smtp.getReceivedMessages();
			assertThat(received).hasSize(2);
			List<String> recipients = new ArrayList<>();
			for (MimeMessage m : received) {
				recipients.add(m.getRecipients(Message.RecipientType.TO)[0].toString());
				assertThat(m.getSubject()).isEqualTo("Einladung: Einladungstest " + d.suffix() + " am 10.03.2027, 14:00");
				String ics = MailCatcher.attachment(m, "einladung.ics");
				assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n").contains("METHOD:REQUEST\r\n",
						"UID:conference-" + c.id() + "@spange\r\n", "DTSTART:20270310T130000Z\r\n");
				Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
				calendar.validate();
			}
			assertThat(recipients).containsExactlyInAnyOrder(d.member().email(), d.outsider().email());

			// a Fallkonferenz's invitation names no case: neither in the subject, nor the body, nor the calendar file
			Conference fall = conferences.plan(new Conference(null, Conference.Type.CASE, "Familie Geheim " + d.suffix(),
					at(2027, 3, 11, 9, 0), at(2027, 3, 11, 10, 0), "Jugendamt (fiktiv)", null, null, d.network().id(),
					Conference.Visibility.RESTRICTED, null, null), coordinator);
			conferences.invite(fall.id(), List.of(d.member().id()), coordinator);
			assertThat(conferences.sendInvitations(fall.id(), coordinator)).isEqualTo(1);
			assertThat(smtp.waitForIncomingEmail(10_000, 3)).isTrue();
			List<MimeMessage> all = List.of(smtp.getReceivedMessages());
			List<String> subjects = new ArrayList<>();
			for (MimeMessage m : all) {
				subjects.add(m.getSubject());
			}
			assertThat(subjects).contains("Einladung: Fallkonferenz am 11.03.2027, 09:00")
				.noneMatch(subject -> subject.contains("Geheim"));
			MimeMessage caseMail = all.get(subjects.indexOf("Einladung: Fallkonferenz am 11.03.2027, 09:00"));
			assertThat(com.icegreen.greenmail.util.GreenMailUtil.getWholeMessage(caseMail)).doesNotContain("Geheim");
			assertThat(MailCatcher.attachment(caseMail, "einladung.ics")).contains("SUMMARY:Fallkonferenz\r\n")
				.doesNotContain("Geheim");
			// sent once: a second click sends nothing more
			assertThat(conferences.sendInvitations(c.id(), coordinator)).isZero();
			assertThat(conferences.view(c.id(), coordinator).orElseThrow().invitations())
				.allSatisfy(i -> assertThat(i.sentAt()).isNotNull());
		}
	}

	@Test
	void theICalExportIsValidRfc5545() throws Exception {
		var d = NetworkTestData.create(networks, areas);
		Viewer coordinator = NetworkTestData.user(d.coordinator());
		// long, with umlauts and characters that must be escaped: folding must not split a UTF-8 character
		String title = "Sozialraumkonferenz Bludenz; Jugend, Familie und Ältere – Überblick über Bedürfnisse "
				+ d.suffix() + " äöüß äöüß äöüß";
		Conference c = conferences.plan(new Conference(null, Conference.Type.SOZIALRAUM, title,
				at(2027, 7, 1, 9, 30), at(2027, 7, 1, 12, 0), null, "https://meet.example.org/raum-" + d.suffix(),
				null, d.network().id(), Conference.Visibility.INTERNAL, null, null), coordinator);
		var response = mvc.perform(get("/conferences/" + c.id() + ".ics").with(user(d.member().username())
			.roles("PROVIDER"))).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentType()).startsWith("text/calendar");
		byte[] bytes = response.getContentAsByteArray();
		String ics = new String(bytes, StandardCharsets.UTF_8);

		// every line ends with CRLF and has at most 75 octets
		assertThat(ics).endsWith("END:VCALENDAR\r\n").doesNotContain("\n\n");
		assertThat(ics.replace("\r\n", "")).doesNotContain("\r", "\n");
		for (String line : ics.split("\r\n")) {
			assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
		}
		assertThat(ics).contains("DTSTART:20270701T073000Z\r\n", "DTEND:20270701T100000Z\r\n");

		Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
		calendar.validate();
		VEvent event = (VEvent) calendar.getComponents(Component.VEVENT).get(0);
		assertThat(event.getUid().getValue()).isEqualTo("conference-" + c.id() + "@spange");
		assertThat(event.getDateStamp()).isNotNull();
		// unfolded and unescaped, the summary is the title again
		assertThat(event.getSummary().getValue()).isEqualTo(title);
		assertThat(event.getStartDate().getDate().toInstant()).isEqualTo(at(2027, 7, 1, 9, 30));
		assertThat(event.getLocation().getValue()).isEqualTo("https://meet.example.org/raum-" + d.suffix());
		assertThat(event.getUrl().getValue()).isEqualTo("https://meet.example.org/raum-" + d.suffix());

		// the public gets no calendar of an internal conference
		assertThat(mvc.perform(get("/conferences/" + c.id() + ".ics").with(
				org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous()))
			.andReturn().getResponse().getStatus()).isEqualTo(302);
	}

	private static Instant at(int y, int m, int day, int h, int min) {
		return LocalDateTime.of(y, m, day, h, min).atZone(VIENNA).toInstant();
	}

}
