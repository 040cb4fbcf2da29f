package org.spange.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.spange.indicator.Period.Kind;

class PeriodTest {

	@Test
	void parsesTheFourKinds() {
		assertThat(Period.parse("2024")).isEqualTo(new Period(Kind.YEAR, LocalDate.of(2024, 1, 1)));
		assertThat(Period.parse("2024-Q3")).isEqualTo(new Period(Kind.QUARTER, LocalDate.of(2024, 7, 1)));
		assertThat(Period.parse(" 2024-q1 ")).isEqualTo(new Period(Kind.QUARTER, LocalDate.of(2024, 1, 1)));
		assertThat(Period.parse("2024-03")).isEqualTo(new Period(Kind.MONTH, LocalDate.of(2024, 3, 1)));
		assertThat(Period.parse("2024-12-31")).isEqualTo(new Period(Kind.DAY, LocalDate.of(2024, 12, 31)));
		assertThat(Period.parse("2024-02-29").kind()).isEqualTo(Kind.DAY);
	}

	@Test
	void printsCanonically() {
		assertThat(Stream.of("2024", "2024-q4", "2024-01", "2024-12-31").map(Period::parse).map(Period::toString))
			.containsExactly("2024", "2024-Q4", "2024-01", "2024-12-31");
	}

	@Test
	void knowsItsEnd() {
		assertThat(Period.parse("2024").end()).isEqualTo(LocalDate.of(2024, 12, 31));
		assertThat(Period.parse("2024-Q1").end()).isEqualTo(LocalDate.of(2024, 3, 31));
		assertThat(Period.parse("2024-02").end()).isEqualTo(LocalDate.of(2024, 2, 29));
		assertThat(Period.parse("2024-06-30").end()).isEqualTo(LocalDate.of(2024, 6, 30));
		assertThat(Period.parse("2024-Q2").contains(LocalDate.of(2024, 6, 30))).isTrue();
		assertThat(Period.parse("2024-Q2").contains(LocalDate.of(2024, 7, 1))).isFalse();
	}

	@Test
	void ordersByStartThenCoarserFirst() {
		List<Period> sorted = Stream.of("2025", "2024-01-01", "2024-02", "2024-Q1", "2024", "2023-12-31", "2024-01")
			.map(Period::parse).sorted().toList();
		assertThat(sorted).extracting(Period::toString)
			.containsExactly("2023-12-31", "2024", "2024-Q1", "2024-01", "2024-01-01", "2024-02", "2025");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "24", "02024", "0999", "2024-13", "2024-00", "2024-Q0", "2024-Q5", "2024-02-30",
			"2024-1", "2024/03", "31.12.2024", "2024-12-31T00:00", "2024 Q1", "Jahr 2024" })
	void rejectsEverythingElse(String text) {
		assertThat(Period.tryParse(text)).isEmpty();
		assertThatThrownBy(() -> Period.parse(text)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("2024-Q1");
	}

	@Test
	void checksTheStartOfItsKind() {
		assertThatThrownBy(() -> new Period(Kind.QUARTER, LocalDate.of(2024, 2, 1)))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new Period(Kind.YEAR, LocalDate.of(2024, 2, 1)))
			.isInstanceOf(IllegalArgumentException.class);
		assertThat(Period.tryParse(null)).isEmpty();
	}
}
