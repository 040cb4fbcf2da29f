package org.spange.offer.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.spange.access.AuditLog;
import org.spange.area.AreaDetail;
import org.spange.area.AreaHierarchy;
import org.spange.area.AreaId;
import org.spange.area.AreaQueries;
import org.spange.offer.InvalidOfferException;
import org.spange.offer.InvalidOfferException.Problem;
import org.spange.offer.Location;
import org.spange.offer.Offer;
import org.spange.offer.OfferReview;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;

@Service
class JdbcOfferReview implements OfferReview {

	private static final int MAX_REASON = 2000;

	private final JdbcClient jdbc;
	private final TransactionTemplate tx;
	private final AuditLog audit;
	private final AreaQueries areas;
	private final JdbcOfferCatalog catalog;
	private final JsonMapper json;
	private final Period confirmAfter;
	private final boolean reviewByDefault;

	/** Top-level area(s) of every area, read once per area data version. */
	private volatile Roots roots;

	private record Roots(long version, Map<Long, Set<Long>> rootsOf, Set<Long> all) {
	}

	JdbcOfferReview(JdbcClient jdbc, TransactionTemplate tx, AuditLog audit, AreaQueries areas,
			JdbcOfferCatalog catalog, JsonMapper json, @Value("${spange.offers.confirm-after:P12M}") String confirmAfter,
			@Value("${spange.offers.review-provider-changes:false}") boolean reviewByDefault) {
		this.jdbc = jdbc;
		this.tx = tx;
		this.audit = audit;
		this.areas = areas;
		this.catalog = catalog;
		this.json = json;
		this.confirmAfter = Period.parse(confirmAfter);
		if (this.confirmAfter.isNegative() || this.confirmAfter.isZero()) {
			throw new IllegalArgumentException("spange.offers.confirm-after must be a positive period: " + confirmAfter);
		}
		this.reviewByDefault = reviewByDefault;
	}

	@Override
	public Period confirmAfter() {
		return confirmAfter;
	}

