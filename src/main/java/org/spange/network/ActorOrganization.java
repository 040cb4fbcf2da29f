package org.spange.network;

/**
 * An organisation taking part in networks. {@code offerOrganizationId} is the same Träger in the offer inventory, if
 * it is one there.
 */
public record ActorOrganization(Long id, String name, Long offerOrganizationId) {
}
