package org.spange.offer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.spange.SpangeTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The public directory pages on the demo inventory: search, filters, markers, detail, print, and what stays hidden. */
@SpangeTest
class OfferDirectoryTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	private String page(String path, RequestPostProcessor who, int expected) throws Exception {
		MockHttpServletResponse response = mvc.perform(get(path).with(who)).andReturn().getResponse();
		assertThat(response.getStatus()).as(path).isEqualTo(expected);
		return response.getContentAsString(StandardCharsets.UTF_8);
	}

	private long offerId(String name) {
		return jdbc.sql("select id from offer.offer where name = ?").param(name).query(Long.class).single();
	}

	@Test
	void aMisspelledSearchFindsTheOffersWithMapAndTable() throws Exception {
		String html = page("/offers?q=Schuldnerbratung", anonymous(), 200);
		assertThat(html).contains("Schuldenberatung").contains("id=\"offers-map\"").contains("<table class=\"data offers\"")
			.contains("data-markers=\"/offers/markers?q=Schuldnerbratung\"").doesNotContain("Offener Jugendtreff");
		assertThat(html).containsPattern("\\d+ Angebote gefunden");
	}

	@Test
	void aWrongFilterIsNamedAndLinkedToItsField() throws Exception {
		String html = page("/offers?age=zwölf&field=gibtsnicht", anonymous(), 200);
		assertThat(html).contains("href=\"#f-age\"").contains("Alter: eine ganze Zahl von 0 bis 120.")
			.contains("href=\"#f-field\"").contains("value=\"zwölf\"").doesNotContain("Angebote gefunden");
		// the markers of a wrong search are refused, not guessed
		assertThat(mvc.perform(get("/offers/markers?age=-3").with(anonymous())).andReturn().getResponse().getStatus())
			.isEqualTo(400);
	}

	@Test
	void filtersNarrowTheResults() throws Exception {
		String all = page("/offers", anonymous(), 200);
		String youth = page("/offers?group=jugendliche&age=15&free=true", anonymous(), 200);
		assertThat(count(youth)).isPositive().isLessThan(count(all));
		assertThat(youth).contains("Offener Jugendtreff").doesNotContain("Tagesbetreuung");
		String stepFree = page("/offers?stepFree=true", anonymous(), 200);
		long known = jdbc.sql("""
				select count(distinct o.id) from offer.offer o join offer.service_at_location x on x.offer_id = o.id
				join offer.location l on l.id = x.location_id where l.step_free and o.status = 'ACTIVE'""")
			.query(Long.class).single();
		assertThat(count(stepFree)).isEqualTo((int) known).isPositive().isLessThan(count(all));
	}

	private static int count(String html) {
		var m = java.util.regex.Pattern.compile("(\\d+) Angebote? gefunden").matcher(html);
		return m.find() ? Integer.parseInt(m.group(1)) : -1;
	}

	@Test
	void theConfidentialShelterIsNeverAPointForThePublic() throws Exception {
		long shelter = offerId("Frauenhaus Vorarlberg (fiktiv)");
		JsonNode markers = new ObjectMapper().readTree(page("/offers/markers?q=Frauenhaus", anonymous(), 200));
		for (JsonNode m : markers) {
			assertThat(m.get("id").asLong()).isNotEqualTo(shelter);
		}
		String detail = page("/offers/" + shelter, anonymous(), 200);
		assertThat(detail).contains("Adresse vertraulich, Gemeinde Dornbirn").doesNotContain("data-lat=\"4")
			.doesNotContain("id=\"offer-map\"");
		assertThat(page("/offers/" + shelter + "/print", anonymous(), 200))
			.contains("Adresse vertraulich, Gemeinde Dornbirn");
		assertThat(page("/offers/print?q=Frauenhaus", anonymous(), 200))
			.contains("Adresse vertraulich, Gemeinde Dornbirn");
		// planners see the point and the internal fields
		String internal = page("/offers/" + shelter, user("planung").roles("PLANNER"), 200);
		assertThat(internal).contains("data-lat=\"4").contains("Änderungsprotokoll");
		JsonNode all = new ObjectMapper().readTree(page("/offers/markers?q=Frauenhaus",
				user("planung").roles("PLANNER"), 200));
		assertThat(all.findValuesAsString("name")).contains("Frauenhaus Vorarlberg (fiktiv)");
	}

	@Test
	void inactiveOffersAreForPlannersOnly() throws Exception {
		long inactive = jdbc.sql("select id from offer.offer where status = 'INACTIVE' order by id limit 1")
			.query(Long.class).single();
		page("/offers/" + inactive, anonymous(), 404);
		assertThat(page("/offers/" + inactive, user("planung").roles("PLANNER"), 200)).contains("inaktiv");
		assertThat(page("/offers?inactive=true", anonymous(), 200)).doesNotContain(">inaktiv<");
	}

	@Test
	void theDetailPageShowsWhatASocialWorkerNeeds() throws Exception {
		long id = jdbc.sql("select id from offer.offer where name like 'Schuldenberatung %' and status = 'ACTIVE'"
				+ " order by id limit 1").query(Long.class).single();
		String html = page("/offers/" + id, anonymous(), 200);
		assertThat(html).contains("Öffnungszeiten").contains("Montag").contains("tel:+435572").contains("Existenzsicherung")
			.contains("Erwachsene").doesNotContain("Änderungsprotokoll").doesNotContain("Rechtsgrundlage");
		assertThat(page("/offers/" + id + "?lang=en", anonymous(), 200)).contains("Opening hours").contains("Monday");
	}

	@Test
	void plannersCountAndExportTheSearch() throws Exception {
		RequestPostProcessor planner = user("planung").roles("PLANNER");
		assertThat(mvc.perform(get("/offers/overview").with(anonymous())).andReturn().getResponse().getStatus())
			.isEqualTo(302);
		assertThat(mvc.perform(get("/offers/export.csv").with(user("gemeinde").roles("MUNICIPALITY"))).andReturn()
			.getResponse().getStatus()).isEqualTo(403);
		String overview = page("/offers/overview?field=existenzsicherung", planner, 200);
		long debt = jdbc.sql("""
				select count(*) from offer.offer o join offer.offer_field f on f.offer_id = o.id
				where f.field_key = 'existenzsicherung' and o.status = 'ACTIVE'""").query(Long.class).single();
		assertThat(overview).contains(debt + " Angebote gefunden").contains("Angebote nach Handlungsfeld")
			.contains("100,0\u00a0%").contains("export.xlsx?field=existenzsicherung");

		MockHttpServletResponse csv = mvc.perform(get("/offers/export.csv?q=Frauenhaus").with(planner)).andReturn()
			.getResponse();
		assertThat(csv.getContentType()).startsWith("text/csv");
		assertThat(csv.getHeader("Content-Disposition")).contains("spange-angebote_").contains(".csv");
		String[] lines = csv.getContentAsString(StandardCharsets.UTF_8).split("\r\n");
		assertThat(lines[0]).startsWith("\uFEFFID;Angebot;Träger;Status;");
		String shelter = java.util.Arrays.stream(lines).filter(l -> l.contains("Frauenhaus Vorarlberg")).findFirst()
			.orElseThrow();
		// the planner's export still names the shelter only by its Gemeinde: no street, no coordinates
		assertThat(shelter).contains(";Dornbirn;;;ja;").doesNotContain(";47,");

		byte[] xlsx = mvc.perform(get("/offers/export.xlsx?field=existenzsicherung").with(planner)).andReturn()
			.getResponse().getContentAsByteArray();
		try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
			var sheet = book.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("Angebot");
			assertThat(sheet.getLastRowNum()).isGreaterThanOrEqualTo((int) debt);
			assertThat(sheet.getRow(1).getCell(0).getNumericCellValue()).isPositive();
		}
	}
}
