package org.spange.network.web;

import java.io.IOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;

import org.spange.area.AreaQueries;
import org.spange.network.Networks;
import org.spange.network.OwnData;
import org.spange.network.Viewer;
import org.spange.platform.web.FormValues;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletResponse;

/**
 * "Meine Daten in Netzwerken": a logged-in user linked to a person sees that person's record, networks and consent,
 * and withdraws the consent themself (the same service method as the planner's withdrawal). The form names the
 * person it was shown for: a withdrawal for any other person is refused (403), whoever asks.
 */
@Controller
class OwnDataController {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy")
		.withZone(ZoneId.of("Europe/Vienna"));

	private final Networks networks;
	private final AreaQueries areas;

	OwnDataController(Networks networks, AreaQueries areas) {
		this.networks = networks;
		this.areas = areas;
	}

	@GetMapping("/networks/me")
	String ownData(Model model) {
		Viewer viewer = NetworkController.viewer();
		OwnData own = networks.ownData(viewer).orElse(null);
		model.addAttribute("own", own);
		model.addAttribute("areaNames", areas.choices(LocaleContextHolder.getLocale()));
		model.addAttribute("day", DAY);
		if (own != null) {
			model.addAttribute("consentDay", DAY.format(own.person().consentAt()));
			model.addAttribute("withdrawnDay", own.withdrawn() ? DAY.format(own.consentWithdrawnAt()) : null);
		}
		FormValues.noProblemsUnlessShownAgain(model);
		return "network/me";
	}

	@PostMapping("/networks/me/withdraw-consent")
	String withdraw(@RequestParam Map<String, String> form, Model model, HttpServletResponse response) {
		Viewer viewer = NetworkController.viewer();
		OwnData own = networks.ownData(viewer).orElseThrow(() -> new NoSuchElementException("no person"));
		long personId = own.person().id();
		// only the own person, even for a planner: another one's consent is withdrawn on the person's edit page
		if (!Long.toString(personId).equals(form.get("personId"))) {
			throw new SecurityException("not the own person");
		}
		if (!"yes".equals(form.get("confirmWithdraw"))) {
			Map<String, String> problems = new LinkedHashMap<>();
			problems.put("confirmWithdraw", "network.check.confirm");
			model.addAttribute("problems", problems);
			response.setStatus(422);
			return ownData(model);
		}
		networks.withdrawConsent(personId, viewer);
		return "redirect:/networks/me";
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
