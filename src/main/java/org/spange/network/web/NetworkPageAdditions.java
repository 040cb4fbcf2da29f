package org.spange.network.web;

import org.spange.network.ConflictProcedure;
import org.spange.network.NetworkReviews;
import org.spange.network.Viewer;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * What the network page shows from the review feature without {@link NetworkController} knowing it: the network's
 * agreed conflict procedure (null when none, or on pages without a network) and whether the viewer may open its
 * reviews (so that the link shows only to those who get past the door).
 */
@ControllerAdvice(assignableTypes = NetworkController.class)
class NetworkPageAdditions {

	private final NetworkReviews reviews;

	NetworkPageAdditions(NetworkReviews reviews) {
		this.reviews = reviews;
	}

	@ModelAttribute("conflictProcedure")
	ConflictProcedure conflictProcedure(@PathVariable(name = "id", required = false) Long id) {
		return id == null ? null : reviews.conflictProcedure(id).orElse(null);
	}

	@ModelAttribute("mayOpenReviews")
	boolean mayOpenReviews(@PathVariable(name = "id", required = false) Long id) {
		return id != null && reviews.maySee(Viewer.of(SecurityContextHolder.getContext().getAuthentication()), id);
	}
}
