package org.spange.indicator;

import java.math.BigDecimal;

import org.spange.area.AreaId;

/**
 * One value of a variable for an area and a period. Missing and suppressed values have no value (never 0).
 *
 * @param value the number; null exactly when the status is {@link Status#MISSING} or {@link Status#SUPPRESSED}
 */
public record Observation(String variableKey, AreaId area, Period period, BigDecimal value, Status status) {

	public enum Status {
		/** a regular value */
		OK,
		/** not known */
		MISSING,
		/** known but withheld (disclosure control) */
		SUPPRESSED,
		/** an estimate */
		ESTIMATED,
		/** preliminary, may change */
		PROVISIONAL;

		/** Whether observations with this status carry a value. */
		public boolean hasValue() {
			return this != MISSING && this != SUPPRESSED;
		}
	}
}
