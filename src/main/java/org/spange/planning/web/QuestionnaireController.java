package org.spange.planning.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;

import jakarta.servlet.http.HttpServletRequest;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.spange.access.Role;
import org.spange.offer.OfferCatalog;
import org.spange.offer.Organization;
import org.spange.planning.InvalidPlanningException;
import org.spange.planning.InvalidPlanningException.Problem;
import org.spange.planning.Questionnaire;
import org.spange.planning.QuestionnaireAnswers;
import org.spange.planning.QuestionnaireAnswers.Item;
import org.spange.planning.QuestionnaireAnswers.Visibility;
import org.spange.planning.Questionnaires;
import org.spange.platform.web.FormValues;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * Guided questionnaires: the templates (planners and admins edit them as question lines), and answer sets about an
 * organisation or an area. Security only requires a login here; who sees an answer set is decided below from its
 * owner, its subject organisation and its visibility, so a provider's private SWOT stays with its organisation.
 * Answer sets one may not see are "not found", so their existence does not leak.
 */
@Controller
@RequestMapping("/planning/questionnaires")
class QuestionnaireController {

	private static final MediaType DOCX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

	private final Questionnaires questionnaires;
	private final OfferCatalog offers;
	private final AreaChoices areaChoices;
	private final QuestionnairePdf pdf;

	QuestionnaireController(Questionnaires questionnaires, OfferCatalog offers, AreaChoices areaChoices,
			QuestionnairePdf pdf) {
		this.pdf = pdf;
		this.questionnaires = questionnaires;
		this.offers = offers;
		this.areaChoices = areaChoices;
	}

	/** A problem as shown: the input it links to and its message (with the line number where there is one). */
	public record Shown(String inputId, String message) {
	}

	/** An answer set in a list: what it answers and about whom. */
	public record Row(QuestionnaireAnswers answers, Questionnaire version, String subject) {
	}

