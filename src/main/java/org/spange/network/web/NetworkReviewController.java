package org.spange.network.web;

import static org.spange.platform.web.FormValues.blankFormUnlessShownAgain;
import static org.spange.platform.web.FormValues.date;
import static org.spange.platform.web.FormValues.integer;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import org.spange.network.AlreadyAnsweredException;
import org.spange.network.InvalidNetworkInputException;
import org.spange.network.Network;
import org.spange.network.NetworkReviews;
import org.spange.network.Networks;
import org.spange.network.ReviewFactor;
import org.spange.network.ReviewResult;
import org.spange.network.ReviewRound;
import org.spange.network.Viewer;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Network reviews: the rounds of a network with the trend of their results and the agreed conflict procedure
 * (members, coordinators and planners), a round's answer form (current members, once) and its results (only when
 * finished and with enough answers). The rules are checked in {@link NetworkReviews}; here they become 403, 404, 409.
 */
@Controller
class NetworkReviewController {

	private static final tools.jackson.databind.ObjectMapper JSON = new tools.jackson.databind.ObjectMapper();
	private static final ZoneId VIENNA = ZoneId.of("Europe/Vienna");

	private final NetworkReviews reviews;
	private final Networks networks;
	private final MessageSource messages;

	NetworkReviewController(NetworkReviews reviews, Networks networks, MessageSource messages) {
		this.reviews = reviews;
		this.networks = networks;
		this.messages = messages;
	}

	private static Viewer viewer() {
		return Viewer.of(SecurityContextHolder.getContext().getAuthentication());
	}

	private Network network(long id) {
		return networks.network(id).orElseThrow(() -> new NoSuchElementException("network " + id));
	}

	@GetMapping("/networks/{id}/reviews")
	String reviews(@PathVariable long id, Model model) {
		Viewer viewer = viewer();
		Network network = network(id);
		List<ReviewRound> rounds = reviews.rounds(id, viewer);
		List<NetworkReviews.TrendPoint> trend = reviews.trend(id, viewer);
		model.addAttribute("network", network);
		model.addAttribute("rounds", rounds);
		model.addAttribute("trend", trend);
		model.addAttribute("factors", ReviewFactor.values());
		model.addAttribute("trendJson", trendJson(trend));
		model.addAttribute("procedure", reviews.conflictProcedure(id).orElse(null));
		model.addAttribute("mayManage", reviews.mayManage(viewer, id));
		model.addAttribute("today", LocalDate.now(VIENNA));
		model.addAttribute("minAnswers", reviews.minAnswers());
		blankFormUnlessShownAgain(model);
		return "network/reviews";
	}

	private String trendJson(List<NetworkReviews.TrendPoint> trend) {
		var locale = LocaleContextHolder.getLocale();
		Map<String, Object> chart = new LinkedHashMap<>();
		chart.put("locale", locale.getLanguage());
		chart.put("labels", trend.stream().map(p -> p.round().title()).toList());
		List<Map<String, Object>> series = new ArrayList<>();
		for (ReviewFactor f : ReviewFactor.values()) {
			Map<String, Object> s = new LinkedHashMap<>();
			s.put("name", messages.getMessage("factor." + f.name(), null, locale));
			s.put("values", trend.stream().map(p -> Math.round(p.means().get(f) * 100) / 100.0).toList());
			series.add(s);
		}
		chart.put("series", series);
		return JSON.writeValueAsString(chart);
	}

	@PostMapping("/networks/{id}/reviews")
	String open(@PathVariable long id, @RequestParam Map<String, String> form, Model model,
			HttpServletResponse response) {
		Viewer viewer = viewer();
		network(id);
		if (!reviews.mayManage(viewer, id)) {
			throw new SecurityException("coordinators and planners only");
		}
		Map<String, String> problems = new LinkedHashMap<>();
		LocalDate opensOn = date(form.get("opensOn"), "opensOn", problems);
		LocalDate closesOn = date(form.get("closesOn"), "closesOn", problems);
		try {
			if (!problems.isEmpty()) {
				throw new InvalidNetworkInputException(problems);
			}
			ReviewRound round = reviews.open(id, form.get("title"), opensOn, closesOn, viewer);
			return "redirect:/networks/reviews/" + round.id();
		} catch (InvalidNetworkInputException e) {
			Map<String, String> all = new LinkedHashMap<>(problems);
			e.problems().forEach(all::putIfAbsent);
			model.addAttribute("problems", all);
			model.addAttribute("form", form);
			response.setStatus(422);
			return reviews(id, model);
		}
	}

