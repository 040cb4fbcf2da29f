package org.spange.offer;

import java.util.List;

/** One page of a list, pages counted from 0. */
public record OfferPage<T>(List<T> items, int page, int size, long total) {
}
