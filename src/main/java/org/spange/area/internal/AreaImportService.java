package org.spange.area.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;
import org.spange.access.AuditLog;
import org.spange.area.AreaImports;
import org.spange.area.AreaLevel;
import org.spange.area.AreaListOptions;
import org.spange.area.AreaScheme;
import org.spange.area.AreasChanged;
import org.spange.area.BoundaryImportOptions;
import org.spange.area.SchemeAssignmentOptions;
import org.spange.platform.imports.CsvTable;
import org.spange.platform.imports.ImportProblem;
import org.spange.platform.imports.ImportReport;
import org.spange.platform.imports.ImportReport.Outcome;
import org.spange.platform.imports.TextFiles;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Boundary and scheme imports. Every file is validated completely first (all problems collected, with feature or
 * line and field); only a file without problems is written, in one transaction. Importing the same file again
 * finds every area unchanged and writes nothing.
 */
@Service
class AreaImportService implements AreaImports {

	static final String BOUNDARIES = "boundaries";
	static final String ASSIGNMENT = "scheme-assignment";
	static final String AREA_LIST = "area-list";

	private final AreaStore store;
	private final JsonMapper json;
	private final AuditLog audit;
	private final TransactionTemplate tx;
	private final long maxBytes;
	private final ApplicationEventPublisher events;

	AreaImportService(AreaStore store, JsonMapper json, AuditLog audit, TransactionTemplate tx,
			ApplicationEventPublisher events,
			@Value("${spange.import.max-file-size:20MB}") org.springframework.util.unit.DataSize maxSize) {
		this.store = store;
		this.events = events;
		this.json = json;
		this.audit = audit;
		this.tx = tx;
		this.maxBytes = maxSize.toBytes();
	}

	/** An area from the file, checked and in WGS84. */
	private record Incoming(int number, String code, String name, Geometry geometry, Map<String, String> codes,
			String attributes, String parentCode) {
	}

