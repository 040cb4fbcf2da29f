package org.spange.access.web;

import org.spange.access.Role;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Who is logged in, for the page header: which links to show. Access itself is checked by the security rules. */
@ControllerAdvice
class CurrentUserAdvice {

	private final boolean demo;

	CurrentUserAdvice(Environment env) {
		this.demo = env.acceptsProfiles(Profiles.of("demo"));
	}

	@ModelAttribute
	void user(Model model) {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		boolean loggedIn = auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken);
		model.addAttribute("currentUser", loggedIn ? auth.getName() : null);
		model.addAttribute("isAdmin", loggedIn && has(auth, Role.ADMIN));
		model.addAttribute("canMaintainAreas", loggedIn && (has(auth, Role.ADMIN) || has(auth, Role.PLANNER)));
		model.addAttribute("demoProfile", demo);
	}

	private static boolean has(Authentication auth, Role role) {
		return auth.getAuthorities().stream().anyMatch(a -> role.authority().equals(a.getAuthority()));
	}
}
