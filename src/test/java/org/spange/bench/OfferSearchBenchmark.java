package org.spange.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.spange.offer.Offer;
import org.spange.offer.OfferCatalog;
import org.spange.offer.OfferQuery;
import org.spange.offer.OfferSearch;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The offer search benchmark: a page of search results from a deterministic inventory of 5,000 offers (each with
 * fields of action, target groups, two locations, a service area, phones and opening hours). The engine reads a
 * page's offers with one query per table ({@code OfferCatalog.offers(ids)}); the baseline in the same run reads the
 * same offers one by one ({@code OfferCatalog.offer(id)}, seven queries each), as the search did before. Both must
 * return equal offers. Writes {@code bench/results/offers.json} and {@code .md}; timings are reported, never
 * asserted. Run: {@code ./mvnw -Pbench test -Dtest=OfferSearchBenchmark}.
 */
@SpringBootTest(properties = { "spange.db.embedded.database=spange_bench_offers",
		"spange.admin.username=bench", "spange.admin.password=benchmark-admin-only",
		"logging.level.org.spange=warn" })
@ActiveProfiles("test")
class OfferSearchBenchmark {

	static final int OFFERS = 5_000;
	static final int PAGE = 100;
	static final int WARMUP = 10;
	static final int RUNS = 31;
	static final String[] WORDS = { "Beratung", "Familienberatung", "Jugendtreff", "Schuldenberatung", "Suchthilfe",
			"Lernhilfe", "Elterncafé", "Seniorentreff", "Wohnungslosenhilfe", "Integrationskurs" };
	static final String[] TOWNS = { "Bludenz", "Feldkirch", "Dornbirn", "Bregenz", "Nenzing", "Hard", "Lustenau" };

	@Autowired
	JdbcClient jdbc;

	@Autowired
	OfferCatalog catalog;

	@Autowired
	OfferSearch search;

	@Test
	void searchPage() throws Exception {
		assertThat(jdbc.sql("select current_database()").query(String.class).single())
			.as("the benchmark writes thousands of offers: it runs only in its own embedded database")
			.isEqualTo("spange_bench_offers");
		Map<String, Object> r = new LinkedHashMap<>();
		r.put("timestamp", Instant.now().toString());
		r.put("machine", AccessibilityBenchmark.machine());
		if (jdbc.sql("select count(*) from offer.offer").query(Long.class).single() == 0) {
			generate();
		}
		r.put("offers", jdbc.sql("select count(*) from offer.offer").query(Long.class).single());
		r.put("page_size", PAGE);

		List<Map<String, Object>> queries = new ArrayList<>();
		boolean equal = true;
		for (String text : new String[] { null, "Beratung", "Schuldnerbratung" }) {
			OfferQuery query = OfferQuery.ALL.withText(text);
			List<Long> ids = search.search(query, 0, PAGE).items().stream().map(Offer::id).toList();
			List<Offer> bulk = catalog.offers(ids);
			List<Offer> single = ids.stream().map(id -> catalog.offer(id).orElseThrow()).toList();
			equal &= bulk.equals(single);
			double engine = median(() -> catalog.offers(ids));
			double baseline = median(() -> ids.stream().map(id -> catalog.offer(id).orElseThrow()).toList());
			double whole = median(() -> search.search(query, 0, PAGE));
			Map<String, Object> q = new LinkedHashMap<>();
			q.put("text", text == null ? "(none: every active offer by name)" : text);
			q.put("results_on_page", ids.size());
			q.put("read_page_ms", round(engine));
			q.put("baseline_one_by_one_ms", round(baseline));
			q.put("ratio", round(engine / baseline));
			q.put("whole_search_ms", round(whole));
			queries.add(q);
		}
		r.put("runs", RUNS);
		r.put("queries", queries);
		r.put("equal_to_baseline", equal);
		r.put("load_average_end", AccessibilityBenchmark.load());

		Path dir = Path.of(System.getProperty("spange.bench.out", "bench/results"));
		Files.createDirectories(dir);
		Files.writeString(dir.resolve("offers.json"), BenchReport.json(r), StandardCharsets.UTF_8);
		Files.writeString(dir.resolve("offers.md"), markdown(r), StandardCharsets.UTF_8);
		assertThat(equal).as("reading a page at once gives the same offers as reading them one by one").isTrue();
	}

