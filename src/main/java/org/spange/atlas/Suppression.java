package org.spange.atlas;

/** Why a published count is withheld. */
public enum Suppression {

	/** The count itself is small: above zero (or zero, if configured) and below the threshold. */
	PRIMARY,

	/** The count is safe, but withheld so that a primary cell cannot be worked out from totals. */
	SECONDARY
}
