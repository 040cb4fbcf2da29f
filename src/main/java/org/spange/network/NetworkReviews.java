package org.spange.network;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Network reviews along the seven success factors, and the network's agreed conflict procedure. Rounds are opened and
 * closed by the network's coordinators and by planners; current members answer once per round. Answers are anonymous
 * by construction: they are stored without person, user or time, and who has answered is kept apart only so that
 * nobody answers twice. Results are shown to members and planners only once the round is finished and has at least
 * {@link #minAnswers()} answers. Every method checks the {@link Viewer} and throws {@link SecurityException} when it
 * may not; bad input: {@link InvalidNetworkInputException}.
 */
public interface NetworkReviews {

	/** The smallest number of answers for which results are shown ({@code spange.network.review.min-answers}). */
	int minAnswers();

	/** Current members, coordinators, planners and admins see a network's reviews. */
	boolean maySee(Viewer viewer, long networkId);

	/** Coordinators (and deputies) of the network, planners and admins open and close rounds. */
	boolean mayManage(Viewer viewer, long networkId);

	ReviewRound open(long networkId, String title, LocalDate opensOn, LocalDate closesOn, Viewer viewer);

	/** Closes the round now; no more answers. */
	void close(long roundId, Viewer viewer);

	/** The network's rounds, newest first. */
	List<ReviewRound> rounds(long networkId, Viewer viewer);

	Optional<ReviewRound> round(long roundId, Viewer viewer);

	/** Whether the viewer is a current member who may still answer the round (open, not answered yet). */
	boolean mayAnswer(Viewer viewer, long roundId);

	boolean hasAnswered(Viewer viewer, long roundId);

	/**
	 * Records one member's answer: a score 1–5 for every factor and an optional comment.
	 *
	 * @throws AlreadyAnsweredException when the member has answered this round before
	 */
	void answer(long roundId, Map<ReviewFactor, Integer> scores, String comment, Viewer viewer);

	ReviewResult result(long roundId, Viewer viewer);

	/** The mean per factor of every finished round of the network that has enough answers, oldest first. */
	List<TrendPoint> trend(long networkId, Viewer viewer);

	record TrendPoint(ReviewRound round, Map<ReviewFactor, Double> means) {
	}

	/** The agreed conflict procedure; readable by every logged-in user who may see the network. */
	Optional<ConflictProcedure> conflictProcedure(long networkId);

	ConflictProcedure agreeConflictProcedure(long networkId, String text, LocalDate agreedOn, Viewer viewer);
}
