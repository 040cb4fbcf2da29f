package org.spange.offer.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.spange.offer.FieldOfAction;
import org.spange.offer.Offer;
import org.spange.offer.OfferCatalog;
import org.spange.offer.OfferPage;
import org.spange.offer.OfferQuery;
import org.spange.offer.OfferSearch;
import org.spange.offer.OfferSearch.CountBy;
import org.spange.offer.TargetGroup;
import org.spange.offer.web.OfferViews.Place;
import org.spange.platform.exports.CsvRows;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;

/**
 * The planners' view of the offer inventory (planners and admins, by the security configuration): the directory's
 * search counted per Gemeinde and per category, and exported with internal fields as CSV and XLSX. Exports never
 * carry the point or street of a confidential location, only its Gemeinde: a file travels further than a page.
 */
@Controller
@RequestMapping("/offers")
class OfferOverviewController {

	/** The whole inventory fits: a county has a few thousand offers. */
	static final int EXPORT_LIMIT = 100_000;
	private static final int PAGE = 500;

	private final OfferCatalog catalog;
	private final OfferSearch search;
	private final OfferViews views;
	private final MessageSource messages;

	OfferOverviewController(OfferCatalog catalog, OfferSearch search, OfferViews views, MessageSource messages) {
		this.catalog = catalog;
		this.search = search;
		this.views = views;
		this.messages = messages;
	}

	/** A count with its label and share of the matching offers. */
	record Count(String key, String label, long count, double share) {
	}

	@GetMapping("/overview")
	String overview(DirectoryFilter filter, jakarta.servlet.http.HttpServletRequest request, Model model) {
		DirectoryFilter.Parsed parsed = parse(filter);
		model.addAttribute("filter", filter);
		model.addAttribute("problems", parsed.problems());
		model.addAttribute("query", OfferDirectoryController.queryWithoutPage(request));
		if (parsed.problems().isEmpty()) {
			OfferQuery q = parsed.query();
			long total = search.search(q, 0, 1).total();
			model.addAttribute("total", total);
			boolean en = "en".equals(LocaleContextHolder.getLocale().getLanguage());
			Map<String, String> fields = new LinkedHashMap<>();
			for (FieldOfAction f : catalog.fieldsOfAction()) {
				fields.put(f.key(), en ? f.nameEn() : f.nameDe());
			}
			Map<String, String> groups = new LinkedHashMap<>();
			for (TargetGroup g : catalog.targetGroups()) {
				groups.put(g.key(), en ? g.nameEn() : g.nameDe());
			}
			Map<String, List<Count>> tables = new LinkedHashMap<>();
			tables.put("fields", counts(q, CountBy.FIELD_OF_ACTION, total, fields::get, fields));
			tables.put("groups", counts(q, CountBy.TARGET_GROUP, total, groups::get, groups));
			tables.put("settings", counts(q, CountBy.SETTING, total, k -> text("offers.setting." + k), null));
			tables.put("approaches", counts(q, CountBy.APPROACH, total, k -> text("offers.approach." + k), null));
			tables.put("forms", counts(q, CountBy.FORM, total, k -> text("offers.form." + k), null));
			model.addAttribute("tables", tables);
			List<Count> gemeinden = counts(q, CountBy.GEMEINDE, total, k -> views.areaName(Long.parseLong(k)), null);
			model.addAttribute("gemeinden", gemeinden.stream()
				.sorted(Comparator.comparing(Count::count).reversed().thenComparing(Count::label)).toList());
		}
		return "offer/overview";
	}

	/**
	 * Counts by key; with {@code all} every key of the list in its order (a category without offers is a finding),
	 * otherwise the keys found.
	 */
	private List<Count> counts(OfferQuery q, CountBy by, long total, Function<String, String> label,
			Map<String, String> all) {
		Map<String, Long> counts = search.counts(q, by);
		List<Count> out = new ArrayList<>();
		for (String key : all == null ? counts.keySet() : all.keySet()) {
			long n = counts.getOrDefault(key, 0L);
			out.add(new Count(key, label.apply(key), n, total == 0 ? 0 : (double) n / total));
		}
		return out;
	}

	@GetMapping("/export.csv")
	ResponseEntity<byte[]> csv(DirectoryFilter filter) {
		boolean german = !"en".equals(LocaleContextHolder.getLocale().getLanguage());
		char sep = CsvRows.separator(german);
		StringBuilder out = new StringBuilder("\uFEFF");
		CsvRows.row(out, sep, headers());
		for (List<String> cells : exportRows(filter)) {
			CsvRows.row(out, sep, cells);
		}
		return file(out.toString().getBytes(StandardCharsets.UTF_8), "csv", new MediaType("text", "csv",
				StandardCharsets.UTF_8));
	}

