package org.spange.offer.internal;

import java.lang.reflect.RecordComponent;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.function.ToLongFunction;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import org.spange.access.AuditLog;
import org.spange.area.AreaId;
import org.spange.area.AreaQueries;
import org.spange.area.AreaSummary;
import org.spange.offer.ChangeLogEntry;
import org.spange.offer.FieldOfAction;
import org.spange.offer.InvalidOfferException;
import org.spange.offer.InvalidOfferException.Problem;
import org.spange.offer.Location;
import org.spange.offer.Offer;
import org.spange.offer.OfferCatalog;
import org.spange.offer.OfferPage;
import org.spange.offer.Organization;
import org.spange.offer.ProviderType;
import org.spange.offer.TargetGroup;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

@Service
class JdbcOfferCatalog implements OfferCatalog {

	/** The level whose area a location is assigned to. */
	static final String GEMEINDE = "gemeinde";
	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
	private static final Pattern URL = Pattern.compile("https?://[^\\s]+");
	private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");
	private static final int MAX_SIZE = 500;

	private final JdbcClient jdbc;
	private final TransactionTemplate tx;
	private final AuditLog audit;
	private final AreaQueries areas;

	JdbcOfferCatalog(JdbcClient jdbc, TransactionTemplate tx, AuditLog audit, AreaQueries areas) {
		this.jdbc = jdbc;
		this.tx = tx;
		this.audit = audit;
		this.areas = areas;
	}

	@Override
	public List<FieldOfAction> fieldsOfAction() {
		return jdbc.sql("select key, name_de, name_en from offer.field_of_action order by rank")
			.query((rs, i) -> new FieldOfAction(rs.getString(1), rs.getString(2), rs.getString(3))).list();
	}

	@Override
	public List<TargetGroup> targetGroups() {
		return jdbc.sql("select key, name_de, name_en from offer.target_group order by rank")
			.query((rs, i) -> new TargetGroup(rs.getString(1), rs.getString(2), rs.getString(3))).list();
	}

	// organisations

	private static final String ORGANIZATION_COLUMNS = "id, name, description, website, email, provider_type,"
			+ " umbrella_association";

	private static Organization organization(ResultSet rs, int i) throws SQLException {
		return new Organization(rs.getLong("id"), rs.getString("name"), rs.getString("description"),
				rs.getString("website"), rs.getString("email"), ProviderType.valueOf(rs.getString("provider_type")),
				rs.getString("umbrella_association"));
	}

	@Override
	public OfferPage<Organization> organizations(int page, int size) {
		int s = size(size);
		int p = Math.max(0, page);
		List<Organization> items = jdbc
			.sql("select " + ORGANIZATION_COLUMNS + " from offer.organization order by name, id limit ? offset ?")
			.params(s, (long) p * s).query(JdbcOfferCatalog::organization).list();
		long total = jdbc.sql("select count(*) from offer.organization").query(Long.class).single();
		return new OfferPage<>(items, p, s, total);
	}

	@Override
	public Optional<Organization> organization(long id) {
		return jdbc.sql("select " + ORGANIZATION_COLUMNS + " from offer.organization where id = ?").param(id)
			.query(JdbcOfferCatalog::organization).optional();
	}

	@Override
	public Organization createOrganization(Organization organization) {
		return create(organizationKind, organization);
	}

	@Override
	public Organization updateOrganization(long id, Organization organization) {
		return update(organizationKind, id, organization);
	}

	private final Kind<Organization> organizationKind = new Kind<>("organization", "organisation", this::organization,
			this::check, this::insert, this::write, Organization::name);

	private long insert(Organization o) {
		return jdbc.sql("insert into offer.organization (name, provider_type) values (?, ?) returning id")
			.params(o.name(), o.providerType().name()).query(Long.class).single();
	}

	private void write(long id, Organization o) {
		jdbc.sql("""
				update offer.organization set name = ?, description = ?, website = ?, email = ?, provider_type = ?,
				umbrella_association = ?, updated_at = now() where id = ?""")
			.params(o.name(), o.description(), o.website(), o.email(), o.providerType().name(),
					o.umbrellaAssociation(), id)
			.update();
		refreshSearchText("o.organization_id = ?", id);
	}

