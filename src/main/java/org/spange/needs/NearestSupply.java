package org.spange.needs;

/**
 * For every queried point (same order as the input), the great-circle distance in metres to the nearest supply
 * point and that point's index in the supply list; {@code NaN} and -1 if there is no supply point.
 */
public record NearestSupply(double[] metres, int[] index) {
}
