package org.spange.network.web;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.spange.area.AreaQueries;
import org.spange.area.AreaScheme;
import org.spange.area.AreaSummary;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * The areas a person, network or responsibility can be about: every level of every scheme, coarsest first, each
 * labelled with its level ("Bludenz (Bezirk)", "Bludenz (Gemeinde)") so that equal names stay apart.
 */
final class AreaChoices {

	private AreaChoices() {
	}

	static Map<Long, String> of(AreaQueries areas) {
		Map<Long, String> choices = new LinkedHashMap<>();
		Map<Long, String> names = new HashMap<>();
		Locale locale = LocaleContextHolder.getLocale();
		for (AreaScheme scheme : areas.schemes()) {
			for (var level : areas.levelsOf(scheme.key())) {
				for (AreaSummary a : areas.areas(scheme.key(), level.key())) {
					if (names.putIfAbsent(a.id().value(), a.name()) == null) {
						choices.put(a.id().value(), a.name() + " (" + level.name(locale) + ")");
					}
				}
			}
		}
		return choices;
	}
}
