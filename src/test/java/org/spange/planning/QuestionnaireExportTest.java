package org.spange.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.spange.SpangeTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Answer sets as PDF (tagged, with title and language, the font embedded, umlauts as written), template texts in
 * English for an English UI while the answers stay as written, translations carried to a new template version where
 * the German wording did not change, and deleting an answer set (owner and admins, after confirmation). Every
 * questionnaire write is audited.
 */
@SpangeTest
class QuestionnaireExportTest {

	private static final RequestPostProcessor OWNER = user("planung").roles("PLANNER");
	private static final RequestPostProcessor OTHER_PLANNER = user("planung-2").roles("PLANNER");

	@Autowired
	MockMvc mvc;

	@Autowired
	Questionnaires questionnaires;

	@Autowired
	JdbcClient jdbc;

	private long swot() {
		return questionnaires.templates().stream().filter(t -> t.key().equals("swot")).findFirst().orElseThrow().id();
	}

	private String answer(String subject, String visibility) throws Exception {
		return mvc.perform(post("/planning/questionnaires/versions/" + swot() + "/answers").with(OWNER).with(csrf())
			.param("subjectName", subject).param("visibility", visibility)
			.param("q0", "Öffnungszeiten für Familien | Grüße aus Bludenz\nGroße Erfahrung")
			.param("q3", "Fachkräftemangel")).andReturn().getResponse().getRedirectedUrl();
	}

	private long audited(String action, String id) {
		return jdbc.sql("select count(*) from access.audit_event where action = ? and subject_id = ?")
			.params(action, id).query(Long.class).single();
	}

