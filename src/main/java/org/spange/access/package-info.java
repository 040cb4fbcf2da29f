/**
 * Users, roles, login, security rules and the audit log. Other modules see {@link org.spange.access.Role},
 * {@link org.spange.access.AuditLog} and {@link org.spange.access.UserScopes} (the areas a user works for).
 */
package org.spange.access;
