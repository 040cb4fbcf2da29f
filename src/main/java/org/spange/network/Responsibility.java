package org.spange.network;

/**
 * Who is responsible for what topic in which area: a person or an organisation (at least one), the topic in words
 * and optionally a field of action of the offer inventory.
 */
public record Responsibility(Long id, Long personId, Long organizationId, String topic, String fieldOfAction,
		Long areaId) {

	/**
	 * A search result: the responsibility, who it is in words, and the person as the viewer may see them (null for
	 * an organisation, or when the viewer may not see persons at all).
	 */
	public record Hit(Responsibility responsibility, String who, String organization, PersonView person) {
	}
}
