package org.spange.offer.web;

import java.io.IOException;
import java.io.Serializable;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.spange.offer.OfferCatalog;
import org.spange.offer.OfferImport;
import org.spange.offer.OfferImport.Candidate;
import org.spange.offer.OfferImport.Decision;
import org.spange.offer.OfferImport.Options;
import org.spange.offer.OfferImport.Result;
import org.spange.offer.ProviderType;
import org.spange.platform.imports.ImportReport.Outcome;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpSession;

/**
 * Offer import for planners and admins: the page (upload → preview with problems and duplicate candidates →
 * confirm with a decision per candidate → result) and the API. Between preview and confirmation the uploaded file is
 * kept in the user's session under a random token for {@link #KEEP}; nothing is written before the confirmation.
 */
@Controller
class OfferImportController {

	/** How long an uploaded file waits for its confirmation. */
	static final Duration KEEP = Duration.ofMinutes(30);
	/** Uploads kept per session at most; the oldest goes first. */
	private static final int MAX_PENDING = 3;
	private static final String PENDING = OfferImportController.class.getName() + ".pending";
	private static final String DECISION = "decision.";
	private static final SecureRandom RANDOM = new SecureRandom();

	private final OfferImport imports;
	private final OfferCatalog catalog;

	OfferImportController(OfferImport imports, OfferCatalog catalog) {
		this.imports = imports;
		this.catalog = catalog;
	}

	/** An upload waiting for its confirmation. */
	record Pending(String fileName, byte[] content, Options options, Instant expires) implements Serializable {
		private static final long serialVersionUID = 1L;
	}

	/** A problem with the form itself (not the file), linked to its input from the error summary. */
	record FormError(String inputId, String code) {
	}

	// the page

	@GetMapping("/admin/offers/import")
	String page(Model model) {
		model.addAttribute("fields", catalog.fieldsOfAction());
		model.addAttribute("targetGroups", catalog.targetGroups());
		model.addAttribute("providerTypes", ProviderType.values());
		model.addAttribute("columns", OfferImport.CSV_COLUMNS);
		if (!model.containsAttribute("formErrors")) {
			model.addAttribute("formErrors", List.of());
		}
		return "offer/import";
	}

	@PostMapping("/admin/offers/import")
	String upload(@RequestParam(required = false) MultipartFile file,
			@RequestParam(required = false) String defaultFieldOfAction,
			@RequestParam(required = false) String defaultProviderType, HttpSession session, Model model)
			throws IOException {
		model.addAttribute("defaultFieldOfAction", defaultFieldOfAction);
		model.addAttribute("defaultProviderType", defaultProviderType);
		if (file == null || file.isEmpty()) {
			model.addAttribute("formErrors", List.of(new FormError("f-file", "offer.import.error.noFile")));
			return page(model);
		}
		Options options = new Options(null, blankToNull(defaultFieldOfAction), providerType(defaultProviderType));
		String name = file.getOriginalFilename();
		byte[] content = file.getBytes();
		Result result = imports.check(name, content, options);
		show(result, model);
		if (result.report().outcome() != Outcome.REJECTED) {
			model.addAttribute("token", keep(session, new Pending(name, content, options, Instant.now().plus(KEEP))));
		}
		return page(model);
	}

	@PostMapping("/admin/offers/import/confirm")
	String confirm(@RequestParam(required = false) String token, @RequestParam MultiValueMap<String, String> params,
			HttpSession session, Model model) {
		Pending pending = pending(session, token);
		if (pending == null) {
			model.addAttribute("formErrors", List.of(new FormError("f-file", "offer.import.error.expired")));
			return page(model);
		}
		Map<String, Decision> decisions = new LinkedHashMap<>();
		params.forEach((key, values) -> {
			if (key.startsWith(DECISION) && !values.isEmpty()) {
				decisions.put(key.substring(DECISION.length()), decision(values.get(0)));
			}
		});
		Result result = imports.write(pending.fileName(), pending.content(), pending.options(), decisions);
		show(result, model);
		if (result.report().outcome() == Outcome.WRITTEN) {
			forget(session, token);
			model.addAttribute("written", true);
		} else {
			// undecided candidates: the same preview again, with the decisions made so far
			model.addAttribute("token", token);
			model.addAttribute("decisions", decisions);
			if (!result.undecided().isEmpty()) {
				model.addAttribute("report", null);
				model.addAttribute("formErrors", result.undecided().stream()
					.map(k -> new FormError("d-" + k + "-0", "offer.import.error.undecided")).toList());
			}
		}
		return page(model);
	}

