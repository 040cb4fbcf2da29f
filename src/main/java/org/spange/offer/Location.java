package org.spange.offer;


/**
 * A Standort (HSDS location with its address). {@code areaId} is the Gemeinde containing the point, assigned on save;
 * a confidential location (e.g. a women's shelter) is shown to the public only by its Gemeinde.
 */
public record Location(Long id, Long organizationId, String name, String address1, String postalCode, String city,
		String country, Double latitude, Double longitude, Boolean confidential, Long areaId) {

	public boolean confidentialOrFalse() {
		return Boolean.TRUE.equals(confidential);
	}

	/** The same location without its point and street: what the public sees of a confidential one. */
	public Location withoutPoint() {
		return new Location(id, organizationId, name, null, postalCode, city, country, null, null, confidential,
				areaId);
	}
}