	@ExceptionHandler(NoSuchElementException.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound() {
		return "error";
	}

	// scope

	private static boolean any(HttpServletRequest r, Role... roles) {
		for (Role role : roles) {
			if (r.isUserInRole(role.name())) {
				return true;
			}
		}
		return false;
	}

	boolean canSee(QuestionnaireAnswers a, HttpServletRequest r) {
		String user = r.getRemoteUser();
		if (user == null) {
			return false;
		}
		if (any(r, Role.ADMIN) || user.equals(a.owner())
				|| a.organizationId() != null && offers.organizationsOf(user).contains(a.organizationId())) {
			return true;
		}
		return a.visibility() == Visibility.SHARED && any(r, Role.PLANNER, Role.MUNICIPALITY);
	}

	private static boolean canChange(QuestionnaireAnswers a, HttpServletRequest r) {
		return any(r, Role.ADMIN) || a.owner().equals(r.getRemoteUser());
	}

	private static void require(boolean allowed) {
		if (!allowed) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN);
		}
	}

	private QuestionnaireAnswers visible(long id, HttpServletRequest r) {
		QuestionnaireAnswers a = questionnaires.answerSet(id).orElseThrow();
		if (!canSee(a, r)) {
			throw new NoSuchElementException();
		}
		return a;
	}

	private String subject(QuestionnaireAnswers a, Locale locale) {
		if (a.organizationId() != null) {
			return offers.organization(a.organizationId()).map(Organization::name).orElse("#" + a.organizationId());
		}
		if (a.areaId() != null) {
			return AreaChoices.labels(areaChoices.groups(locale)).getOrDefault(a.areaId(), "#" + a.areaId());
		}
		return a.subjectName();
	}

	// list

	@GetMapping
	String list(HttpServletRequest request, Locale locale, Model model) {
		List<Row> rows = new ArrayList<>();
		for (QuestionnaireAnswers a : questionnaires.answerSets()) {
			if (canSee(a, request)) {
				rows.add(new Row(a, questionnaires.version(a.versionId(), locale).orElseThrow(), subject(a, locale)));
			}
		}
		model.addAttribute("templates", questionnaires.templates(locale));
		model.addAttribute("rows", rows);
		model.addAttribute("canEditTemplates", any(request, Role.ADMIN, Role.PLANNER));
		model.addAttribute("canAnswer", any(request, Role.ADMIN, Role.PLANNER, Role.PROVIDER));
		return "planning/questionnaire-list";
	}

	// templates

	@GetMapping("/templates/new")
	String newTemplate(HttpServletRequest request, Model model) {
		require(any(request, Role.ADMIN, Role.PLANNER));
		return templateForm(model, null, Map.of("key", "", "title", "", "description", "", "questions", ""),
				List.of());
	}

	@GetMapping("/templates/{key}/edit")
	String editTemplate(@PathVariable String key, HttpServletRequest request, Model model) {
		require(any(request, Role.ADMIN, Role.PLANNER));
		Questionnaire q = questionnaires.templates().stream().filter(t -> t.key().equals(key)).findFirst()
			.orElseThrow();
		return templateForm(model, q, Map.of("key", q.key(), "title", q.title(), "description",
				q.description() == null ? "" : q.description(), "questions", Questionnaires.lines(q)), List.of());
	}

	@PostMapping("/templates")
	String saveTemplate(@RequestParam Map<String, String> form, HttpServletRequest request, Model model) {
		require(any(request, Role.ADMIN, Role.PLANNER));
		try {
			questionnaires.saveTemplate(form.get("key"), form.get("title"), form.get("description"),
					form.get("questions"), request.getRemoteUser());
			return "redirect:/planning/questionnaires";
		} catch (InvalidPlanningException e) {
			Questionnaire current = questionnaires.templates().stream()
				.filter(t -> t.key().equals(form.get("key"))).findFirst().orElse(null);
			return templateForm(model, current, form, e.problems());
		}
	}

	private String templateForm(Model model, Questionnaire current, Map<String, String> form, List<Problem> problems) {
		model.addAttribute("current", current);
		model.addAttribute("form", form);
		show(model, problems);
		return "planning/questionnaire-template-form";
	}

	/** Every problem in the summary (several lines may be wrong), and all messages of a field at the field. */
	private static void show(Model model, List<Problem> problems) {
		List<Shown> shown = new ArrayList<>();
		Map<String, String> byInput = new LinkedHashMap<>();
		for (Problem p : problems) {
			String id = FormProblems.inputId(p.field());
			shown.add(new Shown(id, p.message()));
			byInput.merge(id, p.message(), (a, b) -> a + "; " + b);
		}
		model.addAttribute("shown", shown);
		model.addAttribute("errors", byInput);
	}

	// answer sets

	@GetMapping("/versions/{id}/answers/new")
	String newAnswers(@PathVariable long id, HttpServletRequest request, Locale locale, Model model) {
		require(any(request, Role.ADMIN, Role.PLANNER, Role.PROVIDER));
		Questionnaire q = questionnaires.version(id, locale).orElseThrow();
		return answerForm(model, q, null, Map.of("visibility", "PRIVATE"), List.of(), locale,
				request.getRemoteUser());
	}

	@PostMapping("/versions/{id}/answers")
	String createAnswers(@PathVariable long id, @RequestParam Map<String, String> form, HttpServletRequest request,
			Locale locale, Model model) {
		require(any(request, Role.ADMIN, Role.PLANNER, Role.PROVIDER));
		Questionnaire q = questionnaires.version(id, locale).orElseThrow();
		Map<String, String> read = new LinkedHashMap<>();
		Long organization = FormValues.id(form.get("organizationId"), "organizationId", read);
		Long area = FormValues.id(form.get("areaId"), "areaId", read);
		List<Problem> problems = new ArrayList<>();
		read.forEach((field, key) -> problems.add(new Problem(field, key, "keine gültige Auswahl")));
		if (organization != null && offers.organization(organization).isEmpty()) {
			problems.add(new Problem("organizationId", "questionnaire.organization",
					"keine Organisation des Angebotsverzeichnisses"));
		} else if (organization != null && any(request, Role.PROVIDER) && !any(request, Role.ADMIN, Role.PLANNER)
				&& !offers.organizationsOf(request.getRemoteUser()).contains(organization)) {
			problems.add(new Problem("organizationId", "questionnaire.member", "nur für die eigene Organisation"));
		}
		Visibility visibility = "SHARED".equals(form.get("visibility")) ? Visibility.SHARED : Visibility.PRIVATE;
		String name = form.get("subjectName") == null || form.get("subjectName").isBlank() ? null
				: form.get("subjectName").strip();
		QuestionnaireAnswers a = new QuestionnaireAnswers(null, id, organization, name, area,
				request.getRemoteUser(), visibility, answers(q, form));
		try {
			if (!problems.isEmpty()) {
				throw new InvalidPlanningException(problems);
			}
			return "redirect:/planning/questionnaires/answers/" + questionnaires.createAnswers(a);
		} catch (InvalidPlanningException e) {
			List<Problem> all = new ArrayList<>(problems);
			all.addAll(e.problems().stream().filter(p -> !problems.contains(p)).toList());
			return answerForm(model, q, null, form, all, locale, request.getRemoteUser());
		}
	}

	@GetMapping("/answers/{id}")
	String view(@PathVariable long id, HttpServletRequest request, Locale locale, Model model) {
		QuestionnaireAnswers a = visible(id, request);
		model.addAttribute("answers", a);
		model.addAttribute("version", questionnaires.version(a.versionId(), locale).orElseThrow());
		model.addAttribute("subject", subject(a, locale));
		model.addAttribute("canChange", canChange(a, request));
		return "planning/questionnaire-answer";
	}

	@GetMapping("/answers/{id}/edit")
	String edit(@PathVariable long id, HttpServletRequest request, Locale locale, Model model) {
		QuestionnaireAnswers a = visible(id, request);
		require(canChange(a, request));
		Questionnaire q = questionnaires.version(a.versionId(), locale).orElseThrow();
		Map<String, String> form = new LinkedHashMap<>();
		for (Questionnaire.Question question : q.questions()) {
			StringBuilder s = new StringBuilder();
			for (Item item : a.of(question.rank())) {
				s.append(item.text()).append(item.note() == null ? "" : " | " + item.note()).append('\n');
			}
			form.put("q" + question.rank(), s.toString().strip());
		}
		return answerForm(model, q, a, form, List.of(), locale, request.getRemoteUser());
	}

	@PostMapping("/answers/{id}/edit")
	String update(@PathVariable long id, @RequestParam Map<String, String> form, HttpServletRequest request,
			Locale locale, Model model) {
		QuestionnaireAnswers a = visible(id, request);
		require(canChange(a, request));
		Questionnaire q = questionnaires.version(a.versionId(), locale).orElseThrow();
		try {
			questionnaires.updateAnswers(id, answers(q, form));
			return "redirect:/planning/questionnaires/answers/" + id;
		} catch (InvalidPlanningException e) {
			return answerForm(model, q, a, form, e.problems(), locale, request.getRemoteUser());
		}
	}

	@PostMapping("/answers/{id}/visibility")
	String visibility(@PathVariable long id, @RequestParam String visibility, HttpServletRequest request) {
		QuestionnaireAnswers a = visible(id, request);
		require(canChange(a, request));
		questionnaires.setVisibility(id, "SHARED".equals(visibility) ? Visibility.SHARED : Visibility.PRIVATE);
		return "redirect:/planning/questionnaires/answers/" + id;
	}

	/** The form's answers: a list question is a text area with one item a line, "Punkt | Notiz". */
	private static Map<Integer, List<Item>> answers(Questionnaire q, Map<String, String> form) {
		Map<Integer, List<Item>> result = new LinkedHashMap<>();
		for (Questionnaire.Question question : q.questions()) {
			String value = form.get("q" + question.rank());
			if (value == null || value.isBlank()) {
				continue;
			}
			List<Item> items = new ArrayList<>();
			if (question.type() == Questionnaire.Type.LIST) {
				for (String line : value.split("\\R")) {
					if (line.isBlank()) {
						continue;
					}
					int bar = line.indexOf('|');
					String note = bar < 0 || line.substring(bar + 1).isBlank() ? null : line.substring(bar + 1).strip();
					items.add(new Item(bar < 0 ? line.strip() : line.substring(0, bar).strip(), note));
				}
			} else {
				items.add(new Item(value.strip(), null));
			}
			result.put(question.rank(), items);
		}
		return result;
	}

	private String answerForm(Model model, Questionnaire q, QuestionnaireAnswers current, Map<String, String> form,
			List<Problem> problems, Locale locale, String user) {
		model.addAttribute("version", q);
		model.addAttribute("current", current);
		model.addAttribute("form", form);
		model.addAttribute("areaGroups", areaChoices.groups(locale));
		// the user's own organisations as a hint for the number field (providers answer for these)
		model.addAttribute("ownOrganizations", offers.organizationsOf(user).stream()
			.map(id -> offers.organization(id).map(o -> o.name() + " (" + id + ")").orElse(Long.toString(id)))
			.toList());
		show(model, problems);
		return "planning/questionnaire-answer-form";
	}

	// export

	@GetMapping("/answers/{id}/export.docx")
	ResponseEntity<byte[]> docx(@PathVariable long id, HttpServletRequest request, Locale locale) throws IOException {
		QuestionnaireAnswers a = visible(id, request);
		Questionnaire q = questionnaires.version(a.versionId(), locale).orElseThrow();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (XWPFDocument doc = new XWPFDocument()) {
			line(doc, q.title() + " – " + subject(a, locale), true, 16);
			line(doc, "Version " + q.version(), false, 10);
			for (Map.Entry<String, List<Questionnaire.Question>> section : q.sections().entrySet()) {
				line(doc, section.getKey(), true, 14);
				for (Questionnaire.Question question : section.getValue()) {
					line(doc, question.text(), true, 11);
					if (a.of(question.rank()).isEmpty()) {
						line(doc, "–", false, 11);
					}
					for (Item item : a.of(question.rank())) {
						String text = question.type() == Questionnaire.Type.YESNO
								? ("JA".equals(item.text()) ? "Ja" : "Nein") : item.text();
						line(doc, (question.type() == Questionnaire.Type.LIST ? "• " : "") + text
								+ (item.note() == null ? "" : " – " + item.note()), false, 11);
					}
				}
			}
			doc.write(out);
		}
		return ResponseEntity.ok().contentType(DOCX)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("fragebogen-" + id + ".docx").build().toString())
			.body(out.toByteArray());
	}

	@GetMapping("/answers/{id}/export.pdf")
	ResponseEntity<byte[]> pdf(@PathVariable long id, HttpServletRequest request, Locale locale) {
		QuestionnaireAnswers a = visible(id, request);
		Questionnaire q = questionnaires.version(a.versionId(), locale).orElseThrow();
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("fragebogen-" + id + ".pdf").build().toString())
			.body(pdf.render(q, a, subject(a, locale), locale));
	}

	// deletion: owner and admins, after a confirmation page

	@GetMapping("/answers/{id}/delete")
	String confirmDelete(@PathVariable long id, HttpServletRequest request, Locale locale, Model model) {
		QuestionnaireAnswers a = visible(id, request);
		require(canChange(a, request));
		model.addAttribute("answers", a);
		model.addAttribute("version", questionnaires.version(a.versionId(), locale).orElseThrow());
		model.addAttribute("subject", subject(a, locale));
		model.addAttribute("itemCount", a.answers().values().stream().mapToInt(List::size).sum());
		return "planning/questionnaire-delete";
	}

	@PostMapping("/answers/{id}/delete")
	String delete(@PathVariable long id, HttpServletRequest request,
			org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
		QuestionnaireAnswers a = visible(id, request);
		require(canChange(a, request));
		questionnaires.deleteAnswers(id);
		redirect.addFlashAttribute("deleted", "questionnaire.deleted");
		return "redirect:/planning/questionnaires";
	}

	private static void line(XWPFDocument doc, String text, boolean bold, int size) {
		XWPFRun run = doc.createParagraph().createRun();
		run.setBold(bold);
		run.setFontSize(size);
		run.setText(text);
	}
}
