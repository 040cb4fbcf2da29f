package org.spange.planning;

import java.util.List;

/**
 * The progress of a goal: its own measures, its indicator targets, and the roll-up over its sub-goals.
 *
 * @param measures       its own measures
 * @param done           how many of them are done
 * @param totalMeasures  measures of the goal and all its sub-goals (each counted once)
 * @param totalDone      how many of those are done
 * @param children       the sub-goals' progress
 */
public record GoalProgress(Goal goal, int measures, int done, int totalMeasures, int totalDone,
		List<TargetProgress> targets, List<GoalProgress> children) {

	/** Share of the goal's own measures that are done; null without measures. */
	public Double measureShare() {
		return measures == 0 ? null : (double) done / measures;
	}

	/** The same over the goal and its sub-goals. */
	public Double totalShare() {
		return totalMeasures == 0 ? null : (double) totalDone / totalMeasures;
	}
}