	@Override
	public ImportReport importBoundaries(String fileName, byte[] content, BoundaryImportOptions options) {
		List<ImportProblem> problems = new ArrayList<>();
		List<ImportProblem> warnings = new ArrayList<>();
		checkSize(content, problems);
		boolean withParents = options.schemeKey() != null
				&& (options.parentProperty() != null || options.parentCodePrefix() != null);
		Optional<AreaLevel> level = store.level(options.levelKey());
		Optional<AreaLevel> parentLevel = checkLevelsAndScheme(level, options.levelKey(), withParents,
				options.parentLevelKey(), options.schemeKey(), problems);
		if (!problems.isEmpty()) {
			return reject(BOUNDARIES, fileName, content, 0, problems, warnings);
		}

		BoundaryFile file;
		try {
			file = BoundaryFile.read(content, json);
		} catch (BoundaryFile.FormatException e) {
			problems.add(e.line == null ? ImportProblem.file("import.json.invalid", e.getMessage(), e.getMessage())
					: ImportProblem.line(e.line, null, "import.json.malformed",
							e.getMessage() + " (line " + e.line + ", column " + e.column + ")", e.column,
							e.getMessage()));
			return reject(BOUNDARIES, fileName, content, 0, problems, warnings);
		}
		if (file.features.isEmpty()) {
			problems.add(ImportProblem.file("import.empty", "The file contains no features"));
			return reject(BOUNDARIES, fileName, content, 0, problems, warnings);
		}

		String crsName = options.crs() != null && !options.crs().isBlank() ? options.crs() : file.declaredCrs;
		int epsg = crsName == null ? CoordinateSystems.WGS84 : CoordinateSystems.parse(crsName).orElse(-1);
		if (!CoordinateSystems.isSupported(epsg)) {
			problems.add(ImportProblem.file("import.crs.unsupported", "Unsupported coordinate reference system '"
					+ crsName + "'; supported: EPSG " + new TreeMap<>(CoordinateSystems.SUPPORTED).keySet(), crsName));
			return reject(BOUNDARIES, fileName, content, file.features.size(), problems, warnings);
		}

		List<Incoming> incoming = new ArrayList<>();
		Map<String, Integer> firstByCode = new HashMap<>();
		for (BoundaryFile.Feature f : file.features) {
			int n = f.number();
			String code = text(f.properties().get(options.codeProperty()));
			String name = text(f.properties().get(options.nameProperty()));
			boolean ok = true;
			if (code == null) {
				problems.add(ImportProblem.feature(n, options.codeProperty(), "import.feature.noCode",
						"Property '" + options.codeProperty() + "' (code) is missing or empty"));
				ok = false;
			} else if (code.length() > 40) {
				problems.add(ImportProblem.feature(n, options.codeProperty(), "import.feature.codeTooLong",
						"The code is longer than 40 characters"));
				ok = false;
			} else if (firstByCode.putIfAbsent(code, n) != null) {
				problems.add(ImportProblem.feature(n, options.codeProperty(), "import.feature.duplicateCode",
						"Code " + code + " occurs already in feature " + firstByCode.get(code), code,
						firstByCode.get(code)));
				ok = false;
			}
			if (name == null) {
				problems.add(ImportProblem.feature(n, options.nameProperty(), "import.feature.noName",
						"Property '" + options.nameProperty() + "' (name) is missing or empty"));
				ok = false;
			} else if (name.length() > 200) {
				problems.add(ImportProblem.feature(n, options.nameProperty(), "import.feature.nameTooLong",
						"The name is longer than 200 characters"));
				ok = false;
			}
			Geometry g = f.geometry();
			if (g == null) {
				problems.add(ImportProblem.feature(n, "geometry", "import.feature.geometry", f.geometryError(),
						f.geometryError()));
				continue;
			}
			String crsProblem = checkCoordinates(g, epsg);
			if (crsProblem != null) {
				problems.add(ImportProblem.feature(n, "geometry", "import.feature.wrongCrs", crsProblem,
						CoordinateSystems.SUPPORTED.get(epsg) + " (EPSG:" + epsg + ")"));
				continue;
			}
			g = CoordinateSystems.toWgs84(g, epsg);
			g.setSRID(CoordinateSystems.WGS84);
			TopologyValidationError invalid = new IsValidOp(g).getValidationError();
			if (invalid != null) {
				String reason = describe(invalid);
				if (options.repair()) {
					g = polygonalPart(GeometryFixer.fix(g));
					warnings.add(ImportProblem.feature(n, "geometry", "import.feature.repaired",
							"Invalid geometry repaired: " + reason, reason));
				} else {
					problems.add(ImportProblem.feature(n, "geometry", "import.feature.invalidGeometry",
							"Invalid geometry: " + reason, reason));
					continue;
				}
			}
			if (g.isEmpty()) {
				problems.add(ImportProblem.feature(n, "geometry", "import.feature.emptyGeometry", "Empty geometry"));
				continue;
			}
			Map<String, String> codes = new TreeMap<>();
			for (var extra : options.extraCodes().entrySet()) {
				String value = text(f.properties().get(extra.getValue()));
				if (value != null) {
					codes.put(extra.getKey(), value);
				}
			}
			String parentCode = null;
			if (withParents && code != null) {
				parentCode = options.parentProperty() != null ? text(f.properties().get(options.parentProperty()))
						: code.length() > options.parentCodePrefix() ? code.substring(0, options.parentCodePrefix())
								: null;
				if (parentCode == null) {
					problems.add(ImportProblem.feature(n,
							options.parentProperty() != null ? options.parentProperty() : options.codeProperty(),
							"import.feature.noParent", "No parent code"));
					ok = false;
				}
			}
			if (ok) {
				incoming.add(new Incoming(n, code, name, g, codes, json.writeValueAsString(f.properties()),
						parentCode));
			}
		}

		return resolveParentsAndWrite(new Target(BOUNDARIES, fileName, content, file.features.size(), options.levelKey(),
				options.schemeKey(), options.validFrom(), options.preview(),
				options.parentProperty() != null ? options.parentProperty() : options.codeProperty(),
				ImportProblem.Unit.FEATURE), level.get(), parentLevel, incoming,
				problems, warnings);
	}

