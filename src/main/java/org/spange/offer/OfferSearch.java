package org.spange.offer;

import java.util.List;
import java.util.Map;

/**
 * Finding offers: German full-text search (word forms by the German text search configuration, typos and parts of
 * compound words by trigram similarity) with filters. With text the best matches come first, otherwise by name.
 */
public interface OfferSearch {

	OfferPage<Offer> search(OfferQuery query, int page, int size);

	/**
	 * Where the matching offers are: one marker per offer and location. A confidential location never has a point
	 * here unless {@code confidentialPoints}; it keeps its Gemeinde.
	 */
	List<OfferMarker> markers(OfferQuery query, boolean confidentialPoints);

	/**
	 * Matching offers counted by {@code dimension}, by key: the Gemeinde's area id, field of action or target group key,
	 * enum name or language code. An offer with several counts once in each.
	 */
	Map<String, Long> counts(OfferQuery query, CountBy dimension);

	enum CountBy {
		GEMEINDE, FIELD_OF_ACTION, TARGET_GROUP, SETTING, APPROACH, FORM, LANGUAGE
	}

	/** An offer at a location; latitude and longitude null for a confidential location (or one without a point). */
	record OfferMarker(long offerId, String offerName, long locationId, String locationName, String city, Double latitude,
			Double longitude, Long areaId, boolean confidential) {
	}
}
