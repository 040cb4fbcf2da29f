package org.spange.planning;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Questionnaire templates with their versions, and the answer sets given with them. Template texts are German; a
 * version may carry translations (title, description, sections, questions, help), read with a locale and falling back
 * to German text by text. Answers are never translated. Every write is audited.
 */
public interface Questionnaires {

	/** The latest version of every template, by title. */
	List<Questionnaire> templates();

	Optional<Questionnaire> version(long id);

	/** The latest version of every template in the language of {@code locale} where translated, by title. */
	List<Questionnaire> templates(Locale locale);

	/** A version in the language of {@code locale} where translated, German otherwise. */
	Optional<Questionnaire> version(long id, Locale locale);

	/**
	 * Adds a new version of a template (the first one when the key is new). {@code lines} holds one question a line,
	 * {@code Abschnitt | Typ | Frage | Hilfe (optional)}; every line is checked and nothing is written if any is
	 * wrong ({@link InvalidPlanningException} with field {@code questions} and the line number in the message).
	 */
	Questionnaire saveTemplate(String key, String title, String description, String lines, String username);

	/** The question lines of a version, as {@link #saveTemplate} reads them. */
	static String lines(Questionnaire q) {
		StringBuilder s = new StringBuilder();
		for (Questionnaire.Question x : q.questions()) {
			s.append(x.section()).append(" | ").append(x.type()).append(" | ").append(x.text());
			if (x.help() != null) {
				s.append(" | ").append(x.help());
			}
			s.append('\n');
		}
		return s.toString();
	}

	List<QuestionnaireAnswers> answerSets();

	Optional<QuestionnaireAnswers> answerSet(long id);

	/** Checks the answers against the version's question types; {@link InvalidPlanningException} if wrong. */
	long createAnswers(QuestionnaireAnswers answers);

	void updateAnswers(long id, Map<Integer, List<QuestionnaireAnswers.Item>> answers);

	void setVisibility(long id, QuestionnaireAnswers.Visibility visibility);

	/** Deletes an answer set with its answers (who may is decided by the caller). */
	void deleteAnswers(long id);
}
