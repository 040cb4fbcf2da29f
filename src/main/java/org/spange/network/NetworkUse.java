package org.spange.network;

/**
 * What other modules hold about a network, so that it is not deleted from under them: the conference module counts
 * its conferences of the network. Implemented outside this module (the dependency points from there to here).
 */
public interface NetworkUse {

	/** How many records of this module belong to the network; more than zero keeps the network. */
	long uses(long networkId);
}
