package org.spange.planning.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

import org.spange.access.AuditLog;
import org.spange.planning.InvalidPlanningException;
import org.spange.planning.InvalidPlanningException.Problem;
import org.spange.planning.Questionnaire;
import org.spange.planning.Questionnaire.Question;
import org.spange.planning.QuestionnaireAnswers;
import org.spange.planning.QuestionnaireAnswers.Item;
import org.spange.planning.QuestionnaireAnswers.Visibility;
import org.spange.planning.Questionnaires;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Questionnaires on PostgreSQL (tables {@code planning.questionnaire_*}). */
@Service
class JdbcQuestionnaires implements Questionnaires {

	private static final int SHORT = 200;
	private static final int QUESTION = 500;
	private static final int HELP = 1000;
	private static final int LONG = 4000;

	private final JdbcClient jdbc;
	private final TransactionTemplate tx;
	private final AuditLog audit;

	JdbcQuestionnaires(JdbcClient jdbc, TransactionTemplate tx, AuditLog audit) {
		this.jdbc = jdbc;
		this.tx = tx;
		this.audit = audit;
	}

	@Override
	public List<Questionnaire> templates(Locale locale) {
		return templates().stream().map(q -> translated(q, locale))
			.sorted(java.util.Comparator.comparing(Questionnaire::title)).toList();
	}

	@Override
	public Optional<Questionnaire> version(long id, Locale locale) {
		return version(id).map(q -> translated(q, locale));
	}

	/** The version with the texts of the locale's language where there are any. */
	private Questionnaire translated(Questionnaire q, Locale locale) {
		String language = locale == null ? "de" : locale.getLanguage();
		if (language.isEmpty() || "de".equals(language)) {
			return q;
		}
		record Text(String section, String text, String help) {
		}
		Map<Integer, Text> texts = new HashMap<>();
		jdbc.sql("""
				select rank, section, text, help from planning.questionnaire_question_text
				where version_id = :id and language = :language""").param("id", q.id()).param("language", language)
			.query((rs, n) -> texts.put(rs.getInt(1), new Text(rs.getString(2), rs.getString(3), rs.getString(4))))
			.list();
		List<Question> questions = q.questions().stream().map(x -> {
			Text t = texts.get(x.rank());
			return t == null ? x : new Question(x.rank(), t.section(), x.type(), t.text(), t.help());
		}).toList();
		return jdbc.sql("""
				select title, description from planning.questionnaire_version_text
				where version_id = :id and language = :language""").param("id", q.id()).param("language", language)
			.query((rs, n) -> new Questionnaire(q.id(), q.key(), q.version(), rs.getString(1), rs.getString(2),
					questions))
			.optional()
			.orElse(new Questionnaire(q.id(), q.key(), q.version(), q.title(), q.description(), questions));
	}

	@Override
	public List<Questionnaire> templates() {
		List<Long> ids = jdbc.sql("""
				select distinct on (template_key) id from planning.questionnaire_version
				order by template_key, version desc""").query(Long.class).list();
		return ids.stream().map(id -> version(id).orElseThrow())
			.sorted(java.util.Comparator.comparing(Questionnaire::title)).toList();
	}

