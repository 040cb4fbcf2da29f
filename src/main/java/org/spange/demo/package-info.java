/**
 * The demo regions: real open boundary data shipped with Spange, loaded at start in the {@code demo} profile.
 */
package org.spange.demo;
