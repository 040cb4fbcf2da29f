package org.spange.offer;

/**
 * A Träger (HSDS organization). {@code id} is null for a new one; {@code umbrellaAssociation} is the Dachverband of
 * a free provider.
 */
public record Organization(Long id, String name, String description, String website, String email,
		ProviderType providerType, String umbrellaAssociation) {
}
