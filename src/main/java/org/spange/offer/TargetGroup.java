package org.spange.offer;

/** A Zielgruppe from the fixed list (filterable; the offer's own words stay in its target group text). */
public record TargetGroup(String key, String nameDe, String nameEn) {
}