	Organization check(Organization o) {
		if (o == null) {
			throw new InvalidOfferException(List.of(new Problem("", "offer.body.missing", "No organisation given")));
		}
		List<Problem> problems = new ArrayList<>();
		name("name", o.name(), problems);
		email("email", o.email(), problems);
		url("website", o.website(), problems);
		if (o.providerType() == null) {
			problems.add(new Problem("providerType", "organization.providerType.missing",
					"The provider type is required: PUBLIC, FREE_PROVIDER, PRIVATE or VOLUNTEER"));
		}
		if (!blank(o.umbrellaAssociation()) && o.providerType() != null && o.providerType() != ProviderType.FREE_PROVIDER) {
			problems.add(new Problem("umbrellaAssociation", "organization.umbrella.notFree",
					"Only a free provider (FREE_PROVIDER) has an umbrella association"));
		}
		fail(problems);
		return new Organization(o.id(), o.name().strip(), strip(o.description()), strip(o.website()),
				strip(o.email()), o.providerType(), strip(o.umbrellaAssociation()));
	}

	// offers

	private static final String OFFER_COLUMNS = """
			id, organization_id, name, description, status, url, email, free_of_charge, cost_text,
			application_process, legal_basis, capacity_places, waiting_time, last_confirmed, target_group, min_age,
			max_age, life_situations, approach, form, setting, languages""";

	/**
	 * Reads offers with their lists, in the order of {@code ids} (unknown ids left out): one query per table however
	 * many offers, so that a page of a hundred results costs seven queries, not seven hundred.
	 */
	@Override
	public List<Offer> offers(List<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		Long[] keys = ids.toArray(Long[]::new);
		Map<Long, List<String>> fields = byOffer("""
				select o.offer_id, f.key from offer.offer_field o join offer.field_of_action f on f.key = o.field_key
				where o.offer_id = any(?::bigint[]) order by f.rank""", keys, r -> r.getString(2));
		Map<Long, List<String>> groups = byOffer("""
				select o.offer_id, g.key from offer.offer_target_group o join offer.target_group g on g.key = o.group_key
				where o.offer_id = any(?::bigint[]) order by g.rank""", keys, r -> r.getString(2));
		Map<Long, List<Long>> locations = byOffer("""
				select offer_id, location_id from offer.service_at_location where offer_id = any(?::bigint[])
				order by location_id""", keys, r -> r.getLong(2));
		Map<Long, List<Long>> serviceAreas = byOffer("""
				select offer_id, area_id from offer.service_area where offer_id = any(?::bigint[])
				order by area_id""", keys, r -> r.getLong(2));
		Map<Long, List<Offer.Phone>> phones = byOffer("""
				select offer_id, number, description from offer.phone where offer_id = any(?::bigint[])
				order by id""", keys, r -> new Offer.Phone(r.getString(2), r.getString(3)));
		Map<Long, List<Offer.Schedule>> schedules = byOffer("""
				select offer_id, weekday, opens_at, closes_at from offer.schedule where offer_id = any(?::bigint[])
				order by weekday, opens_at""", keys, r -> new Offer.Schedule(r.getInt(2),
				r.getObject(3, LocalTime.class), r.getObject(4, LocalTime.class)));
		Map<Long, Offer> read = new HashMap<>();
		jdbc.sql("select " + OFFER_COLUMNS + " from offer.offer where id = any(?::bigint[])").param(keys)
			.query((ResultSet rs) -> {
				long id = rs.getLong("id");
				Array languages = rs.getArray("languages");
				read.put(id, new Offer(id, rs.getLong("organization_id"), rs.getString("name"),
						rs.getString("description"), Offer.Status.valueOf(rs.getString("status")), rs.getString("url"),
						rs.getString("email"), rs.getBoolean("free_of_charge"), rs.getString("cost_text"),
						rs.getString("application_process"), rs.getString("legal_basis"),
						(Integer) rs.getObject("capacity_places", Integer.class), rs.getString("waiting_time"),
						rs.getObject("last_confirmed", LocalDate.class), fields.getOrDefault(id, List.of()),
						rs.getString("target_group"), groups.getOrDefault(id, List.of()),
						(Integer) rs.getObject("min_age", Integer.class), (Integer) rs.getObject("max_age", Integer.class),
						rs.getString("life_situations"),
						rs.getString("approach") == null ? null : Offer.Approach.valueOf(rs.getString("approach")),
						rs.getString("form") == null ? null : Offer.Form.valueOf(rs.getString("form")),
						rs.getString("setting") == null ? null : Offer.Setting.valueOf(rs.getString("setting")),
						languages == null ? List.of() : List.of((String[]) languages.getArray()),
						locations.getOrDefault(id, List.of()), serviceAreas.getOrDefault(id, List.of()),
						phones.getOrDefault(id, List.of()), schedules.getOrDefault(id, List.of())));
			});
		return ids.stream().map(read::get).filter(Objects::nonNull).toList();
	}

