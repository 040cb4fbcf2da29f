package org.spange.area;

import java.util.List;

/**
 * Every currently valid area in every scheme with its parent there: what indicators roll up along.
 *
 * @param version the {@link AreaQueries#dataVersion() data version} it was read at
 * @param members one entry per area and scheme, ordered by scheme and area
 */
public record AreaHierarchy(long version, List<Member> members) {

	public AreaHierarchy {
		members = List.copyOf(members);
	}

	/**
	 * An area's place in one scheme.
	 *
	 * @param parent null for a root of the scheme
	 */
	public record Member(String schemeKey, AreaId area, String levelKey, AreaId parent) {
	}
}
