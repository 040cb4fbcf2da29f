package org.spange.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.spange.SpangeTest;
import org.spange.offer.OfferCatalog;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The fictitious demo inventory: big enough, spread over every Gemeinde and field, idempotent. */
@SpangeTest
class DemoOffersTest {

	@Autowired
	DemoOffers demo;

	@Autowired
	OfferCatalog catalog;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	private long count(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

	@Test
	void coversEveryGemeindeAndFieldAndIsLabelledFictitious() {
		assertThat(count("select count(*) from offer.organization where name like '%(fiktiv)'"))
			.isGreaterThanOrEqualTo(30);
		assertThat(count("select count(*) from offer.offer where name like '%(fiktiv)'")).isGreaterThanOrEqualTo(100);
		assertThat(count("""
				select count(distinct l.area_id) from offer.location l join offer.organization o
				on o.id = l.organization_id where o.name like '%(fiktiv)'""")).isEqualTo(96);
		assertThat(count("select count(distinct field_key) from offer.offer_field"))
			.isEqualTo(catalog.fieldsOfAction().size());
		assertThat(count("select count(*) from offer.location where confidential and name like 'Frauenhaus%'"))
			.isEqualTo(1);
		assertThat(catalog.organizationsOf("traeger")).hasSize(1);
	}

	@Test
	void runningAgainChangesNothing() {
		long offers = count("select count(*) from offer.offer");
		long changes = count("select count(*) from offer.change_log");
		demo.run(new DefaultApplicationArguments());
		assertThat(count("select count(*) from offer.offer")).isEqualTo(offers);
		assertThat(count("select count(*) from offer.change_log")).isEqualTo(changes);
	}

	@Test
	void theShelterShowsOnlyItsGemeindeToThePublic() throws Exception {
		long shelter = count("select id from offer.location where confidential and name like 'Frauenhaus%'");
		mvc.perform(get("/api/v1/offers/locations/" + shelter).with(anonymous())).andExpect(status().isOk())
			.andExpect(jsonPath("$.latitude").doesNotExist()).andExpect(jsonPath("$.areaId").isNumber());
	}
}
