package org.spange.offer;

/** Kind of organisation: public body, freier Träger (with its umbrella association), private, volunteer. */
public enum ProviderType {
	PUBLIC, FREE_PROVIDER, PRIVATE, VOLUNTEER
}
