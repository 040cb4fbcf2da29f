package org.spange.planning;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One version of a questionnaire template (Fragebogen): its ordered questions. Templates are data; editing one adds
 * a new version, so answers given with an older version keep their questions.
 */
public record Questionnaire(long id, String key, int version, String title, String description,
		List<Question> questions) {

	/** How a question is answered: free text, a list of items with notes, yes/no, or a scale of 1 to 5. */
	public enum Type {
		TEXT, LIST, YESNO, SCALE
	}

	public record Question(int rank, String section, Type type, String text, String help) {
	}

	/** The questions grouped by section, in order. */
	public Map<String, List<Question>> sections() {
		Map<String, List<Question>> result = new LinkedHashMap<>();
		for (Question q : questions) {
			result.computeIfAbsent(q.section(), s -> new java.util.ArrayList<>()).add(q);
		}
		return result;
	}
}
