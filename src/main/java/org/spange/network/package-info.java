/**
 * Actors and networks: organisations (linked to the offer inventory's Träger where they are the same), persons with
 * their contact channels and recorded consent, networks with memberships and fixed tasks, and the responsibility map.
 * Persons' contact data is personal data: {@link org.spange.network.Networks} shows it only to planners, admins and
 * members of a network the person belongs to. Other modules use {@link org.spange.network.Networks}.
 */
package org.spange.network;
