package org.spange.atlas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.spange.atlas.AtlasTestData.PERIOD;
import static org.spange.atlas.AtlasTestData.REGIONS;
import static org.spange.atlas.AtlasTestData.SCHEME;
import static org.spange.atlas.AtlasTestData.SMALL;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.spange.SpangeTest;
import org.spange.area.AreaId;
import org.spange.area.AreaQueries;
import org.spange.indicator.IndicatorCatalog;
import org.spange.indicator.ObservationImports;
import org.spange.indicator.Period;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The recomputation attack over HTTP, as an anonymous visitor: fetch a count variable with small cells at every level
 * of both Vorarlberg schemes (Land › Bezirke › Gemeinden, and Land › planning regions › the same Gemeinden), then try
 * to work out the withheld Gemeinden from the published totals: first "Bezirk total minus the published siblings" again
 * and again with everything learnt, then the full linear system of every sum of both schemes. Nothing withheld may be
 * learnt.
 */
@SpangeTest
class AtlasRecomputationAttackTest {

	static final int THRESHOLD = 5;

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	@Autowired
	IndicatorCatalog catalog;

	@Autowired
	ObservationImports imports;

	@Autowired
	AreaQueries areas;

	@Autowired
	AtlasMaps atlas;

	@BeforeEach
	void data() {
		AtlasTestData.ensure(catalog, imports, areas);
	}

	/** What the attacker sees of one scheme: values by area, withheld areas, and the groups parent → children. */
	record View(Map<Long, Long> published, Set<Long> withheld, Set<Long> missing, Map<Long, List<Long>> groups) {
	}

	@Test
	void noWithheldGemeindeCanBeWorkedOutFromTheBezirkTotalsOrThePlanningRegions() throws Exception {
		View bezirke = view(anonymous(), SCHEME);
		View regions = view(anonymous(), REGIONS);
		Map<Long, Long> truth = new HashMap<>(view(user("planung").roles("PLANNER"), SCHEME).published());
		truth.putAll(view(user("planung").roles("PLANNER"), REGIONS).published());

		// the test data has something to protect
		long small = bezirke.withheld().stream().filter(id -> truth.get(id) > 0 && truth.get(id) < THRESHOLD).count();
		assertThat(small).as("primary cells").isGreaterThan(10);
		assertThat(bezirke.withheld().size()).as("withheld incl. secondary").isGreaterThan((int) small);
		// … but not everything: the Land, the Bezirke and most Gemeinden stay published
		long land = areas.byCode("land", "8").orElseThrow().id().value();
		assertThat(bezirke.published()).containsKey(land);
		assertThat(bezirke.withheld().size()).as("withheld of %d areas", 101).isLessThan(3 * (int) small);

		// one pattern: a Gemeinde withheld in one scheme is withheld in the other (and the Land in both or none)
		Set<Long> shared = new HashSet<>(bezirke.published().keySet());
		shared.addAll(bezirke.withheld());
		Set<Long> inRegions = new HashSet<>(regions.published().keySet());
		inRegions.addAll(regions.withheld());
		shared.retainAll(inRegions);
		assertThat(shared).hasSizeGreaterThan(96);
		for (long id : shared) {
			assertThat(bezirke.withheld().contains(id)).as("area %d in both schemes", id)
				.isEqualTo(regions.withheld().contains(id));
		}

		// the group rule in each scheme: a published total never has exactly one withheld part, nor a tiny sum of them
		for (View v : List.of(bezirke, regions)) {
			v.groups().forEach((parent, children) -> {
				List<Long> hidden = children.stream().filter(v.withheld()::contains).toList();
				if (v.published().containsKey(parent) && !hidden.isEmpty()) {
					assertThat(hidden).as("withheld parts of published %d", parent).hasSizeGreaterThan(1);
					assertThat(hidden.stream().mapToLong(truth::get).sum()).as("their sum").isGreaterThanOrEqualTo(
							THRESHOLD);
				}
			});
		}

		// attack 1: a sum with one unknown gives it away — parent minus published children, or the children's sum
		List<Map.Entry<Long, List<Long>>> equations = new ArrayList<>();
		for (View v : List.of(bezirke, regions)) {
			v.groups().forEach((parent, children) -> {
				boolean complete = !v.missing().contains(parent) && children.stream().noneMatch(v.missing()::contains);
				if (complete) {
					equations.add(Map.entry(parent, children));
				}
			});
		}
		assertThat(equations).as("Land › Bezirke, Bezirke › Gemeinden, Land › regions, regions › Gemeinden")
			.hasSizeGreaterThanOrEqualTo(1 + 4 + 1 + 5);
		Map<Long, Long> known = new HashMap<>(bezirke.published());
		known.putAll(regions.published());
		boolean learnt = true;
		while (learnt) {
			learnt = false;
			for (Map.Entry<Long, List<Long>> eq : equations) {
				List<Long> cells = new ArrayList<>(eq.getValue());
				cells.add(eq.getKey());
				List<Long> unknown = cells.stream().filter(c -> !known.containsKey(c)).toList();
				if (unknown.size() == 1) {
					long target = unknown.get(0);
					long others = eq.getValue().stream().filter(c -> c != target).mapToLong(known::get).sum();
					long value = target == eq.getKey() ? others : known.get(eq.getKey()) - others;
					assertThat(value).as("the attack works on true sums").isEqualTo(truth.get(target));
					known.put(target, value);
					learnt = true;
				}
			}
		}
		Set<Long> withheld = new HashSet<>(bezirke.withheld());
		withheld.addAll(regions.withheld());
		assertThat(withheld).as("withheld cells worked out by differences").noneMatch(known::containsKey);

		// attack 2: the whole linear system of both schemes fixes no withheld cell
		assertThat(determined(equations, withheld)).as("withheld cells fixed by all sums").isEmpty();

		// the same decision for anything else that shows single figures to the public (profiles, reports)
		assertThat(atlas.publicSuppressions(SMALL, Period.parse(PERIOD)).keySet().stream().map(AreaId::value)
			.toList()).containsExactlyInAnyOrderElementsOf(withheld);
	}

