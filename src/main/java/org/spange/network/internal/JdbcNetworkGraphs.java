package org.spange.network.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.spange.access.AuditLog;
import org.spange.area.AreaHierarchy;
import org.spange.area.AreaQueries;
import org.spange.network.ContinuityPeriod;
import org.spange.network.Cooperation;
import org.spange.network.InvalidNetworkInputException;
import org.spange.network.NetworkGraph;
import org.spange.network.NetworkGraphs;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
class JdbcNetworkGraphs implements NetworkGraphs {

	private final JdbcClient jdbc;
	private final AuditLog audit;
	private final AreaQueries areas;

	JdbcNetworkGraphs(JdbcClient jdbc, AuditLog audit, AreaQueries areas) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.areas = areas;
	}

	private record Active(long organization, String organizationName, boolean inOfferDirectory, long network,
			String networkName) {
	}

	@Override
	public NetworkGraph graph(LocalDate day, Long networkId, Long areaId) {
		StringBuilder sql = new StringBuilder("""
				select distinct o.id, o.name, o.offer_organization_id is not null, n.id, n.name
				from network.membership m
				join network.person p on p.id = m.person_id
				join network.organization o on o.id = p.organization_id
				join network.network n on n.id = m.network_id
				where m.valid_from <= :day and (m.valid_to is null or m.valid_to >= :day)""");
		Map<String, Object> params = new HashMap<>();
		params.put("day", day);
		if (networkId != null) {
			sql.append(" and n.id = :network");
			params.put("network", networkId);
		}
		if (areaId != null) {
			sql.append(" and exists (select 1 from network.network_area a where a.network_id = n.id"
					+ " and a.area_id in (:areas))");
			params.put("areas", withContained(areaId));
		}
		List<Active> active = jdbc.sql(sql.toString()).params(params)
			.query((rs, i) -> new Active(rs.getLong(1), rs.getString(2), rs.getBoolean(3), rs.getLong(4),
					rs.getString(5)))
			.list();

		// nodes by name (stable order), the networks of each, and each network's organisations
		Map<Long, String> names = new HashMap<>();
		Map<Long, Boolean> inDirectory = new HashMap<>();
		Map<Long, Set<String>> networksOf = new HashMap<>();
		Map<Long, Set<Long>> organizationsIn = new TreeMap<>();
		Map<Long, String> networkNames = new HashMap<>();
		for (Active a : active) {
			names.put(a.organization(), a.organizationName());
			inDirectory.put(a.organization(), a.inOfferDirectory());
			networksOf.computeIfAbsent(a.organization(), k -> new TreeSet<>()).add(a.networkName());
			organizationsIn.computeIfAbsent(a.network(), k -> new TreeSet<>()).add(a.organization());
			networkNames.put(a.network(), a.networkName());
		}
		Map<List<Long>, List<String>> shared = new LinkedHashMap<>();
		Map<List<Long>, List<String>> cooperating = new LinkedHashMap<>();
		for (var e : organizationsIn.entrySet()) {
			List<Long> orgs = new ArrayList<>(e.getValue());
			for (int i = 0; i < orgs.size(); i++) {
				for (int j = i + 1; j < orgs.size(); j++) {
					shared.computeIfAbsent(List.of(orgs.get(i), orgs.get(j)), k -> new ArrayList<>())
						.add(networkNames.get(e.getKey()));
				}
			}
		}
		if (networkId == null) {
			Set<Long> inGraph = new HashSet<>(names.keySet());
			jdbc.sql("""
					select c.organization_a, a.name, a.offer_organization_id is not null,
					       c.organization_b, b.name, b.offer_organization_id is not null, c.topic
					from network.cooperation c
					join network.organization a on a.id = c.organization_a
					join network.organization b on b.id = c.organization_b
					where c.valid_from <= ? and (c.valid_to is null or c.valid_to >= ?) order by c.id""")
				.params(day, day).query(rs -> {
					long a = rs.getLong(1);
					long b = rs.getLong(4);
					if (areaId != null && !(inGraph.contains(a) && inGraph.contains(b))) {
						return;
					}
					names.put(a, rs.getString(2));
					inDirectory.put(a, rs.getBoolean(3));
					names.put(b, rs.getString(5));
					inDirectory.put(b, rs.getBoolean(6));
					cooperating.computeIfAbsent(List.of(Math.min(a, b), Math.max(a, b)), k -> new ArrayList<>())
						.add(rs.getString(7));
				});
		}

		List<Long> order = new ArrayList<>(names.keySet());
		order.sort((x, y) -> names.get(x).compareToIgnoreCase(names.get(y)) != 0
				? names.get(x).compareToIgnoreCase(names.get(y)) : Long.compare(x, y));
		Map<Long, Integer> index = new HashMap<>();
		for (int i = 0; i < order.size(); i++) {
			index.put(order.get(i), i);
		}
		Set<List<Long>> pairs = new TreeSetOfPairs().with(shared.keySet()).with(cooperating.keySet()).pairs;
		List<NetworkGraph.Edge> edges = new ArrayList<>();
		List<int[]> plain = new ArrayList<>();
		int[] degree = new int[order.size()];
		int[] weighted = new int[order.size()];
		for (List<Long> pair : pairs) {
			var edge = new NetworkGraph.Edge(pair.get(0), pair.get(1), shared.getOrDefault(pair, List.of()),
					cooperating.getOrDefault(pair, List.of()));
			edges.add(edge);
			int a = index.get(pair.get(0));
			int b = index.get(pair.get(1));
			plain.add(new int[] { a, b });
			degree[a]++;
			degree[b]++;
			weighted[a] += edge.weight();
			weighted[b] += edge.weight();
		}
		double[] betweenness = Betweenness.of(order.size(), plain);
		List<NetworkGraph.Node> nodes = new ArrayList<>();
		for (int i = 0; i < order.size(); i++) {
			long id = order.get(i);
			nodes.add(new NetworkGraph.Node(id, names.get(id), inDirectory.get(id), degree[i], weighted[i],
					betweenness[i], new ArrayList<>(networksOf.getOrDefault(id, Set.of()))));
		}
		return new NetworkGraph(day, nodes, edges);
	}

	/** Pairs {a, b} with a &lt; b in a stable order. */
	private static final class TreeSetOfPairs {
		final Set<List<Long>> pairs = new TreeSet<>((x, y) -> x.get(0).equals(y.get(0))
				? Long.compare(x.get(1), y.get(1)) : Long.compare(x.get(0), y.get(0)));

		TreeSetOfPairs with(Set<List<Long>> more) {
			pairs.addAll(more);
			return this;
		}
	}

	/** The area and every area inside it, in any scheme. */
	private Set<Long> withContained(long areaId) {
		Map<Long, Set<Long>> children = new HashMap<>();
		for (AreaHierarchy.Member m : areas.hierarchy().members()) {
			if (m.parent() != null) {
				children.computeIfAbsent(m.parent().value(), k -> new HashSet<>()).add(m.area().value());
			}
		}
		Set<Long> result = new HashSet<>();
		List<Long> todo = new ArrayList<>(List.of(areaId));
		while (!todo.isEmpty()) {
			long next = todo.remove(todo.size() - 1);
			if (result.add(next)) {
				todo.addAll(children.getOrDefault(next, Set.of()));
			}
		}
		return result;
	}

	@Override
	@Transactional
	public Cooperation recordCooperation(Cooperation c) {
		Map<String, String> problems = new LinkedHashMap<>();
		if (c.organizationA() == null || !organizationExists(c.organizationA())) {
			problems.put("organizationA", "coop.check.organization");
		}
		if (c.organizationB() == null || !organizationExists(c.organizationB())) {
			problems.put("organizationB", "coop.check.organization");
		} else if (c.organizationB().equals(c.organizationA())) {
			problems.put("organizationB", "coop.check.same");
		}
		String topic = c.topic() == null ? null : c.topic().strip();
		if (topic == null || topic.isEmpty() || topic.length() > 500) {
			problems.put("topic", "network.check.topic");
		}
		if (c.from() == null) {
			problems.put("from", "coop.check.from");
		}
		if (c.from() != null && c.to() != null && c.to().isBefore(c.from())) {
			problems.put("to", "network.check.to");
		}
		if (!problems.isEmpty()) {
			throw new InvalidNetworkInputException(problems);
		}
		long id = jdbc.sql("""
				insert into network.cooperation (organization_a, organization_b, topic, valid_from, valid_to)
				values (?, ?, ?, ?, ?) returning id""")
			.params(c.organizationA(), c.organizationB(), topic, c.from(), c.to()).query(Long.class).single();
		audit.record("network.cooperation.add", "network.cooperation", Long.toString(id),
				Map.of("a", c.organizationA(), "b", c.organizationB()));
		return new Cooperation(id, c.organizationA(), c.organizationB(), topic, c.from(), c.to(), null, null);
	}

	private boolean organizationExists(long id) {
		return jdbc.sql("select count(*) from network.organization where id = ?").param(id).query(Long.class)
			.single() > 0;
	}

	@Override
	public List<Cooperation> cooperations() {
		return jdbc.sql("""
				select c.id, c.organization_a, c.organization_b, c.topic, c.valid_from, c.valid_to, a.name, b.name
				from network.cooperation c
				join network.organization a on a.id = c.organization_a
				join network.organization b on b.id = c.organization_b
				order by c.valid_from desc, c.id desc""")
			.query((rs, i) -> new Cooperation(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
					rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class), rs.getString(7),
					rs.getString(8)))
			.list();
	}

	@Override
	public List<ContinuityPeriod> continuity(long networkId, ContinuityPeriod.Granularity granularity) {
		List<MembershipContinuity.Stint> stints = jdbc.sql("""
				select person_id, valid_from, valid_to from network.membership where network_id = ?""")
			.param(networkId)
			.query((rs, i) -> new MembershipContinuity.Stint(rs.getLong(1), rs.getObject(2, LocalDate.class),
					rs.getObject(3, LocalDate.class)))
			.list();
		return MembershipContinuity.of(stints, granularity, LocalDate.now(JdbcNetworks.VIENNA));
	}
}
