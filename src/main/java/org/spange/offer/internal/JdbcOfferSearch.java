package org.spange.offer.internal;

import java.sql.Timestamp;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.spange.area.AreaHierarchy;
import org.spange.area.AreaQueries;
import org.spange.offer.Offer;
import org.spange.offer.OfferCatalog;
import org.spange.offer.OfferPage;
import org.spange.offer.OfferQuery;
import org.spange.offer.OfferSearch;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

@Service
class JdbcOfferSearch implements OfferSearch {

	/**
	 * How alike a query word and a whole word of the offer must be to count as a typo of it (pg_trgm strict word
	 * similarity). A short word has few trigrams, so one typo costs it much and a different word may look alike
	 * ("Sucht" and "Suche": 0.5, "Schulden" and "Schule": 0.46); a long one keeps most of them ("Schuldnerbratung" and
	 * "Schuldenberatung", two typos: 0.48).
	 */
	static double typoSimilarity(String word) {
		return word.length() >= 10 ? 0.45 : word.length() >= 6 ? 0.55 : 0.65;
	}

	/** Shorter words are not looked for inside other words: "in" would be found in almost every offer. */
	static final int MIN_PART = 4;
	private static final int MAX_WORDS = 8;
	private static final int MAX_SIZE = 500;

	private final JdbcClient jdbc;
	private final OfferCatalog catalog;
	private final AreaQueries areas;
	private volatile Related related = new Related(-1, Map.of(), Map.of(), Map.of());

	JdbcOfferSearch(JdbcClient jdbc, OfferCatalog catalog, AreaQueries areas) {
		this.jdbc = jdbc;
		this.catalog = catalog;
		this.areas = areas;
	}

	/** A condition on {@code o} (offer.offer) with its parameters in order. */
	private record Where(String sql, List<Object> params) {
	}

	@Override
	public OfferPage<Offer> search(OfferQuery query, int page, int size) {
		int s = Math.max(1, Math.min(MAX_SIZE, size));
		int p = Math.max(0, page);
		Where where = where(query);
		List<Object> params = new ArrayList<>();
		String order = "o.name, o.id";
		if (query.hasText()) {
			// the full text's rank by the German configuration, plus how close the words come for typos
			order = "ts_rank(o.search, plainto_tsquery('german', ?)) + public.word_similarity(?, o.search_text) desc, "
					+ order;
			params.add(query.text().strip());
			params.add(query.text().strip());
		}
		List<Object> all = new ArrayList<>(where.params());
		all.addAll(params);
		all.add(s);
		all.add((long) p * s);
		List<Long> ids = jdbc.sql("select o.id from offer.offer o where " + where.sql() + " order by " + order
				+ " limit ? offset ?").params(all).query(Long.class).list();
		long total = jdbc.sql("select count(*) from offer.offer o where " + where.sql()).params(where.params())
			.query(Long.class).single();
		List<Offer> items = catalog.offers(ids);
		return new OfferPage<>(items, p, s, total);
	}

	@Override
	public List<OfferMarker> markers(OfferQuery query, boolean confidentialPoints) {
		Where where = where(query);
		return jdbc.sql("""
				select o.id, o.name, l.id as location_id, l.name as location_name, l.city, l.latitude, l.longitude,
				l.area_id, l.confidential
				from offer.offer o join offer.service_at_location x on x.offer_id = o.id
				join offer.location l on l.id = x.location_id where\s""" + where.sql() + " order by o.name, o.id, l.id")
			.params(where.params())
			.query((rs, i) -> {
				boolean confidential = rs.getBoolean("confidential");
				boolean point = !confidential || confidentialPoints;
				return new OfferMarker(rs.getLong("id"), rs.getString("name"), rs.getLong("location_id"),
						rs.getString("location_name"), rs.getString("city"),
						point ? (Double) rs.getObject("latitude", Double.class) : null,
						point ? (Double) rs.getObject("longitude", Double.class) : null,
						(Long) rs.getObject("area_id", Long.class), confidential);
			})
			.list();
	}

	@Override
	public Map<String, Long> counts(OfferQuery query, CountBy dimension) {
		Where where = where(query);
		String key = switch (dimension) {
			case GEMEINDE -> """
					l.area_id::text from offer.offer o join offer.service_at_location x on x.offer_id = o.id
					join offer.location l on l.id = x.location_id where l.area_id is not null and""";
			case FIELD_OF_ACTION -> """
					f.field_key from offer.offer o join offer.offer_field f on f.offer_id = o.id where""";
			case TARGET_GROUP -> """
					g.group_key from offer.offer o join offer.offer_target_group g on g.offer_id = o.id where""";
			case SETTING -> "o.setting from offer.offer o where o.setting is not null and";
			case APPROACH -> "o.approach from offer.offer o where o.approach is not null and";
			case FORM -> "o.form from offer.offer o where o.form is not null and";
			case LANGUAGE -> "unnest(o.languages) from offer.offer o where";
		};
		Map<String, Long> counts = new LinkedHashMap<>();
		jdbc.sql("select k, count(distinct id) from (select o.id, " + key + " " + where.sql()
				+ ") t(id, k) group by k order by k").params(where.params())
			.query((rs, i) -> counts.put(rs.getString(1), rs.getLong(2))).list();
		return counts;
	}

