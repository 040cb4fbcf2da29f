package org.spange.network;

import java.time.LocalDate;

/** The procedure a network's members agreed on for conflicts, and the day of the agreement. */
public record ConflictProcedure(long networkId, String text, LocalDate agreedOn) {
}