	/** The rows of a child table by offer (the first column), in the query's order. */
	private <T> Map<Long, List<T>> byOffer(String sql, Long[] keys, RowReader<T> reader) {
		Map<Long, List<T>> rows = new HashMap<>();
		jdbc.sql(sql).param(keys).query((ResultSet rs) -> {
			rows.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(reader.read(rs));
		});
		return rows;
	}

	@FunctionalInterface
	private interface RowReader<T> {
		T read(ResultSet rs) throws SQLException;
	}

	@Override
	public OfferPage<Offer> offers(boolean activeOnly, int page, int size) {
		int s = size(size);
		int p = Math.max(0, page);
		String where = activeOnly ? " where status = 'ACTIVE'" : "";
		List<Offer> items = offers(jdbc.sql("select id from offer.offer" + where + " order by name, id limit ? offset ?")
			.params(s, (long) p * s).query(Long.class).list());
		long total = jdbc.sql("select count(*) from offer.offer" + where).query(Long.class).single();
		return new OfferPage<>(items, p, s, total);
	}

	@Override
	public Optional<Offer> offer(long id) {
		return offers(List.of(id)).stream().findFirst();
	}

	@Override
	public Offer createOffer(Offer offer) {
		return create(offerKind, offer);
	}

	@Override
	public Offer updateOffer(long id, Offer offer) {
		return update(offerKind, id, offer);
	}

	private final Kind<Offer> offerKind = new Kind<>("offer", "offer", this::offer, this::check, this::insert,
			this::write, Offer::name);

	private long insert(Offer o) {
		return jdbc.sql("insert into offer.offer (organization_id, name, status) values (?, ?, ?) returning id")
			.params(o.organizationId(), o.name(), o.status().name()).query(Long.class).single();
	}

	private void write(long id, Offer o) {
		jdbc.sql("""
				update offer.offer set organization_id = ?, name = ?, description = ?, status = ?, url = ?, email = ?,
				free_of_charge = ?, cost_text = ?, application_process = ?, legal_basis = ?, capacity_places = ?,
				waiting_time = ?, last_confirmed = ?, target_group = ?, min_age = ?, max_age = ?, life_situations = ?,
				approach = ?, form = ?, setting = ?, languages = ?::text[], updated_at = now() where id = ?""")
			.params(o.organizationId(), o.name(), o.description(), o.status().name(), o.url(), o.email(),
					o.freeOfCharge(), o.costText(), o.applicationProcess(), o.legalBasis(), o.capacityPlaces(),
					o.waitingTime(), o.lastConfirmed(), o.targetGroup(), o.minAge(), o.maxAge(), o.lifeSituations(),
					o.approach() == null ? null : o.approach().name(), o.form() == null ? null : o.form().name(),
					o.setting() == null ? null : o.setting().name(), "{" + String.join(",", o.languages()) + "}", id)
			.update();
		jdbc.sql("delete from offer.offer_field where offer_id = ?").param(id).update();
		for (String key : o.fieldsOfAction()) {
			jdbc.sql("insert into offer.offer_field (offer_id, field_key) values (?, ?)").params(id, key).update();
		}
		jdbc.sql("delete from offer.offer_target_group where offer_id = ?").param(id).update();
		for (String key : o.targetGroups()) {
			jdbc.sql("insert into offer.offer_target_group (offer_id, group_key) values (?, ?)").params(id, key)
				.update();
		}
		jdbc.sql("delete from offer.service_at_location where offer_id = ?").param(id).update();
		for (long location : new TreeSet<>(o.locationIds())) {
			jdbc.sql("insert into offer.service_at_location (offer_id, location_id) values (?, ?)")
				.params(id, location).update();
		}
		jdbc.sql("delete from offer.service_area where offer_id = ?").param(id).update();
		for (long area : new TreeSet<>(o.serviceAreaIds())) {
			jdbc.sql("insert into offer.service_area (offer_id, area_id) values (?, ?)").params(id, area).update();
		}
		jdbc.sql("delete from offer.phone where offer_id = ?").param(id).update();
		for (Offer.Phone phone : o.phones()) {
			jdbc.sql("insert into offer.phone (offer_id, number, description) values (?, ?, ?)")
				.params(id, phone.number(), phone.description()).update();
		}
		jdbc.sql("delete from offer.schedule where offer_id = ?").param(id).update();
		for (Offer.Schedule s : o.schedules()) {
			jdbc.sql("insert into offer.schedule (offer_id, weekday, opens_at, closes_at) values (?, ?, ?, ?)")
				.params(id, s.weekday(), s.opensAt(), s.closesAt()).update();
		}
		refreshSearchText("o.id = ?", id);
	}

