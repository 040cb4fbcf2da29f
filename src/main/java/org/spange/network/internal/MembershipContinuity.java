package org.spange.network.internal;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.spange.network.ContinuityPeriod;
import org.spange.network.ContinuityPeriod.Granularity;

/**
 * Continuity of a network's membership over time, per year or quarter from the first membership to today. A person
 * counts once however many memberships they had; a membership lasts from its first to its last day inclusive. Pure:
 * no Spring, no database.
 */
final class MembershipContinuity {

	/** One membership of a person: {@code to} null while it lasts. */
	record Stint(long person, LocalDate from, LocalDate to) {

		boolean activeOn(LocalDate day) {
			return !from.isAfter(day) && (to == null || !to.isBefore(day));
		}
	}

	private MembershipContinuity() {
	}

	static List<ContinuityPeriod> of(List<Stint> stints, Granularity granularity, LocalDate today) {
		if (stints.isEmpty()) {
			return List.of();
		}
		LocalDate first = stints.stream().map(Stint::from).min(LocalDate::compareTo).orElseThrow();
		List<ContinuityPeriod> periods = new ArrayList<>();
		Set<Long> previous = null;
		for (LocalDate start = startOf(first, granularity); !start.isAfter(today); start = next(start, granularity)) {
			LocalDate end = next(start, granularity).minusDays(1);
			LocalDate reference = end.isAfter(today) ? today : end;
			Map<Long, LocalDate> active = active(stints, reference);
			Set<Long> joiners = new HashSet<>();
			Set<Long> leavers = new HashSet<>();
			for (Stint s : stints) {
				if (!s.from().isBefore(start) && !s.from().isAfter(reference)) {
					joiners.add(s.person());
				}
				// a membership lasts through its last day: the person has left on the day after
				if (s.to() != null && !s.to().plusDays(1).isBefore(start) && !s.to().plusDays(1).isAfter(reference)
						&& !active.containsKey(s.person())) {
					leavers.add(s.person());
				}
			}
			Double retention = null;
			if (previous != null && !previous.isEmpty()) {
				long stayed = previous.stream().filter(active::containsKey).count();
				retention = (double) stayed / previous.size();
			}
			Double tenure = active.isEmpty() ? null
					: active.values().stream()
						.mapToDouble(from -> ChronoUnit.DAYS.between(from, reference) / 365.25)
						.average().orElseThrow();
			periods.add(new ContinuityPeriod(label(start, granularity), start, end, reference, active.size(),
					joiners.size(), leavers.size(), retention, tenure));
			previous = active.keySet();
		}
		return periods;
	}

	/** The persons active on the day, each with the start of the membership that makes them active (earliest). */
	private static Map<Long, LocalDate> active(List<Stint> stints, LocalDate day) {
		Map<Long, LocalDate> active = new HashMap<>();
		for (Stint s : stints) {
			if (s.activeOn(day)) {
				active.merge(s.person(), s.from(), (a, b) -> a.isBefore(b) ? a : b);
			}
		}
		return active;
	}

	private static LocalDate startOf(LocalDate day, Granularity g) {
		return g == Granularity.YEAR ? day.withDayOfYear(1)
				: LocalDate.of(day.getYear(), (day.getMonthValue() - 1) / 3 * 3 + 1, 1);
	}

	private static LocalDate next(LocalDate start, Granularity g) {
		return g == Granularity.YEAR ? start.plusYears(1) : start.plusMonths(3);
	}

	private static String label(LocalDate start, Granularity g) {
		return g == Granularity.YEAR ? Integer.toString(start.getYear())
				: start.getYear() + "-Q" + ((start.getMonthValue() - 1) / 3 + 1);
	}
}
