package org.spange.offer.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.spange.offer.FieldOfAction;
import org.spange.offer.Offer;
import org.spange.offer.OfferCatalog;
import org.spange.offer.OfferQuery;
import org.spange.offer.TargetGroup;

/**
 * Spange's classification as HSDS taxonomies: fields of action and target groups (the catalogue's fixed lists) and
 * setting, approach and form. Ids are name-based UUIDs of the taxonomy's key and the term's code, so they stay the
 * same across restarts and installations.
 */
final class HsdsTaxonomies {

	static final String FIELD_OF_ACTION = "field_of_action";
	static final String TARGET_GROUP = "target_group";
	static final String SETTING = "setting";
	static final String APPROACH = "approach";
	static final String FORM = "form";

	record Taxonomy(String key, String name, String description) {

		String id() {
			return HsdsIds.named("taxonomy", key);
		}
	}

	/** A term: {@code code} is the key or enum name Spange stores, {@code name} German, {@code english} English. */
	record Term(Taxonomy taxonomy, String code, String name, String english) {

		String id() {
			return HsdsIds.named("taxonomy_term", taxonomy.key(), code);
		}
	}

	private static final List<Taxonomy> TAXONOMIES = List.of(
			new Taxonomy(FIELD_OF_ACTION, "Spange: Handlungsfelder",
					"Handlungsfelder der Sozialplanung, denen ein Angebot zugeordnet ist (fields of action)"),
			new Taxonomy(TARGET_GROUP, "Spange: Zielgruppen", "Zielgruppen eines Angebots (target groups)"),
			new Taxonomy(SETTING, "Spange: Setting",
					"Stationär, teilstationär, ambulant, offen oder aufsuchend (setting of the offer)"),
			new Taxonomy(APPROACH, "Spange: Ansatz", "Präventiv oder interventiv (approach)"),
			new Taxonomy(FORM, "Spange: Form", "Gruppen- oder Einzelangebot (form)"));

	private static final Map<Offer.Setting, String[]> SETTINGS = Map.of(Offer.Setting.RESIDENTIAL,
			new String[] { "stationär", "residential" }, Offer.Setting.SEMI_RESIDENTIAL,
			new String[] { "teilstationär", "semi-residential" }, Offer.Setting.AMBULATORY,
			new String[] { "ambulant", "outpatient" }, Offer.Setting.OPEN, new String[] { "offen", "open access" },
			Offer.Setting.OUTREACH, new String[] { "aufsuchend", "outreach" });
	private static final Map<Offer.Approach, String[]> APPROACHES = Map.of(Offer.Approach.PREVENTIVE,
			new String[] { "präventiv", "preventive" }, Offer.Approach.INTERVENTIVE,
			new String[] { "interventiv", "interventive" });
	private static final Map<Offer.Form, String[]> FORMS = Map.of(Offer.Form.GROUP,
			new String[] { "Gruppenangebot", "group" }, Offer.Form.INDIVIDUAL,
			new String[] { "Einzelangebot", "individual" });

	private final List<Term> terms;
	private final Map<String, Term> byCode = new LinkedHashMap<>();

	private HsdsTaxonomies(List<Term> terms) {
		this.terms = List.copyOf(terms);
		for (Term t : terms) {
			byCode.put(t.taxonomy().key() + ":" + t.code(), t);
		}
	}

	/** The taxonomies with the catalogue's current fields of action and target groups. */
	static HsdsTaxonomies of(OfferCatalog catalog) {
		List<Term> terms = new ArrayList<>();
		for (FieldOfAction f : catalog.fieldsOfAction()) {
			terms.add(new Term(byKey(FIELD_OF_ACTION), f.key(), f.nameDe(), f.nameEn()));
		}
		for (TargetGroup g : catalog.targetGroups()) {
			terms.add(new Term(byKey(TARGET_GROUP), g.key(), g.nameDe(), g.nameEn()));
		}
		for (Offer.Setting s : Offer.Setting.values()) {
			terms.add(new Term(byKey(SETTING), s.name(), SETTINGS.get(s)[0], SETTINGS.get(s)[1]));
		}
		for (Offer.Approach a : Offer.Approach.values()) {
			terms.add(new Term(byKey(APPROACH), a.name(), APPROACHES.get(a)[0], APPROACHES.get(a)[1]));
		}
		for (Offer.Form f : Offer.Form.values()) {
			terms.add(new Term(byKey(FORM), f.name(), FORMS.get(f)[0], FORMS.get(f)[1]));
		}
		return new HsdsTaxonomies(terms);
	}

	private static Taxonomy byKey(String key) {
		return TAXONOMIES.stream().filter(t -> t.key().equals(key)).findFirst().orElseThrow();
	}

	List<Taxonomy> taxonomies() {
		return TAXONOMIES;
	}

	List<Term> terms() {
		return terms;
	}

	Optional<Taxonomy> taxonomy(String uuid) {
		return TAXONOMIES.stream().filter(t -> t.id().equalsIgnoreCase(uuid)).findFirst();
	}

	Optional<Term> term(String uuid) {
		return terms.stream().filter(t -> t.id().equalsIgnoreCase(uuid)).findFirst();
	}

	/** The terms an offer is classified by, taxonomy by taxonomy. */
	List<Term> of(Offer o) {
		List<Term> out = new ArrayList<>();
		o.fieldsOfAction().forEach(k -> add(out, FIELD_OF_ACTION, k));
		o.targetGroups().forEach(k -> add(out, TARGET_GROUP, k));
		if (o.setting() != null) {
			add(out, SETTING, o.setting().name());
		}
		if (o.approach() != null) {
			add(out, APPROACH, o.approach().name());
		}
		if (o.form() != null) {
			add(out, FORM, o.form().name());
		}
		return out;
	}

	private void add(List<Term> out, String taxonomy, String code) {
		Term t = byCode.get(taxonomy + ":" + code);
		if (t != null) {
			out.add(t);
		}
	}

	/** The query narrowed to offers classified by the term. */
	static OfferQuery narrow(OfferQuery q, Term term) {
		String code = term.code();
		String field = q.fieldOfAction();
		String group = q.targetGroup();
		Offer.Setting setting = q.setting();
		Offer.Approach approach = q.approach();
		Offer.Form form = q.form();
		switch (term.taxonomy().key()) {
			case FIELD_OF_ACTION -> field = code;
			case TARGET_GROUP -> group = code;
			case SETTING -> setting = Offer.Setting.valueOf(code);
			case APPROACH -> approach = Offer.Approach.valueOf(code);
			default -> form = Offer.Form.valueOf(code);
		}
		return new OfferQuery(q.text(), q.areaId(), group, q.age(), field, setting, approach, form, q.language(),
				q.freeOfCharge(), q.openAt(), q.modifiedAfter(), q.organizationId(), q.includeInactive(), null);
	}

	/** Whether the offer has a term of the taxonomy. */
	boolean classifies(Taxonomy taxonomy, Offer o) {
		return of(o).stream().anyMatch(t -> t.taxonomy().equals(taxonomy));
	}

	static Map<String, Object> json(Taxonomy t) {
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("id", t.id());
		out.put("name", t.name());
		out.put("description", t.description());
		out.put("version", "1");
		return out;
	}

	static Map<String, Object> json(Term t) {
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("id", t.id());
		out.put("code", t.code());
		out.put("name", t.name());
		out.put("description", t.name() + " (" + t.english() + ")");
		out.put("taxonomy", t.taxonomy().name());
		out.put("taxonomy_id", t.taxonomy().id());
		out.put("taxonomy_detail", json(t.taxonomy()));
		out.put("language", "de");
		return out;
	}
}
