package org.spange.access;

/** The roles of Spange's users; anonymous visitors see only published pages and have none. */
public enum Role {
	ADMIN, PLANNER, MUNICIPALITY, PROVIDER, COUNSELOR, CASE_MANAGER;

	/** The authority name Spring Security checks, e.g. {@code ROLE_PLANNER}. */
	public String authority() {
		return "ROLE_" + name();
	}
}
