package org.spange.network;

/**
 * The seven success factors of a network that a review asks about, each rated 1 (not at all) to 5 (fully) by the
 * network's current members.
 */
public enum ReviewFactor {
	/** identification with the network */
	IDENTIFICATION,
	/** fair give and take */
	GIVE_AND_TAKE,
	/** trust in the network */
	TRUST,
	/** personal continuity and fixed tasks */
	CONTINUITY,
	/** coordination and regular review of planning, steering and control */
	COORDINATION,
	/** transparency of responsibilities and reachability */
	TRANSPARENCY,
	/** preventive conflict procedures */
	CONFLICT_PREVENTION
}