	@Override
	public ImportReport importAreaList(String fileName, byte[] content, AreaListOptions options) {
		List<ImportProblem> problems = new ArrayList<>();
		List<ImportProblem> warnings = new ArrayList<>();
		checkSize(content, problems);
		boolean withParents = options.schemeKey() != null
				&& (options.parentCodeColumn() != null || options.parentCodePrefix() != null);
		Optional<AreaLevel> level = store.level(options.levelKey());
		Optional<AreaLevel> parentLevel = checkLevelsAndScheme(level, options.levelKey(), withParents,
				options.parentLevelKey(), options.schemeKey(), problems);
		if (!problems.isEmpty()) {
			return reject(AREA_LIST, fileName, content, 0, problems, warnings);
		}
		CsvTable table;
		try {
			table = CsvTable.parse(TextFiles.decode(content));
		} catch (CsvTable.CsvException e) {
			problems.add(ImportProblem.line(e.line(), null, "import.csv.malformed", e.getMessage(), e.getMessage()));
			return reject(AREA_LIST, fileName, content, 0, problems, warnings);
		}
		Map<String, Integer> columns = new LinkedHashMap<>();
		List<String> required = new ArrayList<>(List.of(options.codeColumn(), options.nameColumn()));
		if (withParents && options.parentCodeColumn() != null) {
			required.add(options.parentCodeColumn());
		}
		required.addAll(options.extraCodes().values());
		for (String name : required) {
			table.column(name).ifPresentOrElse(i -> columns.put(name, i), () -> problems.add(ImportProblem.line(1, name,
					"import.csv.missingColumn", "Column '" + name + "' is missing in the header", name)));
		}
		if (table.rows().isEmpty()) {
			problems.add(ImportProblem.file("import.empty", "The file contains no data rows"));
		}
		if (!problems.isEmpty()) {
			return reject(AREA_LIST, fileName, content, table.rows().size(), problems, warnings);
		}

		List<Incoming> incoming = new ArrayList<>();
		Map<String, Integer> lineOfCode = new HashMap<>();
		for (CsvTable.Row row : table.rows()) {
			String code = CsvTable.cell(row, columns.get(options.codeColumn()));
			String name = CsvTable.cell(row, columns.get(options.nameColumn()));
			boolean ok = true;
			if (code.isEmpty() || code.length() > 40) {
				problems.add(ImportProblem.line(row.line(), options.codeColumn(),
						code.isEmpty() ? "import.feature.noCode" : "import.feature.codeTooLong",
						code.isEmpty() ? "The code is missing" : "The code is longer than 40 characters"));
				ok = false;
			} else if (lineOfCode.putIfAbsent(code, row.line()) != null) {
				problems.add(ImportProblem.line(row.line(), options.codeColumn(), "import.csv.duplicate",
						"Area " + code + " is listed already in line " + lineOfCode.get(code), code,
						lineOfCode.get(code)));
				ok = false;
			}
			if (name.isEmpty() || name.length() > 200) {
				problems.add(ImportProblem.line(row.line(), options.nameColumn(),
						name.isEmpty() ? "import.feature.noName" : "import.feature.nameTooLong",
						name.isEmpty() ? "The name is missing" : "The name is longer than 200 characters"));
				ok = false;
			}
			String parentCode = null;
			if (withParents && ok) {
				parentCode = options.parentCodeColumn() != null
						? CsvTable.cell(row, columns.get(options.parentCodeColumn()))
						: code.length() > options.parentCodePrefix() ? code.substring(0, options.parentCodePrefix()) : "";
				if (parentCode.isEmpty()) {
					problems.add(ImportProblem.line(row.line(),
							options.parentCodeColumn() != null ? options.parentCodeColumn() : options.codeColumn(),
							"import.feature.noParent", "No parent code"));
					ok = false;
				}
			}
			if (ok) {
				Map<String, String> codes = new TreeMap<>();
				options.extraCodes().forEach((kind, column) -> {
					String value = CsvTable.cell(row, columns.get(column));
					if (!value.isEmpty()) {
						codes.put(kind, value);
					}
				});
				Map<String, String> attributes = new LinkedHashMap<>();
				for (int i = 0; i < table.header().size(); i++) {
					attributes.put(table.header().get(i).trim(), CsvTable.cell(row, i));
				}
				incoming.add(new Incoming(row.line(), code, name, null, codes, json.writeValueAsString(attributes),
						parentCode));
			}
		}
		return resolveParentsAndWrite(new Target(AREA_LIST, fileName, content, table.rows().size(), options.levelKey(),
				options.schemeKey(), options.validFrom(), options.preview(),
				options.parentCodeColumn() != null ? options.parentCodeColumn() : options.codeColumn(),
				ImportProblem.Unit.LINE), level.orElseThrow(), parentLevel, incoming, problems, warnings);
	}

