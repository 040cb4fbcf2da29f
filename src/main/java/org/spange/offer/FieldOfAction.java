package org.spange.offer;

/** A Handlungsfeld from the fixed list (HSDS taxonomy_term). */
public record FieldOfAction(String key, String nameDe, String nameEn) {
}