	private Where where(OfferQuery q) {
		List<String> and = new ArrayList<>();
		List<Object> params = new ArrayList<>();
		and.add(q.includeInactive() ? "true" : "o.status = 'ACTIVE'");
		if (q.hasText()) {
			// every word must be found: by its German word form, as part of a compound ("Beratung" in
			// "Schuldenberatung"), or as a typo of a whole word; a stop word ("der", "für") has no word form and is
			// left out
			for (String word : words(q.text())) {
				and.add("(numnode(plainto_tsquery('german', ?)) = 0 or o.search @@ plainto_tsquery('german', ?)"
						+ " or (length(?) >= " + MIN_PART + " and o.search_text ilike ?)"
						+ " or public.strict_word_similarity(?, o.search_text) >= ?)");
				params.add(word);
				params.add(word);
				params.add(word);
				params.add("%" + word + "%"); // words are letters and digits only: nothing to escape
				params.add(word);
				params.add(typoSimilarity(word));
			}
		}
		if (q.areaId() != null) {
			String ids = related(q.areaId()).stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
			and.add("""
					(exists (select 1 from offer.service_area sa where sa.offer_id = o.id and sa.area_id = any(?::bigint[]))
					 or exists (select 1 from offer.service_at_location x join offer.location l on l.id = x.location_id
					 where x.offer_id = o.id and l.area_id = any(?::bigint[])))""");
			params.add(ids);
			params.add(ids);
		}
		if (q.targetGroup() != null) {
			and.add("exists (select 1 from offer.offer_target_group g where g.offer_id = o.id and g.group_key = ?)");
			params.add(q.targetGroup());
		}
		if (q.age() != null) {
			and.add("(o.min_age is null or o.min_age <= ?) and (o.max_age is null or o.max_age >= ?)");
			params.add(q.age());
			params.add(q.age());
		}
		if (q.fieldOfAction() != null) {
			and.add("exists (select 1 from offer.offer_field f where f.offer_id = o.id and f.field_key = ?)");
			params.add(q.fieldOfAction());
		}
		equal(and, params, "o.setting", q.setting());
		equal(and, params, "o.approach", q.approach());
		equal(and, params, "o.form", q.form());
		if (q.language() != null) {
			and.add("? = any(o.languages)");
			params.add(q.language());
		}
		if (q.freeOfCharge() != null) {
			and.add("o.free_of_charge = ?");
			params.add(q.freeOfCharge());
		}
		if (q.stepFree() != null) {
			and.add("""
					exists (select 1 from offer.service_at_location x join offer.location l on l.id = x.location_id
					 where x.offer_id = o.id and l.step_free = ?)""");
			params.add(q.stepFree());
		}
		if (q.openAt() != null) {
			and.add("""
					exists (select 1 from offer.schedule s where s.offer_id = o.id and s.weekday = ?
					 and s.opens_at <= ? and s.closes_at > ?)""");
			params.add(q.openAt().getDayOfWeek().getValue());
			params.add(q.openAt().toLocalTime());
			params.add(q.openAt().toLocalTime());
		}
		if (q.modifiedAfter() != null) {
			and.add("o.updated_at >= ?");
			params.add(Timestamp.from(q.modifiedAfter()));
		}
		if (q.organizationId() != null) {
			and.add("o.organization_id = ?");
			params.add(q.organizationId());
		}
		return new Where(String.join(" and ", and), params);
	}

	private static void equal(List<String> and, List<Object> params, String column, Enum<?> value) {
		if (value != null) {
			and.add(column + " = ?");
			params.add(value.name());
		}
	}

	/** The query's words, lower case, at most {@link #MAX_WORDS}; single letters say nothing. */
	static List<String> words(String text) {
		List<String> words = new ArrayList<>();
		for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
			if (word.length() > 1 && words.size() < MAX_WORDS && !words.contains(word)) {
				words.add(word);
			}
		}
		return words;
	}

	// areas

	/** The area links over all schemes at one data version, and per area the areas related to it. */
	private record Related(long version, Map<Long, List<Long>> children, Map<Long, List<Long>> parents,
			Map<Long, Set<Long>> byArea) {
	}

	/** The area itself, every part of it and every area containing it, over all schemes. */
	private Set<Long> related(long areaId) {
		long version = areas.dataVersion();
		Related current = related;
		if (current.version() != version) {
			Map<Long, List<Long>> children = new HashMap<>();
			Map<Long, List<Long>> parents = new HashMap<>();
			for (AreaHierarchy.Member m : areas.hierarchy().members()) {
				if (m.parent() != null) {
					children.computeIfAbsent(m.parent().value(), k -> new ArrayList<>()).add(m.area().value());
					parents.computeIfAbsent(m.area().value(), k -> new ArrayList<>()).add(m.parent().value());
				}
			}
			current = new Related(version, children, parents, new ConcurrentHashMap<>());
			related = current;
		}
		Related links = current;
		return links.byArea().computeIfAbsent(areaId, id -> {
			Set<Long> found = new TreeSet<>();
			walk(id, links.children(), found);
			walk(id, links.parents(), found);
			return Set.copyOf(found);
		});
	}

	private static void walk(long start, Map<Long, List<Long>> next, Set<Long> into) {
		Deque<Long> todo = new ArrayDeque<>(List.of(start));
		Set<Long> seen = new TreeSet<>();
		while (!todo.isEmpty()) {
			long id = todo.pop();
			if (seen.add(id)) {
				into.add(id);
				todo.addAll(next.getOrDefault(id, List.of()));
			}
		}
	}
}
