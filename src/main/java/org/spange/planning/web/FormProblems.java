package org.spange.planning.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.spange.planning.InvalidPlanningException.Problem;
import org.springframework.context.MessageSource;

/**
 * The problems of a form, resolved into the user's language: by input id for the message at each field, and as a
 * list for the error summary at the top that links to the fields.
 */
public final class FormProblems {

	/** One line of the summary: the input it links to, the field's label and what is wrong. */
	public record Entry(String inputId, String label, String message) {
	}

	private final Map<String, String> byInput = new LinkedHashMap<>();
	private final List<Entry> entries = new ArrayList<>();

	/** The input id of a problem field: {@code targets[1].targetValue} → {@code f-targets-1-targetValue}. */
	static String inputId(String field) {
		return "f-" + field.replaceAll("[\\[\\].]+", "-").replaceAll("-$", "");
	}

	static FormProblems of(List<Problem> problems, MessageSource messages, Locale locale) {
		FormProblems result = new FormProblems();
		for (Problem p : problems) {
			String id = inputId(p.field());
			if (result.byInput.containsKey(id)) {
				continue;
			}
			String base = p.field().replaceAll("^.*\\.", "").replaceAll("\\[\\d+\\]$", "");
			String label = messages.getMessage("planning.field." + base, null, base, locale);
			java.util.regex.Matcher row = java.util.regex.Pattern.compile("\\[(\\d+)\\]\\.").matcher(p.field());
			if (row.find()) {
				label = messages.getMessage("planning.target.row", new Object[] { Integer.parseInt(row.group(1)) + 1 },
						locale) + ", " + label;
			}
			String message = messages.getMessage("planning.problem." + p.code(), null, p.message(), locale);
			result.byInput.put(id, message);
			result.entries.add(new Entry(id, label, message));
		}
		return result;
	}

	static FormProblems none() {
		return new FormProblems();
	}

	public Map<String, String> byInput() {
		return byInput;
	}

	public List<Entry> entries() {
		return entries;
	}

	public boolean isEmpty() {
		return entries.isEmpty();
	}
}
