package org.spange.atlas.web;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

import org.spange.access.Role;
import org.spange.atlas.AtlasCatalog;
import org.spange.atlas.AtlasException;
import org.spange.atlas.AtlasMap;
import org.spange.atlas.AtlasMaps;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/atlas")
@Tag(name = "Atlas", description = "Choropleth maps of indicators and variables: values, classes, colours, reference"
		+ " value, histogram, ranking, sources; exports. Disclosure control for the public.")
class AtlasApiController {

	static final String ACCESS = " Anonymous visitors and roles other than planner and admin see published indicators"
			+ " and variables only, and numbers pass disclosure control: where a count the value rests on is below the"
			+ " threshold (spange.disclosure.min-count, default 5) the area's value is withheld (status suppressed), and"
			+ " so are enough others that no withheld value can be worked out from totals, consistently across levels"
			+ " and schemes. Planners and admins see raw values, with publicSuppression saying what the public does not"
			+ " see.";

	private final AtlasMaps atlas;
	private final AtlasExports exports;
	private final MessageSource messages;

	AtlasApiController(AtlasMaps atlas, AtlasExports exports, MessageSource messages) {
		this.atlas = atlas;
		this.exports = exports;
		this.messages = messages;
	}

	/** Planners and admins see unpublished indicators and raw values. */
	static boolean internal(HttpServletRequest request) {
		return request.isUserInRole(Role.PLANNER.name()) || request.isUserInRole(Role.ADMIN.name());
	}

	@GetMapping("/catalog")
	@Operation(summary = "The indicators and variables that can be mapped, by topic",
			description = "Anonymous visitors and roles other than planner and admin see published ones only.")
	@Parameter(name = "lang", in = ParameterIn.QUERY, description = "de (default) or en",
			schema = @Schema(type = "string", allowableValues = { "de", "en" }))
	AtlasCatalog catalog(HttpServletRequest request, Locale locale) {
		return atlas.catalog(internal(request), locale);
	}

	@GetMapping("/map")
	@Operation(summary = "What a choropleth map of an indicator or variable shows",
			description = "Per area of the level: the value (unrounded, and as display string rounded to the"
					+ " indicator's decimals and formatted for the language: 12,3 in German, 12.3 in English), coverage,"
					+ " status (ok, partial, missing, suppressed), class, colour, IQR outlier flag and rank (1 = best by"
					+ " polarity). Missing values are null, never 0. Also: the classification with breaks, colours and"
					+ " legend labels; the reference value of the scheme's root area (with one root; explained);"
					+ " equal-width histogram bins; top and bottom five; the indicator's metadata; source and licence"
					+ " of every input variable; a synthetic flag and notice where any input is generated demo data;"
					+ " the periods, schemes and levels to choose from." + ACCESS)
	@Parameter(name = "lang", in = ParameterIn.QUERY, description = "de (default) or en",
			schema = @Schema(type = "string", allowableValues = { "de", "en" }))
	AtlasMap map(@ParameterObject AtlasParameters parameters, HttpServletRequest request, Locale locale) {
		return atlas.map(parameters.toQuery(locale, internal(request)));
	}

	@GetMapping("/export.csv")
	@Operation(summary = "The map's table as CSV",
			description = "The same parameters and numbers as /map. German (lang=de): ';' separated, decimal comma;"
					+ " English: ',' separated, decimal point. UTF-8 with byte order mark, so that Excel reads it right."
					+ " Metadata lines first (indicator, formula, unit, period, export time, sources and licences,"
					+ " synthetic-data notice, disclosure note, Spange attribution), then a blank line and the table."
					+ ACCESS)
	@Parameter(name = "lang", in = ParameterIn.QUERY, description = "de (default) or en",
			schema = @Schema(type = "string", allowableValues = { "de", "en" }))
	ResponseEntity<byte[]> csv(@ParameterObject AtlasParameters parameters, HttpServletRequest request,
			Locale locale) {
		AtlasMap map = atlas.map(parameters.toQuery(locale, internal(request)));
		return file(exports.csv(map), "text/csv;charset=UTF-8", exports.fileName(map, "csv"));
	}

	@GetMapping("/export.xlsx")
	@Operation(summary = "The map's table as an Excel workbook",
			description = "Values as number cells (unrounded, shown with the indicator's decimals); a second sheet"
					+ " with indicator, formula, unit, period, export time, sources, licences, notices and attribution."
					+ ACCESS)
	@Parameter(name = "lang", in = ParameterIn.QUERY, description = "de (default) or en",
			schema = @Schema(type = "string", allowableValues = { "de", "en" }))
	ResponseEntity<byte[]> xlsx(@ParameterObject AtlasParameters parameters, HttpServletRequest request,
			Locale locale) {
		AtlasMap map = atlas.map(parameters.toQuery(locale, internal(request)));
		return file(exports.xlsx(map), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
				exports.fileName(map, "xlsx"));
	}

	@GetMapping("/export.geojson")
	@Operation(summary = "The map as GeoJSON: the areas' boundaries with the values as properties",
			description = "A FeatureCollection; each feature's properties carry value, display, coverage, status,"
					+ " class, colour, outlier and rank; the member \"spange\" carries indicator, formula, unit, period,"
					+ " export time, sources, licences, notices and attribution." + ACCESS)
	@Parameter(name = "lang", in = ParameterIn.QUERY, description = "de (default) or en",
			schema = @Schema(type = "string", allowableValues = { "de", "en" }))
	ResponseEntity<byte[]> geoJson(@ParameterObject AtlasParameters parameters, HttpServletRequest request,
			Locale locale) {
		AtlasMap map = atlas.map(parameters.toQuery(locale, internal(request)));
		return file(exports.geoJson(map).getBytes(StandardCharsets.UTF_8), "application/geo+json",
				exports.fileName(map, "geojson"));
	}

	private static ResponseEntity<byte[]> file(byte[] body, String type, String name) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(type))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
			.body(body);
	}

	@ExceptionHandler(AtlasException.class)
	ResponseEntity<ProblemDetail> problem(AtlasException e, Locale locale) {
		HttpStatus status = e.kind() == AtlasException.Kind.NOT_FOUND ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST;
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
				messages.getMessage(e.messageKey(), e.arguments(), e.getMessage(), locale));
		problem.setProperty("code", e.messageKey());
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}
}
