package org.spange.network.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.spange.network.ContinuityPeriod;
import org.spange.network.ContinuityPeriod.Granularity;
import org.spange.network.internal.MembershipContinuity.Stint;

/** Continuity of membership against figures worked out by hand (days counted in the comments). */
class MembershipContinuityTest {

	private static LocalDate d(int y, int m, int day) {
		return LocalDate.of(y, m, day);
	}

	@Test
	void perYearWithALeaverWhoRejoins() {
		List<Stint> stints = List.of(new Stint(1, d(2024, 3, 1), null), new Stint(2, d(2024, 6, 1), d(2025, 5, 31)),
				new Stint(3, d(2025, 2, 1), null), new Stint(4, d(2025, 10, 1), null),
				new Stint(2, d(2026, 1, 15), null));
		List<ContinuityPeriod> p = MembershipContinuity.of(stints, Granularity.YEAR, d(2026, 3, 31));

		assertThat(p).extracting(ContinuityPeriod::label).containsExactly("2024", "2025", "2026");
		// 2024, counted on 31.12.: persons 1 and 2 joined; 305 and 213 days in the network
		assertThat(p.get(0)).extracting(ContinuityPeriod::active, ContinuityPeriod::joiners, ContinuityPeriod::leavers,
				ContinuityPeriod::retention).containsExactly(2, 2, 0, null);
		assertThat(p.get(0).meanTenureYears()).isCloseTo((305 + 213) / 2.0 / 365.25, within(1e-9));
		// 2025: 2 left on 31.5., 3 and 4 joined; of {1, 2} only 1 stayed; 670, 333 and 91 days
		assertThat(p.get(1)).extracting(ContinuityPeriod::active, ContinuityPeriod::joiners, ContinuityPeriod::leavers)
			.containsExactly(3, 2, 1);
		assertThat(p.get(1).retention()).isEqualTo(0.5);
		assertThat(p.get(1).meanTenureYears()).isCloseTo((670 + 333 + 91) / 3.0 / 365.25, within(1e-9));
		// 2026, counted today (31.3.): 2 is back (a joiner, counted once); everyone of 2025 stayed; 760, 423, 181, 75
		assertThat(p.get(2).reference()).isEqualTo(d(2026, 3, 31));
		assertThat(p.get(2)).extracting(ContinuityPeriod::active, ContinuityPeriod::joiners, ContinuityPeriod::leavers)
			.containsExactly(4, 1, 0);
		assertThat(p.get(2).retention()).isEqualTo(1.0);
		assertThat(p.get(2).meanTenureYears()).isCloseTo((760 + 423 + 181 + 75) / 4.0 / 365.25, within(1e-9));
	}

	@Test
	void perQuarter() {
		List<Stint> stints = List.of(new Stint(1, d(2026, 1, 15), d(2026, 2, 10)), new Stint(2, d(2026, 2, 1), null));
		List<ContinuityPeriod> p = MembershipContinuity.of(stints, Granularity.QUARTER, d(2026, 5, 10));
		assertThat(p).extracting(ContinuityPeriod::label).containsExactly("2026-Q1", "2026-Q2");
		assertThat(p.get(0)).extracting(ContinuityPeriod::start, ContinuityPeriod::end, ContinuityPeriod::active,
				ContinuityPeriod::joiners, ContinuityPeriod::leavers, ContinuityPeriod::retention)
			.containsExactly(d(2026, 1, 1), d(2026, 3, 31), 1, 2, 1, null);
		assertThat(p.get(1)).extracting(ContinuityPeriod::active, ContinuityPeriod::joiners, ContinuityPeriod::leavers,
				ContinuityPeriod::retention).containsExactly(1, 0, 0, 1.0);
		// person 2: 1.2.–10.5. = 98 days
		assertThat(p.get(1).meanTenureYears()).isCloseTo(98 / 365.25, within(1e-9));
	}

	@Test
	void whoseLastDayEndsAPeriodLeavesInTheNext() {
		List<Stint> stints = List.of(new Stint(1, d(2025, 1, 1), null), new Stint(2, d(2025, 1, 1), d(2025, 12, 31)));
		List<ContinuityPeriod> p = MembershipContinuity.of(stints, Granularity.YEAR, d(2026, 6, 30));
		assertThat(p.get(0)).extracting(ContinuityPeriod::active, ContinuityPeriod::leavers).containsExactly(2, 0);
		assertThat(p.get(1)).extracting(ContinuityPeriod::active, ContinuityPeriod::leavers, ContinuityPeriod::retention)
			.containsExactly(1, 1, 0.5);
	}

	@Test
	void anEmptyPeriodHasNoTenureAndTheNextNoRetention() {
		List<Stint> stints = List.of(new Stint(1, d(2024, 2, 1), d(2024, 4, 30)), new Stint(2, d(2026, 1, 1), null));
		List<ContinuityPeriod> p = MembershipContinuity.of(stints, Granularity.YEAR, d(2026, 6, 30));
		assertThat(p).extracting(ContinuityPeriod::active).containsExactly(0, 0, 1);
		assertThat(p.get(0).leavers()).isEqualTo(1);
		assertThat(p.get(1).meanTenureYears()).isNull();
		assertThat(p.get(2).retention()).isNull();
		assertThat(MembershipContinuity.of(List.of(), Granularity.YEAR, d(2026, 6, 30))).isEmpty();
	}
}
