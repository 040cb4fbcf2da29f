package org.spange.conference;

import java.nio.charset.StandardCharsets;

import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

import jakarta.mail.Multipart;
import jakarta.mail.Part;

/**
 * An in-process SMTP server (GreenMail) that the app's mail sender points at while a test runs; closing puts the
 * sender back, so other tests see the configured server again.
 */
final class MailCatcher implements AutoCloseable {

	private final GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
	private final JavaMailSenderImpl sender;
	private final String host;
	private final int port;

	MailCatcher(JavaMailSender mailSender) {
		sender = (JavaMailSenderImpl) mailSender;
		host = sender.getHost();
		port = sender.getPort();
		smtp.start();
		sender.setHost("127.0.0.1");
		sender.setPort(smtp.getSmtp().getPort());
	}

	GreenMail smtp() {
		return smtp;
	}

	@Override
	public void close() {
		sender.setHost(host);
		sender.setPort(port);
		smtp.stop();
	}

	/** The text of the attachment with this file name anywhere in a message, or null. */
	static String attachment(Part part, String filename) throws Exception {
		if (filename.equals(part.getFileName())) {
			return new String(part.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		}
		if (part.getContent() instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				String found = attachment(multipart.getBodyPart(i), filename);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}
}