	private View view(RequestPostProcessor who, String scheme) throws Exception {
		JsonNode first = map(who, scheme, null);
		Map<Long, Long> published = new LinkedHashMap<>();
		Set<Long> withheld = new HashSet<>();
		Set<Long> missing = new HashSet<>();
		Map<Long, List<Long>> groups = new LinkedHashMap<>();
		for (JsonNode level : first.path("choices").path("levels")) {
			JsonNode map = map(who, scheme, level.path("key").asString());
			for (JsonNode a : map.path("areas")) {
				long id = a.path("id").asLong();
				switch (a.path("status").asString()) {
					case "suppressed" -> withheld.add(id);
					case "missing" -> missing.add(id);
					default -> published.put(id, Math.round(a.path("value").asDouble()));
				}
				if (!a.path("parentId").isNull()) {
					groups.computeIfAbsent(a.path("parentId").asLong(), k -> new ArrayList<>()).add(id);
				}
			}
		}
		return new View(published, withheld, missing, groups);
	}

	private JsonNode map(RequestPostProcessor who, String scheme, String level) throws Exception {
		var request = get("/api/v1/atlas/map").param("key", SMALL).param("period", PERIOD).param("scheme", scheme);
		if (level != null) {
			request.param("level", level);
		}
		MockHttpServletResponse response = mvc.perform(request.with(who)).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		return json.readTree(response.getContentAsString(StandardCharsets.UTF_8));
	}

	/** The withheld cells that the system of all sums fixes (reduced row echelon form over the unknowns). */
	private static List<Long> determined(List<Map.Entry<Long, List<Long>>> equations, Set<Long> withheld) {
		List<Long> unknowns = new ArrayList<>(withheld);
		Map<Long, Integer> column = new HashMap<>();
		for (int i = 0; i < unknowns.size(); i++) {
			column.put(unknowns.get(i), i);
		}
		int m = unknowns.size();
		List<double[]> rows = new ArrayList<>();
		for (Map.Entry<Long, List<Long>> eq : equations) {
			double[] row = new double[m];
			if (column.containsKey(eq.getKey())) {
				row[column.get(eq.getKey())] += 1;
			}
			for (long child : eq.getValue()) {
				if (column.containsKey(child)) {
					row[column.get(child)] -= 1;
				}
			}
			rows.add(row);
		}
		return LinearAttack.determined(rows, unknowns.size()).stream().map(unknowns::get).toList();
	}
}
