package org.spange.area.web;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.spange.area.AreaDetail;
import org.spange.area.AreaId;
import org.spange.area.AreaImports;
import org.spange.area.AreaLevel;
import org.spange.area.AreaQueries;
import org.spange.area.AreaScheme;
import org.spange.area.AreaSummary;
import org.spange.platform.imports.ImportReport;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

@RestController
@RequestMapping("/api/v1/areas")
@Tag(name = "Areas", description = "Levels, schemes (Raumgliederungen), areas and their boundaries")
class AreaApiController {

	private static final MediaType GEO_JSON = MediaType.parseMediaType("application/geo+json");

	private final AreaQueries areas;
	private final AreaImports imports;
	private final ImportForms forms;

	AreaApiController(AreaQueries areas, AreaImports imports, ImportForms forms) {
		this.areas = areas;
		this.imports = imports;
		this.forms = forms;
	}

	@GetMapping("/levels")
	@Operation(summary = "All area levels (Raumebenen), coarsest first")
	List<AreaLevel> levels() {
		return areas.levels();
	}

	@GetMapping("/schemes")
	@Operation(summary = "All area schemes (Raumgliederungen); illustrative ones are drafts")
	List<AreaScheme> schemes() {
		return areas.schemes();
	}

	@GetMapping
	@Operation(summary = "Areas of one level in a scheme, valid today, with their parent in that scheme")
	List<AreaSummary> list(@RequestParam String scheme, @RequestParam String level) {
		requireScheme(scheme);
		return areas.areas(scheme, level);
	}

	record TreeNode(AreaSummary area, List<TreeNode> children) {
	}

	@GetMapping("/tree")
	@Operation(summary = "The whole hierarchy of a scheme as a tree")
	List<TreeNode> tree(@RequestParam String scheme) {
		requireScheme(scheme);
		List<AreaSummary> all = areas.levelsOf(scheme).stream().flatMap(l -> areas.areas(scheme, l.key()).stream())
			.toList();
		Map<AreaId, List<AreaSummary>> byParent = new java.util.HashMap<>();
		all.forEach(a -> byParent.computeIfAbsent(a.parentId(), k -> new java.util.ArrayList<>()).add(a));
		return nodes(byParent, null);
	}

	private static List<TreeNode> nodes(Map<AreaId, List<AreaSummary>> byParent, AreaId parent) {
		return byParent.getOrDefault(parent, List.of()).stream()
			.map(a -> new TreeNode(a, nodes(byParent, a.id())))
			.toList();
	}

	@GetMapping("/{id}")
	@Operation(summary = "One area with its codes, its parents in every scheme and its children")
	AreaDetail area(@PathVariable long id) {
		return areas.area(new AreaId(id)).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	@GetMapping(value = "/geojson", produces = { "application/geo+json", MediaType.APPLICATION_JSON_VALUE })
	@Operation(summary = "Boundaries of one level in a scheme as GeoJSON, simplified for a web-map zoom level",
			description = "Cached per zoom; the ETag changes with every import.")
	ResponseEntity<String> layer(@RequestParam String scheme, @RequestParam String level,
			@Parameter(description = "web-map zoom 0–18; higher is more detailed") @RequestParam(defaultValue = "9") int zoom) {
		requireScheme(scheme);
		String etag = "\"" + areas.dataVersion() + "-" + Math.min(Math.max(zoom, 0), 14) + "\"";
		return ResponseEntity.ok().eTag(etag).cacheControl(CacheControl.maxAge(0, TimeUnit.SECONDS).cachePublic())
			.contentType(GEO_JSON).body(areas.geoJson(scheme, level, zoom));
	}

	@GetMapping(value = "/{id}/geojson", produces = { "application/geo+json", MediaType.APPLICATION_JSON_VALUE })
	@Operation(summary = "The boundary of one area as a GeoJSON Feature at full detail")
	ResponseEntity<String> areaGeoJson(@PathVariable long id) {
		return areas.geoJson(new AreaId(id)).map(g -> ResponseEntity.ok().contentType(GEO_JSON).body(g))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	@PostMapping(value = "/imports/boundaries", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Import boundaries (GeoJSON or TopoJSON) — all or nothing",
			description = "Every problem is reported with feature number and property; with problems nothing is"
					+ " written (HTTP 422). Planners and admins only.")
	ResponseEntity<ImportReport> importBoundaries(@RequestParam MultipartFile file, BoundaryForm form)
			throws IOException {
		ImportReport report = imports.importBoundaries(file.getOriginalFilename(), file.getBytes(), forms.options(form));
		return respond(report);
	}

	@PostMapping(value = "/imports/area-lists", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Import areas without boundaries from a CSV list (e.g. a Gemeindeverzeichnis) — all or nothing",
			description = "Every problem is reported with line and column; areas that have boundaries keep them."
					+ " Planners and admins only.")
	ResponseEntity<ImportReport> importAreaList(@RequestParam MultipartFile file, AreaListForm form) throws IOException {
		return respond(imports.importAreaList(file.getOriginalFilename(), file.getBytes(), forms.options(form)));
	}

	@PostMapping(value = "/imports/scheme-assignments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Assign areas to a scheme from a CSV (code → parent code) — all or nothing",
			description = "Every problem is reported with line and column. Planners and admins only.")
	ResponseEntity<ImportReport> importAssignment(@RequestParam MultipartFile file, AssignmentForm form)
			throws IOException {
		ImportReport report = imports.importSchemeAssignment(file.getOriginalFilename(), file.getBytes(),
				forms.options(form));
		return respond(report);
	}

	private static ResponseEntity<ImportReport> respond(ImportReport report) {
		return ResponseEntity.status(report.outcome() == ImportReport.Outcome.REJECTED
				? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.OK).body(report);
	}

	private void requireScheme(String scheme) {
		if (areas.scheme(scheme).isEmpty()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "Unknown scheme " + scheme);
		}
	}
}