	@Test
	void thePdfIsTaggedWithTitleLanguageEmbeddedFontAndTheAnswersUmlauts() throws Exception {
		String subject = "Träger Größe " + UUID.randomUUID().toString().substring(0, 6);
		String location = answer(subject, "PRIVATE");

		MockHttpServletResponse response = mvc.perform(get(location + "/export.pdf").with(OWNER)).andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentType()).isEqualTo("application/pdf");
		assertThat(response.getHeader("Content-Disposition")).contains("attachment", ".pdf");
		try (PDDocument pdf = Loader.loadPDF(response.getContentAsByteArray())) {
			String text = new PDFTextStripper().getText(pdf);
			assertThat(text).contains("SWOT-Analyse – " + subject, "Stärken", "Öffnungszeiten für Familien",
					"Grüße aus Bludenz", "Große Erfahrung", "Fachkräftemangel", "Risiken");
			assertThat(pdf.getDocumentInformation().getTitle()).isEqualTo("SWOT-Analyse – " + subject);
			assertThat(pdf.getDocumentCatalog().getLanguage()).isEqualTo("de");
			assertThat(pdf.getDocumentCatalog().getMarkInfo()).isNotNull();
			assertThat(pdf.getDocumentCatalog().getMarkInfo().isMarked()).isTrue();
			assertThat(pdf.getDocumentCatalog().getStructureTreeRoot()).isNotNull();
			List<PDFont> fonts = new java.util.ArrayList<>();
			for (var name : pdf.getPage(0).getResources().getFontNames()) {
				fonts.add(pdf.getPage(0).getResources().getFont(name));
			}
			assertThat(fonts).isNotEmpty().allSatisfy(f -> {
				assertThat(f.isEmbedded()).as(f.getName()).isTrue();
				assertThat(f.getName()).contains("DejaVu");
			});
		}
		// who may not see the answers gets no PDF either
		assertThat(mvc.perform(get(location + "/export.pdf").with(OTHER_PLANNER)).andReturn().getResponse()
			.getStatus()).isEqualTo(404);
	}

	@Test
	void anEnglishUiShowsEnglishQuestionsAndTheAnswersAsWritten() throws Exception {
		String location = answer("Träger " + UUID.randomUUID().toString().substring(0, 6), "PRIVATE");
		String german = mvc.perform(get(location).with(OWNER).param("lang", "de")).andReturn().getResponse()
			.getContentAsString();
		assertThat(german).contains("Stärken", "Strategien", "Öffnungszeiten für Familien");
		String english = mvc.perform(get(location).with(OWNER).param("lang", "en")).andReturn().getResponse()
			.getContentAsString();
		assertThat(english).contains("SWOT analysis", "Strengths", "Threats", "Strategies",
				"SO: use strengths to seize opportunities", "Öffnungszeiten für Familien", "Grüße aus Bludenz")
			.doesNotContain(">Stärken<");
		String list = mvc.perform(get("/planning/questionnaires").with(OWNER).param("lang", "en")).andReturn()
			.getResponse().getContentAsString();
		assertThat(list).contains("Mandate clarification", "SWOT analysis");
		try (PDDocument pdf = Loader.loadPDF(mvc.perform(get(location + "/export.pdf").with(OWNER)
			.param("lang", "en")).andReturn().getResponse().getContentAsByteArray())) {
			assertThat(pdf.getDocumentCatalog().getLanguage()).isEqualTo("en");
			assertThat(new PDFTextStripper().getText(pdf)).contains("Strengths", "Öffnungszeiten für Familien");
		}
	}

	@Test
	void aNewVersionKeepsTheTranslationsOfUnchangedQuestions() {
		String key = "test-" + UUID.randomUUID().toString().substring(0, 8);
		Questionnaire v1 = questionnaires.saveTemplate(key, "Testbogen", null,
				"Teil | TEXT | Was läuft gut?\nTeil | TEXT | Was fehlt?", "planung");
		jdbc.sql("insert into planning.questionnaire_version_text (version_id, language, title) values (?, 'en', 'Test form')")
			.param(v1.id()).update();
		jdbc.sql("""
				insert into planning.questionnaire_question_text (version_id, rank, language, section, text)
				values (?, 0, 'en', 'Part', 'What works well?'), (?, 1, 'en', 'Part', 'What is missing?')""")
			.params(v1.id(), v1.id()).update();
		Questionnaire v2 = questionnaires.saveTemplate(key, "Testbogen", null,
				"Teil | TEXT | Was läuft gut?\nTeil | TEXT | Was fehlt am meisten?", "planung");

		Questionnaire en = questionnaires.version(v2.id(), Locale.ENGLISH).orElseThrow();
		assertThat(en.title()).isEqualTo("Test form");
		assertThat(en.questions()).extracting(Questionnaire.Question::text)
			.containsExactly("What works well?", "Was fehlt am meisten?");
		assertThat(questionnaires.version(v1.id(), Locale.ENGLISH).orElseThrow().questions())
			.extracting(Questionnaire.Question::text).containsExactly("What works well?", "What is missing?");
		assertThat(questionnaires.version(v2.id(), Locale.GERMAN).orElseThrow().title()).isEqualTo("Testbogen");
		assertThat(audited("planning.questionnaire.template", key)).isEqualTo(2);
	}

	@Test
	void theOwnerDeletesAnAnswerSetAfterConfirmationAndEveryWriteIsAudited() throws Exception {
		String location = answer("Träger " + UUID.randomUUID().toString().substring(0, 6), "PRIVATE");
		String id = location.substring(location.lastIndexOf('/') + 1);
		mvc.perform(post(location + "/edit").with(OWNER).with(csrf()).param("q0", "Neu"));
		mvc.perform(post(location + "/visibility").with(OWNER).with(csrf()).param("visibility", "SHARED"));

		// shared: another planner reads it but may neither open the confirmation nor delete
		assertThat(mvc.perform(get(location).with(OTHER_PLANNER)).andReturn().getResponse().getStatus())
			.isEqualTo(200);
		assertThat(mvc.perform(get(location + "/delete").with(OTHER_PLANNER)).andReturn().getResponse().getStatus())
			.isEqualTo(403);
		assertThat(mvc.perform(post(location + "/delete").with(OTHER_PLANNER).with(csrf())).andReturn().getResponse()
			.getStatus()).isEqualTo(403);
		assertThat(questionnaires.answerSet(Long.parseLong(id))).isPresent();

		assertThat(mvc.perform(get(location + "/delete").with(OWNER)).andReturn().getResponse().getContentAsString())
			.contains("id=\"delete-form\"", "mit seiner einen Antwort");
		assertThat(mvc.perform(post(location + "/delete").with(OWNER).with(csrf())).andReturn().getResponse()
			.getRedirectedUrl()).isEqualTo("/planning/questionnaires");
		assertThat(questionnaires.answerSet(Long.parseLong(id))).isEmpty();
		assertThat(jdbc.sql("select count(*) from planning.questionnaire_answer where answer_set_id = ?")
			.param(Long.parseLong(id)).query(Long.class).single()).isZero();
		for (String action : List.of("create", "update", "visibility", "delete")) {
			assertThat(audited("planning.questionnaire.answers." + action, id)).as(action).isEqualTo(1);
		}
		assertThat(mvc.perform(get(location).with(OWNER)).andReturn().getResponse().getStatus()).isEqualTo(404);
	}
}