	/**
	 * Recomputes what the search finds of the offers matching {@code condition} (on {@code o}, one parameter): after
	 * an offer, its organisation or one of its locations changed. A confidential location gives its name and town,
	 * never its street.
	 */
	private void refreshSearchText(String condition, Object... params) {
		jdbc.sql("""
				update offer.offer o set search_text = concat_ws(' ', o.name, o.description, o.target_group,
				    o.life_situations, o.legal_basis, o.application_process, org.name, org.umbrella_association,
				    (select string_agg(f.name_de || ' ' || f.name_en, ' ') from offer.offer_field x
				     join offer.field_of_action f on f.key = x.field_key where x.offer_id = o.id),
				    (select string_agg(g.name_de || ' ' || g.name_en, ' ') from offer.offer_target_group x
				     join offer.target_group g on g.key = x.group_key where x.offer_id = o.id),
				    (select string_agg(concat_ws(' ', l.name, l.postal_code, l.city,
				         case when not l.confidential then l.address_1 end), ' ')
				     from offer.service_at_location x join offer.location l on l.id = x.location_id
				     where x.offer_id = o.id))
				from offer.organization org where org.id = o.organization_id and\s""" + condition)
			.params(params).update();
	}

	/** Offers written before the search existed (or by SQL) get their search text once the application is up. */
	@EventListener(ApplicationReadyEvent.class)
	void refreshMissingSearchText() {
		refreshSearchText("o.search_text = ''");
	}

