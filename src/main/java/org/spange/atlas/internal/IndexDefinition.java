package org.spange.atlas.internal;

import java.util.List;

import org.spange.atlas.SocialIndex.Component;
import org.spange.atlas.SocialIndex.Cutoffs;
import org.spange.atlas.SocialIndex.Standardisation;

/**
 * A social index as planners define it.
 *
 * @param populationKey   variable with the population that decides exclusion of small areas; null for none
 * @param minPopulation   areas below are left out (default 300)
 * @param dynamicsPeriods the dynamics index compares with the period so many periods earlier
 */
public record IndexDefinition(String key, String nameDe, String nameEn, String schemeKey, String levelKey,
		String populationKey, double minPopulation, Standardisation method, int dynamicsPeriods, Cutoffs cutoffs,
		List<Component> components) {

	public IndexDefinition {
		components = List.copyOf(components);
		method = method == null ? Standardisation.Z_SCORE : method;
		cutoffs = cutoffs == null ? Cutoffs.DEFAULT : cutoffs;
	}

	public String name(java.util.Locale locale) {
		return "en".equals(locale.getLanguage()) ? nameEn : nameDe;
	}
}
