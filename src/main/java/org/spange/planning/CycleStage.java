package org.spange.planning;

/**
 * Where an area stands in the planning cycle, derived from its data (the furthest step reached counts):
 * <ol>
 * <li>{@link #ANALYSIS}: no goal and no measure yet (analyse the data);</li>
 * <li>{@link #NEEDS}: goals name the needs, but none has an indicator target yet;</li>
 * <li>{@link #GOALS}: at least one goal has an indicator target (baseline, target value, target period);</li>
 * <li>{@link #MEASURES}: measures are planned, none has started;</li>
 * <li>{@link #IMPLEMENTATION}: at least one measure is running or done;</li>
 * <li>{@link #EVALUATION}: at least one measure has an evaluation.</li>
 * </ol>
 * Stopped measures count for none of the steps.
 */
public enum CycleStage {
	ANALYSIS, NEEDS, GOALS, MEASURES, IMPLEMENTATION, EVALUATION;

	/** The stage of an area from its counts. */
	public static CycleStage of(int goals, int targets, int planned, int running, int done, int evaluations) {
		if (evaluations > 0) {
			return EVALUATION;
		}
		if (running + done > 0) {
			return IMPLEMENTATION;
		}
		if (planned > 0) {
			return MEASURES;
		}
		if (targets > 0) {
			return GOALS;
		}
		if (goals > 0) {
			return NEEDS;
		}
		return ANALYSIS;
	}

	/** One area's counts and its stage. Counts are the area's own (no roll-up over areas inside it). */
	public record Row(long areaId, int goals, int targets, int planned, int running, int done, int stopped,
			int evaluations) {

		public CycleStage stage() {
			return of(goals, targets, planned, running, done, evaluations);
		}
	}
}