	Offer check(Offer o) {
		if (o == null) {
			throw new InvalidOfferException(List.of(new Problem("", "offer.body.missing", "No offer given")));
		}
		List<Problem> problems = new ArrayList<>();
		name("name", o.name(), problems);
		if (o.organizationId() == null) {
			problems.add(new Problem("organizationId", "offer.organization.missing", "The organisation is required"));
		} else if (organization(o.organizationId()).isEmpty()) {
			problems.add(new Problem("organizationId", "offer.organization.unknown",
					"There is no organisation " + o.organizationId()));
		}
		if (o.status() == null) {
			problems.add(new Problem("status", "offer.status.missing", "The status is required: ACTIVE or INACTIVE"));
		}
		email("email", o.email(), problems);
		url("url", o.url(), problems);
		if (Boolean.FALSE.equals(o.freeOfCharge()) && blank(o.costText())) {
			problems.add(new Problem("costText", "offer.cost.missing",
					"An offer that is not free of charge needs a cost description"));
		}
		if (o.capacityPlaces() != null && o.capacityPlaces() < 0) {
			problems.add(new Problem("capacityPlaces", "offer.capacity.negative", "Places cannot be negative"));
		}
		if (o.lastConfirmed() != null && o.lastConfirmed().isAfter(LocalDate.now().plusDays(1))) {
			problems.add(new Problem("lastConfirmed", "offer.confirmed.future", "Last confirmed lies in the future"));
		}
		if (o.fieldsOfAction().isEmpty()) {
			problems.add(new Problem("fieldsOfAction", "offer.fields.missing", "At least one field of action is required"));
		} else {
			Set<String> known = new TreeSet<>(fieldsOfAction().stream().map(FieldOfAction::key).toList());
			for (int i = 0; i < o.fieldsOfAction().size(); i++) {
				if (!known.contains(o.fieldsOfAction().get(i))) {
					problems.add(new Problem("fieldsOfAction[" + i + "]", "offer.field.unknown",
							"There is no field of action '" + o.fieldsOfAction().get(i) + "'"));
				}
			}
			if (new TreeSet<>(o.fieldsOfAction()).size() != o.fieldsOfAction().size()) {
				problems.add(new Problem("fieldsOfAction", "offer.fields.duplicate", "A field of action is listed twice"));
			}
		}
		Set<String> groups = new TreeSet<>(targetGroups().stream().map(TargetGroup::key).toList());
		for (int i = 0; i < o.targetGroups().size(); i++) {
			if (!groups.contains(o.targetGroups().get(i))) {
				problems.add(new Problem("targetGroups[" + i + "]", "offer.targetGroup.unknown",
						"There is no target group '" + o.targetGroups().get(i) + "'"));
			}
		}
		if (new TreeSet<>(o.targetGroups()).size() != o.targetGroups().size()) {
			problems.add(new Problem("targetGroups", "offer.targetGroups.duplicate", "A target group is listed twice"));
		}
		age("minAge", o.minAge(), problems);
		age("maxAge", o.maxAge(), problems);
		if (o.minAge() != null && o.maxAge() != null && o.minAge() > o.maxAge()) {
			problems.add(new Problem("maxAge", "offer.age.range", "The maximum age is below the minimum age"));
		}
		for (int i = 0; i < o.languages().size(); i++) {
			String language = o.languages().get(i);
			if (language == null || !LANGUAGE.matcher(language).matches()) {
				problems.add(new Problem("languages[" + i + "]", "offer.language.invalid",
						"A language is a two-letter ISO 639-1 code such as de or tr"));
			}
		}
		for (int i = 0; i < o.locationIds().size(); i++) {
			Long location = o.locationIds().get(i);
			if (location == null || location(location).isEmpty()) {
				problems.add(new Problem("locationIds[" + i + "]", "offer.location.unknown",
						"There is no location " + location));
			}
		}
		for (int i = 0; i < o.serviceAreaIds().size(); i++) {
			Long area = o.serviceAreaIds().get(i);
			if (area == null || areas.area(new AreaId(area)).isEmpty()) {
				problems.add(new Problem("serviceAreaIds[" + i + "]", "offer.area.unknown", "There is no area " + area));
			}
		}
		for (int i = 0; i < o.phones().size(); i++) {
			Offer.Phone phone = o.phones().get(i);
			if (phone == null || blank(phone.number()) || !phone.number().matches("[+0-9 ()/-]{3,40}")) {
				problems.add(new Problem("phones[" + i + "].number", "offer.phone.invalid",
						"A phone number has 3–40 digits, spaces and + ( ) / -"));
			}
		}
		for (int i = 0; i < o.schedules().size(); i++) {
			Offer.Schedule s = o.schedules().get(i);
			if (s == null || s.weekday() == null || s.weekday() < 1 || s.weekday() > 7) {
				problems.add(new Problem("schedules[" + i + "].weekday", "offer.schedule.weekday",
						"The weekday is 1 (Monday) to 7 (Sunday)"));
			}
			if (s == null || s.opensAt() == null || s.closesAt() == null || !s.opensAt().isBefore(s.closesAt())) {
				problems.add(new Problem("schedules[" + i + "].closesAt", "offer.schedule.times",
						"Opening and closing time are required, opening before closing"));
			}
		}
		fail(problems);
		return new Offer(o.id(), o.organizationId(), o.name().strip(), strip(o.description()), o.status(),
				strip(o.url()), strip(o.email()), o.freeOfCharge() == null || o.freeOfCharge(), strip(o.costText()),
				strip(o.applicationProcess()), strip(o.legalBasis()), o.capacityPlaces(), strip(o.waitingTime()),
				o.lastConfirmed(), o.fieldsOfAction(), strip(o.targetGroup()), o.targetGroups(), o.minAge(), o.maxAge(),
				strip(o.lifeSituations()), o.approach(), o.form(), o.setting(), o.languages(), o.locationIds(),
				o.serviceAreaIds(),
				o.phones().stream().map(p -> new Offer.Phone(p.number().strip(), strip(p.description()))).toList(),
				o.schedules());
	}

