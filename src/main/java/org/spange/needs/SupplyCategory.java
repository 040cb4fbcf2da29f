package org.spange.needs;

import java.math.BigDecimal;

/**
 * A Versorgungskategorie: which offers count as supply (active offers with this field of action and/or target group
 * whose age range meets the optional age band), which population they serve ({@code demandKey}: a variable or
 * indicator of the indicator engine) and the normative target in places per 1,000 of that population, with its
 * source. {@code id} is null for a new one.
 */
public record SupplyCategory(Long id, String key, String name, String fieldOfAction, String targetGroup,
		Integer minAge, Integer maxAge, String demandKey, BigDecimal targetPer1000, String targetSource) {

	/** An empty category: what a new form starts with. */
	public static SupplyCategory empty() {
		return new SupplyCategory(null, null, null, null, null, null, null, null, null, null);
	}
}
