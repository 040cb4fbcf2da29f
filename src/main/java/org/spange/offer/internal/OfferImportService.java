package org.spange.offer.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.spange.access.AuditLog;
import org.spange.offer.FieldOfAction;
import org.spange.offer.InvalidOfferException;
import org.spange.offer.InvalidOfferException.Problem;
import org.spange.offer.Location;
import org.spange.offer.Offer;
import org.spange.offer.OfferImport;
import org.spange.offer.Organization;
import org.spange.offer.ProviderType;
import org.spange.offer.TargetGroup;
import org.spange.platform.imports.CsvTable;
import org.spange.platform.imports.ImportProblem;
import org.spange.platform.imports.ImportReport;
import org.spange.platform.imports.ImportReport.Outcome;
import org.spange.platform.imports.TextFiles;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Offer import from HSDS 3.0 JSON or the CSV template. The file is read into drafts (organisation, locations, offer
 * per record), every draft is checked with the catalog's own rules, duplicates are looked up by trigram similarity,
 * and only then — with no problem and a decision for every candidate — everything is written through the catalog in
 * one transaction, so that the change log and the audit log are kept as for single writes.
 */
@Service
class OfferImportService implements OfferImport {

	static final String KIND = "offers";

	/*
	 * Thresholds for pg_trgm's similarity (0–1), measured on the demo inventory and typical variants: a typo in an
	 * offer name scores 0.84–0.90; the same kind of offer in another Gemeinde 0.5 ("Familienberatung Dornbirn" /
	 * "… Bregenz") up to 0.83 for long names; the same address written differently ("Hauptstr. 12" / "Hauptstraße
	 * 12", with or without postal code) 0.81–0.83, addresses in different towns mostly below 0.6 (at most 0.75).
	 * Trigrams barely see house numbers (12 / 21: 0.81), so a candidate is only a question to the planner.
	 */
	/** Name similarity from which an offer with a similar address may be the same offer. */
	static final double OFFER_NAME_SIMILARITY = 0.6;
	/** Without an address on either side, only a nearly identical name counts (long names in other towns: 0.83). */
	static final double OFFER_NAME_ONLY_SIMILARITY = 0.85;
	/** Address (street, postal code, town) similarity from which two locations may be the same place. */
	static final double ADDRESS_SIMILARITY = 0.7;
	/** Organisation names are short: "Verein Miteinander" / "Miteinander" scores 0.67, unrelated ones below 0.6. */
	static final double ORGANIZATION_NAME_SIMILARITY = 0.65;
	/** Candidates listed per imported record, the most similar first. */
	private static final int MAX_CANDIDATES = 3;
	/** Problems reported at most; the rest are counted. */
	static final int MAX_PROBLEMS = 1000;
	/** The template's example row starts its organisation with this word; an import refuses such a row. */
	static final String EXAMPLE_MARKER = "BEISPIEL";

	private static final Pattern INDEXED = Pattern.compile("([a-zA-Z]+)(?:\\[(\\d+)])?(.*)");
	private static final String[] WEEKDAYS = { "MO", "TU", "WE", "TH", "FR", "SA", "SU" };

	private final JdbcOfferCatalog catalog;
	private final JdbcClient jdbc;
	private final TransactionTemplate tx;
	private final AuditLog audit;
	private final JsonMapper json;
	private final long maxBytes;

	OfferImportService(JdbcOfferCatalog catalog, JdbcClient jdbc, TransactionTemplate tx, AuditLog audit,
			JsonMapper json, @Value("${spange.import.max-file-size:20MB}") DataSize maxSize) {
		this.catalog = catalog;
		this.jdbc = jdbc;
		this.tx = tx;
		this.audit = audit;
		this.json = json;
		this.maxBytes = maxSize.toBytes();
	}

	// what a file is read into

	/** An organisation as read; records naming the same organisation (by name) share one draft. */
	private static final class OrgDraft {
		final int record;
		final String field;
		Organization organization;
		Long existingId;
		Long writtenId;

		OrgDraft(int record, String field, Organization organization) {
			this.record = record;
			this.field = field;
			this.organization = organization;
		}
	}

	/** A location as read; records naming the same place share one draft. */
	private static final class LocDraft {
		final int record;
		final String fieldPrefix;
		final Location location;
		final OrgDraft organization;
		Long writtenId;

		LocDraft(int record, String fieldPrefix, Location location, OrgDraft organization) {
			this.record = record;
			this.fieldPrefix = fieldPrefix;
			this.location = location;
			this.organization = organization;
		}

		String address() {
			return address(location.address1(), location.postalCode(), location.city());
		}

		static String address(String street, String postalCode, String city) {
			String a = String.join(" ", java.util.stream.Stream.of(street, postalCode, city)
				.filter(s -> s != null && !s.isBlank()).map(String::strip).toList());
			return a.isEmpty() ? null : a;
		}
	}

	/** One imported offer with where it came from; {@code offer} has no organisation or location ids yet. */
	private record Draft(int record, OrgDraft organization, List<LocDraft> locations, Offer offer) {
	}

	/** The file read into drafts; the functions name a catalog field (offer, organisation, location) as the file does. */
	private record Read(Format format, List<Draft> drafts, Function<String, String> offerFields,
			Function<String, String> orgFields, Function<String, String> locationFields) {
	}

	/** Problems in file order, at most {@link #MAX_PROBLEMS}. */
	private static final class Problems {
		final List<ImportProblem> list = new ArrayList<>();
		final List<ImportProblem> warnings = new ArrayList<>();
		ImportProblem.Unit unit = ImportProblem.Unit.LINE;
		/** Cells that could not be read: the catalog's check would only repeat that they are empty. */
		final Set<String> unreadable = new java.util.HashSet<>();
		int dropped;

		void file(String code, String message, Object... args) {
			add(ImportProblem.file(code, message, args));
		}

		/** A cell that cannot be read as what its column holds. */
		void unreadable(int record, String field, String code, String message, Object... args) {
			unreadable.add(record + "\u0000" + field);
			at(record, field, code, message, args);
		}

		void at(int record, String field, String code, String message, Object... args) {
			add(unit == ImportProblem.Unit.LINE ? ImportProblem.line(record, field, code, message, args)
					: ImportProblem.feature(record, field, code, message, args));
		}

		void add(ImportProblem p) {
			if (list.size() < MAX_PROBLEMS) {
				list.add(p);
			} else {
				dropped++;
			}
		}

		boolean any() {
			return !list.isEmpty();
		}

