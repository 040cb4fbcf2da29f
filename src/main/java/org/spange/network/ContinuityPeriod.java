package org.spange.network;

import java.time.LocalDate;

/**
 * The membership of a network in one period (a year or a quarter), counted on the period's last day or today,
 * whichever comes first ({@code reference}): persons active then, who joined and who left within the period, the
 * share of the previous period's members still active (null in the first period or after an empty one) and their
 * mean time in the network in years (null without members).
 */
public record ContinuityPeriod(String label, LocalDate start, LocalDate end, LocalDate reference, int active,
		int joiners, int leavers, Double retention, Double meanTenureYears) {

	public enum Granularity {
		YEAR, QUARTER
	}
}