	/** Checks the options every area import shares; returns the parent level when parents are asked for. */
	private Optional<AreaLevel> checkLevelsAndScheme(Optional<AreaLevel> level, String levelKey, boolean withParents,
			String parentLevelKey, String schemeKey, List<ImportProblem> problems) {
		if (level.isEmpty()) {
			problems.add(ImportProblem.file("import.level.unknown", "Unknown level '" + levelKey + "'", levelKey));
		}
		Optional<AreaLevel> parentLevel = withParents
				? store.level(Objects.requireNonNullElse(parentLevelKey, "")) : Optional.empty();
		if (withParents && parentLevel.isEmpty()) {
			problems.add(ImportProblem.file("import.level.unknown", "Unknown parent level '" + parentLevelKey + "'",
					parentLevelKey));
		} else if (withParents && level.isPresent() && parentLevel.get().rank() >= level.get().rank()) {
			problems.add(ImportProblem.file("import.level.parentNotCoarser",
					"The parent level must be coarser than the level of the areas"));
		}
		if (schemeKey != null && !schemeKey.matches("[a-z0-9_-]{1,60}")) {
			problems.add(ImportProblem.file("import.scheme.invalidKey",
					"The scheme key must be 1–60 lower-case letters, digits, '-' or '_'"));
		}
		return parentLevel;
	}

	/** Where and how validated areas are written: the same for boundary files and area lists. */
	private record Target(String kind, String fileName, byte[] content, int records, String levelKey, String schemeKey,
			java.time.LocalDate validFrom, boolean preview, String parentField, ImportProblem.Unit unit) {
	}