		/** In file order: the whole file first, then by line or record. */
		List<ImportProblem> all() {
			List<ImportProblem> all = new ArrayList<>(list);
			all.sort(java.util.Comparator.comparing(ImportProblem::number,
					java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder())));
			if (dropped == 0) {
				return all;
			}
			all.add(ImportProblem.file("import.observation.moreProblems", dropped + " further problems are not listed",
					dropped));
			return all;
		}
	}

	// the two entry points

	@Override
	public Result check(String fileName, byte[] content, Options options) {
		return run(fileName, content, options, null);
	}

	@Override
	public Result write(String fileName, byte[] content, Options options, Map<String, Decision> decisions) {
		return run(fileName, content, options, decisions == null ? Map.of() : decisions);
	}

	private Result run(String fileName, byte[] content, Options options, Map<String, Decision> decisions) {
		Options opts = options == null ? Options.DEFAULTS : options;
		String name = fileName == null || fileName.isBlank() ? "upload" : fileName;
		Problems problems = new Problems();
		Format format = opts.format() != null ? opts.format() : detect(name, content);
		if (content == null || content.length == 0) {
			problems.file("import.empty", "The file is empty");
			return rejected(name, format, 0, problems);
		}
		if (content.length > maxBytes) {
			long mb = (content.length + 999_999L) / 1_000_000L;
			long max = maxBytes / 1_000_000L;
			problems.file("import.tooLarge", "The file has " + mb + " MB; at most " + max + " MB are accepted", mb,
					max);
			return rejected(name, format, 0, problems);
		}
		Set<String> fieldKeys = new LinkedHashSet<>(catalog.fieldsOfAction().stream().map(FieldOfAction::key).toList());
		String defaultField = blank(opts.defaultFieldOfAction()) ? null : opts.defaultFieldOfAction().strip();
		if (defaultField != null && !fieldKeys.contains(defaultField)) {
			problems.file("import.offer.defaultField", "There is no field of action '" + defaultField + "'",
					defaultField);
			return rejected(name, format, 0, problems);
		}
		String text = TextFiles.decode(content);
		Read read = format == Format.HSDS ? readHsds(text, opts, problems) : readCsv(text, opts, problems);
		List<Draft> drafts = read == null ? List.of() : read.drafts();
		if (read != null && drafts.isEmpty() && !problems.any()) {
			problems.file("import.offer.noRecords", "The file has no offers");
		}
		if (read != null) {
			drafts = withDefaultField(drafts, defaultField);
			validate(read, drafts, problems);
		}
		if (problems.any()) {
			return rejected(name, format, drafts.size(), problems);
		}
		List<Candidate> candidates = candidates(drafts);
		if (decisions == null) {
			return preview(name, format, drafts, candidates, undecided(candidates, Map.of()), problems);
		}
		// decisions must name a candidate of their key
		for (Map.Entry<String, Decision> d : decisions.entrySet()) {
			if (d.getValue() != null && !d.getValue().createNew() && candidates.stream()
				.noneMatch(c -> c.key().equals(d.getKey()) && c.existingId() == d.getValue().mergeInto())) {
				problems.file("import.offer.decision.invalid", "'" + d.getKey() + "' cannot be merged into "
						+ d.getValue().mergeInto() + ": it is not one of its duplicate candidates", d.getKey(),
						d.getValue().mergeInto());
			}
		}
		List<String> undecided = undecided(candidates, decisions);
		if (!undecided.isEmpty()) {
			problems.file("import.offer.undecided", undecided.size() + " duplicate candidates have no decision ("
					+ String.join(", ", undecided) + "): nothing was written. Name each in 'merge' as key:id or"
					+ " key:new", undecided.size(), String.join(", ", undecided));
		}
		if (problems.any()) {
			Result r = rejected(name, format, drafts.size(), problems);
			return new Result(r.report(), format, candidates, undecided, 0, 0, 0, 0, List.of());
		}
		List<Draft> checked = drafts;
		try {
			return tx.execute(status -> writeAll(name, format, checked, candidates, decisions, problems));
		} catch (InvalidOfferException e) {
			// only when the stored data changed between check and write
			for (Problem p : e.problems()) {
				problems.file("import.offer.writeFailed", p.field() + ": " + p.message(), p.field(), p.message());
			}
			Result r = rejected(name, format, drafts.size(), problems);
			return new Result(r.report(), format, candidates, List.of(), 0, 0, 0, 0, List.of());
		}
	}

	private static Format detect(String name, byte[] content) {
		String lower = name.toLowerCase(Locale.ROOT);
		if (lower.endsWith(".json")) {
			return Format.HSDS;
		}
		if (lower.endsWith(".csv") || lower.endsWith(".txt")) {
			return Format.CSV;
		}
		if (content != null) {
			for (byte b : content) {
				if (b == '{' || b == '[') {
					return Format.HSDS;
				}
				if (!Character.isWhitespace(b) && (b & 0xff) != 0xEF && (b & 0xff) != 0xBB && (b & 0xff) != 0xBF) {
					break;
				}
			}
		}
		return Format.CSV;
	}

	private static List<Draft> withDefaultField(List<Draft> drafts, String defaultField) {
		if (defaultField == null) {
			return drafts;
		}
		return drafts.stream().map(d -> d.offer().fieldsOfAction().isEmpty() ? new Draft(d.record(),
				d.organization(), d.locations(), withFields(d.offer(), List.of(defaultField))) : d).toList();
	}

	// validation with the catalog's rules

	private void validate(Read read, List<Draft> drafts, Problems problems) {
		Map<OrgDraft, Boolean> orgsSeen = new java.util.IdentityHashMap<>();
		Map<LocDraft, Boolean> locationsSeen = new java.util.IdentityHashMap<>();
		for (Draft d : drafts) {
			OrgDraft org = d.organization();
			if (orgsSeen.put(org, Boolean.TRUE) == null) {
				org.existingId = existingOrganization(org.organization.name()).orElse(null);
				if (org.existingId == null) {
					report(() -> catalog.check(org.organization), org.record, read.orgFields(), problems, Set.of(),
							null);
				}
			}
			for (LocDraft l : d.locations()) {
				if (locationsSeen.put(l, Boolean.TRUE) == null) {
					report(() -> catalog.check(l.location), l.record, f -> l.fieldPrefix + read.locationFields()
						.apply(f), problems, Set.of("organizationId"), null);
				}
			}
			// a new offer without status becomes active; a merged one keeps its own
			Offer offer = withOrganization(d.offer().status() == null ? withStatus(d.offer(), Offer.Status.ACTIVE)
					: d.offer(), org.existingId);
			report(() -> catalog.check(offer), d.record(), read.offerFields(), problems,
					org.existingId == null ? Set.of("organizationId") : Set.of(), offer);
		}
		// the same offer twice in one file
		Map<String, Integer> seen = new HashMap<>();
		for (Draft d : drafts) {
			String key = normal(d.organization().organization.name()) + "\u0000" + normal(d.offer().name());
			Integer first = seen.putIfAbsent(key, d.record());
			if (first != null && d.offer().name() != null) {
				problems.at(d.record(), read.offerFields().apply("name"), "import.offer.twice",
						"The same offer of the same organisation is already in record " + first, first);
			}
		}
	}

	private interface Check {
		void run();
	}

	/**
	 * Runs a catalog check and reports its problems at the record, with the file's field names; problems of
	 * {@code ignored} fields (references to what the import creates itself) are left out.
	 */
	/** Checks whose import message names the value (a list entry the file gave): the others use problem.<code>. */
	private static final Set<String> WITH_VALUE = Set.of("offer.field.unknown", "offer.targetGroup.unknown",
			"offer.language.invalid", "offer.phone.invalid");

	private static void report(Check check, int record, Function<String, String> fields, Problems problems,
			Set<String> ignored, Offer offer) {
		try {
			check.run();
		} catch (InvalidOfferException e) {
			for (Problem p : e.problems()) {
				String field = fields.apply(p.field());
				if (ignored.contains(p.field()) || problems.unreadable.contains(record + "\u0000" + field)) {
					continue;
				}
				// the shared text of the check, or the import's own one that names the offending value
				String key = WITH_VALUE.contains(p.code()) ? "import.offer.check." + p.code() : "problem." + p.code();
				problems.at(record, field, key, p.message(), value(p.field(), offer));
			}
		}
	}

	/** The offending value of a list field ({@code fieldsOfAction[1]} …), for the message. */
	private static String value(String field, Offer offer) {
		if (offer == null || field == null) {
			return "";
		}
		Matcher m = INDEXED.matcher(field);
		if (!m.matches() || m.group(2) == null) {
			return "";
		}
		int i = Integer.parseInt(m.group(2));
		List<?> list = switch (m.group(1)) {
			case "fieldsOfAction" -> offer.fieldsOfAction();
			case "targetGroups" -> offer.targetGroups();
			case "languages" -> offer.languages();
			case "phones" -> offer.phones().stream().map(p -> p == null ? null : p.number()).toList();
			default -> List.of();
		};
		return i < list.size() ? String.valueOf(list.get(i)) : "";
	}

	private Optional<Long> existingOrganization(String name) {
		if (blank(name)) {
			return Optional.empty();
		}
		return jdbc.sql("""
				select id from offer.organization where lower(regexp_replace(btrim(name), '\\s+', ' ', 'g')) = ?
				order by id limit 1""").param(normal(name)).query(Long.class).optional();
	}

	// duplicates

	private List<Candidate> candidates(List<Draft> drafts) {
		List<Candidate> out = new ArrayList<>();
		Map<OrgDraft, Boolean> orgsSeen = new java.util.IdentityHashMap<>();
		for (Draft d : drafts) {
			OrgDraft org = d.organization();
			if (org.existingId == null && orgsSeen.put(org, Boolean.TRUE) == null) {
				String n = org.organization.name().strip();
				jdbc.sql("""
						select id, name, public.similarity(lower(name), lower(cast(:n as text))) as s
						from offer.organization where public.similarity(lower(name), lower(cast(:n as text))) >= :t
						order by s desc, id limit :max""")
					.param("n", n).param("t", ORGANIZATION_NAME_SIMILARITY).param("max", MAX_CANDIDATES)
					.query((rs, i) -> new Candidate("organization-" + org.record, "organization", org.record, n, null,
							rs.getLong("id"), rs.getString("name"), null, rs.getDouble("s"), null))
					.list().forEach(out::add);
			}
		}
		for (Draft d : drafts) {
			String n = d.offer().name().strip();
			String address = d.locations().stream().map(LocDraft::address).filter(a -> a != null).findFirst()
				.orElse(null);
			List<Candidate> found = jdbc.sql("""
					select o.id, o.name, public.similarity(lower(o.name), lower(cast(:n as text))) as s,
					    (select concat_ws(' ', l.address_1, l.postal_code, l.city) from offer.service_at_location x
					     join offer.location l on l.id = x.location_id where x.offer_id = o.id
					       and coalesce(l.address_1, l.postal_code, l.city) is not null
					     order by public.similarity(lower(concat_ws(' ', l.address_1, l.postal_code, l.city)),
					         lower(coalesce(cast(:a as text), ''))) desc, l.id limit 1) as address
					from offer.offer o where public.similarity(lower(o.name), lower(cast(:n as text))) >= :t
					order by s desc, o.id limit 20""")
				.param("n", n).param("a", address).param("t", OFFER_NAME_SIMILARITY)
				.query((rs, i) -> new Candidate("offer-" + d.record(), "offer", d.record(), n, address,
						rs.getLong("id"), rs.getString("name"), rs.getString("address"), rs.getDouble("s"), null))
				.list();
			int kept = 0;
			for (Candidate c : found) {
				Double addressSimilarity = c.importedAddress() == null || c.existingAddress() == null ? null
						: similarity(c.importedAddress(), c.existingAddress());
				boolean same = addressSimilarity == null ? c.nameSimilarity() >= OFFER_NAME_ONLY_SIMILARITY
						: addressSimilarity >= ADDRESS_SIMILARITY;
				if (same) {
					out.add(new Candidate(c.key(), c.entity(), c.record(), c.importedName(), c.importedAddress(),
							c.existingId(), c.existingName(), c.existingAddress(), c.nameSimilarity(),
							addressSimilarity));
					if (++kept == MAX_CANDIDATES) {
						break;
					}
				}
			}
		}
		return out;
	}

	private double similarity(String a, String b) {
		return jdbc.sql("select public.similarity(lower(?), lower(?))").params(a, b).query(Double.class).single();
	}

	private static List<String> undecided(List<Candidate> candidates, Map<String, Decision> decisions) {
		return candidates.stream().map(Candidate::key).distinct().filter(k -> decisions.get(k) == null).toList();
	}

	// writing

	private Result writeAll(String name, Format format, List<Draft> drafts, List<Candidate> candidates,
			Map<String, Decision> decisions, Problems problems) {
		int orgsCreated = 0;
		int locationsCreated = 0;
		int created = 0;
		int merged = 0;
		List<Long> ids = new ArrayList<>();
		for (Draft d : drafts) {
			OrgDraft org = d.organization();
			if (org.writtenId == null) {
				Decision decision = decisions.get("organization-" + org.record);
				if (org.existingId != null) {
					org.writtenId = org.existingId;
				} else if (decision != null && !decision.createNew()) {
					org.writtenId = decision.mergeInto();
				} else {
					org.writtenId = catalog.createOrganization(org.organization).id();
					orgsCreated++;
				}
			}
			Decision decision = decisions.get("offer-" + d.record());
			Offer existing = decision == null || decision.createNew() ? null
					: catalog.offer(decision.mergeInto()).orElseThrow();
			List<Long> locationIds = new ArrayList<>();
			for (LocDraft l : d.locations()) {
				if (l.writtenId == null) {
					Location location = new Location(null, org.writtenId, l.location.name(), l.location.address1(),
							l.location.postalCode(), l.location.city(), l.location.country(), l.location.latitude(),
							l.location.longitude(), l.location.confidential(), null, l.location.stepFree(),
							l.location.accessibility());
					Long same = existing == null ? null : sameLocation(existing, l);
					if (same != null) {
						l.writtenId = catalog.updateLocation(same, location).id();
					} else {
						l.writtenId = catalog.createLocation(location).id();
						locationsCreated++;
					}
				}
				locationIds.add(l.writtenId);
			}
			Offer offer = withOrganization(d.offer(), org.writtenId);
			if (existing == null) {
				Offer o = offer.status() == null ? withStatus(offer, Offer.Status.ACTIVE) : offer;
				ids.add(catalog.createOffer(withLocations(o, locationIds)).id());
				created++;
			} else {
				ids.add(catalog.updateOffer(existing.id(), merge(existing, offer, locationIds)).id());
				merged++;
			}
		}
		audit.record("offer.import", "offer", null, Map.of("file", name, "format", format.name(), "created",
				created, "merged", merged, "organizationsCreated", orgsCreated));
		ImportReport report = new ImportReport(KIND, name, Outcome.WRITTEN, drafts.size(), created, merged, 0,
				List.of(), problems.warnings);
		return new Result(report, format, candidates, List.of(), orgsCreated, locationsCreated, created, merged,
				ids);
	}

	/** The existing offer's location at the imported place (same name, or a similar address), if any. */
	private Long sameLocation(Offer existing, LocDraft imported) {
		Long best = null;
		double bestScore = -1;
		for (long id : existing.locationIds()) {
			Location l = catalog.location(id).orElse(null);
			if (l == null) {
				continue;
			}
			String a = LocDraft.address(l.address1(), l.postalCode(), l.city());
			double score = normal(l.name()).equals(normal(imported.location.name())) ? 1
					: a == null || imported.address() == null ? 0 : similarity(a, imported.address());
			if (score >= ADDRESS_SIMILARITY && score > bestScore) {
				best = id;
				bestScore = score;
			}
		}
		return best;
	}

	/** The existing offer with every field the import gives; what the file leaves empty keeps its stored value. */
	private static Offer merge(Offer e, Offer i, List<Long> locationIds) {
		LinkedHashSet<Long> locations = new LinkedHashSet<>(e.locationIds());
		locations.addAll(locationIds);
		return new Offer(e.id(), i.organizationId(), i.name(), or(i.description(), e.description()),
				i.status() != null ? i.status() : e.status(), or(i.url(), e.url()), or(i.email(), e.email()),
				i.freeOfCharge() != null ? i.freeOfCharge() : e.freeOfCharge(), or(i.costText(), e.costText()),
				or(i.applicationProcess(), e.applicationProcess()), or(i.legalBasis(), e.legalBasis()),
				i.capacityPlaces() != null ? i.capacityPlaces() : e.capacityPlaces(),
				or(i.waitingTime(), e.waitingTime()), i.lastConfirmed() != null ? i.lastConfirmed() : e.lastConfirmed(),
				orList(i.fieldsOfAction(), e.fieldsOfAction()), or(i.targetGroup(), e.targetGroup()),
				orList(i.targetGroups(), e.targetGroups()), i.minAge() != null ? i.minAge() : e.minAge(),
				i.maxAge() != null ? i.maxAge() : e.maxAge(), or(i.lifeSituations(), e.lifeSituations()),
				i.approach() != null ? i.approach() : e.approach(), i.form() != null ? i.form() : e.form(),
				i.setting() != null ? i.setting() : e.setting(), orList(i.languages(), e.languages()),
				List.copyOf(locations), e.serviceAreaIds(), orList(i.phones(), e.phones()),
				orList(i.schedules(), e.schedules()));
	}

	private static String or(String a, String b) {
		return blank(a) ? b : a;
	}

	private static <T> List<T> orList(List<T> a, List<T> b) {
		return a.isEmpty() ? b : a;
	}

	// reports

	private static Result rejected(String name, Format format, int records, Problems problems) {
		return new Result(ImportReport.rejected(KIND, name, records, problems.all(), problems.warnings), format,
				List.of(), List.of(), 0, 0, 0, 0, List.of());
	}

	/**
	 * What a checked file would do: its offers without a duplicate candidate would be created, those with one merged
	 * or created as the planner decides (counted as merged here).
	 */
	private static Result preview(String name, Format format, List<Draft> drafts, List<Candidate> candidates,
			List<String> undecided, Problems problems) {
		Set<String> duplicates = new LinkedHashSet<>(candidates.stream().filter(c -> c.entity().equals("offer"))
			.map(Candidate::key).toList());
		int created = drafts.size() - duplicates.size();
		long newOrgs = drafts.stream().map(Draft::organization).distinct().filter(o -> o.existingId == null).count();
		long newLocations = drafts.stream().flatMap(d -> d.locations().stream()).distinct().count();
		ImportReport report = new ImportReport(KIND, name, Outcome.PREVIEW, drafts.size(), created,
				duplicates.size(), 0, List.of(), problems.warnings);
		return new Result(report, format, candidates, undecided, (int) newOrgs, (int) newLocations, created,
				duplicates.size(), List.of());
	}

	// CSV

	private Read readCsv(String text, Options opts, Problems problems) {
		problems.unit = ImportProblem.Unit.LINE;
		CsvTable table;
		try {
			table = CsvTable.parse(text);
		} catch (CsvTable.CsvException e) {
			problems.add(ImportProblem.line(e.line(), null, "import.csv.malformed", e.getMessage(), e.getMessage()));
			return null;
		}
		Map<String, Integer> at = new HashMap<>();
		for (OfferImport.Column c : OfferImport.CSV_COLUMNS) {
			table.column(c.header()).ifPresent(i -> at.put(c.key(), i));
		}
		for (OfferImport.Column c : OfferImport.CSV_COLUMNS) {
			if (c.mandatoryColumn() && !at.containsKey(c.key())) {
				problems.file("import.csv.missingColumn", "Column '" + c.header() + "' is missing", c.header());
			}
		}
		for (String h : table.header()) {
			boolean known = OfferImport.CSV_COLUMNS.stream().anyMatch(c -> c.header().equalsIgnoreCase(h.strip()));
			if (!h.isBlank() && !known) {
				problems.warnings.add(ImportProblem.file("import.offer.unknownColumn",
						"Column '" + h.strip() + "' is not part of the template and is ignored", h.strip()));
			}
		}
		if (problems.any()) {
			return null;
		}
		Vocabulary vocabulary = vocabulary();
		Map<String, OrgDraft> orgs = new LinkedHashMap<>();
		Map<String, LocDraft> locations = new HashMap<>();
		List<Draft> drafts = new ArrayList<>();
		for (CsvTable.Row row : table.rows()) {
			int line = row.line();
			Function<String, String> cell = key -> at.containsKey(key) ? CsvTable.cell(row, at.get(key)) : "";
			Cells c = new Cells(line, cell, problems);
			String orgName = cell.apply("organization");
			if (orgName.toUpperCase(Locale.ROOT).startsWith(EXAMPLE_MARKER)) {
				// checked like any row, so the example shows valid values, but never imported
				problems.at(line, header("organization"), "import.offer.example",
						"This is the template's example row: delete it or overwrite it with a real offer");
			}
			ProviderType type = c.choice("providerType", PROVIDER_TYPES);
			OrgDraft org = orgs.get(normal(orgName));
			if (org == null) {
				org = new OrgDraft(line, header("organization"), new Organization(null, orgName, null, null, null,
						type != null ? type : opts.defaultProviderType(), emptyToNull(cell.apply("umbrella"))));
				if (!orgName.isBlank()) {
					orgs.put(normal(orgName), org);
				}
			} else if (type != null && org.organization.providerType() != null
					&& type != org.organization.providerType()) {
				problems.at(line, header("providerType"), "import.offer.providerTypeConflict",
						"The organisation has another provider type in line " + org.record, org.record);
			}
			List<LocDraft> locs = new ArrayList<>();
			Double lat = c.decimal("latitude");
			Double lon = c.decimal("longitude");
			Boolean confidential = c.yesNo("confidential");
			Boolean stepFree = c.yesNo("stepFree");
			String locName = cell.apply("locationName");
			String street = cell.apply("street");
			String postal = cell.apply("postalCode");
			String town = cell.apply("town");
			String country = cell.apply("country").toUpperCase(Locale.ROOT);
			if (!(locName + street + postal + town).isBlank() || lat != null || lon != null) {
				String n = locName.isBlank() ? cell.apply("offer") : locName;
				String key = normal(orgName) + "|" + normal(n) + "|" + normal(street) + "|" + normal(postal) + "|"
						+ normal(town);
				LocDraft l = locations.get(key);
				if (l == null) {
					l = new LocDraft(line, "", new Location(null, null, n, emptyToNull(street), emptyToNull(postal),
							emptyToNull(town), emptyToNull(country), lat, lon, confidential, null, stepFree,
							emptyToNull(cell.apply("accessibility"))), org);
					locations.put(key, l);
				}
				locs.add(l);
			}
			Offer offer = new Offer(null, null, cell.apply("offer"), emptyToNull(cell.apply("description")),
					c.choice("status", STATUSES), emptyToNull(cell.apply("url")), emptyToNull(cell.apply("email")),
					freeOfCharge(c.yesNo("freeOfCharge"), cell.apply("cost")), emptyToNull(cell.apply("cost")), null,
					emptyToNull(cell.apply("legalBasis")), c.integer("places"), null, null,
					c.keys("fieldsOfAction", vocabulary.fields), emptyToNull(cell.apply("targetGroupText")),
					c.keys("targetGroups", vocabulary.groups), c.integer("minAge"), c.integer("maxAge"), null,
					c.choice("approach", APPROACHES), c.choice("form", FORMS), c.choice("setting", SETTINGS),
					split(cell.apply("languages")).stream().map(s -> s.toLowerCase(Locale.ROOT)).toList(), null,
					null, split(cell.apply("phone")).stream().map(p -> new Offer.Phone(p, null)).toList(), null);
			drafts.add(new Draft(line, org, locs, offer));
		}
		return new Read(Format.CSV, drafts, OfferImportService::csvOfferField, OfferImportService::csvOrgField,
				OfferImportService::csvLocationField);
	}

	/** Without an answer in "Kostenlos", an offer with a cost text is not free. */
	private static Boolean freeOfCharge(Boolean given, String cost) {
		return given != null ? given : cost.isBlank() ? null : Boolean.FALSE;
	}

	private static String header(String key) {
		return OfferImport.header(key);
	}

	private static String csvOfferField(String catalogField) {
		String base = base(catalogField);
		String key = switch (base) {
			case "name" -> "offer";
			case "description" -> "description";
			case "status" -> "status";
			case "url" -> "url";
			case "email" -> "email";
			case "costText" -> "cost";
			case "legalBasis" -> "legalBasis";
			case "capacityPlaces" -> "places";
			case "fieldsOfAction" -> "fieldsOfAction";
			case "targetGroups" -> "targetGroups";
			case "minAge" -> "minAge";
			case "maxAge" -> "maxAge";
			case "languages" -> "languages";
			case "phones" -> "phone";
			case "organizationId" -> "organization";
			default -> null;
		};
		return key == null ? catalogField : header(key);
	}

	private static String csvOrgField(String catalogField) {
		return switch (base(catalogField)) {
			case "name" -> header("organization");
			case "providerType" -> header("providerType");
			case "umbrellaAssociation" -> header("umbrella");
			default -> catalogField;
		};
	}

	private static String csvLocationField(String catalogField) {
		return switch (base(catalogField)) {
			case "name" -> header("locationName");
			case "country" -> header("country");
			case "latitude" -> header("latitude");
			case "longitude" -> header("longitude");
			default -> catalogField;
		};
	}

	private static String base(String field) {
		if (field == null) {
			return "";
		}
		Matcher m = INDEXED.matcher(field);
		return m.matches() ? m.group(1) : field;
	}

	/** Fields of action and target groups by key or German/English name. */
	private record Vocabulary(Map<String, String> fields, Map<String, String> groups) {
	}

	private Vocabulary vocabulary() {
		Map<String, String> fields = new HashMap<>();
		for (FieldOfAction f : catalog.fieldsOfAction()) {
			fields.put(normal(f.nameEn()), f.key());
			fields.put(normal(f.nameDe()), f.key());
			fields.put(f.key(), f.key());
		}
		Map<String, String> groups = new HashMap<>();
		for (TargetGroup g : catalog.targetGroups()) {
			groups.put(normal(g.nameEn()), g.key());
			groups.put(normal(g.nameDe()), g.key());
			groups.put(g.key(), g.key());
		}
		return new Vocabulary(fields, groups);
	}

	private static final Map<String, ProviderType> PROVIDER_TYPES = words(ProviderType.values(),
			Map.of("öffentlich", ProviderType.PUBLIC, "oeffentlich", ProviderType.PUBLIC, "frei",
					ProviderType.FREE_PROVIDER, "freier träger", ProviderType.FREE_PROVIDER, "privat",
					ProviderType.PRIVATE, "ehrenamtlich", ProviderType.VOLUNTEER));
	private static final Map<String, Offer.Status> STATUSES = words(Offer.Status.values(),
			Map.of("aktiv", Offer.Status.ACTIVE, "inaktiv", Offer.Status.INACTIVE));
	private static final Map<String, Offer.Setting> SETTINGS = words(Offer.Setting.values(),
			Map.of("stationär", Offer.Setting.RESIDENTIAL, "stationaer", Offer.Setting.RESIDENTIAL, "teilstationär",
					Offer.Setting.SEMI_RESIDENTIAL, "teilstationaer", Offer.Setting.SEMI_RESIDENTIAL, "ambulant",
					Offer.Setting.AMBULATORY, "offen", Offer.Setting.OPEN, "aufsuchend", Offer.Setting.OUTREACH));
	private static final Map<String, Offer.Approach> APPROACHES = words(Offer.Approach.values(),
			Map.of("präventiv", Offer.Approach.PREVENTIVE, "praeventiv", Offer.Approach.PREVENTIVE, "interventiv",
					Offer.Approach.INTERVENTIVE));
	private static final Map<String, Offer.Form> FORMS = words(Offer.Form.values(),
			Map.of("gruppe", Offer.Form.GROUP, "einzel", Offer.Form.INDIVIDUAL, "einzeln", Offer.Form.INDIVIDUAL));
	private static final Map<String, Boolean> YES_NO = Map.of("ja", true, "j", true, "yes", true, "true", true, "1",
			true, "nein", false, "n", false, "no", false, "false", false, "0", false);

	/** German words and the enum's own names (any case). */
	private static <E extends Enum<E>> Map<String, E> words(E[] values, Map<String, E> german) {
		Map<String, E> all = new HashMap<>(german);
		for (E e : values) {
			all.put(e.name().toLowerCase(Locale.ROOT), e);
		}
		return Map.copyOf(all);
	}

	/** Typed cells of one CSV row; a value that cannot be read is a problem at its line and column. */
	private static final class Cells {
		final int line;
		final Function<String, String> cell;
		final Problems problems;

		Cells(int line, Function<String, String> cell, Problems problems) {
			this.line = line;
			this.cell = cell;
			this.problems = problems;
		}

		<T> T choice(String key, Map<String, T> allowed) {
			String v = cell.apply(key);
			if (v.isBlank()) {
				return null;
			}
			T t = allowed.get(v.toLowerCase(Locale.ROOT).replace('-', '_'));
			if (t == null) {
				t = allowed.get(v.toLowerCase(Locale.ROOT));
			}
			if (t == null) {
				problems.unreadable(line, header(key), "import.offer.choice",
						"'" + v + "' is not one of the allowed values", v);
			}
			return t;
		}

		Boolean yesNo(String key) {
			return choice(key, YES_NO);
		}

		Integer integer(String key) {
			String v = cell.apply(key);
			if (v.isBlank()) {
				return null;
			}
			try {
				return Integer.valueOf(v.strip());
			} catch (NumberFormatException e) {
				problems.unreadable(line, header(key), "import.offer.integer", "'" + v + "' is not a whole number", v);
				return null;
			}
		}

		/** A decimal number with a comma or a point. */
		Double decimal(String key) {
			String v = cell.apply(key).replace(" ", "");
			if (v.isBlank()) {
				return null;
			}
			String normalised = v.contains(".") ? v : v.replace(',', '.');
			try {
				double d = Double.parseDouble(normalised);
				if (Double.isNaN(d) || Double.isInfinite(d) || normalised.contains(",")) {
					throw new NumberFormatException();
				}
				return d;
			} catch (NumberFormatException e) {
				problems.unreadable(line, header(key), "import.offer.decimal", "'" + v + "' is not a decimal number",
						v);
				return null;
			}
		}

		/** Keys (or names) separated by commas; unknown ones are left as given for the catalog's check to report. */
		List<String> keys(String key, Map<String, String> vocabulary) {
			return split(cell.apply(key)).stream().map(s -> vocabulary.getOrDefault(normal(s), s)).toList();
		}
	}

	private static List<String> split(String s) {
		if (s == null || s.isBlank()) {
			return List.of();
		}
		return java.util.Arrays.stream(s.split(",")).map(String::strip).filter(x -> !x.isEmpty()).toList();
	}

	// HSDS

	private Read readHsds(String text, Options opts, Problems problems) {
		problems.unit = ImportProblem.Unit.FEATURE;
		JsonNode root;
		try {
			root = json.readTree(text);
		} catch (JacksonException e) {
			String message = e.getOriginalMessage();
			problems.file("import.offer.json", "Not JSON: " + message, message);
			return null;
		}
		List<JsonNode> services = new ArrayList<>();
		Map<String, JsonNode> organizations = new HashMap<>();
		Map<String, JsonNode> locations = new HashMap<>();
		if (root != null && root.isArray()) {
			root.forEach(services::add);
		} else if (root != null && root.isObject() && root.get("services") != null) {
			root.path("services").forEach(services::add);
			root.path("organizations").forEach(o -> organizations.put(text(o.get("id")), o));
			root.path("locations").forEach(l -> locations.put(text(l.get("id")), l));
		} else if (root != null && root.isObject() && root.path("contents").isArray()) {
			root.path("contents").forEach(services::add);
		} else if (root != null && root.isObject() && root.has("name")) {
			services.add(root);
		} else {
			problems.file("import.offer.hsds.shape", "Expected HSDS services: an array of services, one service, or"
					+ " an object with organizations, services and locations");
			return null;
		}
		Vocabulary vocabulary = vocabulary();
		Map<String, OrgDraft> orgs = new HashMap<>();
		Map<String, LocDraft> locs = new HashMap<>();
		List<Draft> drafts = new ArrayList<>();
		for (int i = 0; i < services.size(); i++) {
			int record = i + 1;
			JsonNode s = services.get(i);
			if (!s.isObject()) {
				problems.at(record, null, "import.offer.hsds.notObject", "A service is a JSON object");
				continue;
			}
			JsonNode o = s.get("organization") != null && s.get("organization").isObject() ? s.get("organization")
					: organizations.get(text(s.get("organization_id")));
			String orgField = s.get("organization") != null ? "organization" : "organization_id";
			OrgDraft org;
			if (o == null) {
				problems.at(record, "organization_id", "import.offer.hsds.noOrganization",
						"The service has no organization (nested or by organization_id)");
				org = new OrgDraft(record, orgField, new Organization(null, null, null, null, null, null, null));
			} else {
				String orgName = text(o.get("name"));
				org = orgs.get(normal(orgName));
				if (org == null) {
					org = new OrgDraft(record, orgField, new Organization(null, orgName, text(o.get("description")),
							text(o.get("website")), text(o.get("email")), opts.defaultProviderType(), null));
					if (orgName != null) {
						orgs.put(normal(orgName), org);
					}
				}
			}
			List<LocDraft> places = new ArrayList<>();
			JsonNode atLocations = s.path("service_at_locations");
			for (int j = 0; j < atLocations.size(); j++) {
				JsonNode sal = atLocations.get(j);
				JsonNode l = sal.get("location") != null && sal.get("location").isObject() ? sal.get("location")
						: locations.get(text(sal.get("location_id")));
				String prefix = "service_at_locations[" + j + "].location.";
				if (l == null) {
					problems.at(record, "service_at_locations[" + j + "].location_id", "import.offer.hsds.noLocation",
							"The location is neither nested nor in locations", text(sal.get("location_id")));
					continue;
				}
				if ("virtual".equals(text(l.get("location_type")))) {
					continue;
				}
				String id = text(l.get("id"));
				String key = id != null ? id : "service " + record + " location " + j;
				LocDraft place = locs.get(key);
				if (place == null) {
					JsonNode a = l.path("addresses").path(0);
					// HSDS accessibility: its details as Spange's description (step-free is not a field there)
					JsonNode access = l.path("accessibility").path(0);
					place = new LocDraft(record, prefix, new Location(null, null, text(l.get("name")),
							text(a.get("address_1")), text(a.get("postal_code")), text(a.get("city")),
							country(text(a.get("country"))), number(l, "latitude", record, prefix, problems),
							number(l, "longitude", record, prefix, problems), false, null, null,
							text(access.get("details"))), org);
					locs.put(key, place);
				}
				places.add(place);
			}
			drafts.add(new Draft(record, org, places, service(s, record, vocabulary, problems)));
		}
		return new Read(Format.HSDS, drafts, OfferImportService::hsdsOfferField,
				f -> "organization." + f, OfferImportService::hsdsLocationField);
	}

	private Offer service(JsonNode s, int record, Vocabulary vocabulary, Problems problems) {
		Offer.Status status = null;
		String st = text(s.get("status"));
		if (st != null) {
			switch (st.toLowerCase(Locale.ROOT)) {
				case "active" -> status = Offer.Status.ACTIVE;
				case "inactive", "defunct", "temporarily closed" -> status = Offer.Status.INACTIVE;
				default -> problems.at(record, "status", "import.offer.hsds.status",
						"The status is active, inactive, defunct or temporarily closed", st);
			}
		}
		String fees = text(s.get("fees_description"));
		boolean free = fees == null || fees.toLowerCase(Locale.ROOT).matches("(kostenlos|free|gratis|keine).*");
		LocalDate assured = null;
		if (text(s.get("assured_date")) != null) {
			try {
				assured = LocalDate.parse(text(s.get("assured_date")));
			} catch (DateTimeParseException e) {
				problems.at(record, "assured_date", "import.offer.hsds.date", "Not a date (YYYY-MM-DD)",
						text(s.get("assured_date")));
			}
		}
		List<String> fields = new ArrayList<>();
		List<String> groups = new ArrayList<>();
		Offer.Approach approach = null;
		Offer.Form form = null;
		Offer.Setting setting = null;
		for (JsonNode a : s.path("attributes")) {
			JsonNode term = a.path("taxonomy_term");
			String code = text(term.get("code"));
			if (code == null) {
				code = text(a.get("value"));
			}
			if (code == null) {
				continue;
			}
			String hint = (String.valueOf(text(term.get("taxonomy"))) + " " + String.valueOf(text(a.get("link_type"))))
				.toLowerCase(Locale.ROOT);
			boolean groupHint = hint.contains("target") || hint.contains("zielgruppe") || hint.contains("audience");
			String c = normal(code);
			if (!groupHint && vocabulary.fields.containsKey(c)) {
				fields.add(vocabulary.fields.get(c));
			} else if (vocabulary.groups.containsKey(c)) {
				groups.add(vocabulary.groups.get(c));
			} else if (SETTINGS.containsKey(c.replace('-', '_'))) {
				setting = SETTINGS.get(c.replace('-', '_'));
			} else if (APPROACHES.containsKey(c)) {
				approach = APPROACHES.get(c);
			} else if (FORMS.containsKey(c)) {
				form = FORMS.get(c);
			}
		}
		List<String> languages = new ArrayList<>();
		for (JsonNode l : s.path("languages")) {
			String code = l.isObject() ? text(l.get("code")) : text(l);
			if (code != null) {
				languages.add(code.toLowerCase(Locale.ROOT));
			}
		}
		List<Offer.Phone> phones = new ArrayList<>();
		for (JsonNode p : s.path("phones")) {
			phones.add(new Offer.Phone(text(p.get("number")), text(p.get("description"))));
		}
		List<Offer.Schedule> schedules = new ArrayList<>();
		JsonNode sched = s.path("schedules");
		for (int i = 0; i < sched.size(); i++) {
			JsonNode m = sched.get(i);
			LocalTime opens = time(m, "opens_at", record, "schedules[" + i + "]", problems);
			LocalTime closes = time(m, "closes_at", record, "schedules[" + i + "]", problems);
			String byday = text(m.get("byday"));
			if (byday == null) {
				problems.at(record, "schedules[" + i + "].byday", "import.offer.hsds.byday",
						"byday is required: MO, TU, WE, TH, FR, SA or SU, comma-separated", "");
				continue;
			}
			for (String day : byday.split(",")) {
				int weekday = List.of(WEEKDAYS).indexOf(day.strip().toUpperCase(Locale.ROOT)) + 1;
				if (weekday == 0) {
					problems.at(record, "schedules[" + i + "].byday", "import.offer.hsds.byday",
							"byday is required: MO, TU, WE, TH, FR, SA or SU, comma-separated", day);
				} else if (opens != null && closes != null) {
					schedules.add(new Offer.Schedule(weekday, opens, closes));
				}
			}
		}
		return new Offer(null, null, text(s.get("name")), text(s.get("description")), status, text(s.get("url")),
				text(s.get("email")), fees == null && s.get("fees_description") == null ? null : free,
				free ? null : fees, text(s.get("application_process")), null, null, text(s.get("wait_time")),
				assured, fields.stream().distinct().toList(), text(s.get("eligibility_description")),
				groups.stream().distinct().toList(), age(s, "minimum_age", record, problems),
				age(s, "maximum_age", record, problems), null, approach, form, setting, languages, null, null, phones,
				schedules);
	}

	private static String hsdsOfferField(String catalogField) {
		Matcher m = INDEXED.matcher(catalogField == null ? "" : catalogField);
		String base = m.matches() ? m.group(1) : "";
		String index = m.matches() && m.group(2) != null ? "[" + m.group(2) + "]" : "";
		return switch (base) {
			case "fieldsOfAction", "targetGroups" -> "attributes";
			case "costText", "freeOfCharge" -> "fees_description";
			case "minAge" -> "minimum_age";
			case "maxAge" -> "maximum_age";
			case "lastConfirmed" -> "assured_date";
			case "organizationId" -> "organization";
			case "waitingTime" -> "wait_time";
			case "phones" -> "phones" + index + ".number";
			case "schedules" -> "schedules" + index;
			case "languages" -> "languages" + index;
			default -> catalogField;
		};
	}

	private static String hsdsLocationField(String catalogField) {
		return switch (base(catalogField)) {
			case "country" -> "addresses[0].country";
			default -> catalogField;
		};
	}

	private static String country(String c) {
		if (c == null) {
			return null;
		}
		String u = c.strip().toUpperCase(Locale.ROOT);
		return switch (u) {
			case "AUT", "ÖSTERREICH", "AUSTRIA" -> "AT";
			case "DEU", "DEUTSCHLAND", "GERMANY" -> "DE";
			default -> u;
		};
	}

	private static Double number(JsonNode node, String field, int record, String prefix, Problems problems) {
		JsonNode v = node.get(field);
		if (v == null || v.isNull()) {
			return null;
		}
		if (v.isNumber()) {
			return v.asDouble();
		}
		try {
			return Double.valueOf(text(v).replace(',', '.'));
		} catch (NumberFormatException | NullPointerException e) {
			problems.unreadable(record, prefix + field, "import.offer.decimal", "Not a number", text(v));
			return null;
		}
	}

	private static Integer age(JsonNode node, String field, int record, Problems problems) {
		Double d = number(node, field, record, "", problems);
		return d == null ? null : (int) Math.floor(d);
	}

	private static LocalTime time(JsonNode node, String field, int record, String prefix, Problems problems) {
		String v = text(node.get(field));
		if (v == null) {
			problems.at(record, prefix + "." + field, "import.offer.hsds.time", "A time such as 08:00 is required",
					"");
			return null;
		}
		try {
			return LocalTime.parse(v.length() > 8 ? v.substring(0, 8) : v);
		} catch (DateTimeParseException e) {
			problems.at(record, prefix + "." + field, "import.offer.hsds.time", "A time such as 08:00 is required",
					v);
			return null;
		}
	}

	private static String text(JsonNode n) {
		if (n == null || n.isNull() || n.isMissingNode() || n.isArray() || n.isObject()) {
			return null;
		}
		String s = n.asString();
		return s == null || s.isBlank() ? null : s.strip();
	}

	// the template

	@Override
	public byte[] csvTemplate() {
		List<String> header = OfferImport.CSV_COLUMNS.stream().map(OfferImport.Column::header).toList();
		List<String> example = OfferImport.CSV_COLUMNS.stream().map(OfferImport.Column::example).toList();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		// a BOM, so that Excel opens the UTF-8 file with its umlauts right
		out.writeBytes(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF });
		out.writeBytes((csvLine(header) + "\r\n" + csvLine(example) + "\r\n").getBytes(StandardCharsets.UTF_8));
		return out.toByteArray();
	}

	private static String csvLine(List<String> cells) {
		return String.join(";", cells.stream()
			.map(c -> c.contains(";") || c.contains("\"") ? "\"" + c.replace("\"", "\"\"") + "\"" : c).toList());
	}

	// small helpers

	private static Offer withOrganization(Offer o, Long organizationId) {
		return new Offer(o.id(), organizationId, o.name(), o.description(), o.status(), o.url(), o.email(),
				o.freeOfCharge(),
				o.costText(), o.applicationProcess(), o.legalBasis(), o.capacityPlaces(), o.waitingTime(),
				o.lastConfirmed(), o.fieldsOfAction(), o.targetGroup(), o.targetGroups(), o.minAge(), o.maxAge(),
				o.lifeSituations(), o.approach(), o.form(), o.setting(), o.languages(), o.locationIds(),
				o.serviceAreaIds(), o.phones(), o.schedules());
	}

	private static Offer withStatus(Offer o, Offer.Status status) {
		return new Offer(o.id(), o.organizationId(), o.name(), o.description(), status, o.url(), o.email(),
				o.freeOfCharge(), o.costText(), o.applicationProcess(), o.legalBasis(), o.capacityPlaces(),
				o.waitingTime(), o.lastConfirmed(), o.fieldsOfAction(), o.targetGroup(), o.targetGroups(), o.minAge(),
				o.maxAge(), o.lifeSituations(), o.approach(), o.form(), o.setting(), o.languages(), o.locationIds(),
				o.serviceAreaIds(), o.phones(), o.schedules());
	}

	private static Offer withFields(Offer o, List<String> fields) {
		return new Offer(o.id(), o.organizationId(), o.name(), o.description(), o.status(), o.url(), o.email(),
				o.freeOfCharge(), o.costText(), o.applicationProcess(), o.legalBasis(), o.capacityPlaces(),
				o.waitingTime(), o.lastConfirmed(), fields, o.targetGroup(), o.targetGroups(), o.minAge(), o.maxAge(),
				o.lifeSituations(), o.approach(), o.form(), o.setting(), o.languages(), o.locationIds(),
				o.serviceAreaIds(), o.phones(), o.schedules());
	}

	private static Offer withLocations(Offer o, List<Long> locationIds) {
		return new Offer(o.id(), o.organizationId(), o.name(), o.description(), o.status(), o.url(), o.email(),
				o.freeOfCharge(), o.costText(), o.applicationProcess(), o.legalBasis(), o.capacityPlaces(),
				o.waitingTime(), o.lastConfirmed(), o.fieldsOfAction(), o.targetGroup(), o.targetGroups(), o.minAge(),
				o.maxAge(), o.lifeSituations(), o.approach(), o.form(), o.setting(), o.languages(), locationIds,
				o.serviceAreaIds(), o.phones(), o.schedules());
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}

	private static String emptyToNull(String s) {
		return blank(s) ? null : s.strip();
	}

	/** Lower case with single spaces: how names are compared for "the same". */
	static String normal(String s) {
		return s == null ? "" : s.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
	}
}
