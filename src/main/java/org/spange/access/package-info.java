/**
 * Users, roles, login, security rules and the audit log. Other modules see {@link org.spange.access.Role}
 * and {@link org.spange.access.AuditLog}.
 */
package org.spange.access;
