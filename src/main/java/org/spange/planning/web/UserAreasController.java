package org.spange.planning.web;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

import org.spange.access.UserScopes;
import org.spange.access.UserScopes.UserScope;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Admins assign users their areas ({@link UserScopes}): a municipality user plans goals and measures in these areas
 * and every area inside them. The page lives here because choosing areas needs the area module, which the access
 * module must not depend on.
 */
@Controller
@RequestMapping("/admin/users")
class UserAreasController {

	private final UserScopes scopes;
	private final AreaChoices areaChoices;

	UserAreasController(UserScopes scopes, AreaChoices areaChoices) {
		this.scopes = scopes;
		this.areaChoices = areaChoices;
	}

	@ExceptionHandler(NoSuchElementException.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound() {
		return "error";
	}

	@GetMapping("/areas")
	String list(Locale locale, Model model) {
		model.addAttribute("users", scopes.users());
		model.addAttribute("areaLabels", areaChoices.labels(locale));
		return "planning/user-areas-list";
	}

	@GetMapping("/{name}/areas")
	String form(@PathVariable String name, Locale locale, Model model) {
		UserScope user = user(name);
		return form(user, user.areaIds(), null, locale, model);
	}

	@PostMapping("/{name}/areas")
	String save(@PathVariable String name, @RequestParam(name = "areaIds", required = false) List<String> areaIds,
			Locale locale, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		UserScope user = user(name);
		Map<Long, String> labels = areaChoices.labels(locale);
		Set<Long> ids = new LinkedHashSet<>();
		List<String> wrong = new ArrayList<>();
		for (String a : areaIds == null ? List.<String>of() : areaIds) {
			try {
				long id = Long.parseLong(a.strip());
				if (labels.containsKey(id)) {
					ids.add(id);
				} else {
					wrong.add(a);
				}
			} catch (NumberFormatException e) {
				wrong.add(a);
			}
		}
		if (!wrong.isEmpty()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return form(user, ids, String.join(", ", wrong), locale, model);
		}
		scopes.assignAreas(user.username(), ids);
		redirect.addFlashAttribute("saved", "userareas.saved");
		return "redirect:/admin/users/areas";
	}

	private UserScope user(String name) {
		return scopes.users().stream().filter(u -> u.username().equalsIgnoreCase(name)).findFirst().orElseThrow();
	}

	private String form(UserScope user, Set<Long> chosen, String wrong, Locale locale, Model model) {
		model.addAttribute("user", user);
		model.addAttribute("chosen", chosen);
		model.addAttribute("wrong", wrong);
		model.addAttribute("areaGroups", areaChoices.groups(locale));
		return "planning/user-areas";
	}
}