	@PostMapping("/networks/{id}/conflict-procedure")
	String agree(@PathVariable long id, @RequestParam Map<String, String> form, Model model,
			HttpServletResponse response) {
		Viewer viewer = viewer();
		network(id);
		if (!reviews.mayManage(viewer, id)) {
			throw new SecurityException("coordinators and planners only");
		}
		Map<String, String> problems = new LinkedHashMap<>();
		LocalDate agreedOn = date(form.get("agreedOn"), "agreedOn", problems);
		try {
			if (!problems.isEmpty()) {
				if (form.get("procedure") == null || form.get("procedure").isBlank()) {
					problems.put("procedure", "nreview.check.procedure");
				}
				throw new InvalidNetworkInputException(problems);
			}
			reviews.agreeConflictProcedure(id, form.get("procedure"), agreedOn, viewer);
			return "redirect:/networks/" + id + "/reviews";
		} catch (InvalidNetworkInputException e) {
			Map<String, String> all = new LinkedHashMap<>(problems);
			e.problems().forEach(all::putIfAbsent);
			model.addAttribute("problems", all);
			model.addAttribute("form", form);
			response.setStatus(422);
			return reviews(id, model);
		}
	}

	@GetMapping("/networks/reviews/{round}")
	String round(@PathVariable long round, Model model) {
		Viewer viewer = viewer();
		ReviewRound r = reviews.round(round, viewer)
			.orElseThrow(() -> new NoSuchElementException("review round " + round));
		ReviewResult result = reviews.result(round, viewer);
		model.addAttribute("network", network(r.networkId()));
		model.addAttribute("round", r);
		model.addAttribute("result", result);
		model.addAttribute("factors", ReviewFactor.values());
		model.addAttribute("mayAnswer", reviews.mayAnswer(viewer, round));
		model.addAttribute("answered", reviews.hasAnswered(viewer, round));
		model.addAttribute("mayManage", reviews.mayManage(viewer, r.networkId()));
		model.addAttribute("today", LocalDate.now(VIENNA));
		if (result.shown()) {
			var locale = LocaleContextHolder.getLocale();
			Map<String, Object> chart = new LinkedHashMap<>();
			chart.put("locale", locale.getLanguage());
			List<String> labels = new ArrayList<>();
			List<Double> means = new ArrayList<>();
			for (ReviewFactor f : ReviewFactor.values()) {
				labels.add(messages.getMessage("factor." + f.name(), null, locale));
				means.add(Math.round(result.factors().get(f).mean() * 100) / 100.0);
			}
			chart.put("labels", labels);
			chart.put("values", means);
			model.addAttribute("chartJson", JSON.writeValueAsString(chart));
		}
		blankFormUnlessShownAgain(model);
		return "network/review";
	}

	@PostMapping("/networks/reviews/{round}/answers")
	String answer(@PathVariable long round, @RequestParam Map<String, String> form, Model model,
			HttpServletResponse response) {
		Viewer viewer = viewer();
		Map<String, String> problems = new LinkedHashMap<>();
		Map<ReviewFactor, Integer> scores = new EnumMap<>(ReviewFactor.class);
		for (ReviewFactor f : ReviewFactor.values()) {
			Integer score = integer(form.get(f.name()), f.name(), problems);
			if (score != null) {
				scores.put(f, score);
			}
			if (score == null || score < 1 || score > 5) {
				// every factor is named at once, whether missing, no number or out of the scale
				problems.put(f.name(), "nreview.check.score");
			}
		}
		try {
			if (!problems.isEmpty()) {
				// the round must exist and be visible to the viewer before a problem is shown (else 404, 403)
				reviews.round(round, viewer).orElseThrow(() -> new NoSuchElementException("review round " + round));
				throw new InvalidNetworkInputException(problems);
			}
			reviews.answer(round, scores, form.get("comment"), viewer);
			return "redirect:/networks/reviews/" + round;
		} catch (InvalidNetworkInputException e) {
			Map<String, String> all = new LinkedHashMap<>(problems);
			e.problems().forEach(all::putIfAbsent);
			for (ReviewFactor f : ReviewFactor.values()) {
				if (all.containsKey(f.name())) {
					all.put(f.name(), "nreview.check.score");
				}
			}
			model.addAttribute("problems", all);
			model.addAttribute("form", form);
			response.setStatus(422);
			return round(round, model);
		} catch (AlreadyAnsweredException e) {
			model.addAttribute("problems", Map.of("round", "nreview.check.answered"));
			response.setStatus(409);
			return round(round, model);
		}
	}

	@PostMapping("/networks/reviews/{round}/close")
	String close(@PathVariable long round) {
		ReviewRound r = reviews.round(round, viewer())
			.orElseThrow(() -> new NoSuchElementException("review round " + round));
		reviews.close(round, viewer());
		return "redirect:/networks/reviews/" + r.id();
	}

	@ExceptionHandler(SecurityException.class)
	void forbidden(HttpServletResponse response) throws IOException {
		response.sendError(403);
	}

	@ExceptionHandler(NoSuchElementException.class)
	void notFound(HttpServletResponse response) throws IOException {
		response.sendError(404);
	}
}
