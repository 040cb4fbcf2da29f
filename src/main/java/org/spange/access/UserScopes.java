package org.spange.access;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The territorial scope of users: the areas (by id of the area module) a user works for, for example a municipality
 * user's Gemeinde. Which areas lie inside them is for the modules that check the scope to resolve; an empty set means
 * no territorial scope.
 */
public interface UserScopes {

	/** A user with roles and assigned areas, for the assignment page. */
	record UserScope(String username, String displayName, Set<Role> roles, Set<Long> areaIds) {
	}

	/** The areas assigned to a user; empty for unknown users. */
	Set<Long> areasOf(String username);

	/** Every user, by name, with roles and areas. */
	List<UserScope> users();

	/**
	 * Replaces a user's areas (audited). The caller checks that the ids are areas.
	 *
	 * @throws java.util.NoSuchElementException for an unknown user
	 */
	void assignAreas(String username, Collection<Long> areaIds);
}
