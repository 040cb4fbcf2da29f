package org.spange.conference;

import java.util.List;

/**
 * The counter-current view of one conference: its level, what came in from below (each with what became of it
 * further up), what it forwarded upwards (each with its way up and the answers), the conferences it may forward to
 * (nearest level first, the next upcoming first) and what the viewer may do.
 *
 * @param incoming       "von unten eingegangen": each trail starts with the hop into this conference
 * @param outgoing       "nach oben weitergeleitet / von oben beantwortet": each trail starts with a hop from this
 *                       conference that is not itself a forwarding of an incoming item
 * @param targets        where a finding of this conference may go (empty for a Fallkonferenz and the top level)
 * @param mayForward     the viewer may forward findings of this conference (planners and its organisers)
 * @param mayHandle      the viewer may put incoming items on the agenda, answer them and forward them further
 */
public record Forwarding(Level level, List<Trail> incoming, List<Trail> outgoing, List<Conference> targets,
		boolean mayForward, boolean mayHandle) {

	/**
	 * The level of a conference in the counter-current: Sozialraumkonferenzen and network meetings at the bottom,
	 * a Sozialregionskonferenz in the middle, a Sozialregionskonferenz of a top area (or of no area: the whole
	 * territory) at the county level. A Fallkonferenz takes no part.
	 */
	public enum Level {
		SOZIALRAUM, REGION, COUNTY, NONE
	}

	public static Forwarding none(Level level) {
		return new Forwarding(level, List.of(), List.of(), List.of(), false, false);
	}

	/** One finding on its way up: the hops in order, the first one from or into the conference looked at. */
	public record Trail(List<ForwardedItem> hops) {

		public Trail {
			hops = List.copyOf(hops);
		}

		public ForwardedItem first() {
			return hops.get(0);
		}

		/** The highest answer on the way up, or null. */
		public ForwardedItem answer() {
			ForwardedItem answer = null;
			for (ForwardedItem hop : hops) {
				if (hop.answered()) {
					answer = hop;
				}
			}
			return answer;
		}
	}
}
