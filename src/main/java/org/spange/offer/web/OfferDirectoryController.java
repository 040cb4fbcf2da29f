package org.spange.offer.web;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.spange.access.Role;
import org.spange.area.AreaHierarchy;
import org.spange.area.AreaQueries;
import org.spange.area.AreaSummary;
import org.spange.offer.Offer;
import org.spange.offer.OfferCatalog;
import org.spange.offer.OfferPage;
import org.spange.offer.OfferQuery;
import org.spange.offer.OfferSearch;
import org.spange.offer.OfferSearch.CountBy;
import org.spange.offer.OfferSearch.OfferMarker;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The public offer directory: search with filters, a map of the results with the same results as a table beside it,
 * detail pages and print views. Planners and admins also see inactive offers and internal fields. A confidential
 * location never appears as a point or street here unless the caller maintains it; only its Gemeinde is named.
 */
@Controller
@RequestMapping("/offers")
class OfferDirectoryController {

	/** The region's local time ("open now", dates shown); Austria and Germany share this zone. */
	static final ZoneId REGION_TIME = ZoneId.of("Europe/Vienna");
	static final int PAGE_SIZE = 20;
	/** A printed list is for handing out, not for the whole inventory. */
	static final int PRINT_LIMIT = 200;

	private final OfferCatalog catalog;
	private final OfferSearch search;
	private final AreaQueries areas;
	private final OfferViews views;

	OfferDirectoryController(OfferCatalog catalog, OfferSearch search, AreaQueries areas, OfferViews views) {
		this.catalog = catalog;
		this.search = search;
		this.areas = areas;
		this.views = views;
	}

	static boolean seesAll(HttpServletRequest request) {
		return request.isUserInRole(Role.PLANNER.name()) || request.isUserInRole(Role.ADMIN.name());
	}

	private Set<Long> memberOf(HttpServletRequest request) {
		if (request.getUserPrincipal() == null || !request.isUserInRole(Role.PROVIDER.name())) {
			return Set.of();
		}
		return catalog.organizationsOf(request.getUserPrincipal().getName());
	}

	@GetMapping
	String directory(DirectoryFilter filter, HttpServletRequest request, Model model) {
		boolean internal = seesAll(request);
		DirectoryFilter.Parsed parsed = filter.parse(catalog, internal, LocalDateTime.now(REGION_TIME));
		model.addAttribute("filter", filter);
		model.addAttribute("problems", parsed.problems());
		model.addAttribute("internal", internal);
		model.addAttribute("canEdit", internal || request.isUserInRole(Role.PROVIDER.name()));
		model.addAttribute("query", queryWithoutPage(request));
		choices(model);
		if (parsed.problems().isEmpty()) {
			OfferPage<Offer> results = search.search(parsed.query(), filter.pageOrFirst(), PAGE_SIZE);
			model.addAttribute("results", results);
			model.addAttribute("rows", views.rows(results.items(), internal, memberOf(request)));
			model.addAttribute("pages", (results.total() + PAGE_SIZE - 1) / PAGE_SIZE);
			model.addAttribute("languages", languages(search.counts(parsed.query().withText(null), CountBy.LANGUAGE)));
		}
		return "offer/directory";
	}

