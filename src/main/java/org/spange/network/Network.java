package org.spange.network;

import java.util.List;

/** A network such as a Sozialraumkonferenz or Netzwerk Frühe Hilfen: what it is for and where it works. */
public record Network(Long id, String name, String purpose, List<Long> areaIds) {

	public Network {
		areaIds = areaIds == null ? List.of() : List.copyOf(areaIds);
	}
}
