package org.spange.conference.internal;

import java.nio.charset.StandardCharsets;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import jakarta.mail.MessagingException;

/**
 * Sends invitations through the SMTP server configured with {@code spring.mail.*}; without one nothing is sent and
 * the invitation stays unsent.
 */
@Component
class InvitationMailer {

	private static final Logger log = LoggerFactory.getLogger(InvitationMailer.class);

	private final ObjectProvider<JavaMailSender> sender;
	private final String from;

	InvitationMailer(ObjectProvider<JavaMailSender> sender, @Value("${spange.mail.from:spange@localhost}") String from) {
		this.sender = sender;
		this.from = from;
	}

	/** @return whether the message was handed to the SMTP server */
	boolean send(String to, String subject, String body, String ical) {
		return send(to, subject, body, ical, "einladung.ics", "REQUEST");
	}

	/**
	 * A message with a calendar file of the given iTIP method (REQUEST for an invitation, CANCEL for a notice that
	 * the conference is called off).
	 *
	 * @return whether the message was handed to the SMTP server
	 */
	boolean send(String to, String subject, String body, String ical, String filename, String method) {
		JavaMailSender mail = sender.getIfAvailable();
		if (mail == null) {
			log.warn("No SMTP server configured (spring.mail.host): invitation not sent");
			return false;
		}
		try {
			var message = mail.createMimeMessage();
			var helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
			helper.setFrom(from);
			helper.setTo(to);
			helper.setSubject(subject);
			helper.setText(body);
			helper.addAttachment(filename, new ByteArrayResource(ical.getBytes(StandardCharsets.UTF_8)),
					"text/calendar; charset=UTF-8; method=" + method);
			mail.send(message);
			return true;
		} catch (MailException | MessagingException e) {
			log.warn("Conference message could not be sent: {}", e.getMessage());
			return false;
		}
	}
}