	@GetMapping("/export.xlsx")
	ResponseEntity<byte[]> xlsx(DirectoryFilter filter) {
		List<List<String>> rows = exportRows(filter);
		List<String> headers = headers();
		try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Font bold = book.createFont();
			bold.setBold(true);
			CellStyle head = book.createCellStyle();
			head.setFont(bold);
			Sheet sheet = book.createSheet(text("offers.export.sheet"));
			Row first = sheet.createRow(0);
			for (int c = 0; c < headers.size(); c++) {
				Cell cell = first.createCell(c);
				cell.setCellValue(headers.get(c));
				cell.setCellStyle(head);
			}
			for (int r = 0; r < rows.size(); r++) {
				Row row = sheet.createRow(r + 1);
				List<String> cells = rows.get(r);
				for (int c = 0; c < cells.size(); c++) {
					String v = cells.get(c);
					if (v.isEmpty()) {
						continue;
					}
					// numbers stay numbers (id, ages, places, coordinates) so that a spreadsheet can sort and sum
					if (NUMERIC.contains(c)) {
						row.createCell(c).setCellValue(Double.parseDouble(v.replace(',', '.')));
					} else {
						row.createCell(c).setCellValue(v);
					}
				}
			}
			sheet.createFreezePane(0, 1);
			sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, rows.size()), 0, headers.size() - 1));
			for (int c = 0; c < headers.size(); c++) {
				sheet.setColumnWidth(c, (c == 1 || c == 2 ? 40 : 16) * 256);
			}
			book.write(out);
			return file(out.toByteArray(), "xlsx",
					MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static final String[] COLUMNS = { "id", "name", "organization", "status", "fields", "groups", "minAge",
			"maxAge", "setting", "approach", "form", "free", "cost", "languages", "places", "waiting", "legalBasis",
			"lastConfirmed", "stale", "location", "street", "postalCode", "city", "gemeinde", "latitude", "longitude",
			"confidential", "stepFree", "accessibility", "phone", "email", "url" };
	/** Columns written as numbers in XLSX: id, ages, places, latitude, longitude. */
	private static final List<Integer> NUMERIC = List.of(0, 6, 7, 14, 24, 25);

	private List<String> headers() {
		return java.util.Arrays.stream(COLUMNS).map(c -> text("offers.export." + c)).toList();
	}

	/** One row per offer and location (an offer without location: one row); confidential places by Gemeinde only. */
	private List<List<String>> exportRows(DirectoryFilter filter) {
		DirectoryFilter.Parsed parsed = parse(filter);
		if (!parsed.problems().isEmpty()) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
					String.join("; ", parsed.problems().values().stream().map(this::text).toList()));
		}
		boolean german = !"en".equals(LocaleContextHolder.getLocale().getLanguage());
		List<List<String>> rows = new ArrayList<>();
		for (int page = 0; (long) page * PAGE < EXPORT_LIMIT; page++) {
			OfferPage<Offer> offers = search.search(parsed.query(), page, PAGE);
			for (OfferViews.Row r : views.rows(offers.items(), false, java.util.Set.of())) {
				List<Place> places = r.places().isEmpty() ? java.util.Collections.singletonList(null) : r.places();
				for (Place p : places) {
					rows.add(cells(r, p, german));
				}
			}
			if ((long) (page + 1) * PAGE >= offers.total()) {
				break;
			}
		}
		return rows;
	}

	private List<String> cells(OfferViews.Row r, Place p, boolean german) {
		Offer o = r.offer();
		List<String> c = new ArrayList<>();
		c.add(Long.toString(o.id()));
		c.add(o.name());
		c.add(r.organization());
		c.add(text(o.active() ? "offers.active" : "offers.inactive"));
		c.add(String.join(", ", r.fields()));
		c.add(String.join(", ", r.groups()));
		c.add(o.minAge() == null ? "" : o.minAge().toString());
		c.add(o.maxAge() == null ? "" : o.maxAge().toString());
		c.add(o.setting() == null ? "" : text("offers.setting." + o.setting()));
		c.add(o.approach() == null ? "" : text("offers.approach." + o.approach()));
		c.add(o.form() == null ? "" : text("offers.form." + o.form()));
		c.add(text(Boolean.TRUE.equals(o.freeOfCharge()) ? "offers.yes" : "offers.no"));
		c.add(nullToEmpty(o.costText()));
		c.add(String.join(", ", o.languages()));
		c.add(o.capacityPlaces() == null ? "" : o.capacityPlaces().toString());
		c.add(nullToEmpty(o.waitingTime()));
		c.add(nullToEmpty(o.legalBasis()));
		c.add(o.lastConfirmed() == null ? "" : o.lastConfirmed().toString());
		c.add(r.stale() ? text("offers.yes") : "");
		c.add(p == null ? "" : p.name());
		c.add(p == null ? "" : nullToEmpty(p.street()));
		c.add(p == null ? "" : nullToEmpty(p.postalCode()));
		c.add(p == null ? "" : nullToEmpty(p.city()));
		c.add(p == null ? "" : nullToEmpty(p.gemeinde()));
		c.add(p == null || p.latitude() == null ? "" : CsvRows.number(p.latitude(), german));
		c.add(p == null || p.longitude() == null ? "" : CsvRows.number(p.longitude(), german));
		c.add(p != null && p.confidential() ? text("offers.yes") : "");
		c.add(p == null || p.stepFree() == null ? "" : text(p.stepFree() ? "offers.yes" : "offers.no"));
		c.add(p == null ? "" : nullToEmpty(p.accessibility()));
		c.add(o.phones().isEmpty() ? "" : o.phones().get(0).number());
		c.add(nullToEmpty(o.email()));
		c.add(nullToEmpty(o.url()));
		return c;
	}

	private static String nullToEmpty(String s) {
		return s == null ? "" : s;
	}

	private DirectoryFilter.Parsed parse(DirectoryFilter filter) {
		return filter.parse(catalog, true, LocalDateTime.now(OfferDirectoryController.REGION_TIME));
	}

	private ResponseEntity<byte[]> file(byte[] body, String extension, MediaType type) {
		String name = "spange-angebote_" + LocalDate.now(OfferDirectoryController.REGION_TIME) + "." + extension;
		return ResponseEntity.ok().contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
			.body(body);
	}

	private String text(String key) {
		Locale locale = LocaleContextHolder.getLocale();
		return messages.getMessage(key, null, key, locale);
	}
}
