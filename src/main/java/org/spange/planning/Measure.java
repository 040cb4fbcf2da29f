package org.spange.planning;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A measure (Maßnahme) serving one or more goals. Its status changes only through
 * {@link Planning#changeStatus(long, MeasureStatus, String)}; on create and update it is ignored. Someone is
 * responsible: an actor organisation, a free text or both.
 *
 * @param responsible        who else carries it, as free text: people or bodies that are no actor of the network
 *                           module (a Gemeinderat); may be null when {@code responsibleActorId} is set
 * @param partners           further partners as free text, may be null
 * @param costEstimate       EUR, may be null
 * @param offerIds           offers of the offer inventory it creates or changes
 * @param decisionIds        conference decisions that created it ({@link org.spange.conference.Conferences})
 * @param responsibleActorId the actor organisation responsible for it ({@link org.spange.network.Networks}), may be
 *                           null
 * @param partnerActorIds    actor organisations taking part as partners
 */
public record Measure(Long id, String title, String description, String responsible, String partners, Long areaId,
		LocalDate startDate, LocalDate endDate, MeasureStatus status, BigDecimal costEstimate, List<Long> goalIds,
		List<Long> offerIds, List<Long> decisionIds, Long responsibleActorId, List<Long> partnerActorIds) {

	public Measure {
		goalIds = goalIds == null ? List.of() : List.copyOf(goalIds);
		offerIds = offerIds == null ? List.of() : List.copyOf(offerIds);
		decisionIds = decisionIds == null ? List.of() : List.copyOf(decisionIds);
		// copyOf would refuse a null element: the service reports it as a problem at the field
		partnerActorIds = partnerActorIds == null ? List.of()
				: java.util.Collections.unmodifiableList(new java.util.ArrayList<>(partnerActorIds));
	}

	/** A measure without actor organisations. */
	public Measure(Long id, String title, String description, String responsible, String partners, Long areaId,
			LocalDate startDate, LocalDate endDate, MeasureStatus status, BigDecimal costEstimate, List<Long> goalIds,
			List<Long> offerIds, List<Long> decisionIds) {
		this(id, title, description, responsible, partners, areaId, startDate, endDate, status, costEstimate, goalIds,
				offerIds, decisionIds, null, null);
	}

	/** A measure without links to decisions or actor organisations. */
	public Measure(Long id, String title, String description, String responsible, String partners, Long areaId,
			LocalDate startDate, LocalDate endDate, MeasureStatus status, BigDecimal costEstimate, List<Long> goalIds,
			List<Long> offerIds) {
		this(id, title, description, responsible, partners, areaId, startDate, endDate, status, costEstimate, goalIds,
				offerIds, null, null, null);
	}

	/** Its end date has passed and it is neither done nor stopped. */
	public boolean overdue(LocalDate today) {
		return endDate != null && endDate.isBefore(today) && status != null && !status.isFinal();
	}

	/** Whether the actor organisation is responsible for it or a partner in it. */
	public boolean involves(long actorId) {
		return (responsibleActorId != null && responsibleActorId == actorId) || partnerActorIds.contains(actorId);
	}
}
