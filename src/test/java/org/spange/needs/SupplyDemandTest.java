package org.spange.needs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.spange.SpangeTest;
import org.spange.area.AreaDetail;
import org.spange.area.AreaId;
import org.spange.area.AreaQueries;
import org.spange.area.AreaSummary;
import org.spange.offer.Location;
import org.spange.offer.Offer;
import org.spange.offer.OfferCatalog;
import org.spange.offer.Organization;
import org.spange.offer.ProviderType;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Supply and demand on the real inventory: this test's own offers change the report by exactly what they add
 * (compared before and after, as the shared database holds other offers), bad categories are refused whole, and the
 * page is for planners, not providers.
 */
@SpangeTest
class SupplyDemandTest {

	static final String SCHEME = "vorarlberg-bezirke";

	@Autowired
	SupplyDemand supply;

	@Autowired
	OfferCatalog catalog;

	@Autowired
	AreaQueries areas;

	@Autowired
	MockMvc mvc;

	private static String unique(String prefix) {
		return prefix + "-" + Long.toString(System.nanoTime(), 36);
	}

	private SupplyCategory category(String key) {
		return supply.save(new SupplyCategory(null, key, "SupplyDemandTest " + key, "bildung", null, null, null,
				"pop_total", new BigDecimal("2.5"), "Testannahme"), "planung");
	}

	private AreaSupply row(SupplyReport report, AreaId area) {
		return report.areas().stream().filter(a -> a.area().equals(area)).findFirst().orElseThrow();
	}

	@Test
	void ownOffersAddTheirPlacesOncePerAreaAndOnceInTheBezirk() {
		SupplyCategory c = category(unique("sdt"));
		List<AreaSummary> gemeinden = areas.areas(SCHEME, "gemeinde");
		AreaSummary a = gemeinden.stream().filter(g -> g.name().equals("Bludenz")).findFirst().orElseThrow();
		AreaSummary b = gemeinden.stream().filter(g -> g.name().equals("Bürs")).findFirst().orElseThrow();
		assertThat(b.parentId()).isEqualTo(a.parentId());
		String bezirkLevel = "bezirk";

		SupplyReport gemeindenBefore = supply.report(c.key(), null, SCHEME, "gemeinde");
		SupplyReport bezirkeBefore = supply.report(c.key(), null, SCHEME, bezirkLevel);

		long org = catalog.createOrganization(new Organization(null, unique("SupplyDemandTest Träger"), null, null,
				null, ProviderType.FREE_PROVIDER, null)).id();
		long inA = location(org, a);
		long inB = location(org, b);
		offer(org, "Lernhilfe A", 10, List.of(inA), List.of());
		// located in A and serving A and B: counts once in A
		offer(org, "Lernhilfe A und B", 6, List.of(inA), List.of(a.id().value(), b.id().value()));
		offer(org, "Lernhilfe ohne Plätze", null, List.of(inB), List.of());

		SupplyReport gemeindenAfter = supply.report(c.key(), null, SCHEME, "gemeinde");
		SupplyReport bezirkeAfter = supply.report(c.key(), null, SCHEME, bezirkLevel);
		AreaSupply a0 = row(gemeindenBefore, a.id());
		AreaSupply a1 = row(gemeindenAfter, a.id());
		AreaSupply b0 = row(gemeindenBefore, b.id());
		AreaSupply b1 = row(gemeindenAfter, b.id());
		assertThat(a1.offers() - a0.offers()).isEqualTo(2);
		assertThat(a1.places() - a0.places()).isEqualTo(16);
		assertThat(a1.offersWithoutPlaces() - a0.offersWithoutPlaces()).isZero();
		assertThat(b1.offers() - b0.offers()).isEqualTo(2);
		assertThat(b1.places() - b0.places()).isEqualTo(6);
		assertThat(b1.offersWithoutPlaces() - b0.offersWithoutPlaces()).isEqualTo(1);
		// the Bezirk: three offers, 16 places, not 22
		AreaSupply x0 = row(bezirkeBefore, a.parentId());
		AreaSupply x1 = row(bezirkeAfter, a.parentId());
		assertThat(x1.offers() - x0.offers()).isEqualTo(3);
		assertThat(x1.places() - x0.places()).isEqualTo(16);
		// ratios of sums against the demo population of the period shown
		assertThat(gemeindenAfter.period()).isNotNull();
		assertThat(a1.demand()).isPositive();
		assertThat(a1.placesPer1000()).isEqualTo(a1.places() * 1000.0 / a1.demand());
		assertThat(a1.targetPlaces()).isEqualTo(a1.demand() * 2.5 / 1000);
		assertThat(a1.shortfall()).isEqualTo(Math.max(0, a1.targetPlaces() - a1.places()));
	}