	@GetMapping("/admin/offers/import/template.csv")
	ResponseEntity<byte[]> template() {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"spange-angebote-vorlage.csv\"")
			.contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
			.body(imports.csvTemplate());
	}

	private void show(Result result, Model model) {
		model.addAttribute("result", result);
		model.addAttribute("report", result.report());
		Map<String, List<Candidate>> groups = new LinkedHashMap<>();
		for (Candidate c : result.candidates()) {
			groups.computeIfAbsent(c.key(), k -> new ArrayList<>()).add(c);
		}
		model.addAttribute("candidateGroups", groups);
	}

	// the upload between preview and confirmation

	@SuppressWarnings("unchecked")
	private static synchronized String keep(HttpSession session, Pending pending) {
		Map<String, Pending> all = (Map<String, Pending>) session.getAttribute(PENDING);
		LinkedHashMap<String, Pending> kept = new LinkedHashMap<>(all == null ? Map.of() : all);
		kept.values().removeIf(p -> p.expires().isBefore(Instant.now()));
		while (kept.size() >= MAX_PENDING) {
			kept.remove(kept.keySet().iterator().next());
		}
		byte[] bytes = new byte[16];
		RANDOM.nextBytes(bytes);
		String token = HexFormat.of().formatHex(bytes);
		kept.put(token, pending);
		session.setAttribute(PENDING, kept);
		return token;
	}

	@SuppressWarnings("unchecked")
	private static Pending pending(HttpSession session, String token) {
		Map<String, Pending> all = (Map<String, Pending>) session.getAttribute(PENDING);
		Pending p = all == null || token == null ? null : all.get(token);
		return p == null || p.expires().isBefore(Instant.now()) ? null : p;
	}

	@SuppressWarnings("unchecked")
	private static synchronized void forget(HttpSession session, String token) {
		Map<String, Pending> all = (Map<String, Pending>) session.getAttribute(PENDING);
		if (all != null) {
			LinkedHashMap<String, Pending> kept = new LinkedHashMap<>(all);
			kept.remove(token);
			session.setAttribute(PENDING, kept);
		}
	}

	// the API

	@PostMapping(path = "/api/v1/offers/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseBody
	@Tag(name = "Offers")
	@Operation(summary = "Imports offers from an HSDS 3.0 JSON or CSV template file (planners and admins)",
			description = "dryRun=true (default) checks and reports problems and duplicate candidates, writing nothing."
					+ " dryRun=false writes everything in one transaction, but only when there is no problem and every"
					+ " duplicate candidate is named in 'merge' as key:existingId (merge into it) or key:new (create"
					+ " as new); otherwise nothing is written. 422 when rejected.")
	ResponseEntity<Result> importFile(@RequestParam("file") MultipartFile file,
			@RequestParam(defaultValue = "true") boolean dryRun, @RequestParam(required = false) String format,
			@RequestParam(required = false) String defaultFieldOfAction,
			@RequestParam(required = false) String defaultProviderType,
			@RequestParam(required = false) List<String> merge) throws IOException {
		return importContent(file.getOriginalFilename(), file.getBytes(), dryRun, format, defaultFieldOfAction,
				defaultProviderType, merge);
	}

	@PostMapping(path = "/api/v1/offers/imports", consumes = { MediaType.APPLICATION_JSON_VALUE, "text/csv",
			MediaType.TEXT_PLAIN_VALUE })
	@ResponseBody
	@Tag(name = "Offers")
	@Operation(summary = "Imports offers from an HSDS 3.0 JSON or CSV body (planners and admins); see the file variant")
	ResponseEntity<Result> importBody(@RequestBody byte[] body, @RequestParam(defaultValue = "true") boolean dryRun,
			@RequestParam(required = false) String format, @RequestParam(required = false) String defaultFieldOfAction,
			@RequestParam(required = false) String defaultProviderType,
			@RequestParam(required = false) List<String> merge,
			@org.springframework.web.bind.annotation.RequestHeader(HttpHeaders.CONTENT_TYPE) String contentType) {
		String f = format != null ? format : contentType.startsWith(MediaType.APPLICATION_JSON_VALUE) ? "HSDS" : "CSV";
		return importContent("request body", body, dryRun, f, defaultFieldOfAction, defaultProviderType, merge);
	}

	private ResponseEntity<Result> importContent(String name, byte[] content, boolean dryRun, String format,
			String defaultFieldOfAction, String defaultProviderType, List<String> merge) {
		Options options = new Options(format(format), blankToNull(defaultFieldOfAction),
				providerType(defaultProviderType));
		Result result = dryRun ? imports.check(name, content, options)
				: imports.write(name, content, options, decisions(merge));
		HttpStatus status = result.report().outcome() == Outcome.REJECTED ? HttpStatus.UNPROCESSABLE_CONTENT
				: HttpStatus.OK;
		return ResponseEntity.status(status).body(result);
	}

	/** {@code offer-3:1234} merges record 3 into offer 1234, {@code offer-3:new} creates it as new. */
	static Map<String, Decision> decisions(List<String> merge) {
		Map<String, Decision> decisions = new LinkedHashMap<>();
		for (String m : merge == null ? List.<String>of() : merge) {
			for (String part : m.split(",")) {
				int colon = part.lastIndexOf(':');
				if (colon <= 0) {
					throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
							"merge is key:existingId or key:new, e.g. offer-3:1234, not '" + part + "'");
				}
				decisions.put(part.substring(0, colon).strip(), decision(part.substring(colon + 1)));
			}
		}
		return decisions;
	}

	private static Decision decision(String value) {
		String v = value.strip();
		if (v.equalsIgnoreCase("new")) {
			return Decision.NEW;
		}
		try {
			return new Decision(Long.valueOf(v));
		} catch (NumberFormatException e) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "A decision is an offer id or 'new', not '"
					+ v + "'");
		}
	}

	private static OfferImport.Format format(String format) {
		if (format == null || format.isBlank()) {
			return null;
		}
		try {
			return OfferImport.Format.valueOf(format.strip().toUpperCase(Locale.ROOT));
		} catch (IllegalArgumentException e) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "format is CSV or HSDS");
		}
	}

	private static ProviderType providerType(String type) {
		if (type == null || type.isBlank()) {
			return null;
		}
		try {
			return ProviderType.valueOf(type.strip().toUpperCase(Locale.ROOT));
		} catch (IllegalArgumentException e) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
					"defaultProviderType is PUBLIC, FREE_PROVIDER, PRIVATE or VOLUNTEER");
		}
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}
}
