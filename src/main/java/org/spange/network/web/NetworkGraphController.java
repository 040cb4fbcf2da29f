package org.spange.network.web;

import static org.spange.platform.web.FormValues.blankFormUnlessShownAgain;
import static org.spange.platform.web.FormValues.date;
import static org.spange.platform.web.FormValues.id;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;

import org.spange.area.AreaQueries;
import org.spange.network.ContinuityPeriod;
import org.spange.network.Cooperation;
import org.spange.network.InvalidNetworkInputException;
import org.spange.network.Network;
import org.spange.network.NetworkGraph;
import org.spange.network.NetworkGraphs;
import org.spange.network.Networks;
import org.spange.network.Viewer;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The network graph of organisations (logged-in users; no persons, only organisations and counts), the co-operations
 * between organisations (read: logged in; record: planners) and the continuity of a network's membership.
 */
@Controller
class NetworkGraphController {

	private static final tools.jackson.databind.ObjectMapper JSON = new tools.jackson.databind.ObjectMapper();

	private final NetworkGraphs graphs;
	private final Networks networks;
	private final AreaQueries areas;

	NetworkGraphController(NetworkGraphs graphs, Networks networks, AreaQueries areas) {
		this.graphs = graphs;
		this.networks = networks;
		this.areas = areas;
	}

	private static Viewer viewer() {
		return Viewer.of(SecurityContextHolder.getContext().getAuthentication());
	}

	@GetMapping("/networks/graph")
	String graph(@RequestParam(required = false) String day, @RequestParam(required = false) String network,
			@RequestParam(required = false) String area, Model model) {
		Locale locale = LocaleContextHolder.getLocale();
		Map<String, String> problems = new LinkedHashMap<>();
		LocalDate d = date(day, "day", problems);
		Long networkId = id(network, "network", problems);
		Long areaId = id(area, "area", problems);
		Map<Long, String> areaNames = areas.choices(locale);
		List<Network> all = networks.networks();
		if (networkId != null && all.stream().noneMatch(n -> n.id().equals(networkId))) {
			problems.put("network", "network.check.network");
		}
		if (areaId != null && !areaNames.containsKey(areaId)) {
			problems.put("area", "network.check.area");
		}
		LocalDate shown = d == null ? LocalDate.now(java.time.ZoneId.of("Europe/Vienna")) : d;
		NetworkGraph graph = problems.isEmpty() ? graphs.graph(shown, networkId, areaId)
				: new NetworkGraph(shown, List.of(), List.of());
		Map<Long, String> names = new LinkedHashMap<>();
		graph.nodes().forEach(n -> names.put(n.organizationId(), n.name()));
		model.addAttribute("graph", graph);
		model.addAttribute("names", names);
		model.addAttribute("graphJson", json(graph, locale));
		model.addAttribute("problems", problems);
		model.addAttribute("day", d == null ? shown.toString() : day);
		model.addAttribute("network", network);
		model.addAttribute("area", area);
		model.addAttribute("networks", all);
		model.addAttribute("areaNames", areaNames);
		model.addAttribute("selectedNetwork", networkId == null ? null
				: all.stream().filter(n -> n.id().equals(networkId)).findFirst().orElse(null));
		return "network/graph";
	}

