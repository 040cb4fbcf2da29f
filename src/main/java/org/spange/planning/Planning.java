package org.spange.planning;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The planning cycle. Every write is validated as a whole (all or nothing, every problem by field:
 * {@link InvalidPlanningException}) and audited. Who may write is decided by the caller (security configuration).
 */
public interface Planning {

	List<Guideline> guidelines();

	Optional<Guideline> guideline(long id);

	Guideline createGuideline(Guideline guideline);

	Guideline updateGuideline(long id, Guideline guideline);

	/** All goals, coarser areas first, then by title. */
	List<Goal> goals();

	Optional<Goal> goal(long id);

	/**
	 * Creates a goal. Indicator targets without a baseline value take the indicator's computed value for the goal's
	 * area in the baseline period; without a direction, the indicator's polarity decides.
	 */
	Goal createGoal(Goal goal);

	Goal updateGoal(long id, Goal goal);

	/** The sub-goals of a goal, by title. */
	List<Goal> children(long goalId);

	List<Measure> measures();

	Optional<Measure> measure(long id);

	/** The measures serving a goal. */
	List<Measure> measuresOf(long goalId);

	/**
	 * The measures an actor organisation of the network module is responsible for or a partner in, by end date (the
	 * free texts are not searched).
	 */
	List<Measure> measuresOfActor(long actorId);

	/** Creates a measure in status PLANNED. */
	Measure createMeasure(Measure measure);

	/** Updates a measure's fields; its status stays. */
	Measure updateMeasure(long id, Measure measure);

	/**
	 * Moves a measure to a new status if the transition is allowed (PLANNED → RUNNING/STOPPED, RUNNING →
	 * DONE/STOPPED), recording who, when and why.
	 *
	 * @throws InvalidPlanningException with field {@code status} when it is not
	 */
	Measure changeStatus(long measureId, MeasureStatus to, String note);

	/** The status history of a measure, oldest first, its creation included. */
	List<StatusChange> history(long measureId);

	List<Evaluation> evaluations(long measureId);

	Evaluation addEvaluation(long measureId, Evaluation evaluation);

	/** Measures whose end date lies before {@code today} and that are neither done nor stopped. */
	List<Measure> overdue(LocalDate today);

	// checks without writing, for forms that have problems of their own (unreadable numbers or dates)

	List<InvalidPlanningException.Problem> check(Guideline guideline);

	/** @param id the goal being edited, null for a new one */
	List<InvalidPlanningException.Problem> check(Long id, Goal goal);

	List<InvalidPlanningException.Problem> check(Measure measure);

	/** Progress of a goal with the roll-up over its sub-goals. */
	GoalProgress progress(long goalId);

	// deletion: every delete is audited; what cannot be deleted fails with InvalidPlanningException

	/** The goals that serve a guideline, by title. */
	List<Goal> goalsOf(long guidelineId);

	/**
	 * Deletes a guideline that no goal serves.
	 *
	 * @throws InvalidPlanningException with field {@code goals} (code {@code guideline.inUse}) naming the goals
	 */
	void deleteGuideline(long id);

	/** What {@link #deleteGoal} would remove. */
	GoalDeletion goalDeletion(long id);

	/**
	 * Deletes a goal without sub-goals, with its indicator targets and the measures that serve only it (their history
	 * and evaluations included); measures that serve other goals too only lose the link.
	 *
	 * @throws InvalidPlanningException with field {@code children} (code {@code goal.hasChildren})
	 */
	void deleteGoal(long id);

	/** Deletes a measure with its status history, evaluations and links. */
	void deleteMeasure(long id);

	// the planning cycle

	/** Every area with goals or measures, with its counts and its stage ({@link CycleStage}). */
	List<CycleStage.Row> cycle();
}
