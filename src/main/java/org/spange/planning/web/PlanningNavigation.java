package org.spange.planning.web;

import org.spange.access.Role;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The header's "Planung" link and the write buttons of the planning pages, by role; {@code canPlanMeasures} also for
 * municipality users with areas (the conference page's "Maßnahme anlegen" links use it).
 */
@ControllerAdvice
class PlanningNavigation {

	private final PlanningScope scope;

	PlanningNavigation(@org.springframework.context.annotation.Lazy PlanningScope scope) {
		this.scope = scope;
	}

	@ModelAttribute("canPlanMeasures")
	boolean canPlanMeasures(HttpServletRequest request) {
		return request.getUserPrincipal() != null && scope.mayWriteSome(request);
	}

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