	/** The results' markers for the map (the table beside it lists the same offers, a page at a time). */
	@GetMapping(path = "/markers", produces = "application/json")
	@ResponseBody
	List<Map<String, Object>> markers(DirectoryFilter filter, HttpServletRequest request) {
		boolean internal = seesAll(request);
		DirectoryFilter.Parsed parsed = filter.parse(catalog, internal, LocalDateTime.now(REGION_TIME));
		if (!parsed.problems().isEmpty()) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, String.join("; ", parsed.problems().values()));
		}
		List<Map<String, Object>> out = new ArrayList<>();
		for (OfferMarker m : search.markers(parsed.query(), internal)) {
			if (m.latitude() == null) {
				continue;
			}
			Map<String, Object> marker = new LinkedHashMap<>();
			marker.put("id", m.offerId());
			marker.put("name", m.offerName());
			marker.put("location", m.locationName());
			marker.put("city", m.city());
			marker.put("lat", m.latitude());
			marker.put("lon", m.longitude());
			out.add(marker);
		}
		return out;
	}

	@GetMapping("/print")
	String printList(DirectoryFilter filter, HttpServletRequest request, Model model) {
		boolean internal = seesAll(request);
		DirectoryFilter.Parsed parsed = filter.parse(catalog, internal, LocalDateTime.now(REGION_TIME));
		model.addAttribute("filter", filter);
		model.addAttribute("problems", parsed.problems());
		if (parsed.problems().isEmpty()) {
			OfferPage<Offer> results = search.search(parsed.query(), 0, PRINT_LIMIT);
			model.addAttribute("results", results);
			model.addAttribute("rows", views.rows(results.items(), internal, memberOf(request)));
		}
		model.addAttribute("query", queryWithoutPage(request));
		model.addAttribute("printedAt", LocalDateTime.now(REGION_TIME));
		return "offer/print-list";
	}

	@GetMapping("/{id:\\d+}")
	String detail(@PathVariable long id, HttpServletRequest request, Model model) {
		return detail(id, request, model, false);
	}

	@GetMapping("/{id:\\d+}/print")
	String print(@PathVariable long id, HttpServletRequest request, Model model) {
		return detail(id, request, model, true);
	}

	private String detail(long id, HttpServletRequest request, Model model, boolean print) {
		boolean internal = seesAll(request);
		Set<Long> own = memberOf(request);
		Offer offer = catalog.offer(id).orElse(null);
		if (offer == null || !offer.active() && !internal && !own.contains(offer.organizationId())) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No offer " + id);
		}
		boolean reveal = internal || own.contains(offer.organizationId());
		model.addAttribute("offer", offer);
		model.addAttribute("row", views.row(offer, reveal));
		model.addAttribute("organization", catalog.organization(offer.organizationId()).orElse(null));
		model.addAttribute("internal", internal);
		model.addAttribute("maintains", internal || own.contains(offer.organizationId()));
		model.addAttribute("serviceAreas", offer.serviceAreaIds().stream().map(views::areaName).toList());
		model.addAttribute("languageNames", OfferViews.languageNames(offer.languages()));
		model.addAttribute("changes", internal ? catalog.changes("offer", id) : List.of());
		model.addAttribute("zone", REGION_TIME);
		model.addAttribute("printedAt", LocalDateTime.now(REGION_TIME));
		return print ? "offer/print" : "offer/detail";
	}

	/** The search as a query string for the map's markers, the print view and the page links. */
	static String queryWithoutPage(HttpServletRequest request) {
		String query = request.getQueryString();
		if (query == null) {
			return "";
		}
		return String.join("&", java.util.Arrays.stream(query.split("&")).filter(p -> !p.startsWith("page="))
			.filter(p -> !p.startsWith("lang=")).toList());
	}

	// the choices of the filter form

	/** An area to filter by, with its level's name for grouping. */
	record AreaChoice(long id, String name, String level) {
	}

	private void choices(Model model) {
		model.addAttribute("fields", catalog.fieldsOfAction());
		model.addAttribute("groups", catalog.targetGroups());
		model.addAttribute("settings", Offer.Setting.values());
		model.addAttribute("areaChoices", areaChoices());
	}

	/**
	 * The areas worth filtering by: every Gemeinde with an offer's location and every area above it, grouped by level
	 * from the largest; areas without any offer would only give empty results.
	 */
	private List<AreaChoice> areaChoices() {
		Set<Long> wanted = new TreeSet<>();
		for (String id : search.counts(OfferQuery.ALL, CountBy.GEMEINDE).keySet()) {
			wanted.add(Long.parseLong(id));
		}
		AreaHierarchy hierarchy = areas.hierarchy();
		Map<Long, List<AreaHierarchy.Member>> byArea = new HashMap<>();
		for (AreaHierarchy.Member m : hierarchy.members()) {
			byArea.computeIfAbsent(m.area().value(), k -> new ArrayList<>()).add(m);
		}
		List<Long> todo = new ArrayList<>(wanted);
		while (!todo.isEmpty()) {
			long id = todo.remove(todo.size() - 1);
			for (AreaHierarchy.Member m : byArea.getOrDefault(id, List.of())) {
				if (m.parent() != null && wanted.add(m.parent().value())) {
					todo.add(m.parent().value());
				}
			}
		}
		Map<String, Integer> levelRank = new HashMap<>();
		Map<String, String> levelName = new HashMap<>();
		boolean en = "en".equals(LocaleContextHolder.getLocale().getLanguage());
		areas.levels().forEach(l -> {
			levelRank.put(l.key(), l.rank());
			levelName.put(l.key(), en ? l.nameEn() : l.nameDe());
		});
		List<AreaChoice> choices = new ArrayList<>();
		Set<String> pairs = new TreeSet<>();
		for (long id : wanted) {
			for (AreaHierarchy.Member m : byArea.getOrDefault(id, List.of())) {
				pairs.add(m.schemeKey() + "\u0000" + m.levelKey());
			}
		}
		Set<Long> added = new TreeSet<>();
		for (String pair : pairs) {
			String[] p = pair.split("\u0000");
			for (AreaSummary a : areas.areas(p[0], p[1])) {
				if (wanted.contains(a.id().value()) && added.add(a.id().value())) {
					choices.add(new AreaChoice(a.id().value(), a.name(), p[1]));
				}
			}
		}
		choices.sort(Comparator.comparing((AreaChoice c) -> levelRank.getOrDefault(c.level(), 99))
			.thenComparing(AreaChoice::name));
		return choices.stream().map(c -> new AreaChoice(c.id(), c.name(), levelName.getOrDefault(c.level(), c.level())))
			.toList();
	}

	/** Language codes with their name in the page's language, by how many offers have them. */
	private Map<String, String> languages(Map<String, Long> counts) {
		Locale page = LocaleContextHolder.getLocale();
		Map<String, String> out = new LinkedHashMap<>();
		counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
			.forEach(e -> out.put(e.getKey(), Locale.forLanguageTag(e.getKey()).getDisplayLanguage(page)));
		return out;
	}
}
