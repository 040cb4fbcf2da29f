package org.spange.planning;

/** Which way an indicator target wants the value to move. */
public enum Direction {
	INCREASE, DECREASE
}
