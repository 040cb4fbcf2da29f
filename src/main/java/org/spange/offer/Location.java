package org.spange.offer;

/**
 * A Standort (HSDS location with its address and accessibility). {@code areaId} is the Gemeinde containing the point,
 * assigned on save; a confidential location (e.g. a women's shelter) is shown to the public only by its Gemeinde.
 * {@code stepFree} is null where nobody said.
 */
public record Location(Long id, Long organizationId, String name, String address1, String postalCode, String city,
		String country, Double latitude, Double longitude, Boolean confidential, Long areaId, Boolean stepFree,
		String accessibility) {

	/** A location nothing is known about its accessibility. */
	public Location(Long id, Long organizationId, String name, String address1, String postalCode, String city,
			String country, Double latitude, Double longitude, Boolean confidential, Long areaId) {
		this(id, organizationId, name, address1, postalCode, city, country, latitude, longitude, confidential, areaId,
				null, null);
	}

	public boolean confidentialOrFalse() {
		return Boolean.TRUE.equals(confidential);
	}

	/** The same location without its point and street: what the public sees of a confidential one. */
	public Location withoutPoint() {
		return new Location(id, organizationId, name, null, postalCode, city, country, null, null, confidential,
				areaId, stepFree, accessibility);
	}
}
