package org.spange.planning.web;

import org.spange.access.Role;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import jakarta.servlet.http.HttpServletRequest;

/** The header's "Planung" link and the write buttons of the planning pages, by role. */
@ControllerAdvice
class PlanningNavigation {

	static boolean canWrite(HttpServletRequest request) {
		return request.getUserPrincipal() != null
				&& (request.isUserInRole(Role.PLANNER.name()) || request.isUserInRole(Role.ADMIN.name()));
	}

	@ModelAttribute("canReadPlanning")
	boolean canReadPlanning(HttpServletRequest request) {
		return canWrite(request) || request.getUserPrincipal() != null
				&& request.isUserInRole(Role.MUNICIPALITY.name());
	}

	@ModelAttribute("canWritePlanning")
	boolean canWritePlanning(HttpServletRequest request) {
		return canWrite(request);
	}
}
