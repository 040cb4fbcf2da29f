package org.spange.planning;

import java.util.List;

/**
 * What deleting a goal would remove, for the confirmation page.
 *
 * @param children    sub-goals: while there are any, the goal cannot be deleted
 * @param removed     measures that serve only this goal: deleted with their status history and evaluations
 * @param unlinked    measures that serve other goals too: they stay and only lose the link to this goal
 * @param targets     indicator targets deleted with the goal
 * @param evaluations evaluations of the removed measures
 */
public record GoalDeletion(Goal goal, List<Goal> children, List<Measure> removed, List<Measure> unlinked, int targets,
		int evaluations) {

	public boolean blocked() {
		return !children.isEmpty();
	}
}
