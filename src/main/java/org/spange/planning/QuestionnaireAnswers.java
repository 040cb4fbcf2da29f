package org.spange.planning;

import java.util.List;
import java.util.Map;

/**
 * The answers to one questionnaire version about one subject: an inventory organisation, a free-text organisation
 * name or an area (exactly one). Answers are items by question rank; a free-text, yes/no or scale answer is one item.
 * Who may see it is decided by the web layer from owner, subject organisation and visibility.
 */
public record QuestionnaireAnswers(Long id, long versionId, Long organizationId, String subjectName, Long areaId,
		String owner, Visibility visibility, Map<Integer, List<Item>> answers) {

	/** PRIVATE: owner, members of the subject organisation and admins; SHARED: also planners and municipalities. */
	public enum Visibility {
		PRIVATE, SHARED
	}

	public record Item(String text, String note) {
	}

	public List<Item> of(int rank) {
		return answers.getOrDefault(rank, List.of());
	}
}
