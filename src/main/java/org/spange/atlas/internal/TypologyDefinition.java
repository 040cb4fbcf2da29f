package org.spange.atlas.internal;

import java.util.List;

import org.spange.atlas.Typology.Method;

/** A typology of social spaces as planners define it: which indicators, which areas, how to cluster. */
public record TypologyDefinition(String key, String nameDe, String nameEn, String schemeKey, String levelKey,
		List<String> indicatorKeys, Method method, int minTypes, int maxTypes, long seed) {

	public TypologyDefinition {
		indicatorKeys = List.copyOf(indicatorKeys);
		method = method == null ? Method.K_MEANS : method;
	}

	public String name(java.util.Locale locale) {
		return "en".equals(locale.getLanguage()) ? nameEn : nameDe;
	}
}
