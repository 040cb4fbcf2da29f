package org.spange.atlas;

import java.util.List;

import org.spange.atlas.SocialIndex.Component;
import org.spange.atlas.SocialIndex.Cutoffs;
import org.spange.atlas.SocialIndex.Standardisation;

/**
 * A social index as planners define it.
 *
 * @param populationKey   variable with the population that decides exclusion of small areas; null for none
 * @param minPopulation   areas below are left out (default 300)
 * @param dynamicsPeriods the dynamics index compares with the period so many periods earlier (default 1)
 */
public record IndexDefinition(String key, String nameDe, String nameEn, String schemeKey, String levelKey,
		String populationKey, Double minPopulation, Standardisation method, Integer dynamicsPeriods, Cutoffs cutoffs,
		List<Component> components) {

	public IndexDefinition {
		components = components == null ? List.of() : List.copyOf(components);
		minPopulation = minPopulation == null ? 300 : minPopulation;
		dynamicsPeriods = dynamicsPeriods == null ? 1 : dynamicsPeriods;
		method = method == null ? Standardisation.Z_SCORE : method;
		cutoffs = cutoffs == null ? Cutoffs.DEFAULT : cutoffs;
	}

	public String name(java.util.Locale locale) {
		return "en".equals(locale.getLanguage()) ? nameEn : nameDe;
	}
}
