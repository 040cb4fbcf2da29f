package org.spange.platform.web;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.ui.Model;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Reading a form's text fields into values: an empty field is null; what cannot be read is null too and noted in
 * {@code problems} (form field → message key), so that the page can show it at its field with the input kept.
 * Dates and times come as HTML date, datetime-local and time inputs send them (ISO).
 */
public final class FormValues {

	public static final String CHOICE = "form.choice.invalid";
	public static final String NUMBER = "form.number.invalid";
	public static final String DATE = "form.date.invalid";
	public static final String DATE_TIME = "form.dateTime.invalid";
	public static final String TIME = "form.time.invalid";

	public static Long id(String value, String field, Map<String, String> problems) {
		return read(value, field, problems, CHOICE, Long::valueOf);
	}

	public static List<Long> ids(List<String> values, String field, Map<String, String> problems) {
		List<Long> ids = new ArrayList<>();
		for (String v : values == null ? List.<String>of() : values) {
			Long id = id(v, field, problems);
			if (id != null) {
				ids.add(id);
			}
		}
		return ids;
	}

	public static Integer integer(String value, String field, Map<String, String> problems) {
		return read(value, field, problems, NUMBER, Integer::valueOf);
	}

	public static LocalDate date(String value, String field, Map<String, String> problems) {
		return read(value, field, problems, DATE, LocalDate::parse);
	}

	public static LocalDateTime dateTime(String value, String field, Map<String, String> problems) {
		return read(value, field, problems, DATE_TIME, LocalDateTime::parse);
	}

	public static LocalTime time(String value, String field, Map<String, String> problems) {
		return read(value, field, problems, TIME, LocalTime::parse);
	}

	public static <E extends Enum<E>> E choice(Class<E> type, String value, String field,
			Map<String, String> problems) {
		return read(value, field, problems, CHOICE, v -> Enum.valueOf(type, v));
	}

	/**
	 * A page that shows a form for the first time: no problems and nothing typed yet. A form shown again after a
	 * problem brings its own {@code problems} and {@code form} (the typed values), which stay.
	 */
	public static void blankFormUnlessShownAgain(Model model) {
		noProblemsUnlessShownAgain(model);
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", Map.of());
		}
	}

	/** A form filled from what is stored, shown for the first time: no problems, unless shown again with its own. */
	public static void noProblemsUnlessShownAgain(Model model) {
		if (!model.containsAttribute("problems")) {
			model.addAttribute("problems", Map.of());
		}
	}

	/**
	 * Shows a form again after problems: those found while reading the form first, then the service's, each at its
	 * field; the typed values stay; status 422 (Unprocessable Content).
	 */
	public static String shownAgain(Model model, HttpServletResponse response, Map<String, String> formProblems,
			Map<String, String> serviceProblems, Object typed, Supplier<String> page) {
		Map<String, String> all = new LinkedHashMap<>(formProblems);
		all.putAll(serviceProblems);
		model.addAttribute("problems", all);
		model.addAttribute("form", typed);
		response.setStatus(422);
		return page.get();
	}

	private interface Reader<T> {
		T read(String text);
	}

	private static <T> T read(String value, String field, Map<String, String> problems, String key, Reader<T> reader) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return reader.read(value.strip());
		} catch (IllegalArgumentException | DateTimeParseException e) {
			problems.putIfAbsent(field, key);
			return null;
		}
	}

	private FormValues() {
	}
}
