package org.spange.access.internal;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.spange.access.AuditLog;
import org.spange.access.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** User accounts with hashed passwords and roles, read by Spring Security at login. */
@Service
public class UserAccounts implements UserDetailsService {

	private final JdbcClient jdbc;
	private final PasswordEncoder encoder;
	private final AuditLog audit;

	UserAccounts(JdbcClient jdbc, PasswordEncoder encoder, AuditLog audit) {
		this.jdbc = jdbc;
		this.encoder = encoder;
		this.audit = audit;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		record Row(long id, String username, String passwordHash, boolean enabled) {
		}
		Row row = jdbc.sql("select id, username, password_hash, enabled from access.user_account where username = ?")
			.param(username.toLowerCase())
			.query(Row.class)
			.optional()
			.orElseThrow(() -> new UsernameNotFoundException(username));
		List<SimpleGrantedAuthority> authorities = rolesOf(row.id()).stream()
			.map(r -> new SimpleGrantedAuthority(r.authority()))
			.toList();
		return User.withUsername(row.username()).password(row.passwordHash()).disabled(!row.enabled())
			.authorities(authorities).build();
	}

	public long count() {
		return jdbc.sql("select count(*) from access.user_account").query(Long.class).single();
	}

	public Optional<Long> idOf(String username) {
		return jdbc.sql("select id from access.user_account where username = ?").param(username).query(Long.class)
			.optional();
	}

	/** Creates a user with a hashed password; the password itself is never stored or logged. */
	@Transactional
	public long create(String username, String displayName, String rawPassword, Collection<Role> roles) {
		long id = jdbc.sql("""
				insert into access.user_account (username, display_name, password_hash)
				values (?, ?, ?) returning id""")
			.params(username.toLowerCase(), displayName, encoder.encode(rawPassword))
			.query(Long.class)
			.single();
		for (Role role : roles) {
			jdbc.sql("insert into access.user_role (user_id, role) values (?, ?)").params(id, role.name()).update();
		}
		audit.record("user.create", "user", username, Map.of("roles", roles.stream().map(Role::name).toList()));
		return id;
	}

	List<Role> rolesOf(long userId) {
		return jdbc.sql("select role from access.user_role where user_id = ? order by role").param(userId)
			.query((rs, i) -> Role.valueOf(rs.getString(1)))
			.list();
	}
}
