package org.spange.network.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.spange.access.AuditLog;
import org.spange.area.AreaHierarchy;
import org.spange.area.AreaId;
import org.spange.area.AreaQueries;
import org.spange.network.ActorOrganization;
import org.spange.network.FixedTask;
import org.spange.network.InvalidNetworkInputException;
import org.spange.network.Membership;
import org.spange.network.Network;
import org.spange.network.NetworkUse;
import org.spange.network.OwnData;
import org.spange.network.Networks;
import org.spange.network.Person;
import org.spange.network.PersonView;
import org.spange.network.Responsibility;
import org.spange.network.Viewer;
import org.spange.offer.OfferCatalog;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional
class JdbcNetworks implements Networks {

	static final ZoneId VIENNA = ZoneId.of("Europe/Vienna");
	private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
	private static final Pattern PHONE = Pattern.compile("^[0-9 +()/-]{3,40}$");
	private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

	private final JdbcClient jdbc;
	private final AuditLog audit;
	private final AreaQueries areas;
	private final OfferCatalog offers;
	private final ObjectProvider<NetworkUse> uses;

	JdbcNetworks(JdbcClient jdbc, AuditLog audit, AreaQueries areas, OfferCatalog offers,
			ObjectProvider<NetworkUse> uses) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.areas = areas;
		this.offers = offers;
		this.uses = uses;
	}

	// actors

	@Override
	public ActorOrganization createOrganization(ActorOrganization o) {
		Map<String, String> problems = new LinkedHashMap<>();
		String name = trim(o.name());
		if (name == null || name.length() > 200) {
			problems.put("name", "network.check.name");
		} else if (jdbc.sql("select count(*) from network.organization where lower(name) = lower(?)").param(name)
			.query(Long.class).single() > 0) {
			problems.put("name", "network.check.name.taken");
		}
		if (o.offerOrganizationId() != null && offers.organization(o.offerOrganizationId()).isEmpty()) {
			problems.put("offerOrganizationId", "network.check.offerOrganization");
		}
		fail(problems);
		long id = jdbc.sql("insert into network.organization (name, offer_organization_id) values (?, ?) returning id")
			.params(name, o.offerOrganizationId()).query(Long.class).single();
		audit.record("network.organization.create", "network.organization", Long.toString(id), Map.of("name", name));
		return new ActorOrganization(id, name, o.offerOrganizationId());
	}

	@Override
	@Transactional(readOnly = true)
	public List<ActorOrganization> organizations() {
		return jdbc.sql("select id, name, offer_organization_id from network.organization order by name")
			.query((rs, n) -> new ActorOrganization(rs.getLong(1), rs.getString(2), (Long) rs.getObject(3)))
			.list();
	}

	@Override
	public Person createPerson(Person p) {
		Map<String, String> problems = new LinkedHashMap<>();
		checkPerson(p, null, problems);
		String name = trim(p.name());
		String function = trim(p.function());
		String email = trim(p.email());
		String phone = trim(p.phone());
		String reachability = trim(p.reachability());
		String consentBy = trim(p.consentBy());
		String consentVersion = trim(p.consentVersion());
		if (p.consentAt() == null || p.consentAt().isAfter(Instant.now())) {
			problems.put("consentAt", "network.check.consentAt");
		}
		if (consentBy == null || consentBy.length() > 200) {
			problems.put("consentBy", "network.check.consentBy");
		}
		if (consentVersion == null || consentVersion.length() > 40) {
			problems.put("consentVersion", "network.check.consentVersion");
		}
		String username = trim(p.username());
		if (username != null) {
			if (!username.matches("^[a-z0-9._@-]{2,64}$")) {
				problems.put("username", "network.check.username");
			} else if (personOf(username).isPresent()) {
				problems.put("username", "network.check.username.taken");
			}
		}
		fail(problems);
		long id = jdbc.sql("""
				insert into network.person (name, function, organization_id, email, phone, reachability,
				    preferred_channel, consent_at, consent_by, consent_version, username)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(name, function, p.organizationId(), email, phone, reachability,
					p.preferredChannel() == null ? null : p.preferredChannel().name(), Timestamp.from(p.consentAt()),
					consentBy, consentVersion, username)
			.query(Long.class).single();
		for (Long area : new HashSet<>(p.areaIds())) {
			jdbc.sql("insert into network.person_area (person_id, area_id) values (?, ?)").params(id, area).update();
		}
		// names only in the audit details: contact data is personal data
		audit.record("network.person.create", "network.person", Long.toString(id),
				Map.of("consentVersion", consentVersion));
		return new Person(id, name, function, p.organizationId(), p.areaIds(), email, phone, reachability,
				p.preferredChannel(), p.consentAt(), consentBy, consentVersion, username);
	}

	/** The checks shared by creating and editing a person (not the consent); {@code self} the edited person. */
	private void checkPerson(Person p, Long self, Map<String, String> problems) {
		String name = trim(p.name());
		if (name == null || name.length() > 200) {
			problems.put("name", "network.check.name");
		}
		String function = trim(p.function());
		if (function != null && function.length() > 200) {
			problems.put("function", "network.check.tooLong");
		}
		if (p.organizationId() != null && jdbc.sql("select count(*) from network.organization where id = ?")
			.param(p.organizationId()).query(Long.class).single() == 0) {
			problems.put("organizationId", "network.check.organization");
		}
		for (Long area : p.areaIds()) {
			if (area == null || areas.area(new AreaId(area)).isEmpty()) {
				problems.put("areaIds", "network.check.area");
			}
		}
		String email = trim(p.email());
		if (email != null && (email.length() > 200 || !EMAIL.matcher(email).matches())) {
			problems.put("email", "network.check.email");
		}
		String phone = trim(p.phone());
		if (phone != null && !PHONE.matcher(phone).matches()) {
			problems.put("phone", "network.check.phone");
		}
		String reachability = trim(p.reachability());
		if (reachability != null && reachability.length() > 500) {
			problems.put("reachability", "network.check.tooLong");
		}
		if (p.preferredChannel() == Person.Channel.EMAIL && email == null
				|| p.preferredChannel() == Person.Channel.PHONE && phone == null) {
			problems.put("preferredChannel", "network.check.channel");
		}
	}

	@Override
	@Transactional(readOnly = true)
	public List<PersonView> persons(Viewer viewer) {
		if (!viewer.loggedIn()) {
			return List.of();
		}
		Set<Long> contactable = contactable(viewer);
		return jdbc.sql(PERSON_SQL + " order by p.name, p.id").query((rs, n) -> view(rs, viewer, contactable)).list();
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<PersonView> person(long id, Viewer viewer) {
		if (!viewer.loggedIn()) {
			return Optional.empty();
		}
		Set<Long> contactable = contactable(viewer);
		return jdbc.sql(PERSON_SQL + " where p.id = ?").param(id).query((rs, n) -> view(rs, viewer, contactable))
			.optional();
	}

	private static final String PERSON_SQL = """
			select p.id, p.name, o.name as organization, p.function, p.email, p.phone, p.reachability,
			       p.preferred_channel,
			       array(select area_id from network.person_area a where a.person_id = p.id order by area_id) as areas
			from network.person p left join network.organization o on o.id = p.organization_id""";

	private PersonView view(ResultSet rs, Viewer viewer, Set<Long> contactable) throws SQLException {
		long id = rs.getLong("id");
		PersonView.Contact contact = null;
		if (viewer.planner() || contactable.contains(id)) {
			Long[] areaIds = (Long[]) rs.getArray("areas").getArray();
			String channel = rs.getString("preferred_channel");
			contact = new PersonView.Contact(rs.getString("function"), Arrays.asList(areaIds), rs.getString("email"),
					rs.getString("phone"), rs.getString("reachability"),
					channel == null ? null : Person.Channel.valueOf(channel));
		}
		return new PersonView(id, rs.getString("name"), rs.getString("organization"), contact);
	}

	/**
	 * The persons whose contact a (non-planner) viewer may see: themselves and everybody who currently shares a
	 * network with them.
	 */
	private Set<Long> contactable(Viewer viewer) {
		if (!viewer.loggedIn()) {
			return Set.of();
		}
		return new HashSet<>(jdbc.sql("""
				select p.id from network.person p where p.username = :user
				union
				select other.person_id
				from network.person me
				join network.membership mine on mine.person_id = me.id
				join network.membership other on other.network_id = mine.network_id
				where me.username = :user
				  and mine.valid_from <= :today and (mine.valid_to is null or mine.valid_to >= :today)
				  and other.valid_from <= :today and (other.valid_to is null or other.valid_to >= :today)""")
			.param("user", viewer.username()).param("today", today()).query(Long.class).list());
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Long> personOf(String username) {
		if (username == null) {
			return Optional.empty();
		}
		return jdbc.sql("select id from network.person where username = ?").param(username).query(Long.class)
			.optional();
	}

	@Override
	@Transactional(readOnly = true)
	public boolean mayContact(Viewer viewer, long personId) {
		return viewer.planner() || contactable(viewer).contains(personId);
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<String> emailForMessage(long personId) {
		return jdbc.sql("select email from network.person where id = ? and email is not null").param(personId)
			.query(String.class).optional();
	}

	// networks

	@Override
	public Network createNetwork(Network n) {
		Map<String, String> problems = new LinkedHashMap<>();
		String name = trim(n.name());
		if (name == null || name.length() > 200) {
			problems.put("name", "network.check.name");
		} else if (jdbc.sql("select count(*) from network.network where lower(name) = lower(?)").param(name)
			.query(Long.class).single() > 0) {
			problems.put("name", "network.check.name.taken");
		}
		String purpose = trim(n.purpose());
		if (purpose != null && purpose.length() > 4000) {
			problems.put("purpose", "network.check.tooLong");
		}
		for (Long area : n.areaIds()) {
			if (area == null || areas.area(new AreaId(area)).isEmpty()) {
				problems.put("areaIds", "network.check.area");
			}
		}
		fail(problems);
		long id = jdbc.sql("insert into network.network (name, purpose) values (?, ?) returning id")
			.params(name, purpose).query(Long.class).single();
		for (Long area : new HashSet<>(n.areaIds())) {
			jdbc.sql("insert into network.network_area (network_id, area_id) values (?, ?)").params(id, area).update();
		}
		audit.record("network.create", "network.network", Long.toString(id), Map.of("name", name));
		return new Network(id, name, purpose, n.areaIds());
	}

	@Override
	@Transactional(readOnly = true)
	public List<Network> networks() {
		return jdbc.sql(NETWORK_SQL + " order by n.name").query((rs, i) -> network(rs)).list();
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Network> network(long id) {
		return jdbc.sql(NETWORK_SQL + " where n.id = ?").param(id).query((rs, i) -> network(rs)).optional();
	}

	private static final String NETWORK_SQL = """
			select n.id, n.name, n.purpose,
			       array(select area_id from network.network_area a where a.network_id = n.id order by area_id) as areas
			from network.network n""";

	private static Network network(ResultSet rs) throws SQLException {
		return new Network(rs.getLong("id"), rs.getString("name"), rs.getString("purpose"),
				Arrays.asList((Long[]) rs.getArray("areas").getArray()));
	}

	@Override
	public Membership addMember(long networkId, long personId, Membership.Role role, LocalDate from, LocalDate to) {
		Map<String, String> problems = new LinkedHashMap<>();
		if (network(networkId).isEmpty()) {
			problems.put("networkId", "network.check.network");
		}
		if (jdbc.sql("select count(*) from network.person where id = ?").param(personId).query(Long.class)
			.single() == 0) {
			problems.put("personId", "network.check.person");
		}
		if (role == null) {
			problems.put("role", "network.check.role");
		}
		if (from == null) {
			problems.put("from", "network.check.from");
		}
		if (from != null && to != null && to.isBefore(from)) {
			problems.put("to", "network.check.to");
		}
		fail(problems);
		long id = jdbc.sql("""
				insert into network.membership (network_id, person_id, role, valid_from, valid_to)
				values (?, ?, ?, ?, ?) returning id""").params(networkId, personId, role.name(), from, to)
			.query(Long.class).single();
		audit.record("network.member.add", "network.network", Long.toString(networkId),
				Map.of("person", personId, "role", role.name()));
		return new Membership(id, networkId, null, role, from, to);
	}

	@Override
	@Transactional(readOnly = true)
	public List<Membership> members(long networkId, Viewer viewer) {
		Map<Long, PersonView> persons = persons(viewer).stream()
			.collect(Collectors.toMap(PersonView::id, p -> p));
		if (persons.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				select m.id, m.person_id, m.role, m.valid_from, m.valid_to from network.membership m
				join network.person p on p.id = m.person_id
				where m.network_id = ? order by case m.role when 'COORDINATOR' then 0 when 'DEPUTY' then 1
				    when 'MEMBER' then 2 else 3 end, p.name""")
			.param(networkId)
			.query((rs, n) -> new Membership(rs.getLong(1), networkId, persons.get(rs.getLong(2)),
					Membership.Role.valueOf(rs.getString(3)), rs.getObject(4, LocalDate.class),
					rs.getObject(5, LocalDate.class)))
			.list();
	}

	@Override
	public FixedTask addFixedTask(long networkId, String text, Long ownerPersonId) {
		Map<String, String> problems = new LinkedHashMap<>();
		if (network(networkId).isEmpty()) {
			problems.put("networkId", "network.check.network");
		}
		String t = trim(text);
		if (t == null || t.length() > 500) {
			problems.put("text", "network.check.text");
		}
		if (ownerPersonId != null && jdbc.sql("select count(*) from network.person where id = ?").param(ownerPersonId)
			.query(Long.class).single() == 0) {
			problems.put("ownerPersonId", "network.check.person");
		}
		fail(problems);
		long id = jdbc.sql("insert into network.fixed_task (network_id, text, owner_person_id) values (?, ?, ?) returning id")
			.params(networkId, t, ownerPersonId).query(Long.class).single();
		audit.record("network.task.add", "network.network", Long.toString(networkId), Map.of("task", id));
		return new FixedTask(id, networkId, t, ownerPersonId, null);
	}

	@Override
	@Transactional(readOnly = true)
	public List<FixedTask> fixedTasks(long networkId) {
		return jdbc.sql("""
				select t.id, t.text, t.owner_person_id, p.name from network.fixed_task t
				left join network.person p on p.id = t.owner_person_id where t.network_id = ? order by t.id""")
			.param(networkId)
			.query((rs, n) -> new FixedTask(rs.getLong(1), networkId, rs.getString(2), (Long) rs.getObject(3),
					rs.getString(4)))
			.list();
	}

	@Override
	@Transactional(readOnly = true)
	public Set<Long> networksOf(String username) {
		if (username == null) {
			return Set.of();
		}
		return new HashSet<>(jdbc.sql("""
				select m.network_id from network.membership m join network.person p on p.id = m.person_id
				where p.username = ? and m.valid_from <= ? and (m.valid_to is null or m.valid_to >= ?)""")
			.params(username, today(), today()).query(Long.class).list());
	}

	@Override
	@Transactional(readOnly = true)
	public boolean coordinates(String username, long networkId) {
		if (username == null) {
			return false;
		}
		return jdbc.sql("""
				select count(*) from network.membership m join network.person p on p.id = m.person_id
				where p.username = ? and m.network_id = ? and m.role in ('COORDINATOR', 'DEPUTY')
				  and m.valid_from <= ? and (m.valid_to is null or m.valid_to >= ?)""")
			.params(username, networkId, today(), today()).query(Long.class).single() > 0;
	}

	// responsibilities

	@Override
	public Responsibility addResponsibility(Responsibility r) {
		Map<String, String> problems = new LinkedHashMap<>();
		if (r.personId() == null && r.organizationId() == null) {
			problems.put("personId", "network.check.who");
		}
		if (r.personId() != null && jdbc.sql("select count(*) from network.person where id = ?").param(r.personId())
			.query(Long.class).single() == 0) {
			problems.put("personId", "network.check.person");
		}
		if (r.organizationId() != null && jdbc.sql("select count(*) from network.organization where id = ?")
			.param(r.organizationId()).query(Long.class).single() == 0) {
			problems.put("organizationId", "network.check.organization");
		}
		String topic = trim(r.topic());
		if (topic == null || topic.length() > 500) {
			problems.put("topic", "network.check.topic");
		}
		String field = trim(r.fieldOfAction());
		if (field != null && offers.fieldsOfAction().stream().noneMatch(f -> f.key().equals(field))) {
			problems.put("fieldOfAction", "network.check.fieldOfAction");
		}
		if (r.areaId() == null || areas.area(new AreaId(r.areaId())).isEmpty()) {
			problems.put("areaId", "network.check.area");
		}
		fail(problems);
		long id = jdbc.sql("""
				insert into network.responsibility (person_id, organization_id, topic, field_of_action, area_id)
				values (?, ?, ?, ?, ?) returning id""")
			.params(r.personId(), r.organizationId(), topic, field, r.areaId()).query(Long.class).single();
		audit.record("network.responsibility.add", "network.responsibility", Long.toString(id),
				Map.of("topic", topic));
		return new Responsibility(id, r.personId(), r.organizationId(), topic, field, r.areaId());
	}

	@Override
	@Transactional(readOnly = true)
	public List<Responsibility.Hit> findResponsible(String words, Long areaId, Viewer viewer) {
		List<String> terms = new ArrayList<>();
		if (words != null) {
			var m = WORD.matcher(words.toLowerCase(java.util.Locale.ROOT));
			while (m.find()) {
				terms.add(m.group() + ":*");
			}
		}
		StringBuilder sql = new StringBuilder("""
				select r.id, r.person_id, r.organization_id, r.topic, r.field_of_action, r.area_id,
				       p.name as person_name, coalesce(o.name, po.name) as organization_name
				from network.responsibility r
				left join network.person p on p.id = r.person_id
				left join network.organization po on po.id = p.organization_id
				left join network.organization o on o.id = r.organization_id
				where true""");
		Map<String, Object> params = new HashMap<>();
		if (!terms.isEmpty()) {
			sql.append(" and r.search @@ to_tsquery('german', :query)");
			params.put("query", String.join(" & ", terms));
		}
		if (areaId != null) {
			sql.append(" and r.area_id in (:areas)");
			params.put("areas", withContaining(areaId));
		}
		if (!viewer.loggedIn()) {
			sql.append(" and r.person_id is null");
		}
		sql.append(" order by r.topic, r.id limit 200");
		Set<Long> contactable = contactable(viewer);
		return jdbc.sql(sql.toString()).params(params).query((rs, n) -> {
			Long personId = (Long) rs.getObject("person_id");
			var r = new Responsibility(rs.getLong("id"), personId, (Long) rs.getObject("organization_id"),
					rs.getString("topic"), rs.getString("field_of_action"), rs.getLong("area_id"));
			PersonView person = null;
			if (personId != null) {
				person = person(personId, viewer, contactable);
			}
			String who = personId != null ? rs.getString("person_name") : rs.getString("organization_name");
			return new Responsibility.Hit(r, who, rs.getString("organization_name"), person);
		}).list();
	}

	private PersonView person(long id, Viewer viewer, Set<Long> contactable) {
		return jdbc.sql(PERSON_SQL + " where p.id = ?").param(id).query((rs, n) -> view(rs, viewer, contactable))
			.single();
	}

	/** The area and every area containing it, in any scheme. */
	private Set<Long> withContaining(long areaId) {
		Map<Long, Set<Long>> parents = new HashMap<>();
		for (AreaHierarchy.Member m : areas.hierarchy().members()) {
			if (m.parent() != null) {
				parents.computeIfAbsent(m.area().value(), k -> new HashSet<>()).add(m.parent().value());
			}
		}
		Set<Long> result = new HashSet<>();
		List<Long> todo = new ArrayList<>(List.of(areaId));
		while (!todo.isEmpty()) {
			long next = todo.remove(todo.size() - 1);
			if (result.add(next)) {
				todo.addAll(parents.getOrDefault(next, Set.of()));
			}
		}
		return result;
	}

	// editing and deleting (issue 7, second part)

	private void requirePlanner(Viewer viewer) {
		if (!viewer.planner()) {
			throw new SecurityException("planners and admins only");
		}
	}

	private void requirePerson(long id) {
		if (jdbc.sql("select count(*) from network.person where id = ?").param(id).query(Long.class).single() == 0) {
			throw new java.util.NoSuchElementException("person " + id);
		}
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Person> personToEdit(long id, Viewer viewer) {
		requirePlanner(viewer);
		return jdbc.sql("""
				select p.*, array(select area_id from network.person_area a where a.person_id = p.id
				                  order by area_id) as areas
				from network.person p where p.id = ?""").param(id).query((rs, n) -> {
			String channel = rs.getString("preferred_channel");
			return new Person(rs.getLong("id"), rs.getString("name"), rs.getString("function"),
					(Long) rs.getObject("organization_id"), Arrays.asList((Long[]) rs.getArray("areas").getArray()),
					rs.getString("email"), rs.getString("phone"), rs.getString("reachability"),
					channel == null ? null : Person.Channel.valueOf(channel), rs.getTimestamp("consent_at").toInstant(),
					rs.getString("consent_by"), rs.getString("consent_version"), rs.getString("username"));
		}).optional();
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Instant> consentWithdrawn(long personId) {
		return jdbc.sql("select consent_withdrawn_at from network.person where id = ? and consent_withdrawn_at is not null")
			.param(personId).query((rs, n) -> rs.getTimestamp(1).toInstant()).optional();
	}

	@Override
	public Person updatePerson(Person p, Viewer viewer) {
		requirePlanner(viewer);
		requirePerson(p.id());
		Map<String, String> problems = new LinkedHashMap<>();
		checkPerson(p, p.id(), problems);
		String username = trim(p.username());
		if (username != null) {
			if (!username.matches("^[a-z0-9._@-]{2,64}$")) {
				problems.put("username", "network.check.username");
			} else if (personOf(username).filter(other -> other != p.id().longValue()).isPresent()) {
				problems.put("username", "network.check.username.taken");
			}
		}
		String function = trim(p.function());
		String email = trim(p.email());
		String phone = trim(p.phone());
		String reachability = trim(p.reachability());
		// after a withdrawal no contact data comes back without a new consent (a new person record)
		if (consentWithdrawn(p.id()).isPresent()) {
			for (var field : List.of(Map.entry("function", String.valueOf(function)), Map.entry("email",
					String.valueOf(email)), Map.entry("phone", String.valueOf(phone)),
					Map.entry("reachability", String.valueOf(reachability)))) {
				if (!field.getValue().equals("null")) {
					problems.put(field.getKey(), "network.check.consentWithdrawn");
				}
			}
			if (!p.areaIds().isEmpty()) {
				problems.put("areaIds", "network.check.consentWithdrawn");
			}
		}
		fail(problems);
		Person before = personToEdit(p.id(), viewer).orElseThrow();
		jdbc.sql("""
				update network.person set name = ?, function = ?, organization_id = ?, email = ?, phone = ?,
				    reachability = ?, preferred_channel = ?, username = ? where id = ?""")
			.params(trim(p.name()), function, p.organizationId(), email, phone, reachability,
					p.preferredChannel() == null ? null : p.preferredChannel().name(), username, p.id())
			.update();
		jdbc.sql("delete from network.person_area where person_id = ?").param(p.id()).update();
		for (Long area : new HashSet<>(p.areaIds())) {
			jdbc.sql("insert into network.person_area (person_id, area_id) values (?, ?)").params(p.id(), area).update();
		}
		// which fields changed, never their values: contact data is personal data
		List<String> changed = new ArrayList<>();
		if (!java.util.Objects.equals(before.name(), trim(p.name()))) {
			changed.add("name");
		}
		if (!java.util.Objects.equals(before.email(), email)) {
			changed.add("email");
		}
		if (!java.util.Objects.equals(before.phone(), phone)) {
			changed.add("phone");
		}
		if (!java.util.Objects.equals(before.username(), username)) {
			changed.add("username");
		}
		audit.record("network.person.update", "network.person", Long.toString(p.id()),
				Map.of("changed", String.join(",", changed)));
		return personToEdit(p.id(), viewer).orElseThrow();
	}

	@Override
	public void withdrawConsent(long personId, Viewer viewer) {
		// the person themself may, through the login linked to them; otherwise planners and admins record it
		boolean self = viewer.loggedIn() && personOf(viewer.username()).filter(own -> own == personId).isPresent();
		if (!self) {
			requirePlanner(viewer);
		}
		requirePerson(personId);
		jdbc.sql("""
				update network.person set function = null, email = null, phone = null, reachability = null,
				    preferred_channel = null, consent_withdrawn_at = coalesce(consent_withdrawn_at, now())
				where id = ?""").param(personId).update();
		jdbc.sql("delete from network.person_area where person_id = ?").param(personId).update();
		// the actor is the login; "by" says whether the person withdrew it themself or a planner recorded it
		audit.record("network.person.consentWithdrawn", "network.person", Long.toString(personId),
				Map.of("by", self ? "self" : "planner"));
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<OwnData> ownData(Viewer viewer) {
		if (!viewer.loggedIn()) {
			return Optional.empty();
		}
		return personOf(viewer.username()).map(id -> {
			record Row(Person person, String organization, Instant withdrawn) {
			}
			Row row = jdbc.sql("""
					select p.*, o.name as organization_name,
					       array(select area_id from network.person_area a where a.person_id = p.id
					             order by area_id) as areas
					from network.person p left join network.organization o on o.id = p.organization_id
					where p.id = ?""").param(id).query((rs, n) -> {
				String channel = rs.getString("preferred_channel");
				Timestamp withdrawn = rs.getTimestamp("consent_withdrawn_at");
				return new Row(new Person(rs.getLong("id"), rs.getString("name"), rs.getString("function"),
						(Long) rs.getObject("organization_id"), Arrays.asList((Long[]) rs.getArray("areas").getArray()),
						rs.getString("email"), rs.getString("phone"), rs.getString("reachability"),
						channel == null ? null : Person.Channel.valueOf(channel),
						rs.getTimestamp("consent_at").toInstant(), rs.getString("consent_by"),
						rs.getString("consent_version"), rs.getString("username")), rs.getString("organization_name"),
						withdrawn == null ? null : withdrawn.toInstant());
			}).single();
			List<OwnData.NetworkMembership> memberships = jdbc.sql("""
					select n.id, n.name, m.role, m.valid_from, m.valid_to from network.membership m
					join network.network n on n.id = m.network_id
					where m.person_id = ? order by (m.valid_to is not null), n.name, m.valid_from""")
				.param(id)
				.query((rs, n) -> new OwnData.NetworkMembership(rs.getLong(1), rs.getString(2),
						Membership.Role.valueOf(rs.getString(3)), rs.getObject(4, LocalDate.class),
						rs.getObject(5, LocalDate.class)))
				.list();
			return new OwnData(row.person(), row.organization(), memberships, row.withdrawn());
		});
	}

	@Override
	public void deletePerson(long personId, Viewer viewer) {
		requirePlanner(viewer);
		requirePerson(personId);
		if (uses.stream().mapToLong(u -> u.personUses(personId)).sum() > 0) {
			throw new InvalidNetworkInputException(Map.of("confirmDelete", "person.check.openTasks"));
		}
		long memberships = jdbc.sql("delete from network.membership where person_id = ?").param(personId).update();
		jdbc.sql("update network.fixed_task set owner_person_id = null where owner_person_id = ?").param(personId)
			.update();
		// a responsibility of the person alone goes; one shared with an organisation stays with the organisation
		jdbc.sql("delete from network.responsibility where person_id = ? and organization_id is null").param(personId)
			.update();
		jdbc.sql("update network.responsibility set person_id = null where person_id = ?").param(personId).update();
		jdbc.sql("delete from network.person where id = ?").param(personId).update();
		audit.record("network.person.delete", "network.person", Long.toString(personId),
				Map.of("memberships", memberships));
	}

	@Override
	public Network updateNetwork(Network n, Viewer viewer) {
		requirePlanner(viewer);
		if (n.id() == null || network(n.id()).isEmpty()) {
			throw new java.util.NoSuchElementException("network " + n.id());
		}
		Map<String, String> problems = new LinkedHashMap<>();
		String name = trim(n.name());
		if (name == null || name.length() > 200) {
			problems.put("name", "network.check.name");
		} else if (jdbc.sql("select count(*) from network.network where lower(name) = lower(?) and id <> ?")
			.params(name, n.id()).query(Long.class).single() > 0) {
			problems.put("name", "network.check.name.taken");
		}
		String purpose = trim(n.purpose());
		if (purpose != null && purpose.length() > 4000) {
			problems.put("purpose", "network.check.tooLong");
		}
		for (Long area : n.areaIds()) {
			if (area == null || areas.area(new AreaId(area)).isEmpty()) {
				problems.put("areaIds", "network.check.area");
			}
		}
		fail(problems);
		jdbc.sql("update network.network set name = ?, purpose = ? where id = ?").params(name, purpose, n.id())
			.update();
		jdbc.sql("delete from network.network_area where network_id = ?").param(n.id()).update();
		for (Long area : new HashSet<>(n.areaIds())) {
			jdbc.sql("insert into network.network_area (network_id, area_id) values (?, ?)").params(n.id(), area)
				.update();
		}
		audit.record("network.update", "network.network", Long.toString(n.id()), Map.of("name", name));
		return network(n.id()).orElseThrow();
	}

	@Override
	@Transactional(readOnly = true)
	public boolean deletable(long networkId) {
		return uses.stream().mapToLong(u -> u.uses(networkId)).sum() == 0;
	}

	@Override
	public void deleteNetwork(long networkId, Viewer viewer) {
		requirePlanner(viewer);
		Network n = network(networkId).orElseThrow(() -> new java.util.NoSuchElementException("network " + networkId));
		// a network with conferences stays: their minutes, decisions and tasks refer to it (end the memberships)
		if (!deletable(networkId)) {
			throw new InvalidNetworkInputException(Map.of("confirm", "network.check.hasConferences"));
		}
		long members = jdbc.sql("select count(*) from network.membership where network_id = ?").param(networkId)
			.query(Long.class).single();
		// memberships, areas and fixed tasks go with it (on delete cascade)
		jdbc.sql("delete from network.network where id = ?").param(networkId).update();
		audit.record("network.delete", "network.network", Long.toString(networkId),
				Map.of("name", n.name(), "memberships", members));
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Membership> membership(long membershipId, Viewer viewer) {
		Optional<Long> network = jdbc.sql("select network_id from network.membership where id = ?")
			.param(membershipId).query(Long.class).optional();
		return network.flatMap(n -> members(n, viewer).stream().filter(m -> m.id() == membershipId).findFirst());
	}

	@Override
	public Membership updateMembership(long membershipId, Membership.Role role, LocalDate to, Viewer viewer) {
		var row = jdbc.sql("select network_id, valid_from from network.membership where id = ?").param(membershipId)
			.query((rs, n) -> Map.entry(rs.getLong(1), rs.getObject(2, LocalDate.class))).optional()
			.orElseThrow(() -> new java.util.NoSuchElementException("membership " + membershipId));
		long networkId = row.getKey();
		if (!viewer.planner() && !coordinates(viewer.username(), networkId)) {
			throw new SecurityException("planners and coordinators only");
		}
		Map<String, String> problems = new LinkedHashMap<>();
		if (role == null) {
			problems.put("role", "network.check.role");
		}
		if (to != null && to.isBefore(row.getValue())) {
			problems.put("to", "network.check.to");
		}
		fail(problems);
		jdbc.sql("update network.membership set role = ?, valid_to = ? where id = ?").params(role.name(), to,
				membershipId).update();
		audit.record("network.member.update", "network.network", Long.toString(networkId),
				to == null ? Map.of("membership", membershipId, "role", role.name())
						: Map.of("membership", membershipId, "role", role.name(), "to", to.toString()));
		return membership(membershipId, viewer).orElseThrow();
	}

	private static LocalDate today() {
		return LocalDate.now(VIENNA);
	}

	private static String trim(String s) {
		if (s == null) {
			return null;
		}
		String t = s.strip();
		return t.isEmpty() ? null : t;
	}

	private static void fail(Map<String, String> problems) {
		if (!problems.isEmpty()) {
			throw new InvalidNetworkInputException(problems);
		}
	}
}