	/**
	 * Resolves the parents of validated areas, then writes them, their codes and scheme membership in one
	 * transaction; or rejects the whole file when any problem was found.
	 */
	private ImportReport resolveParentsAndWrite(Target t, AreaLevel level, Optional<AreaLevel> parentLevel,
			List<Incoming> incoming, List<ImportProblem> problems, List<ImportProblem> warnings) {
		Map<String, Long> parents = Map.of();
		if (parentLevel.isPresent()) {
			Set<String> parentCodes = new LinkedHashSet<>();
			incoming.forEach(a -> parentCodes.add(a.parentCode()));
			// parents valid when the areas start, else (e.g. with the default start of validity) valid today
			parents = new HashMap<>(store.idsByCode(parentLevel.get().id(), parentCodes, t.validFrom()));
			Set<String> notFound = new LinkedHashSet<>(parentCodes);
			notFound.removeAll(parents.keySet());
			store.idsByCode(parentLevel.get().id(), notFound, java.time.LocalDate.now()).forEach(parents::putIfAbsent);
			for (Incoming a : incoming) {
				if (!parents.containsKey(a.parentCode())) {
					String message = "Unknown parent " + a.parentCode() + " at level " + parentLevel.get().key();
					problems.add(new ImportProblem(t.unit(), a.number(), t.parentField(), "import.feature.unknownParent",
							List.of(a.parentCode(), parentLevel.get().nameDe()), message));
				}
			}
		}
		if (!problems.isEmpty()) {
			return reject(t.kind(), t.fileName(), t.content(), t.records(), problems, warnings);
		}

		int levelId = level.id();
		Map<String, Long> parentIds = parents;
		int[] counts = new int[3]; // created, updated, unchanged
		String source = "file:" + t.fileName();
		return tx.execute(status -> {
			Integer schemeId = t.schemeKey() == null ? null : schemeId(t.schemeKey(), t.schemeKey(), false);
			Map<String, AreaStore.Stored> stored = store.storedVersions(levelId, t.validFrom());
			List<String> newCodes = incoming.stream().filter(a -> !stored.containsKey(a.code())).map(Incoming::code)
				.toList();
			int closed = t.preview() ? store.countEarlierVersions(levelId, newCodes, t.validFrom())
					: store.closeEarlierVersions(levelId, newCodes, t.validFrom());
			for (Incoming a : incoming) {
				AreaStore.Stored old = stored.get(a.code());
				boolean changed;
				long id;
				if (old == null) {
					counts[0]++;
					if (t.preview()) {
						continue;
					}
					id = store.insert(levelId, a.code(), a.name(), t.validFrom(), a.geometry(), a.attributes(), source);
					store.replaceCodes(id, a.codes());
					changed = true;
				} else {
					id = old.id();
					// an area list has no boundaries: it keeps those an area has
					boolean geometryChanged = a.geometry() != null
							&& !Arrays.equals(old.geometry(), AreaStore.wkb(a.geometry()));
					changed = !old.name().equals(a.name()) || geometryChanged
							|| !json.readTree(old.attributes()).equals(json.readTree(a.attributes()))
							|| !store.codes(id).equals(a.codes());
					if (changed && !t.preview()) {
						store.update(id, a.name(), a.geometry(), a.attributes(), source);
						store.replaceCodes(id, a.codes());
					}
				}
				if (schemeId != null) {
					Long parent = a.parentCode() == null ? null : parentIds.get(a.parentCode());
					var membership = store.membership(schemeId, id);
					if (membership.isEmpty() || !Objects.equals(membership.get().orElse(null), parent)) {
						changed = true;
						if (!t.preview()) {
							store.setMembership(schemeId, id, parent);
						}
					}
				}
				if (old != null) {
					counts[changed ? 1 : 2]++;
				}
			}
			if (schemeId != null && !t.preview()) {
				for (Long parentId : new LinkedHashSet<>(parentIds.values())) {
					if (store.membership(schemeId, parentId).isEmpty()) {
						store.setMembership(schemeId, parentId, null); // a root until it is assigned itself
					}
				}
			}
			Outcome outcome = t.preview() ? Outcome.PREVIEW : Outcome.WRITTEN;
			ImportReport r = new ImportReport(t.kind(), t.fileName(), outcome, t.records(), counts[0],
					counts[1] + closed, counts[2], List.of(), List.copyOf(warnings));
			finish(r, t.content(), t.levelKey());
			if (t.preview()) {
				status.setRollbackOnly();
			}
			return r;
		});
	}

