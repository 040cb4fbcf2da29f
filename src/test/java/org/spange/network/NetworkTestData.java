package org.spange.network;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.spange.area.AreaQueries;

/**
 * A network of its own per test, uniquely named: a coordinator and a member with logins, an outsider with a login
 * who belongs to another network, and a former member whose membership has ended.
 */
public record NetworkTestData(Network network, Network otherNetwork, Person coordinator, Person member,
		Person outsider, Person former, String suffix) {

	public static NetworkTestData create(Networks networks, AreaQueries areas) {
		String s = UUID.randomUUID().toString().substring(0, 8);
		long nenzing = areas.byCode("gemeinde", "80116").orElseThrow().id().value();
		var org = networks.createOrganization(new ActorOrganization(null, "Testorganisation " + s + " (fiktiv)", null));
		Person coordinator = person(networks, "Koordinatorin " + s, "nt-coord-" + s, org.id(), nenzing);
		Person member = person(networks, "Mitglied " + s, "nt-member-" + s, org.id(), nenzing);
		Person outsider = person(networks, "Außenstehend " + s, "nt-outsider-" + s, null, nenzing);
		Person former = person(networks, "Ehemalig " + s, "nt-former-" + s, null, nenzing);
		Network network = networks.createNetwork(new Network(null, "Testnetzwerk " + s, "Test", List.of(nenzing)));
		Network other = networks.createNetwork(new Network(null, "Anderes Netzwerk " + s, null, List.of()));
		LocalDate since = LocalDate.of(2025, 1, 1);
		networks.addMember(network.id(), coordinator.id(), Membership.Role.COORDINATOR, since, null);
		networks.addMember(network.id(), member.id(), Membership.Role.MEMBER, since, null);
		networks.addMember(network.id(), former.id(), Membership.Role.MEMBER, since, LocalDate.of(2025, 6, 30));
		networks.addMember(other.id(), outsider.id(), Membership.Role.MEMBER, since, null);
		return new NetworkTestData(network, other, coordinator, member, outsider, former, s);
	}

	private static Person person(Networks networks, String name, String username, Long org, long area) {
		return networks.createPerson(new Person(null, name + " (fiktiv)", "Testfunktion", org, List.of(area),
				username + "@example.org", "+43 1 234 567", "Mo–Fr", Person.Channel.EMAIL,
				Instant.now().minusSeconds(60), "Testplanung", "v1", username));
	}

	public static Viewer user(Person p) {
		return new Viewer(p.username(), false, false);
	}
}