	// locations

	private static final String LOCATION_COLUMNS = "id, organization_id, name, address_1, postal_code, city, country,"
			+ " latitude, longitude, confidential, area_id, step_free, accessibility";

	private static Location location(ResultSet rs, int i) throws SQLException {
		return new Location(rs.getLong("id"), rs.getLong("organization_id"), rs.getString("name"),
				rs.getString("address_1"), rs.getString("postal_code"), rs.getString("city"), rs.getString("country"),
				(Double) rs.getObject("latitude", Double.class), (Double) rs.getObject("longitude", Double.class),
				rs.getBoolean("confidential"), (Long) rs.getObject("area_id", Long.class),
				(Boolean) rs.getObject("step_free", Boolean.class), rs.getString("accessibility"));
	}

	@Override
	public OfferPage<Location> locations(int page, int size) {
		int s = size(size);
		int p = Math.max(0, page);
		List<Location> items = jdbc
			.sql("select " + LOCATION_COLUMNS + " from offer.location order by name, id limit ? offset ?")
			.params(s, (long) p * s).query(JdbcOfferCatalog::location).list();
		long total = jdbc.sql("select count(*) from offer.location").query(Long.class).single();
		return new OfferPage<>(items, p, s, total);
	}

	@Override
	public Optional<Location> location(long id) {
		return jdbc.sql("select " + LOCATION_COLUMNS + " from offer.location where id = ?").param(id)
			.query(JdbcOfferCatalog::location).optional();
	}

	@Override
	public Location createLocation(Location location) {
		return create(locationKind, location);
	}

	@Override
	public Location updateLocation(long id, Location location) {
		return update(locationKind, id, location);
	}

	private final Kind<Location> locationKind = new Kind<>("location", "location", this::location, this::check,
			this::insert, this::write, Location::name);

	private long insert(Location l) {
		return jdbc.sql("insert into offer.location (organization_id, name) values (?, ?) returning id")
			.params(l.organizationId(), l.name()).query(Long.class).single();
	}

	private void write(long id, Location l) {
		Long areaId = l.latitude() == null ? null
				: areas.containing(GEMEINDE, l.longitude(), l.latitude()).map(AreaSummary::id).map(AreaId::value)
					.orElse(null);
		jdbc.sql("""
				update offer.location set organization_id = ?, name = ?, address_1 = ?, postal_code = ?, city = ?,
				country = ?, latitude = ?, longitude = ?, confidential = ?, area_id = ?, step_free = ?, accessibility = ?,
				updated_at = now() where id = ?""")
			.params(l.organizationId(), l.name(), l.address1(), l.postalCode(), l.city(), l.country(), l.latitude(),
					l.longitude(), l.confidentialOrFalse(), areaId, l.stepFree(), l.accessibility(), id)
			.update();
		refreshSearchText("o.id in (select offer_id from offer.service_at_location where location_id = ?)", id);
	}