	@Override
	public ImportReport importSchemeAssignment(String fileName, byte[] content, SchemeAssignmentOptions options) {
		List<ImportProblem> problems = new ArrayList<>();
		List<ImportProblem> warnings = new ArrayList<>();
		checkSize(content, problems);
		Optional<AreaLevel> childLevel = store.level(options.childLevelKey());
		Optional<AreaLevel> parentLevel = store.level(options.parentLevelKey());
		if (childLevel.isEmpty()) {
			problems.add(ImportProblem.file("import.level.unknown", "Unknown level '" + options.childLevelKey() + "'",
					options.childLevelKey()));
		}
		if (parentLevel.isEmpty()) {
			problems.add(ImportProblem.file("import.level.unknown", "Unknown level '" + options.parentLevelKey() + "'",
					options.parentLevelKey()));
		}
		if (childLevel.isPresent() && parentLevel.isPresent() && parentLevel.get().rank() >= childLevel.get().rank()) {
			problems.add(ImportProblem.file("import.level.parentNotCoarser",
					"The parent level must be coarser than the level of the areas"));
		}
		if (options.schemeKey() == null || !options.schemeKey().matches("[a-z0-9_-]{1,60}")) {
			problems.add(ImportProblem.file("import.scheme.invalidKey",
					"The scheme key must be 1–60 lower-case letters, digits, '-' or '_'"));
		}
		if (!problems.isEmpty()) {
			return reject(ASSIGNMENT, fileName, content, 0, problems, warnings);
		}
		CsvTable table;
		try {
			table = CsvTable.parse(TextFiles.decode(content));
		} catch (CsvTable.CsvException e) {
			problems.add(ImportProblem.line(e.line(), null, "import.csv.malformed", e.getMessage(), e.getMessage()));
			return reject(ASSIGNMENT, fileName, content, 0, problems, warnings);
		}
		Optional<Integer> codeCol = table.column(options.codeColumn());
		Optional<Integer> parentCol = table.column(options.parentCodeColumn());
		Optional<Integer> nameCol = options.parentNameColumn() == null ? Optional.empty()
				: table.column(options.parentNameColumn());
		for (var col : List.of(Map.entry(options.codeColumn(), codeCol),
				Map.entry(options.parentCodeColumn(), parentCol))) {
			if (col.getValue().isEmpty()) {
				problems.add(ImportProblem.line(1, col.getKey(), "import.csv.missingColumn",
						"Column '" + col.getKey() + "' is missing in the header", col.getKey()));
			}
		}
		if (options.parentNameColumn() != null && nameCol.isEmpty()) {
			problems.add(ImportProblem.line(1, options.parentNameColumn(), "import.csv.missingColumn",
					"Column '" + options.parentNameColumn() + "' is missing in the header", options.parentNameColumn()));
		}
		if (table.rows().isEmpty()) {
			problems.add(ImportProblem.file("import.empty", "The file contains no data rows"));
		}
		if (!problems.isEmpty()) {
			return reject(ASSIGNMENT, fileName, content, table.rows().size(), problems, warnings);
		}

		Set<String> childCodes = new LinkedHashSet<>();
		Set<String> parentCodes = new LinkedHashSet<>();
		for (CsvTable.Row row : table.rows()) {
			childCodes.add(CsvTable.cell(row, codeCol.get()));
			parentCodes.add(CsvTable.cell(row, parentCol.get()));
		}
		java.time.LocalDate today = java.time.LocalDate.now();
		Map<String, Long> children = store.idsByCode(childLevel.get().id(), childCodes, today);
		Map<String, Long> existingParents = store.idsByCode(parentLevel.get().id(), parentCodes, today);
		Map<String, Integer> lineOfChild = new HashMap<>();
		Map<String, String> newParentNames = new LinkedHashMap<>();
		Map<String, List<Long>> childrenOfParent = new LinkedHashMap<>();
		Map<Long, String> parentOfChild = new LinkedHashMap<>();
		for (CsvTable.Row row : table.rows()) {
			String code = CsvTable.cell(row, codeCol.get());
			String parent = CsvTable.cell(row, parentCol.get());
			String parentName = nameCol.map(c -> CsvTable.cell(row, c)).orElse("");
			boolean ok = true;
			if (code.isEmpty()) {
				problems.add(ImportProblem.line(row.line(), options.codeColumn(), "import.csv.emptyCell", "Empty code"));
				ok = false;
			} else if (!children.containsKey(code)) {
				problems.add(ImportProblem.line(row.line(), options.codeColumn(), "import.csv.unknownArea",
						"Unknown area " + code + " at level " + childLevel.get().key(), code, childLevel.get().nameDe()));
				ok = false;
			} else if (lineOfChild.putIfAbsent(code, row.line()) != null) {
				problems.add(ImportProblem.line(row.line(), options.codeColumn(), "import.csv.duplicate",
						"Area " + code + " is assigned already in line " + lineOfChild.get(code), code,
						lineOfChild.get(code)));
				ok = false;
			}
			if (parent.isEmpty()) {
				problems.add(ImportProblem.line(row.line(), options.parentCodeColumn(), "import.csv.emptyCell",
						"Empty parent code"));
				ok = false;
			} else if (!existingParents.containsKey(parent)) {
				if (parentName.isEmpty()) {
					problems.add(ImportProblem.line(row.line(), options.parentCodeColumn(), "import.csv.unknownParent",
							"Unknown parent " + parent + " at level " + parentLevel.get().key(), parent,
							parentLevel.get().nameDe()));
					ok = false;
				} else if (!newParentNames.getOrDefault(parent, parentName).equals(parentName)) {
					problems.add(ImportProblem.line(row.line(), options.parentNameColumn(), "import.csv.parentNameConflict",
							"Parent " + parent + " has another name in an earlier line: " + newParentNames.get(parent),
							parent, newParentNames.get(parent)));
					ok = false;
				} else {
					newParentNames.put(parent, parentName);
				}
			}
			if (ok) {
				childrenOfParent.computeIfAbsent(parent, k -> new ArrayList<>()).add(children.get(code));
				parentOfChild.put(children.get(code), parent);
			}
		}
		if (!problems.isEmpty()) {
			return reject(ASSIGNMENT, fileName, content, table.rows().size(), problems, warnings);
		}

		int parentLevelId = parentLevel.get().id();
		String source = "scheme:" + options.schemeKey();
		return tx.execute(status -> {
			int[] counts = new int[3];
			int schemeId = schemeId(options.schemeKey(), options.schemeName(), options.illustrative());
			Map<String, Long> parentIds = new HashMap<>(existingParents);
			// parents made by an assignment have the union of their children as boundary: (re)compute it
			for (var entry : childrenOfParent.entrySet()) {
				String code = entry.getKey();
				Long id = parentIds.get(code);
				if (id != null && !store.source(id).orElse("").equals(source)) {
					continue; // a parent with its own boundary file keeps it
				}
				Geometry union = UnaryUnionOp.union(store.geometries(entry.getValue()));
				String name = newParentNames.get(code);
				if (id == null) {
					counts[0]++;
					parentIds.put(code, store.insert(parentLevelId, code, name, java.time.LocalDate.of(1900, 1, 1),
							polygonalPart(union), "{}", source));
				} else {
					AreaStore.Stored old = store.storedVersions(parentLevelId, java.time.LocalDate.of(1900, 1, 1))
						.get(code);
					Geometry g = polygonalPart(union);
					if (old == null || !Arrays.equals(old.geometry(), AreaStore.wkb(g))
							|| (name != null && !name.equals(old.name()))) {
						counts[1]++;
						store.update(id, name != null ? name : old.name(), g, "{}", source);
					}
				}
			}
			for (var entry : parentOfChild.entrySet()) {
				Long parentId = parentIds.get(entry.getValue());
				var membership = store.membership(schemeId, entry.getKey());
				if (membership.isPresent() && Objects.equals(membership.get().orElse(null), parentId)) {
					counts[2]++;
				} else {
					counts[membership.isEmpty() ? 0 : 1]++;
					store.setMembership(schemeId, entry.getKey(), parentId);
				}
			}
			for (Long parentId : new LinkedHashSet<>(parentIds.values())) {
				if (store.membership(schemeId, parentId).isEmpty()) {
					store.setMembership(schemeId, parentId, null); // a root until it is assigned itself
				}
			}
			Outcome outcome = options.preview() ? Outcome.PREVIEW : Outcome.WRITTEN;
			ImportReport r = new ImportReport(ASSIGNMENT, fileName, outcome, table.rows().size(), counts[0], counts[1],
					counts[2], List.of(), List.copyOf(warnings));
			finish(r, content, options.schemeKey());
			if (options.preview()) {
				status.setRollbackOnly();
			}
			return r;
		});
	}

