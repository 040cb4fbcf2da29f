package org.spange.network;

import org.spange.access.Role;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * Who is looking: the scope rules for personal data are decided on it in the service, not in the page.
 *
 * @param username null for anonymous visitors
 * @param planner  a planner or admin: sees every person's contact data
 * @param admin    an admin: also sees restricted conferences
 */
public record Viewer(String username, boolean planner, boolean admin) {

	public static Viewer anonymous() {
		return new Viewer(null, false, false);
	}

	public boolean loggedIn() {
		return username != null;
	}

	public static Viewer of(Authentication auth) {
		if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
			return anonymous();
		}
		boolean admin = has(auth, Role.ADMIN);
		return new Viewer(auth.getName(), admin || has(auth, Role.PLANNER), admin);
	}

	private static boolean has(Authentication auth, Role role) {
		return auth.getAuthorities().stream().anyMatch(a -> role.authority().equals(a.getAuthority()));
	}
}
