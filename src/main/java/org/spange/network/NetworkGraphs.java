package org.spange.network;

import java.time.LocalDate;
import java.util.List;

/**
 * The network graph of organisations, the recorded co-operations between them, and the continuity of a network's
 * membership. No personal data: organisations and counts only. Co-operations are written by planners (checked by the
 * caller) and validated as a whole ({@link InvalidNetworkInputException}).
 */
public interface NetworkGraphs {

	/**
	 * The graph on a day, optionally only of one network (then without co-operations) or of the networks working in an
	 * area or an area inside it (co-operations then only between organisations already in the graph).
	 */
	NetworkGraph graph(LocalDate day, Long networkId, Long areaId);

	Cooperation recordCooperation(Cooperation cooperation);

	/** Every co-operation, newest first, with the organisations' names. */
	List<Cooperation> cooperations();

	/** The network's membership per year or quarter from its first membership to today. */
	List<ContinuityPeriod> continuity(long networkId, ContinuityPeriod.Granularity granularity);
}
