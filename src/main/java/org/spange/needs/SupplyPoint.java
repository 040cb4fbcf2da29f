package org.spange.needs;

/**
 * A place where an offer is available: a location (Standort) of an offer, or an external point of infrastructure.
 *
 * @param id       identifier (e.g. the location's id or an OSM id)
 * @param lon      longitude
 * @param lat      latitude
 * @param capacity the supply S_j of the two-step floating catchment area (places, staff hours; 1 if unknown)
 * @param category what is offered (e.g. {@code kindergarten}); accessibility is always computed per category
 */
public record SupplyPoint(String id, double lon, double lat, double capacity, String category) {
}
