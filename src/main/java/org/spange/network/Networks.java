package org.spange.network;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Actors, networks and the responsibility map. Writes are validated as a whole ({@link InvalidNetworkInputException},
 * every problem by field) and audited. Reads of persons take the {@link Viewer}: contact data only for planners,
 * admins and logged-in members of a network the person currently belongs to; anonymous viewers see no persons.
 */
public interface Networks {

	ActorOrganization createOrganization(ActorOrganization organization);

	List<ActorOrganization> organizations();

	Person createPerson(Person person);

	/** Every person as the viewer may see them, by name; empty for anonymous viewers. */
	List<PersonView> persons(Viewer viewer);

	Optional<PersonView> person(long id, Viewer viewer);

	/** The person with this login, if any. */
	Optional<Long> personOf(String username);

	/** Whether the viewer may see this person's contact data. */
	boolean mayContact(Viewer viewer, long personId);

	/**
	 * The e-mail address for a message the system sends on a member's behalf (an invitation), not for display.
	 */
	Optional<String> emailForMessage(long personId);

	Network createNetwork(Network network);

	List<Network> networks();

	Optional<Network> network(long id);

	Membership addMember(long networkId, long personId, Membership.Role role, LocalDate from, LocalDate to);

	/** The members of a network, current and past, persons as the viewer may see them. */
	List<Membership> members(long networkId, Viewer viewer);

	FixedTask addFixedTask(long networkId, String text, Long ownerPersonId);

	List<FixedTask> fixedTasks(long networkId);

	/** The networks the user's person currently belongs to. */
	Set<Long> networksOf(String username);

	/** Whether the user's person currently coordinates (coordinator or deputy) the network. */
	boolean coordinates(String username, long networkId);

	Responsibility addResponsibility(Responsibility responsibility);

	/**
	 * Who is responsible: every topic word (German word forms and prefixes count) must match; with an area, also
	 * the responsibilities of every area containing it in any scheme. Persons only for logged-in viewers.
	 */
	List<Responsibility.Hit> findResponsible(String words, Long areaId, Viewer viewer);

	// editing and deleting (issue 7, second part): persons and networks by planners and admins, memberships also by
	// the network's coordinators; every write validated as a whole and audited, a SecurityException for others

	/** A person with every field, for the edit form (planners and admins only). */
	Optional<Person> personToEdit(long id, Viewer viewer);

	/** When the person withdrew the consent, if they did. */
	Optional<Instant> consentWithdrawn(long personId);

	/**
	 * Changes a person's name, organisation, areas and contact data (the consent stays as recorded). After a
	 * withdrawal of the consent no contact data is accepted again.
	 */
	Person updatePerson(Person person, Viewer viewer);

	/**
	 * The person withdraws the consent: every contact field (function, areas, e-mail, phone, reachability, preferred
	 * channel) is removed, the name stays for the records of past networks and conferences. Recorded by planners and
	 * admins for anybody, or by the person themself (the login linked to it); a {@link SecurityException} for others.
	 */
	void withdrawConsent(long personId, Viewer viewer);

	/**
	 * The viewer's own person with their networks and consent, for "Meine Daten in Netzwerken"; empty for a login
	 * that is linked to no person (and for anonymous viewers).
	 */
	Optional<OwnData> ownData(Viewer viewer);

	/** Deletes a person with their memberships and personal responsibilities; fixed tasks lose their owner. */
	void deletePerson(long personId, Viewer viewer);

	/** Changes a network's name, purpose and areas. */
	Network updateNetwork(Network network, Viewer viewer);

	/** Whether a network can be deleted: only while no conference belongs to it (see {@link NetworkUse}). */
	boolean deletable(long networkId);

	/** Deletes a network without conferences with its memberships and fixed tasks. */
	void deleteNetwork(long networkId, Viewer viewer);

	Optional<Membership> membership(long membershipId, Viewer viewer);

	/** Changes the role of a membership or ends it ({@code to}, null while it lasts). */
	Membership updateMembership(long membershipId, Membership.Role role, LocalDate to, Viewer viewer);
}
