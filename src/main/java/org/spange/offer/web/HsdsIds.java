package org.spange.offer.web;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HSDS identifiers (UUIDs) for Spange's records. Numeric ids become readable, reversible UUIDs
 * ({@code 0000000t-0000-4000-8000-<id in hex>}, t the type); an offer at a location carries both ids; parts without an
 * id of their own (phones, taxonomy terms, …) get name-based UUIDs, the same after every restart.
 */
final class HsdsIds {

	static final int ORGANIZATION = 1;
	static final int SERVICE = 2;
	static final int LOCATION = 3;
	static final int SERVICE_AT_LOCATION = 4;

	private static final Pattern UUID_FORMAT = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
	private static final Pattern NUMERIC = Pattern.compile("0000000([1-3])-0000-4000-8000-([0-9a-f]{12})");
	private static final Pattern AT_LOCATION = Pattern
		.compile("00000004-([0-9a-f]{4})-4([0-9a-f]{3})-8([0-9a-f]{3})-([0-9a-f]{12})");

	private HsdsIds() {
	}

	static String of(int type, long id) {
		return String.format("%08x-0000-4000-8000-%012x", type, id);
	}

	/** The offer (40 bits) and the location (48 bits) in one UUID, so that the pair can be looked up again. */
	static String serviceAtLocation(long offerId, long locationId) {
		return String.format("%08x-%04x-4%03x-8%03x-%012x", SERVICE_AT_LOCATION, (offerId >>> 24) & 0xffff,
				(offerId >>> 12) & 0xfff, offerId & 0xfff, locationId);
	}

	/** The numeric id in a UUID of the given type; empty for any other UUID. */
	static Optional<Long> numeric(int type, String uuid) {
		Matcher m = NUMERIC.matcher(uuid == null ? "" : uuid);
		if (!m.matches() || Integer.parseInt(m.group(1)) != type) {
			return Optional.empty();
		}
		return Optional.of(Long.parseLong(m.group(2), 16));
	}

	/** Offer and location id of a service-at-location UUID; empty for any other. */
	static Optional<long[]> serviceAtLocation(String uuid) {
		Matcher m = AT_LOCATION.matcher(uuid == null ? "" : uuid);
		if (!m.matches()) {
			return Optional.empty();
		}
		long offer = Long.parseLong(m.group(1) + m.group(2) + m.group(3), 16);
		return Optional.of(new long[] { offer, Long.parseLong(m.group(4), 16) });
	}

	static boolean isUuid(String value) {
		return value != null && UUID_FORMAT.matcher(value).matches();
	}

	/** A name-based UUID from the parts, e.g. {@code named("taxonomy", "setting")}. */
	static String named(Object... parts) {
		StringBuilder name = new StringBuilder("spange");
		for (Object part : parts) {
			name.append(':').append(part);
		}
		return UUID.nameUUIDFromBytes(name.toString().getBytes(StandardCharsets.UTF_8)).toString();
	}
}
