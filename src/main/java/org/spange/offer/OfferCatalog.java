package org.spange.offer;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reading and maintaining the offer inventory. Writes are validated as a whole (all-or-nothing, every problem by
 * field: {@link InvalidOfferException}), audited and recorded field by field in the change log. Who may write what is
 * decided by the caller (the web layer) with {@link #organizationsOf(String)}.
 */
public interface OfferCatalog {

	List<FieldOfAction> fieldsOfAction();

	List<TargetGroup> targetGroups();

	OfferPage<Organization> organizations(int page, int size);

	Optional<Organization> organization(long id);

	Organization createOrganization(Organization organization);

	Organization updateOrganization(long id, Organization organization);

	/** Offers by name; only active ones if {@code activeOnly}. */
	OfferPage<Offer> offers(boolean activeOnly, int page, int size);

	Optional<Offer> offer(long id);

	/** The offers with these ids, in their order; unknown ids are left out. */
	List<Offer> offers(List<Long> ids);

	Offer createOffer(Offer offer);

	Offer updateOffer(long id, Offer offer);

	OfferPage<Location> locations(int page, int size);

	Optional<Location> location(long id);

	/** Saves a location and assigns the Gemeinde containing its point. */
	Location createLocation(Location location);

	Location updateLocation(long id, Location location);

	/** The organisations a (provider) user belongs to. */
	Set<Long> organizationsOf(String username);

	void addMember(String username, long organizationId);

	/** Change log of one organisation, offer or location, oldest first. */
	List<ChangeLogEntry> changes(String entity, long id);

	// maintenance

	/** Every offer of an organisation, inactive ones included, by name. */
	List<Offer> offersOf(long organizationId);

	/** Every location of an organisation, by name. */
	List<Location> locationsOf(long organizationId);

	/**
	 * Confirms that offers are still current: their last-confirmed date becomes today, recorded in the change log
	 * and audited. All or nothing; an unknown id fails with {@link java.util.NoSuchElementException}.
	 */
	List<Offer> confirm(java.util.Collection<Long> offerIds);
}
