/**
 * The planning cycle: guidelines (Leitlinien) of a body, goals (Ziele) at every area level with indicator targets,
 * measures (Maßnahmen) with their status history and evaluations, and the progress roll-up. Other modules use
 * {@link org.spange.planning.Planning}.
 */
package org.spange.planning;