	@Override
	public List<Freshness> freshness() {
		// the same rule as stale(Offer), in one query for all organisations
		return jdbc.sql("""
				select g.id, g.name, count(*),
				       count(*) filter (where o.last_confirmed is null or o.last_confirmed < ?)
				from offer.offer o join offer.organization g on g.id = o.organization_id
				group by g.id, g.name order by g.name, g.id""")
			.param(LocalDate.now().minus(confirmAfter))
			.query((rs, i) -> new Freshness(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4))).list();
	}

	// which changes are reviewed

	@Override
	public boolean reviewRequired(Offer current, Offer proposed) {
		// the places before and after: a provider cannot leave a reviewed region unseen by removing its locations
		Set<Long> places = new HashSet<>();
		for (Offer o : new Offer[] { current, proposed }) {
			if (o == null) {
				continue;
			}
			places.addAll(o.serviceAreaIds());
			for (Long location : o.locationIds()) {
				if (location != null) {
					catalog.location(location).map(Location::areaId).ifPresent(places::add);
				}
			}
		}
		Map<Long, Set<Long>> rootsOf = roots().rootsOf();
		Set<Long> tops = new TreeSet<>();
		for (long place : places) {
			tops.addAll(rootsOf.getOrDefault(place, Set.of()));
		}
		if (tops.isEmpty()) {
			return reviewByDefault;
		}
		Map<Long, Boolean> stored = storedRules();
		return tops.stream().anyMatch(top -> stored.getOrDefault(top, reviewByDefault));
	}

	private Roots roots() {
		Roots known = roots;
		if (known != null && known.version() == areas.dataVersion()) {
			return known;
		}
		AreaHierarchy hierarchy = areas.hierarchy();
		// parents over all schemes: a Gemeinde may be a root of one scheme (a flat list, or Zählsprengel under
		// Gemeinden) and lie under a Bezirk and a Land in another
		Map<Long, Set<Long>> parentsOf = new HashMap<>();
		Set<Long> isParent = new HashSet<>();
		for (AreaHierarchy.Member m : hierarchy.members()) {
			Set<Long> parents = parentsOf.computeIfAbsent(m.area().value(), k -> new HashSet<>());
			if (m.parent() != null) {
				parents.add(m.parent().value());
				isParent.add(m.parent().value());
			}
		}
		// top-level: a parent of something, a child of nothing
		Set<Long> all = new TreeSet<>();
		for (long parent : isParent) {
			if (parentsOf.getOrDefault(parent, Set.of()).isEmpty()) {
				all.add(parent);
			}
		}
		Map<Long, Set<Long>> rootsOf = new HashMap<>();
		for (long area : parentsOf.keySet()) {
			Set<Long> seen = new HashSet<>();
			List<Long> todo = new ArrayList<>(List.of(area));
			// the visited set keeps a broken (cyclic) hierarchy from hanging a write
			while (!todo.isEmpty()) {
				long next = todo.remove(todo.size() - 1);
				if (seen.add(next)) {
					todo.addAll(parentsOf.getOrDefault(next, Set.of()));
				}
			}
			seen.retainAll(all);
			if (!seen.isEmpty()) {
				rootsOf.put(area, new TreeSet<>(seen));
			}
		}
		Roots read = new Roots(hierarchy.version(), rootsOf, all);
		roots = read;
		return read;
	}

	private Map<Long, Boolean> storedRules() {
		Map<Long, Boolean> rules = new HashMap<>();
		jdbc.sql("select area_id, review_required from offer.review_rule")
			.query((ResultSet rs) -> {
				rules.put(rs.getLong(1), rs.getBoolean(2));
			});
		return rules;
	}

	@Override
	public List<Rule> rules() {
		Map<Long, Boolean> stored = storedRules();
		List<Rule> rules = new ArrayList<>();
		for (long top : roots().all()) {
			Optional<AreaDetail> area = areas.area(new AreaId(top));
			if (area.isEmpty()) {
				continue;
			}
			rules.add(new Rule(top, area.get().area().name(), area.get().area().levelKey(),
					stored.getOrDefault(top, reviewByDefault), stored.containsKey(top)));
		}
		rules.sort((a, b) -> a.name().compareToIgnoreCase(b.name()));
		return rules;
	}

	@Override
	public void setRules(Map<Long, Boolean> reviewRequired) {
		Set<Long> tops = roots().all();
		for (long area : reviewRequired.keySet()) {
			if (!tops.contains(area)) {
				throw new IllegalArgumentException("Area " + area + " is no top-level area");
			}
		}
		tx.executeWithoutResult(status -> {
			Map<Long, Boolean> stored = storedRules();
			String actor = audit.currentActor();
			for (Map.Entry<Long, Boolean> e : reviewRequired.entrySet()) {
				boolean now = Boolean.TRUE.equals(e.getValue());
				// an untouched area keeps following the setting
				if (stored.getOrDefault(e.getKey(), reviewByDefault) == now) {
					continue;
				}
				jdbc.sql("""
						insert into offer.review_rule (area_id, review_required, changed_by) values (?, ?, ?)
						on conflict (area_id) do update set review_required = excluded.review_required,
						changed_by = excluded.changed_by, changed_at = now()""")
					.params(e.getKey(), now, actor).update();
				audit.record("offer.review.rule", "area", Long.toString(e.getKey()), Map.of("reviewRequired", now));
			}
		});
	}

	// proposing and deciding

	@Override
	public Outcome propose(Long offerId, Offer offer) {
		return tx.execute(status -> {
			Offer current = offerId == null ? null
					: catalog.offer(offerId).orElseThrow(() -> new NoSuchElementException("No offer " + offerId));
			Offer clean = catalog.validated(offer);
			if (!reviewRequired(current, clean)) {
				return new Outcome(offerId == null ? catalog.createOffer(offer) : catalog.updateOffer(offerId, offer),
						null);
			}
			String actor = audit.currentActor();
			if (offerId != null) {
				// the newest proposal is the one to decide on
				jdbc.sql("""
						update offer.pending_change set status = 'SUPERSEDED', decided_by = ?, decided_at = now()
						where offer_id = ? and status = 'PENDING'""").params(actor, offerId).update();
			}
			Offer proposed = withId(clean, offerId);
			long organization = current == null ? clean.organizationId() : current.organizationId();
			long id = jdbc.sql("""
					insert into offer.pending_change (offer_id, organization_id, proposed, proposed_by)
					values (?, ?, ?::jsonb, ?) returning id""")
				.params(offerId, organization, json.writeValueAsString(proposed), actor).query(Long.class).single();
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("pendingChange", id);
			details.put("organization", organization);
			audit.record("offer.review.propose", "offer", offerId == null ? null : offerId.toString(), details);
			return new Outcome(null, id);
		});
	}

	@Override
	public Offer approve(long id) {
		return tx.execute(status -> {
			PendingChange change = open(id);
			Offer saved = change.offerId() == null ? catalog.createOffer(withId(change.proposed(), null))
					: catalog.updateOffer(change.offerId(), change.proposed());
			jdbc.sql("""
					update offer.pending_change set status = 'APPROVED', decided_by = ?, decided_at = now(),
					result_offer_id = ? where id = ?""").params(audit.currentActor(), saved.id(), id).update();
			audit.record("offer.review.approve", "offer", Long.toString(saved.id()),
					Map.of("pendingChange", id, "proposedBy", change.proposedBy()));
			return saved;
		});
	}

	@Override
	public PendingChange reject(long id, String reason) {
		if (reason == null || reason.isBlank() || reason.strip().length() > MAX_REASON) {
			throw new InvalidOfferException(List.of(new Problem("reason", "review.reason.missing",
					"A reason is required (at most " + MAX_REASON + " characters): the provider reads it")));
		}
		return tx.execute(status -> {
			PendingChange change = open(id);
			jdbc.sql("""
					update offer.pending_change set status = 'REJECTED', decided_by = ?, decided_at = now(), reason = ?
					where id = ?""").params(audit.currentActor(), reason.strip(), id).update();
			audit.record("offer.review.reject", "offer", change.offerId() == null ? null : change.offerId().toString(),
					Map.of("pendingChange", id, "proposedBy", change.proposedBy()));
			return change(id).orElseThrow();
		});
	}

	/** The pending change, locked against a second decision at the same time. */
	private PendingChange open(long id) {
		PendingChange change = jdbc.sql("select " + COLUMNS + " from offer.pending_change where id = ? for update")
			.param(id).query(this::pendingChange).optional()
			.orElseThrow(() -> new NoSuchElementException("No pending change " + id));
		if (change.status() != Status.PENDING) {
			throw new IllegalStateException("The change " + id + " is decided already: " + change.status());
		}
		return change;
	}

	private static Offer withId(Offer o, Long id) {
		return new Offer(id, o.organizationId(), o.name(), o.description(), o.status(), o.url(), o.email(),
				o.freeOfCharge(), o.costText(), o.applicationProcess(), o.legalBasis(), o.capacityPlaces(),
				o.waitingTime(), o.lastConfirmed(), o.fieldsOfAction(), o.targetGroup(), o.targetGroups(), o.minAge(),
				o.maxAge(), o.lifeSituations(), o.approach(), o.form(), o.setting(), o.languages(), o.locationIds(),
				o.serviceAreaIds(), o.phones(), o.schedules());
	}

	// reading

	private static final String COLUMNS = """
			id, offer_id, organization_id, proposed::text as proposed, proposed_by, proposed_at, status, decided_by,
			decided_at, reason, result_offer_id""";

	private PendingChange pendingChange(ResultSet rs, int i) throws SQLException {
		return new PendingChange(rs.getLong("id"), (Long) rs.getObject("offer_id", Long.class),
				rs.getLong("organization_id"), json.readValue(rs.getString("proposed"), Offer.class),
				rs.getString("proposed_by"), instant(rs.getTimestamp("proposed_at")),
				Status.valueOf(rs.getString("status")), rs.getString("decided_by"),
				instant(rs.getTimestamp("decided_at")), rs.getString("reason"),
				(Long) rs.getObject("result_offer_id", Long.class));
	}

	private static Instant instant(Timestamp t) {
		return t == null ? null : t.toInstant();
	}

	@Override
	public List<PendingChange> pending() {
		return jdbc.sql("select " + COLUMNS + " from offer.pending_change where status = 'PENDING' order by proposed_at, id")
			.query(this::pendingChange).list();
	}

	@Override
	public List<PendingChange> changesOf(long organizationId) {
		return jdbc.sql("select " + COLUMNS
				+ " from offer.pending_change where organization_id = ? order by proposed_at desc, id desc limit 200")
			.param(organizationId).query(this::pendingChange).list();
	}

	@Override
	public Optional<PendingChange> change(long id) {
		return jdbc.sql("select " + COLUMNS + " from offer.pending_change where id = ?").param(id)
			.query(this::pendingChange).optional();
	}
}
