/**
 * The offer inventory (Angebotslandkarte): organisations (Träger), offers (Angebote) and locations (Standorte),
 * modelled after Open Referral HSDS 3.0. Other modules use {@link org.spange.offer.OfferCatalog}.
 */
package org.spange.offer;
