package org.spange.platform.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Data sources and licences: the attribution the open data requires. */
@Controller
class AboutController {

	@GetMapping("/about")
	String about() {
		return "about";
	}
}
