package org.spange.atlas.web;

/**
 * A number as it may be shown to the reader.
 *
 * @param value      null when missing or suppressed
 * @param partial    computed from part of the area's data (coverage below 1)
 * @param suppressed withheld from the public by disclosure control
 */
record Figure(Double value, boolean partial, boolean suppressed) {

	static final Figure MISSING = new Figure(null, false, false);
	static final Figure SUPPRESSED = new Figure(null, false, true);
}
