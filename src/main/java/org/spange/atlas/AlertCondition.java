package org.spange.atlas;

/** What an early-warning rule watches for. */
public enum AlertCondition {
	/** the value is above the threshold */
	ABOVE,
	/** the value is below the threshold */
	BELOW,
	/** the value rose by more than the threshold over the given number of periods */
	RISE,
	/** the value fell by more than the threshold over the given number of periods */
	FALL,
	/** the area's status class in a social index (the rule's subject) changed since the previous period */
	CLASS_CHANGED
}
