package org.spange.planning.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.spange.planning.Direction;
import org.spange.planning.Evaluation;
import org.spange.planning.Goal;
import org.spange.planning.Guideline;
import org.spange.planning.IndicatorTarget;
import org.spange.planning.InvalidPlanningException.Problem;
import org.spange.planning.Measure;

/**
 * What the planning forms hold: text as typed, so that a wrong entry comes back as it was. Each form turns into its
 * record plus the problems of reading it (numbers, dates, ids); checking the record is the service's job.
 */
public final class PlanningForms {

	private PlanningForms() {
	}

	/** A record read from a form, with what could not be read. */
	record Parsed<T>(T value, List<Problem> problems) {
	}

	private static final DateTimeFormatter GERMAN_DATE = DateTimeFormatter.ofPattern("d.M.uuuu")
		.withResolverStyle(java.time.format.ResolverStyle.STRICT);

	static String blank(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

	static Long id(List<Problem> problems, String field, String text) {
		if (blank(text) == null) {
			return null;
		}
		try {
			return Long.valueOf(text.strip());
		} catch (NumberFormatException e) {
			problems.add(new Problem(field, "id.invalid", "Not an id"));
			return null;
		}
	}

	/** A decimal number as written in German ({@code 1.234,5}) or English ({@code 1234.5}). */
	static BigDecimal decimal(List<Problem> problems, String field, String text) {
		String s = blank(text);
		if (s == null) {
			return null;
		}
		s = s.replace(" ", "").replace("\u00a0", "").replace("€", "");
		if (s.contains(",")) {
			s = s.replace(".", "").replace(',', '.');
		}
		try {
			return new BigDecimal(s);
		} catch (NumberFormatException e) {
			problems.add(new Problem(field, "number", "Not a number"));
			return null;
		}
	}

	static Double number(List<Problem> problems, String field, String text) {
		BigDecimal d = decimal(problems, field, text);
		return d == null ? null : d.doubleValue();
	}

	/** ISO ({@code 2026-03-31}, from date inputs) or German ({@code 31.3.2026}). */
	static LocalDate date(List<Problem> problems, String field, String text) {
		String s = blank(text);
		if (s == null) {
			return null;
		}
		try {
			return s.contains(".") ? LocalDate.parse(s, GERMAN_DATE) : LocalDate.parse(s);
		} catch (DateTimeParseException e) {
			problems.add(new Problem(field, "date.invalid", "Not a date"));
			return null;
		}
	}

	static String number(Double d) {
		return d == null ? "" : new java.text.DecimalFormat("0.######",
				java.text.DecimalFormatSymbols.getInstance(Locale.GERMAN)).format(d);
	}

	public static class GuidelineForm {
		private String body;
		private String areaId;
		private String title;
		private String text;
		private String resolvedOn;

		static GuidelineForm of(Guideline g) {
			GuidelineForm f = new GuidelineForm();
			f.body = g.body();
			f.areaId = g.areaId() == null ? "" : g.areaId().toString();
			f.title = g.title();
			f.text = g.text();
			f.resolvedOn = g.resolvedOn() == null ? "" : g.resolvedOn().toString();
			return f;
		}

		Parsed<Guideline> parse() {
			List<Problem> problems = new ArrayList<>();
			Guideline g = new Guideline(null, body, id(problems, "areaId", areaId), title, text,
					date(problems, "resolvedOn", resolvedOn), false);
			return new Parsed<>(g, problems);
		}

		public String getBody() { return body; }
		public void setBody(String body) { this.body = body; }
		public String getAreaId() { return areaId; }
		public void setAreaId(String areaId) { this.areaId = areaId; }
		public String getTitle() { return title; }
		public void setTitle(String title) { this.title = title; }
		public String getText() { return text; }
		public void setText(String text) { this.text = text; }
		public String getResolvedOn() { return resolvedOn; }
		public void setResolvedOn(String resolvedOn) { this.resolvedOn = resolvedOn; }
	}

	public static class TargetRow {
		private String indicatorKey;
		private String baselinePeriod;
		private String baselineValue;
		private String targetValue;
		private String targetPeriod;
		private String direction;

		boolean isEmpty() {
			return blank(indicatorKey) == null && blank(baselinePeriod) == null && blank(baselineValue) == null
					&& blank(targetValue) == null && blank(targetPeriod) == null;
		}

		public String getIndicatorKey() { return indicatorKey; }
		public void setIndicatorKey(String v) { this.indicatorKey = v; }
		public String getBaselinePeriod() { return baselinePeriod; }
		public void setBaselinePeriod(String v) { this.baselinePeriod = v; }
		public String getBaselineValue() { return baselineValue; }
		public void setBaselineValue(String v) { this.baselineValue = v; }
		public String getTargetValue() { return targetValue; }
		public void setTargetValue(String v) { this.targetValue = v; }
		public String getTargetPeriod() { return targetPeriod; }
		public void setTargetPeriod(String v) { this.targetPeriod = v; }
		public String getDirection() { return direction; }
		public void setDirection(String v) { this.direction = v; }
	}

	/** The goal form always offers {@link #ROWS} target rows; empty rows are left out. */
	public static class GoalForm {
		static final int ROWS = 3;

		private String title;
		private String description;
		private String areaId;
		private String parentId;
		private List<String> guidelineIds = new ArrayList<>();
		private List<TargetRow> targets = new ArrayList<>();

		static GoalForm empty() {
			GoalForm f = new GoalForm();
			f.fill();
			return f;
		}

		static GoalForm of(Goal g) {
			GoalForm f = new GoalForm();
			f.title = g.title();
			f.description = g.description();
			f.areaId = g.areaId() == null ? "" : g.areaId().toString();
			f.parentId = g.parentId() == null ? "" : g.parentId().toString();
			f.guidelineIds = new ArrayList<>(g.guidelineIds().stream().map(String::valueOf).toList());
			for (IndicatorTarget t : g.targets()) {
				TargetRow row = new TargetRow();
				row.indicatorKey = t.indicatorKey();
				row.baselinePeriod = t.baselinePeriod();
				row.baselineValue = number(t.baselineValue());
				row.targetValue = number(t.targetValue());
				row.targetPeriod = t.targetPeriod();
				row.direction = t.direction() == null ? "" : t.direction().name();
				f.targets.add(row);
			}
			f.fill();
			return f;
		}

		/** Pads the target rows to at least {@link #ROWS} and one empty row more than filled. */
		void fill() {
			if (targets == null) {
				targets = new ArrayList<>();
			}
			targets.replaceAll(r -> r == null ? new TargetRow() : r);
			long filled = targets.stream().filter(r -> !r.isEmpty()).count();
			while (targets.size() < Math.max(ROWS, filled + 1)) {
				targets.add(new TargetRow());
			}
		}

		public boolean hasGuideline(long id) {
			return guidelineIds != null && guidelineIds.contains(Long.toString(id));
		}

		Parsed<Goal> parse() {
			List<Problem> problems = new ArrayList<>();
			List<Long> guidelines = new ArrayList<>();
			for (String g : guidelineIds == null ? List.<String>of() : guidelineIds) {
				Long id = id(problems, "guidelineIds", g);
				if (id != null) {
					guidelines.add(id);
				}
			}
			List<IndicatorTarget> parsed = new ArrayList<>();
			// problems refer to the row as the service numbers the non-empty rows: keep the numbering the same
			int n = 0;
			for (TargetRow row : targets == null ? List.<TargetRow>of() : targets) {
				if (row == null || row.isEmpty()) {
					continue;
				}
				String prefix = "targets[" + n++ + "].";
				Direction direction = null;
				if (blank(row.direction) != null) {
					try {
						direction = Direction.valueOf(row.direction.strip());
					} catch (IllegalArgumentException e) {
						problems.add(new Problem(prefix + "direction", "direction.invalid", "Unknown direction"));
					}
				}
				parsed.add(new IndicatorTarget(blank(row.indicatorKey), blank(row.baselinePeriod),
						number(problems, prefix + "baselineValue", row.baselineValue),
						number(problems, prefix + "targetValue", row.targetValue), blank(row.targetPeriod), direction));
			}
			Goal g = new Goal(null, id(problems, "areaId", areaId), id(problems, "parentId", parentId), title,
					description, guidelines, parsed);
			return new Parsed<>(g, problems);
		}

		/** The filled rows moved to the top, so that row numbers in problems match the rows shown. */
		void compact() {
			if (targets != null) {
				List<TargetRow> rows = new ArrayList<>(targets.stream().filter(r -> r != null && !r.isEmpty()).toList());
				targets = rows;
			}
			fill();
		}

		public String getTitle() { return title; }
		public void setTitle(String title) { this.title = title; }
		public String getDescription() { return description; }
		public void setDescription(String description) { this.description = description; }
		public String getAreaId() { return areaId; }
		public void setAreaId(String areaId) { this.areaId = areaId; }
		public String getParentId() { return parentId; }
		public void setParentId(String parentId) { this.parentId = parentId; }
		public List<String> getGuidelineIds() { return guidelineIds; }
		public void setGuidelineIds(List<String> guidelineIds) { this.guidelineIds = guidelineIds; }
		public List<TargetRow> getTargets() { return targets; }
		public void setTargets(List<TargetRow> targets) { this.targets = targets; }
	}

	public static class MeasureForm {
		private String title;
		private String description;
		private String responsible;
		private String partners;
		private String areaId;
		private String startDate;
		private String endDate;
		private String costEstimate;
		private List<String> goalIds = new ArrayList<>();
		/** offer ids separated by commas or blanks (a multiple choice sends them joined by commas) */
		private String offerIds;
		private List<String> decisionIds = new ArrayList<>();
		/** the responsible actor organisation's id, empty for none */
		private String responsibleActorId;
		private List<String> partnerActorIds = new ArrayList<>();

		static MeasureForm of(Measure m) {
			MeasureForm f = new MeasureForm();
			f.title = m.title();
			f.description = m.description();
			f.responsible = m.responsible();
			f.partners = m.partners();
			f.areaId = m.areaId() == null ? "" : m.areaId().toString();
			f.startDate = m.startDate() == null ? "" : m.startDate().toString();
			f.endDate = m.endDate() == null ? "" : m.endDate().toString();
			f.costEstimate = m.costEstimate() == null ? ""
					: new java.text.DecimalFormat("0.00", java.text.DecimalFormatSymbols.getInstance(Locale.GERMAN))
						.format(m.costEstimate());
			f.goalIds = new ArrayList<>(m.goalIds().stream().map(String::valueOf).toList());
			f.offerIds = String.join(", ", m.offerIds().stream().map(String::valueOf).toList());
			f.decisionIds = new ArrayList<>(m.decisionIds().stream().map(String::valueOf).toList());
			f.responsibleActorId = m.responsibleActorId() == null ? "" : m.responsibleActorId().toString();
			f.partnerActorIds = new ArrayList<>(m.partnerActorIds().stream().map(String::valueOf).toList());
			return f;
		}

		public boolean isResponsibleActor(long id) {
			return Long.toString(id).equals(blank(responsibleActorId));
		}

		public boolean hasPartnerActor(long id) {
			return partnerActorIds != null && partnerActorIds.stream().anyMatch(p -> Long.toString(id).equals(blank(p)));
		}

		/** The readable actor ids chosen, responsible and partners, for keeping unknown ones in the choices. */
		java.util.Set<Long> actorIds() {
			java.util.Set<Long> ids = new java.util.LinkedHashSet<>();
			List<String> all = new ArrayList<>(partnerActorIds == null ? List.of() : partnerActorIds);
			all.add(responsibleActorId);
			for (String a : all) {
				try {
					ids.add(Long.valueOf(a.strip()));
				} catch (NumberFormatException | NullPointerException e) {
					// shown as a problem by parse()
				}
			}
			return ids;
		}

		public boolean hasGoal(long id) {
			return goalIds != null && goalIds.contains(Long.toString(id));
		}

		public boolean hasDecision(long id) {
			return decisionIds != null && decisionIds.contains(Long.toString(id));
		}

		public boolean hasOffer(long id) {
			return offerIds().contains(id);
		}

		/** The readable offer ids chosen. */
		java.util.Set<Long> offerIds() {
			java.util.Set<Long> ids = new java.util.LinkedHashSet<>();
			if (blank(offerIds) != null) {
				for (String o : offerIds.strip().split("[,;\\s]+")) {
					try {
						ids.add(Long.valueOf(o));
					} catch (NumberFormatException e) {
						// shown as a problem by parse()
					}
				}
			}
			return ids;
		}

		/** The readable decision ids chosen. */
		java.util.Set<Long> decisionIds() {
			java.util.Set<Long> ids = new java.util.LinkedHashSet<>();
			for (String d : decisionIds == null ? List.<String>of() : decisionIds) {
				try {
					ids.add(Long.valueOf(d.strip()));
				} catch (NumberFormatException | NullPointerException e) {
					// shown as a problem by parse()
				}
			}
			return ids;
		}

		Parsed<Measure> parse() {
			List<Problem> problems = new ArrayList<>();
			List<Long> goals = new ArrayList<>();
			for (String g : goalIds == null ? List.<String>of() : goalIds) {
				Long id = id(problems, "goalIds", g);
				if (id != null) {
					goals.add(id);
				}
			}
			List<Long> offers = new ArrayList<>();
			if (blank(offerIds) != null) {
				for (String o : offerIds.strip().split("[,;\\s]+")) {
					Long id = id(problems, "offerIds", o);
					if (id != null) {
						offers.add(id);
					}
				}
			}
			List<Long> decisions = new ArrayList<>();
			for (String d : decisionIds == null ? List.<String>of() : decisionIds) {
				Long id = id(problems, "decisionIds", d);
				if (id != null) {
					decisions.add(id);
				}
			}
			List<Long> partnerActors = new ArrayList<>();
			for (String a : partnerActorIds == null ? List.<String>of() : partnerActorIds) {
				Long id = id(problems, "partnerActorIds", a);
				if (id != null) {
					partnerActors.add(id);
				}
			}
			Measure m = new Measure(null, title, description, responsible, partners, id(problems, "areaId", areaId),
					date(problems, "startDate", startDate), date(problems, "endDate", endDate), null,
					decimal(problems, "costEstimate", costEstimate), goals, offers, decisions,
					id(problems, "responsibleActorId", responsibleActorId), partnerActors);
			return new Parsed<>(m, problems);
		}

		public String getTitle() { return title; }
		public void setTitle(String v) { this.title = v; }
		public String getDescription() { return description; }
		public void setDescription(String v) { this.description = v; }
		public String getResponsible() { return responsible; }
		public void setResponsible(String v) { this.responsible = v; }
		public String getPartners() { return partners; }
		public void setPartners(String v) { this.partners = v; }
		public String getAreaId() { return areaId; }
		public void setAreaId(String v) { this.areaId = v; }
		public String getStartDate() { return startDate; }
		public void setStartDate(String v) { this.startDate = v; }
		public String getEndDate() { return endDate; }
		public void setEndDate(String v) { this.endDate = v; }
		public String getCostEstimate() { return costEstimate; }
		public void setCostEstimate(String v) { this.costEstimate = v; }
		public List<String> getGoalIds() { return goalIds; }
		public void setGoalIds(List<String> v) { this.goalIds = v; }
		public String getOfferIds() { return offerIds; }
		public void setOfferIds(String v) { this.offerIds = v; }
		public List<String> getDecisionIds() { return decisionIds; }
		public void setDecisionIds(List<String> v) { this.decisionIds = v; }
		public String getResponsibleActorId() { return responsibleActorId; }
		public void setResponsibleActorId(String v) { this.responsibleActorId = v; }
		public List<String> getPartnerActorIds() { return partnerActorIds; }
		public void setPartnerActorIds(List<String> v) { this.partnerActorIds = v; }
	}

	public static class StatusForm {
		private String status;
		private String note;

		public String getStatus() { return status; }
		public void setStatus(String v) { this.status = v; }
		public String getNote() { return note; }
		public void setNote(String v) { this.note = v; }
	}

	public static class EvaluationForm {
		private String worked;
		private String didNotWork;
		private String evaluatedOn;

		Parsed<Evaluation> parse() {
			List<Problem> problems = new ArrayList<>();
			LocalDate on = date(problems, "evaluatedOn", evaluatedOn);
			return new Parsed<>(new Evaluation(null, null, worked, didNotWork, on, null), problems);
		}

		public String getWorked() { return worked; }
		public void setWorked(String v) { this.worked = v; }
		public String getDidNotWork() { return didNotWork; }
		public void setDidNotWork(String v) { this.didNotWork = v; }
		public String getEvaluatedOn() { return evaluatedOn; }
		public void setEvaluatedOn(String v) { this.evaluatedOn = v; }
	}
}