	@Override
	public Optional<Questionnaire> version(long id) {
		List<Question> questions = jdbc.sql("""
				select rank, section, type, text, help from planning.questionnaire_question
				where version_id = :id order by rank""").param("id", id)
			.query((rs, n) -> new Question(rs.getInt(1), rs.getString(2), Questionnaire.Type.valueOf(rs.getString(3)),
					rs.getString(4), rs.getString(5)))
			.list();
		return jdbc.sql("select id, template_key, version, title, description from planning.questionnaire_version"
				+ " where id = :id").param("id", id)
			.query((rs, n) -> new Questionnaire(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4),
					rs.getString(5), questions))
			.optional();
	}

	@Override
	public Questionnaire saveTemplate(String key, String title, String description, String lines, String username) {
		List<Problem> problems = new ArrayList<>();
		if (key == null || !key.matches("[a-z0-9-]{1,60}")) {
			problems.add(new Problem("key", "questionnaire.key", "nur a–z, 0–9 und -, höchstens 60 Zeichen"));
		}
		if (title == null || title.isBlank()) {
			problems.add(new Problem("title", "required", "erforderlich"));
		} else if (title.strip().length() > SHORT) {
			problems.add(new Problem("title", "tooLong", "höchstens 200 Zeichen"));
		}
		if (description != null && description.strip().length() > LONG) {
			problems.add(new Problem("description", "tooLong", "höchstens 4000 Zeichen"));
		}
		List<Question> questions = parse(lines, problems);
		if (!problems.isEmpty()) {
			throw new InvalidPlanningException(problems);
		}
		String desc = description == null || description.isBlank() ? null : description.strip();
		long id = tx.execute(status -> {
			int next = jdbc.sql("select coalesce(max(version), 0) + 1 from planning.questionnaire_version"
					+ " where template_key = :key").param("key", key).query(Integer.class).single();
			long versionId = jdbc.sql("""
					insert into planning.questionnaire_version (template_key, version, title, description, created_by)
					values (:key, :version, :title, :description, :by) returning id""").param("key", key)
				.param("version", next).param("title", title.strip()).param("description", desc)
				.param("by", username).query(Long.class).single();
			for (Question q : questions) {
				jdbc.sql("""
						insert into planning.questionnaire_question (version_id, rank, section, type, text, help)
						values (:v, :rank, :section, :type, :text, :help)""").param("v", versionId)
					.param("rank", q.rank()).param("section", q.section()).param("type", q.type().name())
					.param("text", q.text()).param("help", q.help()).update();
			}
			carryTranslations(key, next, versionId);
			audit.record("planning.questionnaire.template", "questionnaire", key,
					Map.of("version", next, "questions", questions.size()));
			return versionId;
		});
		return version(id).orElseThrow();
	}

	/**
	 * Copies the previous version's translations to a new one: a question's translation where its section, type and
	 * German wording did not change, the title's where the German title did not change.
	 */
	private void carryTranslations(String key, int version, long versionId) {
		if (version == 1) {
			return;
		}
		jdbc.sql("""
				insert into planning.questionnaire_question_text (version_id, rank, language, section, text, help)
				select distinct on (nq.rank, t.language) nq.version_id, nq.rank, t.language, t.section, t.text, t.help
				from planning.questionnaire_version pv
				join planning.questionnaire_question pq on pq.version_id = pv.id
				join planning.questionnaire_question_text t on t.version_id = pq.version_id and t.rank = pq.rank
				join planning.questionnaire_question nq on nq.version_id = :new
				     and nq.section = pq.section and nq.text = pq.text and nq.type = pq.type
				where pv.template_key = :key and pv.version = :previous
				order by nq.rank, t.language, pq.rank""").param("new", versionId).param("key", key)
			.param("previous", version - 1).update();
		jdbc.sql("""
				insert into planning.questionnaire_version_text (version_id, language, title, description)
				select nv.id, t.language, t.title, t.description
				from planning.questionnaire_version pv
				join planning.questionnaire_version_text t on t.version_id = pv.id
				join planning.questionnaire_version nv on nv.id = :new and nv.title = pv.title
				where pv.template_key = :key and pv.version = :previous""").param("new", versionId)
			.param("key", key).param("previous", version - 1).update();
	}

	/** Reads the question lines; every wrong line becomes a problem naming its line number (1-based). */
	static List<Question> parse(String lines, List<Problem> problems) {
		List<Question> questions = new ArrayList<>();
		String[] rows = lines == null ? new String[0] : lines.split("\\R", -1);
		for (int i = 0; i < rows.length; i++) {
			String row = rows[i].strip();
			if (row.isEmpty()) {
				continue;
			}
			String at = "Zeile " + (i + 1) + ": ";
			String[] parts = row.split("\\|", -1);
			if (parts.length < 3 || parts.length > 4) {
				problems.add(new Problem("questions", "questionnaire.line",
						at + "erwartet „Abschnitt | Typ | Frage“ oder „Abschnitt | Typ | Frage | Hilfe“"));
				continue;
			}
			String section = parts[0].strip();
			String type = parts[1].strip().toUpperCase(java.util.Locale.ROOT);
			String text = parts[2].strip();
			String help = parts.length == 4 && !parts[3].isBlank() ? parts[3].strip() : null;
			Questionnaire.Type t = null;
			try {
				t = Questionnaire.Type.valueOf(type);
			} catch (IllegalArgumentException e) {
				problems.add(new Problem("questions", "questionnaire.line",
						at + "unbekannter Typ „" + parts[1].strip() + "“ (TEXT, LIST, YESNO oder SCALE)"));
			}
			if (section.isEmpty() || section.length() > SHORT) {
				problems.add(new Problem("questions", "questionnaire.line", at + "Abschnitt fehlt oder ist zu lang"));
			}
			if (text.isEmpty() || text.length() > QUESTION) {
				problems.add(new Problem("questions", "questionnaire.line",
						at + "Frage fehlt oder ist länger als 500 Zeichen"));
			}
			if (help != null && help.length() > HELP) {
				problems.add(new Problem("questions", "questionnaire.line", at + "Hilfe länger als 1000 Zeichen"));
			}
			if (t != null) {
				questions.add(new Question(questions.size(), section, t, text, help));
			}
		}
		if (questions.isEmpty() && problems.isEmpty()) {
			problems.add(new Problem("questions", "questionnaire.none", "mindestens eine Frage"));
		}
		return questions;
	}

	@Override
	public List<QuestionnaireAnswers> answerSets() {
		return jdbc.sql("select id from planning.questionnaire_answer_set order by updated_at desc, id desc")
			.query(Long.class).list().stream().map(id -> answerSet(id).orElseThrow()).toList();
	}

	@Override
	public Optional<QuestionnaireAnswers> answerSet(long id) {
		Map<Integer, List<Item>> answers = new LinkedHashMap<>();
		jdbc.sql("""
				select question_rank, text, note from planning.questionnaire_answer
				where answer_set_id = :id order by question_rank, item""").param("id", id).query(rs -> {
			answers.computeIfAbsent(rs.getInt(1), r -> new ArrayList<>()).add(new Item(rs.getString(2), rs.getString(3)));
		});
		return jdbc.sql("""
				select id, version_id, organization_id, subject_name, area_id, owner, visibility
				from planning.questionnaire_answer_set where id = :id""").param("id", id)
			.query((rs, n) -> new QuestionnaireAnswers(rs.getLong(1), rs.getLong(2), (Long) rs.getObject(3),
					rs.getString(4), (Long) rs.getObject(5), rs.getString(6), Visibility.valueOf(rs.getString(7)),
					answers))
			.optional();
	}

	@Override
	public long createAnswers(QuestionnaireAnswers a) {
		Questionnaire version = version(a.versionId()).orElseThrow();
		List<Problem> problems = new ArrayList<>();
		int subjects = (a.organizationId() == null ? 0 : 1) + (a.subjectName() == null ? 0 : 1)
				+ (a.areaId() == null ? 0 : 1);
		if (subjects != 1) {
			problems.add(new Problem("subject", "questionnaire.subject",
					"genau eines angeben: Organisation, Name oder Gebiet"));
		}
		if (a.subjectName() != null && a.subjectName().length() > SHORT) {
			problems.add(new Problem("subjectName", "tooLong", "höchstens 200 Zeichen"));
		}
		if (a.areaId() != null && jdbc.sql("select count(*) from area.area where id = :id").param("id", a.areaId())
			.query(Long.class).single() == 0) {
			problems.add(new Problem("areaId", "questionnaire.area", "unbekanntes Gebiet"));
		}
		check(version, a.answers(), problems);
		if (!problems.isEmpty()) {
			throw new InvalidPlanningException(problems);
		}
		return tx.execute(status -> {
			long id = jdbc.sql("""
					insert into planning.questionnaire_answer_set
					    (version_id, organization_id, subject_name, area_id, owner, visibility)
					values (:v, :org, :name, :area, :owner, :visibility) returning id""").param("v", a.versionId())
				.param("org", a.organizationId()).param("name", a.subjectName()).param("area", a.areaId())
				.param("owner", a.owner()).param("visibility", a.visibility().name()).query(Long.class).single();
			write(id, a.answers());
			audit.record("planning.questionnaire.answers.create", "questionnaire_answers", Long.toString(id),
					Map.of("version", a.versionId(), "visibility", a.visibility().name()));
			return id;
		});
	}

	@Override
	public void updateAnswers(long id, Map<Integer, List<Item>> answers) {
		QuestionnaireAnswers existing = answerSet(id).orElseThrow();
		List<Problem> problems = new ArrayList<>();
		check(version(existing.versionId()).orElseThrow(), answers, problems);
		if (!problems.isEmpty()) {
			throw new InvalidPlanningException(problems);
		}
		tx.executeWithoutResult(status -> {
			jdbc.sql("delete from planning.questionnaire_answer where answer_set_id = :id").param("id", id).update();
			write(id, answers);
			jdbc.sql("update planning.questionnaire_answer_set set updated_at = now() where id = :id").param("id", id)
				.update();
			audit.record("planning.questionnaire.answers.update", "questionnaire_answers", Long.toString(id),
					Map.of("questions", answers.size()));
		});
	}

	@Override
	public void setVisibility(long id, Visibility visibility) {
		tx.executeWithoutResult(status -> {
			int rows = jdbc.sql(
					"update planning.questionnaire_answer_set set visibility = :v, updated_at = now() where id = :id")
				.param("v", visibility.name()).param("id", id).update();
			if (rows == 0) {
				throw new NoSuchElementException("No answer set " + id);
			}
			audit.record("planning.questionnaire.answers.visibility", "questionnaire_answers", Long.toString(id),
					Map.of("visibility", visibility.name()));
		});
	}

	@Override
	public void deleteAnswers(long id) {
		QuestionnaireAnswers a = answerSet(id).orElseThrow(() -> new NoSuchElementException("No answer set " + id));
		tx.executeWithoutResult(status -> {
			// the answers cascade
			jdbc.sql("delete from planning.questionnaire_answer_set where id = :id").param("id", id).update();
			audit.record("planning.questionnaire.answers.delete", "questionnaire_answers", Long.toString(id),
					Map.of("version", a.versionId(), "owner", a.owner(), "questions", a.answers().size()));
		});
	}

	private void write(long id, Map<Integer, List<Item>> answers) {
		answers.forEach((rank, items) -> {
			for (int i = 0; i < items.size(); i++) {
				jdbc.sql("""
						insert into planning.questionnaire_answer (answer_set_id, question_rank, item, text, note)
						values (:id, :rank, :item, :text, :note)""").param("id", id).param("rank", rank)
					.param("item", i).param("text", items.get(i).text()).param("note", items.get(i).note()).update();
			}
		});
	}

	/** The answers fit their questions: known ranks, one value for non-lists, yes/no and 1–5, lengths. */
	private static void check(Questionnaire version, Map<Integer, List<Item>> answers, List<Problem> problems) {
		Map<Integer, Question> byRank = new LinkedHashMap<>();
		version.questions().forEach(q -> byRank.put(q.rank(), q));
		answers.forEach((rank, items) -> {
			Question q = byRank.get(rank);
			String field = "q" + rank;
			if (q == null) {
				problems.add(new Problem(field, "questionnaire.unknown", "unbekannte Frage"));
				return;
			}
			if (q.type() != Questionnaire.Type.LIST && items.size() > 1) {
				problems.add(new Problem(field, "questionnaire.single", "nur eine Antwort"));
			}
			for (int i = 0; i < items.size(); i++) {
				Item item = items.get(i);
				String at = q.type() == Questionnaire.Type.LIST ? "Zeile " + (i + 1) + ": " : "";
				if (item.text() == null || item.text().isBlank()) {
					problems.add(new Problem(field, "questionnaire.empty", at + "Text fehlt"));
				} else if (item.text().length() > LONG) {
					problems.add(new Problem(field, "tooLong", at + "höchstens 4000 Zeichen"));
				} else if (q.type() == Questionnaire.Type.YESNO && !item.text().matches("JA|NEIN")) {
					problems.add(new Problem(field, "questionnaire.yesno", "Ja oder Nein wählen"));
				} else if (q.type() == Questionnaire.Type.SCALE && !item.text().matches("[1-5]")) {
					problems.add(new Problem(field, "questionnaire.scale", "einen Wert von 1 bis 5 wählen"));
				}
				if (item.note() != null && item.note().length() > HELP) {
					problems.add(new Problem(field, "tooLong", at + "Notiz höchstens 1000 Zeichen"));
				}
			}
		});
	}
}
