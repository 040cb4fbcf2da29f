package org.spange.network;

/**
 * What other modules hold about a network or a person, so that it is not deleted from under them: the conference
 * module counts its conferences of the network and the open tasks a person owns. Implemented outside this module
 * (the dependency points from there to here).
 */
public interface NetworkUse {

	/** How many records of this module belong to the network; more than zero keeps the network. */
	long uses(long networkId);

	/** How many open records of this module the person is responsible for; more than zero keeps the person. */
	default long personUses(long personId) {
		return 0;
	}
}
