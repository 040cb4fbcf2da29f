package org.spange.indicator;

/** Which direction of an indicator is good news; decides ranking order and the warm side of a diverging map. */
public enum Polarity {

	/** More is better, such as the childcare rate: low values are the worry. */
	HIGHER_IS_BETTER,

	/** More is worse, such as the share of benefit recipients: high values are the worry. */
	HIGHER_IS_WORSE,

	/** Neither: the map shades from low to high without judging. */
	NEUTRAL
}
