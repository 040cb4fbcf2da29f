package org.spange.needs;

/**
 * Accessibility of one cell for one category.
 *
 * @param cell          the cell
 * @param nearestId     id of the nearest supply point, or null if there is none
 * @param metres        great-circle distance to it in metres, or null
 * @param supplyRatio   the 2SFCA accessibility A_i (supply per person of the band within reach)
 */
public record CellAccess(PopulationCell cell, String nearestId, Double metres, double supplyRatio) {
}
