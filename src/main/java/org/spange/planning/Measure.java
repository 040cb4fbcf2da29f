package org.spange.planning;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A measure (Maßnahme) serving one or more goals. Its status changes only through
 * {@link Planning#changeStatus(long, MeasureStatus, String)}; on create and update it is ignored.
 *
 * @param responsible  who carries it, as free text (until the network module names actors)
 * @param costEstimate EUR, may be null
 * @param offerIds     offers of the offer inventory it creates or changes
 * @param decisionIds  conference decisions that created it ({@link org.spange.conference.Conferences})
 */
public record Measure(Long id, String title, String description, String responsible, String partners, Long areaId,
		LocalDate startDate, LocalDate endDate, MeasureStatus status, BigDecimal costEstimate, List<Long> goalIds,
		List<Long> offerIds, List<Long> decisionIds) {

	public Measure {
		goalIds = goalIds == null ? List.of() : List.copyOf(goalIds);
		offerIds = offerIds == null ? List.of() : List.copyOf(offerIds);
		decisionIds = decisionIds == null ? List.of() : List.copyOf(decisionIds);
	}

	/** A measure without links to decisions. */
	public Measure(Long id, String title, String description, String responsible, String partners, Long areaId,
			LocalDate startDate, LocalDate endDate, MeasureStatus status, BigDecimal costEstimate, List<Long> goalIds,
			List<Long> offerIds) {
		this(id, title, description, responsible, partners, areaId, startDate, endDate, status, costEstimate, goalIds,
				offerIds, null);
	}

	/** Its end date has passed and it is neither done nor stopped. */
	public boolean overdue(LocalDate today) {
		return endDate != null && endDate.isBefore(today) && status != null && !status.isFinal();
	}
}