	@Override
	public java.util.SortedMap<String, String> supportedCrs() {
		java.util.SortedMap<String, String> labels = new TreeMap<>();
		CoordinateSystems.SUPPORTED.forEach((code, label) -> labels.put("EPSG:" + code, label));
		return labels;
	}

	@Override
	public AreaScheme ensureScheme(String key, String nameDe, String nameEn, String description, boolean illustrative) {
		return tx.execute(status -> store.scheme(key).orElseGet(() -> {
			store.createScheme(key, nameDe, nameEn, illustrative);
			store.describeScheme(key, description);
			audit.record("area.scheme.create", "area_scheme", key, Map.of("name", nameDe));
			changed();
			return store.scheme(key).orElseThrow();
		}));
	}

	private int schemeId(String key, String name, boolean illustrative) {
		return store.scheme(key).map(AreaScheme::id)
			.orElseGet(() -> store.createScheme(key, name == null ? key : name, name == null ? key : name, illustrative));
	}

	private void checkSize(byte[] content, List<ImportProblem> problems) {
		if (content == null || content.length == 0) {
			problems.add(ImportProblem.file("import.empty", "The file is empty"));
		} else if (content.length > maxBytes) {
			problems.add(ImportProblem.file("import.tooLarge", "The file has " + megabytes(content.length)
					+ " MB; at most " + megabytes(maxBytes) + " MB are accepted", megabytes(content.length),
					megabytes(maxBytes)));
		}
	}

