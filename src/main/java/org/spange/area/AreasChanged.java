package org.spange.area;

/**
 * Published inside the transaction of every write that changed areas, their validity or schemes: whatever is
 * derived from the hierarchy (such as indicator roll-ups) is stale.
 *
 * @param dataVersion the new {@link AreaQueries#dataVersion() data version}
 */
public record AreasChanged(long dataVersion) {
}
