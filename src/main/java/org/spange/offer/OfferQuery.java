package org.spange.offer;

import java.time.Instant;
import java.time.LocalDateTime;

/**
 * What to look for in the offer inventory; every part is optional (null = any). {@code text} is German free text
 * that tolerates word forms and typos; {@code areaId} finds offers located in or serving the area, a part of it or
 * a larger area containing it; {@code age} falls within the offer's age range (an open bound is no limit);
 * {@code openAt} is a local time in the region at which the offer has opening hours; {@code modifiedAfter} is
 * HSDS's filter for offers changed on or after that instant; {@code stepFree} true finds offers with a location
 * known to have step-free access.
 */
public record OfferQuery(String text, Long areaId, String targetGroup, Integer age, String fieldOfAction,
		Offer.Setting setting, Offer.Approach approach, Offer.Form form, String language, Boolean freeOfCharge,
		LocalDateTime openAt, Instant modifiedAfter, Long organizationId, boolean includeInactive, Boolean stepFree) {

	/** Every active offer. */
	public static final OfferQuery ALL = new OfferQuery(null, null, null, null, null, null, null, null, null, null,
			null, null, null, false, null);

	public OfferQuery withText(String text) {
		return new OfferQuery(text, areaId, targetGroup, age, fieldOfAction, setting, approach, form, language,
				freeOfCharge, openAt, modifiedAfter, organizationId, includeInactive, stepFree);
	}

	public OfferQuery withInactive(boolean includeInactive) {
		return new OfferQuery(text, areaId, targetGroup, age, fieldOfAction, setting, approach, form, language,
				freeOfCharge, openAt, modifiedAfter, organizationId, includeInactive, stepFree);
	}

	public boolean hasText() {
		return text != null && !text.isBlank();
	}
}
