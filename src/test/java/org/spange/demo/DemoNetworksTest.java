package org.spange.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.spange.SpangeTest;
import org.spange.conference.Conferences;
import org.spange.network.Network;
import org.spange.network.Networks;
import org.spange.network.PersonView;
import org.spange.network.Viewer;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The demo networks exist once, are fictitious, and show the scope rule: the demo provider {@code traeger} sees the
 * contact data of its own network's members only.
 */
@SpangeTest
class DemoNetworksTest {

	@Autowired
	Networks networks;

	@Autowired
	Conferences conferences;

	@Autowired
	DemoNetworks demo;

	@Test
	void theDemoNetworksAreLoadedOnceAndShowTheScopeRule() throws Exception {
		int before = networks.networks().size();
		demo.run(null);
		assertThat(networks.networks()).hasSize(before);
		assertThat(networks.networks()).extracting(Network::name)
			.containsOnlyOnce(DemoNetworks.BLUDENZ, DemoNetworks.MONTAFON);

		Viewer traeger = new Viewer("traeger", false, false);
		var persons = networks.persons(traeger);
		assertThat(persons).extracting(PersonView::name).allSatisfy(n -> assertThat(n).endsWith("(fiktiv)"));
		PersonView lea = persons.stream().filter(p -> p.name().startsWith("Lea Platzhalter")).findFirst().orElseThrow();
		PersonView jonas = persons.stream().filter(p -> p.name().startsWith("Jonas Probe")).findFirst().orElseThrow();
		assertThat(lea.contact().email()).endsWith("@example.org");
		assertThat(jonas.contact()).isNull();
		assertThat(conferences.visible(traeger))
			.anySatisfy(c -> assertThat(c.title()).startsWith("Sozialraumkonferenz Bludenz – Herbsttreffen"));
	}
}
