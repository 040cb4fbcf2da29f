/**
 * Supply and demand: accessibility of offers from where people live (distance and travel time to the nearest
 * supply point, share of the population within a threshold, two-step floating catchment area ratios). Other
 * modules use {@link org.spange.needs.Accessibility} and {@link org.spange.needs.RoadRouting}; population grids come
 * in through {@link org.spange.needs.PopulationGrids} and are kept by {@link org.spange.needs.AccessibilityRuns}.
 * The accessibility page ({@code /needs/accessibility}) runs a computation as a background job of the kind
 * {@code needs.accessibility} (see {@code org.spange.platform.jobs}) and stores its result once per set of inputs.
 */
package org.spange.needs;
