package org.spange.network;

import java.util.List;

/**
 * A person as one viewer may see them: name and organisation for every logged-in user, the contact only for
 * planners, admins and members of a network the person belongs to ({@code contact} null otherwise).
 */
public record PersonView(long id, String name, String organization, Contact contact) {

	public record Contact(String function, List<Long> areaIds, String email, String phone, String reachability,
			Person.Channel preferredChannel) {
	}
}