	Location check(Location l) {
		if (l == null) {
			throw new InvalidOfferException(List.of(new Problem("", "offer.body.missing", "No location given")));
		}
		List<Problem> problems = new ArrayList<>();
		name("name", l.name(), problems);
		if (l.organizationId() == null) {
			problems.add(new Problem("organizationId", "location.organization.missing", "The organisation is required"));
		} else if (organization(l.organizationId()).isEmpty()) {
			problems.add(new Problem("organizationId", "location.organization.unknown",
					"There is no organisation " + l.organizationId()));
		}
		String country = blank(l.country()) ? "AT" : l.country().strip();
		if (!country.matches("[A-Z]{2}")) {
			problems.add(new Problem("country", "location.country.invalid",
					"The country is a two-letter ISO 3166 code such as AT or DE"));
		}
		if ((l.latitude() == null) != (l.longitude() == null)) {
			problems.add(new Problem(l.latitude() == null ? "latitude" : "longitude", "location.point.partial",
					"Give both latitude and longitude, or neither"));
		}
		if (l.latitude() != null && (l.latitude() < -90 || l.latitude() > 90 || l.latitude().isNaN())) {
			problems.add(new Problem("latitude", "location.latitude.range", "The latitude lies between -90 and 90"));
		}
		if (l.longitude() != null && (l.longitude() < -180 || l.longitude() > 180 || l.longitude().isNaN())) {
			problems.add(new Problem("longitude", "location.longitude.range",
					"The longitude lies between -180 and 180"));
		}
		if (l.confidentialOrFalse() && l.latitude() == null) {
			problems.add(new Problem("latitude", "location.confidential.point",
					"A confidential location needs its point, so that its Gemeinde can be found"));
		}
		if (l.accessibility() != null && l.accessibility().strip().length() > 1000) {
			problems.add(new Problem("accessibility", "location.accessibility.long",
					"The accessibility description has at most 1000 characters"));
		}
		fail(problems);
		return new Location(l.id(), l.organizationId(), l.name().strip(), strip(l.address1()), strip(l.postalCode()),
				strip(l.city()), country, l.latitude(), l.longitude(), l.confidentialOrFalse(), null, l.stepFree(),
				strip(l.accessibility()));
	}

	// saving: the same steps for organisations, offers and locations

	/**
	 * How one kind of record is saved: its change-log entity, the word in "not found" messages, how it is read,
	 * checked, given a row and written into it, and its name for the audit.
	 */
	private record Kind<T extends Record>(String entity, String what, LongFunction<Optional<T>> read,
			UnaryOperator<T> check, ToLongFunction<T> insert, BiConsumer<Long, T> write, Function<T, String> name) {
	}

	/** Checked as a whole (nothing written on a problem), written, logged field by field and audited. */
	private <T extends Record> T create(Kind<T> kind, T record) {
		return tx.execute(status -> {
			T clean = kind.check().apply(record);
			long id = kind.insert().applyAsLong(clean);
			kind.write().accept(id, clean);
			T saved = kind.read().apply(id).orElseThrow();
			logChanges(kind.entity(), id, null, saved);
			audit.record("offer." + kind.entity() + ".create", kind.entity(), Long.toString(id),
					Map.of("name", kind.name().apply(saved)));
			return saved;
		});
	}

	private <T extends Record> T update(Kind<T> kind, long id, T record) {
		return tx.execute(status -> {
			T old = kind.read().apply(id)
				.orElseThrow(() -> new java.util.NoSuchElementException("No " + kind.what() + " " + id));
			T clean = kind.check().apply(record);
			kind.write().accept(id, clean);
			T saved = kind.read().apply(id).orElseThrow();
			int changed = logChanges(kind.entity(), id, old, saved);
			audit.record("offer." + kind.entity() + ".update", kind.entity(), Long.toString(id),
					Map.of("fields", changed));
			return saved;
		});
	}

	// members

	@Override
	public Set<Long> organizationsOf(String username) {
		return new TreeSet<>(jdbc.sql("select organization_id from offer.member where username = ?").param(username)
			.query(Long.class).list());
	}

	@Override
	public void addMember(String username, long organizationId) {
		tx.executeWithoutResult(status -> {
			int added = jdbc.sql("""
					insert into offer.member (username, organization_id) values (?, ?) on conflict do nothing""")
				.params(username, organizationId).update();
			if (added > 0) {
				audit.record("offer.member.add", "organization", Long.toString(organizationId),
						Map.of("username", username));
			}
		});
	}

	// change log

	@Override
	public List<ChangeLogEntry> changes(String entity, long id) {
		return jdbc.sql("""
				select changed_at, actor, entity, entity_id, field, old_value, new_value from offer.change_log
				where entity = ? and entity_id = ? order by id""")
			.params(entity, id)
			.query((rs, i) -> new ChangeLogEntry(rs.getObject(1, Timestamp.class).toInstant(), rs.getString(2),
					rs.getString(3), rs.getLong(4), rs.getString(5), rs.getString(6), rs.getString(7)))
			.list();
	}