	private long location(long org, AreaSummary gemeinde) {
		double[] c = areas.area(gemeinde.id()).map(AreaDetail::centroid).orElseThrow();
		Location l = catalog.createLocation(new Location(null, org, "SupplyDemandTest " + gemeinde.name(),
				"Teststraße 1", null, gemeinde.name(), "AT", c[1], c[0], false, null));
		assertThat(l.areaId()).isEqualTo(gemeinde.id().value());
		return l.id();
	}

	private void offer(long org, String name, Integer places, List<Long> locations, List<Long> serves) {
		catalog.createOffer(new Offer(null, org, "SupplyDemandTest " + name, "Test", Offer.Status.ACTIVE, null, null,
				true, null, null, null, places, null, LocalDate.of(2026, 6, 1), List.of("bildung"), null,
				List.of("kinder"), 6, 18, null, Offer.Approach.PREVENTIVE, Offer.Form.GROUP, Offer.Setting.OPEN,
				List.of("de"), locations, serves, List.of(), List.of()));
	}

	@Test
	void aBadCategoryIsRefusedWholeWithEveryProblemByField() {
		String key = unique("bad");
		SupplyCategory bad = new SupplyCategory(null, key, " ", null, null, 30, 10, "no_such_variable",
				new BigDecimal("-1"), "");
		assertThatThrownBy(() -> supply.save(bad, "planung")).isInstanceOfSatisfying(
				InvalidSupplyCategoryException.class,
				e -> assertThat(e.problems()).extracting(InvalidSupplyCategoryException.Problem::field)
					.containsExactlyInAnyOrder("name", "fieldOfAction", "maxAge", "demandKey", "targetPer1000",
							"targetSource"));
		assertThat(supply.category(key)).isEmpty();
	}

	@Test
	void theFormShowsEveryProblemLinkedToItsFieldAndWritesNothing() throws Exception {
		String key = unique("form");
		MvcResult result = mvc.perform(post("/needs/categories").with(user("planung").roles("PLANNER")).with(csrf())
			.param("key", key).param("name", "Formtest").param("fieldOfAction", "bildung").param("minAge", "sechs")
			.param("demandKey", "pop_total").param("targetPer1000", "zwölf").param("targetSource", ""))
			.andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		String html = result.getResponse().getContentAsString();
		assertThat(html).contains("href=\"#c-minAge\"", "href=\"#c-targetPer1000\"", "href=\"#c-targetSource\"")
			.doesNotContain("href=\"#c-name\"").contains("aria-invalid=\"true\"").contains("value=\"sechs\"");
		assertThat(supply.category(key)).isEmpty();

		// the same form, corrected, with a German decimal
		MvcResult saved = mvc.perform(post("/needs/categories").with(user("planung").roles("PLANNER")).with(csrf())
			.param("key", key).param("name", "Formtest").param("fieldOfAction", "bildung").param("minAge", "6")
			.param("maxAge", "18").param("demandKey", "pop_total").param("targetPer1000", "12,5")
			.param("targetSource", "Testannahme")).andReturn();
		assertThat(saved.getResponse().getStatus()).isEqualTo(302);
		assertThat(supply.category(key)).get().extracting(SupplyCategory::targetPer1000)
			.isEqualTo(new BigDecimal("12.50"));
	}

	@Test
	void thePageRendersForAPlannerAndIsForbiddenForAProvider() throws Exception {
		SupplyCategory c = category(unique("page"));
		MvcResult page = mvc.perform(get("/needs").param("category", c.key()).param("scheme", SCHEME)
			.param("level", "gemeinde").with(user("planung").roles("PLANNER"))).andReturn();
		assertThat(page.getResponse().getStatus()).isEqualTo(200);
		String html = page.getResponse().getContentAsString();
		assertThat(html).contains(c.name(), "data-area-map", "data-area-id=", "<th scope=\"col\"", "Bludenz",
				"Prävention vor Intervention", "Gruppenangebote vor Einzelfallhilfe", "id=\"c-targetPer1000\"",
				"Handlungsfeld Bildung");
		int forbidden = mvc.perform(get("/needs").with(user("traeger").roles("PROVIDER"))).andReturn().getResponse()
			.getStatus();
		assertThat(forbidden).isEqualTo(403);
		int municipality = mvc.perform(get("/needs").with(user("gemeinde").roles("MUNICIPALITY"))).andReturn()
			.getResponse().getStatus();
		assertThat(municipality).isEqualTo(200);
		int write = mvc.perform(post("/needs/categories").with(user("gemeinde").roles("MUNICIPALITY")).with(csrf()))
			.andReturn().getResponse().getStatus();
		assertThat(write).isEqualTo(403);
	}
}