	/** The chart's data: nodes sized by betweenness, edges by weight; the table beside it carries the same. */
	private static String json(NetworkGraph graph, Locale locale) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("locale", locale.getLanguage());
		List<Map<String, Object>> nodes = new ArrayList<>();
		for (NetworkGraph.Node n : graph.nodes()) {
			Map<String, Object> node = new LinkedHashMap<>();
			node.put("id", Long.toString(n.organizationId()));
			node.put("name", n.name());
			node.put("degree", n.degree());
			node.put("betweenness", n.betweenness());
			node.put("offer", n.inOfferDirectory());
			nodes.add(node);
		}
		List<Map<String, Object>> edges = new ArrayList<>();
		for (NetworkGraph.Edge e : graph.edges()) {
			Map<String, Object> edge = new LinkedHashMap<>();
			edge.put("source", Long.toString(e.a()));
			edge.put("target", Long.toString(e.b()));
			edge.put("weight", e.weight());
			edge.put("networks", e.sharedNetworks());
			edge.put("cooperations", e.cooperations());
			edges.add(edge);
		}
		data.put("nodes", nodes);
		data.put("edges", edges);
		return JSON.writeValueAsString(data);
	}

	@GetMapping("/networks/cooperations")
	String cooperations(Model model) {
		model.addAttribute("cooperations", graphs.cooperations());
		model.addAttribute("organizations", networks.organizations());
		model.addAttribute("mayWrite", viewer().planner());
		model.addAttribute("today", LocalDate.now(java.time.ZoneId.of("Europe/Vienna")));
		blankFormUnlessShownAgain(model);
		return "network/cooperations";
	}

	@PostMapping("/networks/cooperations")
	String recordCooperation(@RequestParam Map<String, String> form, Model model, HttpServletResponse response) {
		if (!viewer().planner()) {
			throw new SecurityException("planners only");
		}
		Map<String, String> problems = new LinkedHashMap<>();
		Long a = id(form.get("organizationA"), "organizationA", problems);
		Long b = id(form.get("organizationB"), "organizationB", problems);
		LocalDate from = date(form.get("since"), "since", problems);
		LocalDate to = date(form.get("until"), "until", problems);
		try {
			Cooperation c = new Cooperation(null, a, b, form.get("topic"), from, to, null, null);
			if (!problems.isEmpty()) {
				// a date that is no date: report it with what else is missing, write nothing
				if (a == null) {
					problems.putIfAbsent("organizationA", "coop.check.organization");
				}
				if (b == null) {
					problems.putIfAbsent("organizationB", "coop.check.organization");
				}
				if (form.get("topic") == null || form.get("topic").isBlank()) {
					problems.putIfAbsent("topic", "network.check.topic");
				}
				throw new InvalidNetworkInputException(problems);
			}
			graphs.recordCooperation(c);
			return "redirect:/networks/cooperations";
		} catch (InvalidNetworkInputException e) {
			Map<String, String> all = new LinkedHashMap<>(problems);
			e.problems().forEach((k, v) -> all.putIfAbsent(k.equals("from") ? "since" : k.equals("to") ? "until" : k, v));
			model.addAttribute("problems", all);
			model.addAttribute("form", form);
			response.setStatus(422);
			return cooperations(model);
		}
	}

	@GetMapping("/networks/{id}/continuity")
	String continuity(@PathVariable long id, @RequestParam(required = false) String by, Model model) {
		Network network = networks.network(id).orElseThrow(() -> new NoSuchElementException("network " + id));
		ContinuityPeriod.Granularity granularity = "QUARTER".equals(by) ? ContinuityPeriod.Granularity.QUARTER
				: ContinuityPeriod.Granularity.YEAR;
		List<ContinuityPeriod> periods = graphs.continuity(id, granularity);
		model.addAttribute("network", network);
		model.addAttribute("periods", periods);
		model.addAttribute("by", granularity.name());
		Map<String, Object> chart = new LinkedHashMap<>();
		chart.put("locale", LocaleContextHolder.getLocale().getLanguage());
		chart.put("labels", periods.stream().map(ContinuityPeriod::label).toList());
		chart.put("active", periods.stream().map(ContinuityPeriod::active).toList());
		chart.put("joiners", periods.stream().map(ContinuityPeriod::joiners).toList());
		chart.put("leavers", periods.stream().map(ContinuityPeriod::leavers).toList());
		chart.put("retention", periods.stream()
			.map(p -> p.retention() == null ? null : Math.round(p.retention() * 1000) / 10.0).toList());
		model.addAttribute("chartJson", JSON.writeValueAsString(chart));
		return "network/continuity";
	}

	@ExceptionHandler(SecurityException.class)
	void forbidden(HttpServletResponse response) throws IOException {
		response.sendError(403);
	}

	@ExceptionHandler(NoSuchElementException.class)
	void notFound(HttpServletResponse response) throws IOException {
		response.sendError(404);
	}
}
