/**
 * Areas: levels, areas with codes, validity and geometry, schemes (Raumgliederungen), boundary and scheme
 * imports. Other modules use {@link org.spange.area.AreaQueries} and refer to areas by
 * {@link org.spange.area.AreaId}.
 */
package org.spange.area;
