package org.spange.conference.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import org.spange.conference.Conference;

/**
 * Writes one conference as an RFC 5545 iCalendar object: times in UTC (no VTIMEZONE needed), text escaped, lines
 * ended by CRLF and folded at 75 octets without splitting a UTF-8 character.
 */
final class ICalendar {

	private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
		.withZone(ZoneOffset.UTC);

	private ICalendar() {
	}

	/**
	 * @param summary  the title to show (a Fallkonferenz's invitation says no more than its type)
	 * @param pageUrl  the conference's page in Spange
	 * @param method   PUBLISH for a download, REQUEST for an invitation or an update, CANCEL for a cancellation
	 * @param sequence the event's revision (RFC 5545 3.8.7.4): 0 at first, raised by every notified rescheduling and
	 *                 by the cancellation, so that a calendar client applies the newest message only
	 */
	static String of(Conference c, String summary, String pageUrl, String method, int sequence, Instant now) {
		StringBuilder out = new StringBuilder();
		line(out, "BEGIN:VCALENDAR");
		line(out, "VERSION:2.0");
		line(out, "PRODID:-//Spange//Konferenzen//DE");
		line(out, "CALSCALE:GREGORIAN");
		line(out, "METHOD:" + method);
		line(out, "BEGIN:VEVENT");
		line(out, "UID:conference-" + c.id() + "@spange");
		line(out, "DTSTAMP:" + UTC.format(now.truncatedTo(ChronoUnit.SECONDS)));
		line(out, "SEQUENCE:" + sequence);
		if ("CANCEL".equals(method)) {
			// RFC 5546: a cancellation carries the event's UID, a higher sequence and the cancelled status
			line(out, "STATUS:CANCELLED");
		}
		line(out, "DTSTART:" + UTC.format(c.startsAt()));
		line(out, "DTEND:" + UTC.format(c.endsAt()));
		line(out, "SUMMARY:" + text(summary));
		String location = c.place() != null ? c.place() : c.onlineUrl();
		if (location != null) {
			line(out, "LOCATION:" + text(location));
		}
		if (c.onlineUrl() != null) {
			line(out, "URL:" + c.onlineUrl());
		}
		line(out, "DESCRIPTION:" + text(pageUrl));
		line(out, "END:VEVENT");
		line(out, "END:VCALENDAR");
		return out.toString();
	}

	/** TEXT value escaping (RFC 5545 3.3.11). */
	static String text(String value) {
		return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n")
			.replace("\n", "\\n").replace("\r", "\\n");
	}

	/** Appends a content line folded so that no physical line exceeds 75 octets (3.1). */
	static void line(StringBuilder out, String content) {
		int octets = 0;
		int limit = 75;
		for (int i = 0; i < content.length();) {
			int cp = content.codePointAt(i);
			int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
			if (octets + size > limit) {
				out.append("\r\n ");
				// the leading space of a continuation line counts
				octets = 1;
			}
			out.appendCodePoint(cp);
			octets += size;
			i += Character.charCount(cp);
		}
		out.append("\r\n");
	}
}
