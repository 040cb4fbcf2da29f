package org.spange.network;

import java.time.LocalDate;

/** A review round of a network: open for answers from {@code opensOn} to {@code closesOn} unless closed early. */
public record ReviewRound(long id, long networkId, String title, LocalDate opensOn, LocalDate closesOn,
		boolean closed, int answers) {

	public boolean openOn(LocalDate day) {
		return !closed && !opensOn.isAfter(day) && !closesOn.isBefore(day);
	}

	public boolean finishedOn(LocalDate day) {
		return closed || closesOn.isBefore(day);
	}
}