	private static String megabytes(long bytes) {
		return String.format(java.util.Locale.ROOT, "%.1f", bytes / 1024d / 1024d);
	}

	private void changed() {
		store.bumpDataVersion();
		events.publishEvent(new AreasChanged(store.dataVersion()));
	}

	/** Writes the run and its audit entry; called inside the write transaction, or alone for a rejection. */
	private void finish(ImportReport report, byte[] content, String subject) {
		String sha = TextFiles.sha256(content == null ? new byte[0] : content);
		if (report.outcome() == Outcome.WRITTEN) {
			if (report.changedSomething()) {
				changed();
			}
			audit.record("area.import." + report.kind(), "area", subject,
					Map.of("file", report.fileName(), "sha256", sha, "created", report.created(), "updated",
							report.updated(), "unchanged", report.unchanged()));
		}
		if (report.outcome() != Outcome.PREVIEW) {
			store.recordImportRun(report.kind(), report.fileName(), sha, audit.currentActor(), report.outcome().name(),
					json.writeValueAsString(report));
		}
	}

	private ImportReport reject(String kind, String fileName, byte[] content, int records, List<ImportProblem> problems,
			List<ImportProblem> warnings) {
		ImportReport report = ImportReport.rejected(kind, fileName, records, problems, warnings);
		finish(report, content, null);
		return report;
	}

	/** Null when the coordinates fit the CRS, else why they do not. */
	private static String checkCoordinates(Geometry g, int epsg) {
		boolean geographic = CoordinateSystems.isGeographic(epsg);
		boolean allDegrees = true;
		for (Coordinate c : g.getCoordinates()) {
			if (!Double.isFinite(c.x) || !Double.isFinite(c.y)) {
				return "A coordinate is not a finite number";
			}
			boolean degrees = Math.abs(c.x) <= 180 && Math.abs(c.y) <= 90;
			if (geographic && !degrees) {
				return "Coordinate (" + c.x + ", " + c.y + ") is not longitude/latitude: wrong coordinate reference"
						+ " system? The file is read as EPSG:" + epsg;
			}
			allDegrees &= degrees;
		}
		if (!geographic && allDegrees) {
			return "The coordinates look like longitude/latitude, but the file is read as projected EPSG:" + epsg;
		}
		return null;
	}

	private static String describe(TopologyValidationError e) {
		Coordinate c = e.getCoordinate();
		return e.getMessage() + (c == null ? "" : String.format(java.util.Locale.ROOT, " at (%.6f, %.6f)", c.x, c.y));
	}

	private static Geometry polygonalPart(Geometry g) {
		if (g instanceof Polygonal) {
			return g;
		}
		List<org.locationtech.jts.geom.Polygon> polygons = new ArrayList<>();
		for (int i = 0; i < g.getNumGeometries(); i++) {
			if (g.getGeometryN(i) instanceof org.locationtech.jts.geom.Polygon p) {
				polygons.add(p);
			} else if (g.getGeometryN(i) instanceof org.locationtech.jts.geom.MultiPolygon mp) {
				for (int k = 0; k < mp.getNumGeometries(); k++) {
					polygons.add((org.locationtech.jts.geom.Polygon) mp.getGeometryN(k));
				}
			}
		}
		return BoundaryFile.GEOMETRY.createMultiPolygon(polygons.toArray(org.locationtech.jts.geom.Polygon[]::new));
	}

	private static String text(JsonNode node) {
		if (node == null || node.isNull() || node.isMissingNode()) {
			return null;
		}
		// a code written as a number (80101 or 80101.0) is the same code as the string "80101"
		String s = node.isNumber() ? node.decimalValue().stripTrailingZeros().toPlainString() : node.asString("").trim();
		return s.isEmpty() ? null : s;
	}
}
