package org.spange.planning.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;

import org.spange.planning.Questionnaire;
import org.spange.planning.QuestionnaireAnswers;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import com.openhtmltopdf.extend.FSSupplier;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

/**
 * An answer set as PDF: the HTML template {@code planning/questionnaire-pdf} rendered by openhtmltopdf, tagged for
 * accessibility (PDF/UA: title, language, structure tree), with DejaVu Sans embedded so that umlauts and every other
 * character show as written.
 */
@Component
class QuestionnairePdf {

	private static final String FONT = "DejaVu Sans";

	private final ITemplateEngine templates;

	QuestionnairePdf(ITemplateEngine templates) {
		this.templates = templates;
	}

	byte[] render(Questionnaire version, QuestionnaireAnswers answers, String subject, Locale locale) {
		Context context = new Context(locale, Map.of("version", version, "answers", answers, "subject", subject,
				"title", version.title() + " – " + subject, "language", locale.getLanguage()));
		String html = templates.process("planning/questionnaire-pdf", context);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			PdfRendererBuilder builder = new PdfRendererBuilder();
			builder.useFastMode();
			builder.usePdfUaAccessibility(true);
			builder.useFont(font("/fonts/DejaVuSans.ttf"), FONT, 400, FontStyle.NORMAL, true);
			builder.useFont(font("/fonts/DejaVuSans-Bold.ttf"), FONT, 700, FontStyle.NORMAL, true);
			builder.withProducer("Spange");
			builder.withHtmlContent(html, null);
			builder.toStream(out);
			builder.run();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}

	private static FSSupplier<InputStream> font(String path) {
		return () -> QuestionnairePdf.class.getResourceAsStream(path);
	}
}
