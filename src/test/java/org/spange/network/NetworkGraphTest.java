package org.spange.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.spange.SpangeTest;
import org.spange.area.AreaQueries;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The network graph from memberships and co-operations: edges and weights on a chosen day, degree and betweenness per
 * organisation, the filters, the co-operation form refusing bad input as a whole, the continuity page, and the pages
 * for logged-in users only.
 */
@SpangeTest
class NetworkGraphTest {

	@Autowired
	Networks networks;

	@Autowired
	NetworkGraphs graphs;

	@Autowired
	AreaQueries areas;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	/** A – B share two networks, B – C one network (until the end of 2025), C – D co-operate: the path A–B–C–D. */
	record Chain(ActorOrganization a, ActorOrganization b, ActorOrganization c, ActorOrganization d, Network n1,
			Network n2, Network n3, String s) {
	}

	Chain chain() {
		String s = UUID.randomUUID().toString().substring(0, 8);
		var a = networks.createOrganization(new ActorOrganization(null, "Graph A " + s, null));
		var b = networks.createOrganization(new ActorOrganization(null, "Graph B " + s, null));
		var c = networks.createOrganization(new ActorOrganization(null, "Graph C " + s, null));
		var d = networks.createOrganization(new ActorOrganization(null, "Graph D " + s, null));
		Person pa = person("A", a, s);
		Person pb = person("B", b, s);
		Person pc = person("C", c, s);
		Person pd = person("D", d, s);
		var n1 = networks.createNetwork(new Network(null, "Graphnetz 1 " + s, null, List.of()));
		var n2 = networks.createNetwork(new Network(null, "Graphnetz 2 " + s, null, List.of()));
		var n3 = networks.createNetwork(new Network(null, "Graphnetz 3 " + s, null, List.of()));
		LocalDate since = LocalDate.of(2025, 1, 1);
		networks.addMember(n1.id(), pa.id(), Membership.Role.MEMBER, since, null);
		networks.addMember(n1.id(), pb.id(), Membership.Role.MEMBER, since, null);
		networks.addMember(n3.id(), pa.id(), Membership.Role.MEMBER, since, null);
		networks.addMember(n3.id(), pb.id(), Membership.Role.MEMBER, since, null);
		networks.addMember(n2.id(), pb.id(), Membership.Role.MEMBER, since, null);
		networks.addMember(n2.id(), pc.id(), Membership.Role.MEMBER, since, LocalDate.of(2025, 12, 31));
		// D is in a network of its own: a node, but no edge from it
		graphs.recordCooperation(new Cooperation(null, c.id(), d.id(), "Gemeinsames Projekt " + s, since, null, null,
				null));
		networks.addMember(networks.createNetwork(new Network(null, "Graphnetz D " + s, null, List.of())).id(),
				pd.id(), Membership.Role.MEMBER, since, null);
		return new Chain(a, b, c, d, n1, n2, n3, s);
	}

	private Person person(String name, ActorOrganization org, String s) {
		return networks.createPerson(new Person(null, "Graphperson " + name + " " + s + " (fiktiv)", null, org.id(),
				List.of(), null, null, null, null, Instant.now().minusSeconds(60), "Test", "v1", null));
	}

	private static Map<Long, NetworkGraph.Node> byId(NetworkGraph g) {
		return g.nodes().stream().collect(Collectors.toMap(NetworkGraph.Node::organizationId, Function.identity()));
	}

	@Test
	void edgesWeightsDegreeAndBetweennessOnADay() {
		Chain ch = chain();
		NetworkGraph g = graphs.graph(LocalDate.of(2025, 6, 1), null, null);
		Map<Long, NetworkGraph.Node> nodes = byId(g);
		NetworkGraph.Node a = nodes.get(ch.a().id());
		NetworkGraph.Node b = nodes.get(ch.b().id());
		NetworkGraph.Node c = nodes.get(ch.c().id());
		NetworkGraph.Node d = nodes.get(ch.d().id());
		// A–B: two shared networks; B–C: one; C–D: one co-operation
		assertThat(g.edges()).filteredOn(e -> e.a() == ch.a().id() && e.b() == ch.b().id()).singleElement()
			.satisfies(e -> {
				assertThat(e.weight()).isEqualTo(2);
				assertThat(e.sharedNetworks()).containsExactlyInAnyOrder(ch.n1().name(), ch.n3().name());
			});
		assertThat(g.edges()).filteredOn(e -> e.a() == ch.c().id() && e.b() == ch.d().id()).singleElement()
			.satisfies(e -> assertThat(e.cooperations()).containsExactly("Gemeinsames Projekt " + ch.s()));
		assertThat(List.of(a.degree(), b.degree(), c.degree(), d.degree())).containsExactly(1, 2, 2, 1);
		assertThat(List.of(a.weightedDegree(), b.weightedDegree(), c.weightedDegree(), d.weightedDegree()))
			.containsExactly(2, 3, 2, 1);
		// on the path A–B–C–D, B and C each lie on two shortest paths; normalised over the whole graph's pairs
		int n = g.nodes().size();
		double expected = 2 / ((n - 1) * (n - 2) / 2.0);
		assertThat(b.betweenness()).isCloseTo(expected, within(1e-12));
		assertThat(c.betweenness()).isCloseTo(expected, within(1e-12));
		assertThat(a.betweenness()).isZero();
		assertThat(b.networks()).containsExactly(ch.n1().name(), ch.n2().name(), ch.n3().name());
	}