	/** Writes one change-log row per field that differs (every set field when {@code old} is null). */
	private int logChanges(String entity, long id, Record old, Record now) {
		Map<String, String> before = old == null ? Map.of() : fields(old);
		Map<String, String> after = fields(now);
		String actor = audit.currentActor();
		int changed = 0;
		for (Map.Entry<String, String> e : after.entrySet()) {
			String previous = before.get(e.getKey());
			if (!Objects.equals(previous, e.getValue())) {
				jdbc.sql("""
						insert into offer.change_log (actor, entity, entity_id, field, old_value, new_value)
						values (?, ?, ?, ?, ?, ?)""")
					.params(actor, entity, id, e.getKey(), previous, e.getValue()).update();
				changed++;
			}
		}
		return changed;
	}

	private static Map<String, String> fields(Record record) {
		Map<String, String> fields = new LinkedHashMap<>();
		for (RecordComponent c : record.getClass().getRecordComponents()) {
			if (c.getName().equals("id")) {
				continue;
			}
			try {
				Object value = c.getAccessor().invoke(record);
				boolean empty = value == null || value instanceof List<?> list && list.isEmpty();
				fields.put(c.getName(), empty ? null : String.valueOf(value));
			} catch (ReflectiveOperationException e) {
				throw new IllegalStateException(e);
			}
		}
		return fields;
	}

	// validation helpers

	private static void fail(List<Problem> problems) {
		if (!problems.isEmpty()) {
			throw new InvalidOfferException(problems);
		}
	}

	private static void name(String field, String value, List<Problem> problems) {
		if (blank(value) || value.strip().length() > 200) {
			problems.add(new Problem(field, "offer.name.invalid", "The name is required, at most 200 characters"));
		}
	}

	private static void email(String field, String value, List<Problem> problems) {
		if (!blank(value) && !EMAIL.matcher(value.strip()).matches()) {
			problems.add(new Problem(field, "offer.email.invalid", "Not an e-mail address: " + value));
		}
	}

	private static void url(String field, String value, List<Problem> problems) {
		if (!blank(value) && !URL.matcher(value.strip()).matches()) {
			problems.add(new Problem(field, "offer.url.invalid", "A web address starts with http:// or https://"));
		}
	}

	private static void age(String field, Integer value, List<Problem> problems) {
		if (value != null && (value < 0 || value > 120)) {
			problems.add(new Problem(field, "offer.age.range", "An age lies between 0 and 120"));
		}
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}

	private static String strip(String s) {
		return blank(s) ? null : s.strip();
	}

	private static int size(int size) {
		return Math.max(1, Math.min(MAX_SIZE, size));
	}

	// maintenance

	@Override
	public List<Offer> offersOf(long organizationId) {
		return offers(jdbc.sql("select id from offer.offer where organization_id = ? order by name, id")
			.param(organizationId).query(Long.class).list());
	}

	@Override
	public List<Location> locationsOf(long organizationId) {
		return jdbc.sql("select " + LOCATION_COLUMNS + " from offer.location where organization_id = ? order by name, id")
			.param(organizationId).query(JdbcOfferCatalog::location).list();
	}

	@Override
	public List<Offer> confirm(java.util.Collection<Long> offerIds) {
		return tx.execute(status -> {
			LocalDate today = LocalDate.now();
			List<Offer> confirmed = new ArrayList<>();
			for (long id : new TreeSet<>(offerIds)) {
				Offer old = offer(id).orElseThrow(() -> new java.util.NoSuchElementException("No offer " + id));
				// only the date: confirming says the offer is still as described, it changes nothing else
				jdbc.sql("update offer.offer set last_confirmed = ? where id = ?").params(today, id).update();
				Offer saved = offer(id).orElseThrow();
				logChanges("offer", id, old, saved);
				audit.record("offer.offer.confirm", "offer", Long.toString(id), Map.of("lastConfirmed", today.toString()));
				confirmed.add(saved);
			}
			return confirmed;
		});
	}

	/** The offer as it would be saved, or every problem: for a change that is held for review before it is saved. */
	Offer validated(Offer offer) {
		return check(offer);
	}
}
