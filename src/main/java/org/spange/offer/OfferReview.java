package org.spange.offer;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keeping the offer inventory current: freshness (offers not confirmed within {@link #confirmAfter()} are stale) and
 * the review of provider changes. Per top-level area planners decide whether a provider's change to an offer located
 * in or serving that area is held as a pending change until a planner approves it; planner and admin changes are
 * never held. Who may act on which organisation is checked by the caller (the web layer).
 * <p>
 * An approved change is applied through {@link OfferCatalog} by the approving planner: the change log names the
 * planner (who made it take effect), the audit log entry {@code offer.review.approve} names the provider who proposed
 * it, and the pending change keeps both.
 */
public interface OfferReview {

	/** How long a confirmation holds (setting {@code spange.offers.confirm-after}, default 12 months). */
	Period confirmAfter();

	/** Whether an offer waits for confirmation: never confirmed, or last confirmed before today − {@link #confirmAfter()}. */
	default boolean stale(Offer offer) {
		return offer.lastConfirmed() == null || offer.lastConfirmed().isBefore(LocalDate.now().minus(confirmAfter()));
	}

	/** Per organisation with offers: how many it has and how many of them are stale; by organisation name. */
	List<Freshness> freshness();

	record Freshness(long organizationId, String organizationName, long offers, long stale) {
	}

	/** Whether a provider's change to this offer (as it is and as proposed) needs a planner's approval. */
	boolean reviewRequired(Offer current, Offer proposed);

	/**
	 * A provider's create ({@code offerId} null) or update: validated first (every problem as
	 * {@link InvalidOfferException}), then applied at once or, where review is required, held as a pending change
	 * (replacing the provider's earlier pending change of the same offer).
	 */
	Outcome propose(Long offerId, Offer offer);

	/** Either the saved offer or the id of the pending change. */
	record Outcome(Offer applied, Long pendingChangeId) {

		public boolean pending() {
			return pendingChangeId != null;
		}
	}

	/** Pending changes, oldest first. */
	List<PendingChange> pending();

	/** The changes proposed for an organisation's offers, newest first. */
	List<PendingChange> changesOf(long organizationId);

	Optional<PendingChange> change(long id);

	/** Applies a pending change (validated again); fails with {@link IllegalStateException} if it is decided. */
	Offer approve(long id);

	/** Rejects a pending change with a reason the provider sees; the offer stays as it is. */
	PendingChange reject(long id, String reason);

	enum Status {
		PENDING, APPROVED, REJECTED, SUPERSEDED
	}

	/** A provider's proposed offer; {@code offerId} null for a new offer, {@code resultOfferId} set once approved. */
	record PendingChange(long id, Long offerId, long organizationId, Offer proposed, String proposedBy,
			Instant proposedAt, Status status, String decidedBy, Instant decidedAt, String reason, Long resultOfferId) {
	}

	/**
	 * The top-level areas (parent of some area, child of none in any scheme, such as the Land Vorarlberg) with whether
	 * provider changes there are reviewed.
	 */
	List<Rule> rules();

	/** Sets the rule of top-level areas (area id → review required); other areas are refused. */
	void setRules(Map<Long, Boolean> reviewRequired);

	/** {@code explicit} false: no rule stored, the setting decides. */
	record Rule(long areaId, String name, String levelKey, boolean reviewRequired, boolean explicit) {
	}
}