	@Test
	void aMembershipThatEndedNoLongerLinksAndAFilterShowsOneNetwork() {
		Chain ch = chain();
		NetworkGraph later = graphs.graph(LocalDate.of(2026, 3, 1), null, null);
		assertThat(later.edges()).noneMatch(e -> e.a() == ch.b().id() && e.b() == ch.c().id());
		// C still co-operates with D
		assertThat(byId(later).get(ch.c().id()).degree()).isEqualTo(1);

		NetworkGraph one = graphs.graph(LocalDate.of(2025, 6, 1), ch.n1().id(), null);
		assertThat(one.nodes()).extracting(NetworkGraph.Node::organizationId)
			.containsExactly(ch.a().id(), ch.b().id());
		assertThat(one.edges()).singleElement().satisfies(e -> assertThat(e.weight()).isEqualTo(1));
	}

	@Test
	void aBadCooperationIsRefusedAsAWholeAndWritesNothing() throws Exception {
		Chain ch = chain();
		long before = jdbc.sql("select count(*) from network.cooperation").query(Long.class).single();
		var response = mvc.perform(post("/networks/cooperations").with(user("planung").roles("PLANNER")).with(csrf())
			.param("organizationA", ch.a().id().toString()).param("organizationB", ch.a().id().toString())
			.param("topic", "  ").param("since", "2026-03-01").param("until", "2026-01-31")).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(422);
		assertThat(response.getContentAsString()).contains("Bitte eine andere Organisation als die erste wählen.",
				"Das Thema fehlt oder ist zu lang.", "Das Ende liegt vor dem Beginn.", "aria-invalid=\"true\"");
		// a date that is no date, with nothing chosen
		response = mvc.perform(post("/networks/cooperations").with(user("planung").roles("PLANNER")).with(csrf())
			.param("since", "31.02.2026").param("topic", "Behaltenes Thema")).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(422);
		assertThat(response.getContentAsString()).contains("Bitte ein gültiges Datum angeben.",
				"Bitte eine Organisation aus der Liste wählen.", "value=\"Behaltenes Thema\"");
		assertThat(jdbc.sql("select count(*) from network.cooperation").query(Long.class).single()).isEqualTo(before);

		// not a planner: refused
		assertThat(mvc.perform(post("/networks/cooperations").with(user("traeger").roles("PROVIDER")).with(csrf())
			.param("organizationA", ch.a().id().toString()).param("organizationB", ch.d().id().toString())
			.param("topic", "Versuch").param("since", "2026-01-01")).andReturn().getResponse().getStatus())
			.isEqualTo(403);
		// a good one is kept and listed
		response = mvc.perform(post("/networks/cooperations").with(user("planung").roles("PLANNER")).with(csrf())
			.param("organizationA", ch.a().id().toString()).param("organizationB", ch.d().id().toString())
			.param("topic", "Neue Kooperation " + ch.s()).param("since", "2026-01-01")).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(302);
		assertThat(jdbc.sql("select count(*) from network.cooperation").query(Long.class).single())
			.isEqualTo(before + 1);
		assertThat(mvc.perform(get("/networks/cooperations").with(user("traeger").roles("PROVIDER"))).andReturn()
			.getResponse().getContentAsString()).contains("Neue Kooperation " + ch.s(), "Graph A " + ch.s());
	}

	@Test
	void theGraphPageIsForLoggedInUsersAndShowsNoPersons() throws Exception {
		Chain ch = chain();
		var page = mvc.perform(get("/networks/graph").param("day", "2025-06-01")
			.with(user("traeger").roles("PROVIDER"))).andReturn().getResponse();
		assertThat(page.getStatus()).isEqualTo(200);
		assertThat(page.getContentAsString()).contains("data-network-graph", "Graph B " + ch.s(), "Graphnetz 2 " + ch.s())
			.doesNotContain("Graphperson");
		var bad = mvc.perform(get("/networks/graph").param("day", "gestern").param("network", "x")
			.with(user("traeger").roles("PROVIDER"))).andReturn().getResponse();
		assertThat(bad.getContentAsString()).contains("Bitte ein gültiges Datum angeben.", "Bitte aus der Liste wählen.");
		var anon = mvc.perform(get("/networks/graph").with(anonymous())).andReturn().getResponse();
		assertThat(anon.getStatus()).isEqualTo(302);
		assertThat(anon.getHeader("Location")).endsWith("/login");
	}

	@Test
	void theContinuityPageCountsPerYear() throws Exception {
		Chain ch = chain();
		String body = mvc.perform(get("/networks/" + ch.n2().id() + "/continuity")
			.with(user("traeger").roles("PROVIDER"))).andReturn().getResponse().getContentAsString();
		assertThat(body).contains("continuity-table", "<th scope=\"row\">2025</th>");
		List<ContinuityPeriod> periods = graphs.continuity(ch.n2().id(), ContinuityPeriod.Granularity.YEAR);
		// C's last day was 31.12.2025: a member at the end of 2025, gone in 2026
		assertThat(periods.get(0)).extracting(ContinuityPeriod::label, ContinuityPeriod::active,
				ContinuityPeriod::joiners, ContinuityPeriod::leavers).containsExactly("2025", 2, 2, 0);
		assertThat(periods.get(1)).extracting(ContinuityPeriod::label, ContinuityPeriod::active,
				ContinuityPeriod::joiners, ContinuityPeriod::leavers, ContinuityPeriod::retention)
			.containsExactly("2026", 1, 0, 1, 0.5);
	}
}
