package org.spange.network;

/** A standing task of a network; the owner may be empty. */
public record FixedTask(long id, long networkId, String text, Long ownerPersonId, String ownerName) {
}
