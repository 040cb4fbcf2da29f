package org.spange.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;

import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.spange.SpangeTest;
import org.spange.planning.QuestionnaireAnswers.Item;
import org.spange.planning.QuestionnaireAnswers.Visibility;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Templates as data with versions, the question line format, answers, the pages and the DOCX export. */
@SpangeTest
class QuestionnaireTest {

	private static final RequestPostProcessor PLANNER = user("planung").roles("PLANNER");

	@Autowired
	MockMvc mvc;

	@Autowired
	Questionnaires questionnaires;

	@Autowired
	JdbcClient jdbc;

	private static String key() {
		return "qt-" + System.nanoTime();
	}

	@Test
	void editingATemplateAddsAVersionAndOldAnswersKeepTheirQuestions() throws Exception {
		String key = key();
		Questionnaire v1 = questionnaires.saveTemplate(key, "Testbogen", null,
				"Teil A | TEXT | Alte Frage zur Lage\nTeil A | SCALE | Wie zufrieden?", "planung");
		long answers = questionnaires.createAnswers(new QuestionnaireAnswers(null, v1.id(), null, "Testträger " + key,
				null, "planung", Visibility.PRIVATE, Map.of(0, List.of(new Item("Alte Antwort", null)), 1,
						List.of(new Item("4", null)))));

		MockHttpServletResponse saved = mvc.perform(post("/planning/questionnaires/templates").with(PLANNER)
			.with(csrf()).param("key", key).param("title", "Testbogen").param("questions",
					"Teil A | TEXT | Neue Frage zur Lage | mit Hilfe\nTeil B | YESNO | Schon begonnen?"))
			.andReturn().getResponse();

		assertThat(saved.getRedirectedUrl()).isEqualTo("/planning/questionnaires");
		Questionnaire latest = questionnaires.templates().stream().filter(t -> t.key().equals(key)).findFirst()
			.orElseThrow();
		assertThat(latest.version()).isEqualTo(2);
		assertThat(latest.questions()).extracting(Questionnaire.Question::text)
			.containsExactly("Neue Frage zur Lage", "Schon begonnen?");
		assertThat(questionnaires.version(v1.id()).orElseThrow().questions().get(0).text())
			.isEqualTo("Alte Frage zur Lage");
		String page = mvc.perform(get("/planning/questionnaires/answers/" + answers).with(PLANNER)).andReturn()
			.getResponse().getContentAsString();
		assertThat(page).contains("Alte Frage zur Lage", "Alte Antwort", "Wie zufrieden?")
			.doesNotContain("Neue Frage zur Lage");
	}

	@Test
	void badTemplateLinesAreReportedWithTheirNumbersAndNothingIsWritten() throws Exception {
		String key = key();
		MockHttpServletResponse response = mvc.perform(post("/planning/questionnaires/templates").with(PLANNER)
			.with(csrf()).param("key", key).param("title", "Kaputt").param("questions",
					"Teil A | TEXT | Gute Frage\nTeil A | FARBE | Welche Farbe?\n\nnur eine Spalte\n | LIST | ohne Abschnitt"))
			.andReturn().getResponse();

		assertThat(response.getStatus()).isEqualTo(200);
		String page = response.getContentAsString();
		assertThat(page).contains("Zeile 2: unbekannter Typ „FARBE“", "Zeile 4: erwartet",
				"Zeile 5: Abschnitt fehlt", "href=\"#f-questions\"", "Welche Farbe?")
			.doesNotContain("Zeile 1:").doesNotContain("Zeile 3:");
		assertThat(jdbc.sql("select count(*) from planning.questionnaire_version where template_key = :k")
			.param("k", key).query(Long.class).single()).isZero();
	}

	@Test
	void badAnswersAreShownAtTheirFieldsWithTheInputKept() throws Exception {
		Questionnaire v = questionnaires.saveTemplate(key(), "Skala", null, "S | SCALE | Wie gut?\nS | LIST | Punkte",
				"planung");
		long before = jdbc.sql("select count(*) from planning.questionnaire_answer_set").query(Long.class).single();

		MockHttpServletResponse response = mvc.perform(post("/planning/questionnaires/versions/" + v.id() + "/answers")
			.with(PLANNER).with(csrf()).param("subjectName", "Verein Skala").param("q0", "7")
			.param("q1", "Erster Punkt | Notiz\n | nur Notiz")).andReturn().getResponse();

		String page = response.getContentAsString();
		assertThat(page).contains("einen Wert von 1 bis 5 wählen", "Zeile 2: Text fehlt", "href=\"#f-q0\"",
				"Erster Punkt | Notiz", "Verein Skala");
		assertThat(jdbc.sql("select count(*) from planning.questionnaire_answer_set").query(Long.class).single())
			.isEqualTo(before);
	}

	@Test
	void theSeededTemplatesAndTheFormsRender() throws Exception {
		String list = mvc.perform(get("/planning/questionnaires").with(PLANNER)).andReturn().getResponse()
			.getContentAsString();
		assertThat(list).contains("SWOT-Analyse", "Auftragsklärung");
		Questionnaire swot = questionnaires.templates().stream().filter(t -> t.key().equals("swot")).findFirst()
			.orElseThrow();
		assertThat(swot.questions()).extracting(Questionnaire.Question::text).startsWith("Stärken", "Schwächen",
				"Chancen", "Risiken");
		String form = mvc.perform(get("/planning/questionnaires/versions/" + swot.id() + "/answers/new").with(PLANNER))
			.andReturn().getResponse().getContentAsString();
		assertThat(form).contains("<label for=\"f-q0\">Stärken</label>", "SO: Stärken nutzen");
		Questionnaire mandate = questionnaires.templates().stream().filter(t -> t.key().equals("auftragsklaerung"))
			.findFirst().orElseThrow();
		assertThat(mandate.sections().keySet()).containsExactly("Auftragsklärung", "Interne Vorbereitung");
		String edit = mvc.perform(get("/planning/questionnaires/templates/swot/edit").with(PLANNER)).andReturn()
			.getResponse().getContentAsString();
		assertThat(edit).contains("SWOT | LIST | Stärken | Was gelingt gut?");
	}

	@Test
	void theDocxExportOpensAndHoldsTheAnswers() throws Exception {
		Questionnaire swot = questionnaires.templates().stream().filter(t -> t.key().equals("swot")).findFirst()
			.orElseThrow();
		String name = "Exportverein " + System.nanoTime();
		String location = mvc.perform(post("/planning/questionnaires/versions/" + swot.id() + "/answers")
			.with(PLANNER).with(csrf()).param("subjectName", name).param("q0", "Erfahrenes Team | seit 1990")
			.param("q4", "Team für neue Förderprogramme einsetzen")).andReturn().getResponse().getRedirectedUrl();
		assertThat(location).startsWith("/planning/questionnaires/answers/");

		String edit = mvc.perform(get(location + "/edit").with(PLANNER)).andReturn().getResponse()
			.getContentAsString();
		assertThat(edit).contains("id=\"swot-matrix\"", "<li>Erfahrenes Team</li>");
		MockHttpServletResponse docx = mvc.perform(get(location + "/export.docx").with(PLANNER)).andReturn()
			.getResponse();
		assertThat(docx.getContentType()).contains("wordprocessingml");
		try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx.getContentAsByteArray()));
				XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
			assertThat(text.getText()).contains("SWOT-Analyse – " + name, "Stärken", "• Erfahrenes Team – seit 1990",
					"Team für neue Förderprogramme einsetzen");
		}
	}
}
