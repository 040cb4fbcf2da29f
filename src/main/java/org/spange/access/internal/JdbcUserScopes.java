package org.spange.access.internal;

import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeSet;

import org.spange.access.AuditLog;
import org.spange.access.Role;
import org.spange.access.UserScopes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** User areas in {@code access.user_area}. */
@Service
class JdbcUserScopes implements UserScopes {

	private final JdbcClient jdbc;
	private final AuditLog audit;

	JdbcUserScopes(JdbcClient jdbc, AuditLog audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	@Override
	public Set<Long> areasOf(String username) {
		if (username == null) {
			return Set.of();
		}
		return new TreeSet<>(jdbc.sql("""
				select a.area_id from access.user_area a join access.user_account u on u.id = a.user_id
				where u.username = ?""").param(username.toLowerCase()).query(Long.class).list());
	}

	@Override
	public List<UserScope> users() {
		Map<Long, Set<Role>> roles = new HashMap<>();
		jdbc.sql("select user_id, role from access.user_role").query((rs, n) -> roles
			.computeIfAbsent(rs.getLong(1), k -> EnumSet.noneOf(Role.class)).add(Role.valueOf(rs.getString(2))))
			.list();
		Map<Long, Set<Long>> areas = new HashMap<>();
		jdbc.sql("select user_id, area_id from access.user_area order by area_id")
			.query((rs, n) -> areas.computeIfAbsent(rs.getLong(1), k -> new TreeSet<>()).add(rs.getLong(2))).list();
		return jdbc.sql("select id, username, display_name from access.user_account order by username")
			.query((rs, n) -> new UserScope(rs.getString(2), rs.getString(3),
					roles.getOrDefault(rs.getLong(1), Set.of()), areas.getOrDefault(rs.getLong(1), Set.of())))
			.list();
	}

	@Override
	@Transactional
	public void assignAreas(String username, Collection<Long> areaIds) {
		long user = jdbc.sql("select id from access.user_account where username = ?")
			.param(username == null ? "" : username.toLowerCase()).query(Long.class).optional()
			.orElseThrow(() -> new NoSuchElementException("No user " + username));
		Set<Long> areas = new LinkedHashSet<>(areaIds);
		jdbc.sql("delete from access.user_area where user_id = ?").param(user).update();
		for (Long area : areas) {
			jdbc.sql("insert into access.user_area (user_id, area_id) values (?, ?)").params(user, area).update();
		}
		audit.record("user.areas", "user", username, Map.of("areas", List.copyOf(areas)));
	}
}
