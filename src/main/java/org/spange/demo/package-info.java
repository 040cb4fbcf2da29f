/**
 * The demo regions: real open boundary data shipped with Spange, loaded at start in the {@code demo} profile, and
 * their statistics (real population, Zensus 2022 and INKAR figures, and clearly flagged synthetic social counts)
 * with topics and indicators, loaded through the public faces of the area and indicator modules.
 */
package org.spange.demo;
