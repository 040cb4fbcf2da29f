package org.spange.access.internal;

import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.spange.access.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * The first users. Outside the demo profile the first admin comes from configuration
 * ({@code SPANGE_ADMIN_USERNAME}, {@code SPANGE_ADMIN_PASSWORD}), never from a default password. In the demo
 * profile one user per role is created with the documented demo password.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class InitialUsers implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(InitialUsers.class);
	static final String DEMO_PASSWORD = "spange-demo";

	private final UserAccounts users;
	private final Environment env;
	private final String adminUsername;
	private final String adminPassword;

	InitialUsers(UserAccounts users, Environment env, @Value("${spange.admin.username:}") String adminUsername,
			@Value("${spange.admin.password:}") String adminPassword) {
		this.users = users;
		this.env = env;
		this.adminUsername = adminUsername;
		this.adminPassword = adminPassword;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!adminUsername.isBlank()) {
			if (adminPassword.length() < 12) {
				throw new IllegalStateException("spange.admin.password must have at least 12 characters");
			}
			if (users.idOf(adminUsername).isEmpty()) {
				users.create(adminUsername, "Administration", adminPassword, Set.of(Role.ADMIN));
				log.info("Created the configured admin user '{}'", adminUsername);
			}
		}
		if (env.acceptsProfiles(Profiles.of("demo"))) {
			for (var demo : List.of(
					new Demo("admin", "Demo-Administration", Role.ADMIN),
					new Demo("planung", "Demo-Sozialplanung", Role.PLANNER),
					new Demo("gemeinde", "Demo-Gemeinde", Role.MUNICIPALITY),
					new Demo("traeger", "Demo-Träger", Role.PROVIDER),
					new Demo("beratung", "Demo-Beratungsstelle", Role.COUNSELOR),
					new Demo("casemanagement", "Demo-Case-Management", Role.CASE_MANAGER))) {
				if (users.idOf(demo.username()).isEmpty()) {
					users.create(demo.username(), demo.displayName(), DEMO_PASSWORD, Set.of(demo.role()));
				}
			}
		}
		if (users.count() == 0) {
			log.warn("No user exists: set SPANGE_ADMIN_USERNAME and SPANGE_ADMIN_PASSWORD to create the first admin");
		}
	}

	private record Demo(String username, String displayName, Role role) {
	}
}
