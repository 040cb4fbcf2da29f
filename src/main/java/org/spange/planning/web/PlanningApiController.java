package org.spange.planning.web;

import java.time.LocalDate;
import java.util.List;
import java.util.NoSuchElementException;

import org.spange.planning.Evaluation;
import org.spange.planning.Goal;
import org.spange.planning.GoalProgress;
import org.spange.planning.Guideline;
import org.spange.planning.InvalidPlanningException;
import org.spange.planning.Measure;
import org.spange.planning.MeasureStatus;
import org.spange.planning.Planning;
import org.spange.planning.StatusChange;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The planning cycle over HTTP: guidelines, goals with indicator targets and progress, measures and their status
 * transitions, evaluations. A measure names its responsible actor organisation and partner organisations by their ids
 * in the network module ({@code responsibleActorId}, {@code partnerActorIds}). Planners and admins write,
 * municipality users read (security configuration). Bad input gets 422 with every problem by field; nothing is
 * written.
 */
@RestController
@RequestMapping("/api/v1/planning")
@Tag(name = "Planning", description = "Planning cycle: guidelines, goals, measures, evaluation")
class PlanningApiController {

	private final Planning planning;

	PlanningApiController(Planning planning) {
		this.planning = planning;
	}

	/** The body of a 422 answer. */
	record Problems(List<InvalidPlanningException.Problem> problems) {
	}

	/** A status transition: the new status and why. */
	record Transition(MeasureStatus status, String note) {
	}

	/** The overdue measures as of a day. */
	record Overdue(LocalDate asOf, List<Measure> measures) {
	}

	@GetMapping("/guidelines")
	@Operation(summary = "All guidelines (Leitlinien)")
	List<Guideline> guidelines() {
		return planning.guidelines();
	}

	@GetMapping("/guidelines/{id:\\d+}")
	Guideline guideline(@PathVariable long id) {
		return planning.guideline(id).orElseThrow(() -> new NoSuchElementException("No guideline " + id));
	}

	@PostMapping("/guidelines")
	@Operation(summary = "Creates a guideline; 422 with every problem")
	ResponseEntity<Guideline> createGuideline(@RequestBody Guideline g) {
		return ResponseEntity.status(HttpStatus.CREATED).body(planning.createGuideline(notDemo(g)));
	}

	@PutMapping("/guidelines/{id:\\d+}")
	@Operation(summary = "Replaces a guideline; 422 with every problem")
	Guideline updateGuideline(@PathVariable long id, @RequestBody Guideline g) {
		return planning.updateGuideline(id, notDemo(g));
	}

	/** Only the demo loader writes demo content. */
	private static Guideline notDemo(Guideline g) {
		return new Guideline(null, g.body(), g.areaId(), g.title(), g.text(), g.resolvedOn(), false);
	}

	@GetMapping("/goals")
	@Operation(summary = "All goals with guidelines and indicator targets")
	List<Goal> goals() {
		return planning.goals();
	}

	@GetMapping("/goals/{id:\\d+}")
	Goal goal(@PathVariable long id) {
		return planning.goal(id).orElseThrow(() -> new NoSuchElementException("No goal " + id));
	}

	@GetMapping("/goals/{id:\\d+}/progress")
	@Operation(summary = "Progress of a goal: share of measures done, indicator targets, roll-up over sub-goals")
	GoalProgress progress(@PathVariable long id) {
		return planning.progress(id);
	}

	@PostMapping("/goals")
	@Operation(summary = "Creates a goal (baseline values default to the computed indicator values); 422 with every "
			+ "problem")
	ResponseEntity<Goal> createGoal(@RequestBody Goal goal) {
		return ResponseEntity.status(HttpStatus.CREATED).body(planning.createGoal(goal));
	}

	@PutMapping("/goals/{id:\\d+}")
	@Operation(summary = "Replaces a goal; 422 with every problem")
	Goal updateGoal(@PathVariable long id, @RequestBody Goal goal) {
		return planning.updateGoal(id, goal);
	}

	@GetMapping("/measures")
	@Operation(summary = "All measures, or those an actor organisation of the network module is responsible for or a "
			+ "partner in (actor)")
	List<Measure> measures(@RequestParam(required = false) Long actor) {
		return actor == null ? planning.measures() : planning.measuresOfActor(actor);
	}

	@GetMapping("/measures/overdue")
	@Operation(summary = "Measures whose end date has passed and that are neither done nor stopped")
	Overdue overdue() {
		LocalDate today = LocalDate.now();
		return new Overdue(today, planning.overdue(today));
	}

	@GetMapping("/measures/{id:\\d+}")
	Measure measure(@PathVariable long id) {
		return planning.measure(id).orElseThrow(() -> new NoSuchElementException("No measure " + id));
	}

	@PostMapping("/measures")
	@Operation(summary = "Creates a measure in status PLANNED; 422 with every problem")
	ResponseEntity<Measure> createMeasure(@RequestBody Measure measure) {
		return ResponseEntity.status(HttpStatus.CREATED).body(planning.createMeasure(measure));
	}

	@PutMapping("/measures/{id:\\d+}")
	@Operation(summary = "Replaces a measure's fields (not its status); 422 with every problem")
	Measure updateMeasure(@PathVariable long id, @RequestBody Measure measure) {
		return planning.updateMeasure(id, measure);
	}

	@PostMapping("/measures/{id:\\d+}/transitions")
	@Operation(summary = "Changes a measure's status (PLANNED→RUNNING/STOPPED, RUNNING→DONE/STOPPED); 422 when the "
			+ "transition is not allowed")
	Measure transition(@PathVariable long id, @RequestBody Transition transition) {
		return planning.changeStatus(id, transition.status(), transition.note());
	}

	@GetMapping("/measures/{id:\\d+}/transitions")
	@Operation(summary = "The status history of a measure, oldest first")
	List<StatusChange> history(@PathVariable long id) {
		measure(id);
		return planning.history(id);
	}

	@GetMapping("/measures/{id:\\d+}/evaluations")
	List<Evaluation> evaluations(@PathVariable long id) {
		measure(id);
		return planning.evaluations(id);
	}

	@PostMapping("/measures/{id:\\d+}/evaluations")
	@Operation(summary = "Records an evaluation of a measure (the author is the caller); 422 with every problem")
	ResponseEntity<Evaluation> evaluate(@PathVariable long id, @RequestBody Evaluation evaluation) {
		Evaluation e = new Evaluation(null, id, evaluation.worked(), evaluation.didNotWork(),
				evaluation.evaluatedOn(), null);
		return ResponseEntity.status(HttpStatus.CREATED).body(planning.addEvaluation(id, e));
	}

	@ExceptionHandler(InvalidPlanningException.class)
	ResponseEntity<Problems> invalid(InvalidPlanningException e) {
		return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(new Problems(e.problems()));
	}

	/** Unreadable JSON (a wrong type, an unknown status or direction, a malformed date): 422 too. */
	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<Problems> unreadable(HttpMessageNotReadableException e) {
		String detail = e.getMostSpecificCause().getMessage();
		return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(new Problems(List.of(
				new InvalidPlanningException.Problem("body", "unreadable", "Unreadable JSON: " + firstLine(detail)))));
	}

	private static String firstLine(String s) {
		return s == null ? "" : s.lines().findFirst().orElse("");
	}

	@ExceptionHandler(NoSuchElementException.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String missing(NoSuchElementException e) {
		return e.getMessage();
	}
}
