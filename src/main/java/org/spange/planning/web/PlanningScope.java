package org.spange.planning.web;

import java.util.HashSet;
import java.util.Set;

import org.spange.access.Role;
import org.spange.access.UserScopes;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Who may write which goals and measures: planners and admins everywhere; municipality users in the areas assigned
 * to them ({@link UserScopes}) and every area inside those (in any scheme). Guidelines and deletions stay with planners
 * and admins. Checked here on the server for every write, whatever the page showed.
 */
@Component
class PlanningScope {

	private final UserScopes scopes;
	private final AreaChoices areaChoices;

	PlanningScope(UserScopes scopes, AreaChoices areaChoices) {
		this.scopes = scopes;
		this.areaChoices = areaChoices;
	}

	/** A planner or admin: writes everywhere. */
	static boolean everywhere(HttpServletRequest request) {
		return PlanningNavigation.canWrite(request);
	}

	/** The areas the user may write goals and measures for; null means everywhere. */
	Set<Long> writableAreas(HttpServletRequest request) {
		if (everywhere(request)) {
			return null;
		}
		if (request.getUserPrincipal() == null || !request.isUserInRole(Role.MUNICIPALITY.name())) {
			return Set.of();
		}
		Set<Long> areas = new HashSet<>();
		for (Long area : scopes.areasOf(request.getRemoteUser())) {
			areas.addAll(areaChoices.within(area));
		}
		return areas;
	}

	/** The areas assigned to a municipality user (without those inside them); null for planners and admins. */
	Set<Long> assignedAreas(HttpServletRequest request) {
		return everywhere(request) ? null : scopes.areasOf(request.getRemoteUser());
	}

	/** Whether the user may write goals and measures at all (in some area). */
	boolean mayWriteSome(HttpServletRequest request) {
		if (everywhere(request)) {
			return true;
		}
		return request.getUserPrincipal() != null && request.isUserInRole(Role.MUNICIPALITY.name())
				&& !scopes.areasOf(request.getRemoteUser()).isEmpty();
	}

	boolean mayWrite(HttpServletRequest request, Long areaId) {
		Set<Long> areas = writableAreas(request);
		return areas == null || areaId != null && areas.contains(areaId);
	}

	/** 403 unless the user may write in every one of these areas. */
	void require(HttpServletRequest request, Long... areaIds) {
		Set<Long> areas = writableAreas(request);
		if (areas == null) {
			return;
		}
		if (areas.isEmpty() || java.util.Arrays.stream(areaIds).anyMatch(a -> a == null || !areas.contains(a))) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN, "outside the user's areas");
		}
	}

	/** 403 unless the user may write somewhere. */
	void requireSome(HttpServletRequest request) {
		if (!mayWriteSome(request)) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN, "no areas to plan for");
		}
	}
}