	/** A deterministic inventory written with plain SQL (the catalog's checks and change log are not measured). */
	private void generate() {
		jdbc.sql("""
				insert into offer.organization (name, provider_type)
				select 'Träger ' || g, case when g % 3 = 0 then 'PUBLIC' else 'FREE_PROVIDER' end
				from generate_series(1, 200) g""").update();
		jdbc.sql("""
				insert into offer.location (organization_id, name, city, latitude, longitude)
				select 1 + (g % 200), 'Standort ' || g, (?::text[])[1 + g % 7],
				       47.2 + (g % 97) / 300.0, 9.6 + (g % 89) / 200.0
				from generate_series(0, 1999) g""").param(TOWNS).update();
		jdbc.sql("""
				insert into offer.offer (organization_id, name, description, status, capacity_places, min_age, max_age,
				  approach, form, setting, languages, last_confirmed)
				select 1 + (g % 200), (?::text[])[1 + g % 10] || ' ' || (?::text[])[1 + g % 7] || ' ' || g,
				       'Ein Angebot für Menschen in ' || (?::text[])[1 + g % 7] || ' und Umgebung.',
				       case when g % 20 = 0 then 'INACTIVE' else 'ACTIVE' end, 5 + g % 40, g % 18, 18 + g % 80,
				       case when g % 2 = 0 then 'PREVENTIVE' else 'INTERVENTIVE' end,
				       case when g % 3 = 0 then 'GROUP' else 'INDIVIDUAL' end, 'AMBULATORY', '{de,en}', date '2026-01-01'
				from generate_series(0, ? - 1) g""").params(WORDS, TOWNS, TOWNS, OFFERS).update();
		jdbc.sql("""
				insert into offer.offer_field (offer_id, field_key)
				select o.id, f.key from offer.offer o
				join offer.field_of_action f on f.rank in (1 + o.id % 12, 1 + (o.id + 5) % 12)""").update();
		jdbc.sql("""
				insert into offer.offer_target_group (offer_id, group_key)
				select o.id, t.key from offer.offer o join offer.target_group t on t.rank in (1 + o.id % 12, 1 + (o.id + 3) % 12)
				""").update();
		jdbc.sql("""
				insert into offer.service_at_location (offer_id, location_id)
				select o.id, l.id from offer.offer o join offer.location l
				  on l.id in (1 + o.id % 2000, 1 + (o.id + 1000) % 2000)""").update();
		jdbc.sql("insert into offer.service_area (offer_id, area_id) select id, 1000 + id % 96 from offer.offer")
			.update();
		jdbc.sql("""
				insert into offer.phone (offer_id, number, description)
				select id, '+43 5552 ' || (10000 + id), 'Beratung' from offer.offer
				union all select id, '+43 664 ' || (200000 + id), 'mobil' from offer.offer where id % 2 = 0""").update();
		jdbc.sql("""
				insert into offer.schedule (offer_id, weekday, opens_at, closes_at)
				select o.id, d, time '08:00', time '12:00' from offer.offer o, generate_series(1, 5) d""").update();
		jdbc.sql("update offer.offer set search_text = concat_ws(' ', name, description)").update();
		jdbc.sql("analyze").update();
	}

	private static double median(Supplier<?> work) {
		for (int i = 0; i < WARMUP; i++) {
			work.get();
		}
		double[] ms = new double[RUNS];
		for (int i = 0; i < RUNS; i++) {
			long t = System.nanoTime();
			work.get();
			ms[i] = (System.nanoTime() - t) / 1e6;
		}
		java.util.Arrays.sort(ms);
		return ms[RUNS / 2];
	}

	private static double round(double value) {
		return Math.round(value * 1000) / 1000d;
	}

	@SuppressWarnings("unchecked")
	static String markdown(Map<String, Object> r) {
		Map<String, Object> machine = (Map<String, Object>) r.get("machine");
		StringBuilder md = new StringBuilder("# Offer search benchmark\n\n");
		md.append(String.format(Locale.ROOT, "Run %s on %s cores, %s GB RAM, %s. Load average %s at the start, %s at"
				+ " the end.%n%n", r.get("timestamp"), machine.get("cores"), machine.get("memory_gb"),
				machine.get("jvm"), machine.get("load_average_start"), r.get("load_average_end")));
		md.append(String.format(Locale.ROOT, "Data set (synthetic, deterministic): %s offers, pages of %s; medians of"
				+ " %s runs after warm-up.%n%n", r.get("offers"), r.get("page_size"), r.get("runs")));
		md.append("| search text | offers on page | read page at once | baseline: one by one | ratio | whole search"
				+ " incl. reading |\n| --- | ---: | ---: | ---: | ---: | ---: |\n");
		for (Map<String, Object> q : (List<Map<String, Object>>) r.get("queries")) {
			md.append(String.format(Locale.ROOT, "| %s | %s | %.1f ms | %.1f ms | %.3f | %.1f ms |%n", q.get("text"),
					q.get("results_on_page"), (Double) q.get("read_page_ms"), (Double) q.get("baseline_one_by_one_ms"),
					(Double) q.get("ratio"), (Double) q.get("whole_search_ms")));
		}
		md.append(String.format(Locale.ROOT, "%nCorrectness: %s.%n%nFigures: `offers.json` beside this file. Run:"
				+ " `./mvnw -Pbench test -Dtest=OfferSearchBenchmark`.%n", Boolean.TRUE.equals(r.get(
						"equal_to_baseline")) ? "the page read at once equals the offers read one by one"
								: "**MISMATCH**"));
		return md.toString();
	}
}
