package org.spange.atlas;

import java.util.List;

import org.spange.atlas.Typology.Method;

/**
 * A typology of social spaces as planners define it: which indicators, which areas, how to cluster.
 *
 * @param minTypes fewest types to try (default 2)
 * @param maxTypes most types to try (default 8)
 * @param seed     start of the random numbers of k-means, so that the same data gives the same types (default 1)
 */
public record TypologyDefinition(String key, String nameDe, String nameEn, String schemeKey, String levelKey,
		List<String> indicatorKeys, Method method, Integer minTypes, Integer maxTypes, Long seed) {

	public TypologyDefinition {
		indicatorKeys = indicatorKeys == null ? List.of() : List.copyOf(indicatorKeys);
		minTypes = minTypes == null ? 2 : minTypes;
		maxTypes = maxTypes == null ? 8 : maxTypes;
		seed = seed == null ? 1L : seed;
		method = method == null ? Method.K_MEANS : method;
	}

	public String name(java.util.Locale locale) {
		return "en".equals(locale.getLanguage()) ? nameEn : nameDe;
	}
}
