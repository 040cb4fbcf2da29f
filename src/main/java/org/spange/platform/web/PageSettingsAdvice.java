package org.spange.platform.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Settings every page needs: the base map tiles (empty: no base map, e.g. where no tile server is allowed). */
@ControllerAdvice
class PageSettingsAdvice {

	private final String tileUrl;
	private final String tileAttribution;

	PageSettingsAdvice(@Value("${spange.map.tile-url:}") String tileUrl,
			@Value("${spange.map.tile-attribution:\u00a9 OpenStreetMap contributors}") String tileAttribution) {
		this.tileUrl = tileUrl;
		this.tileAttribution = tileAttribution;
	}

	@ModelAttribute
	void settings(Model model) {
		model.addAttribute("tileUrl", tileUrl);
		model.addAttribute("tileAttribution", tileAttribution);
	}
}
