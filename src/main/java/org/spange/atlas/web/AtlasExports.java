package org.spange.atlas.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.spange.area.AreaQueries;
import org.spange.atlas.AtlasMap;
import org.spange.platform.exports.CsvRows;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Exports of what a map shows — CSV, XLSX, GeoJSON — with the same numbers (disclosure control included) and the same
 * metadata: indicator, formula, unit, period, export time, sources and licences, synthetic-data notice, disclosure
 * note and attribution.
 */
@Component
class AtlasExports {

	/** Boundaries at this web-map zoom: detailed enough for a GIS, small enough to download. */
	static final int EXPORT_ZOOM = 12;
	private static final DateTimeFormatter EXPORTED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");

	private final MessageSource messages;
	private final AreaQueries areas;
	private final JsonMapper json;
	private final Clock clock;

	AtlasExports(MessageSource messages, AreaQueries areas, JsonMapper json) {
		this.messages = messages;
		this.areas = areas;
		this.json = json;
		this.clock = Clock.systemUTC();
	}

	/** Such as {@code spange-atlas_share_65plus_2024_vorarlberg-bezirke_gemeinde.csv}. */
	String fileName(AtlasMap map, String extension) {
		String name = String.join("_", "spange-atlas", map.subject().key(), map.period() == null ? "" : map.period(),
				map.scheme().key(), map.level().key());
		return name.replaceAll("[^A-Za-z0-9_.-]", "-") + "." + extension;
	}

	/** The metadata lines, label and text, in the map's language. */
	List<String[]> metadata(AtlasMap map) {
		Locale lang = Locale.forLanguageTag(map.language());
		List<String[]> lines = new ArrayList<>();
		AtlasMap.Subject s = map.subject();
		lines.add(line(lang, "atlas.export.title", text(lang, "atlas.export.titleText")));
		lines.add(line(lang, "atlas.kind." + s.kind(), s.name() + " (" + s.key() + ")"));
		if (s.formula() != null) {
			lines.add(line(lang, "atlas.formula", s.formula()));
		}
		lines.add(line(lang, "atlas.unit", s.unit().isEmpty() ? "–" : s.unit()));
		if (s.description() != null && !s.description().isBlank()) {
			lines.add(line(lang, "atlas.description", s.description()));
		}
		lines.add(line(lang, "atlas.period", map.period() == null ? "–" : map.period()));
		lines.add(line(lang, "atlas.scheme", map.scheme().name()
				+ (map.scheme().illustrative() ? " – " + text(lang, "scheme.illustrative") : "")));
		lines.add(line(lang, "atlas.level", map.level().name()));
		lines.add(line(lang, "atlas.reference", (map.reference().display() == null ? ""
				: map.reference().display() + " " + s.unit() + " – ") + map.reference().explanation()));
		lines.add(line(lang, "atlas.classification", map.classification().methodLabel() + ", "
				+ text(lang, "atlas.export.classes", map.classification().classes())));
		lines.add(line(lang, "atlas.export.exported", ZonedDateTime.now(clock).withZoneSameInstant(ZoneOffset.UTC)
			.format(EXPORTED)));
		if (map.synthetic()) {
			lines.add(line(lang, "atlas.export.notice", map.syntheticNotice()));
		}
		lines.add(line(lang, "atlas.export.disclosure", map.disclosure().note()));
		for (AtlasMap.Source source : map.sources()) {
			lines.add(line(lang, "atlas.export.source", text(lang, "atlas.attribution.source", source.name(),
					dash(source.source()), dash(source.licence()))
					+ (source.synthetic() ? " – " + text(lang, "atlas.synthetic.short") : "")));
		}
		for (String a : map.attribution()) {
			if (map.sources().stream().noneMatch(src -> a.startsWith(src.name() + ":"))) {
				lines.add(line(lang, "atlas.export.attribution", a));
			}
		}
		return lines;
	}

	/** The table's columns, in the map's language. */
	private List<String> header(AtlasMap map) {
		Locale lang = Locale.forLanguageTag(map.language());
		List<String> header = new ArrayList<>(List.of(text(lang, "atlas.export.id"), text(lang, "area.code"),
				text(lang, "area.name"), text(lang, "area.parent"),
				text(lang, "atlas.export.value", map.subject().unit().isEmpty() ? "" : " (" + map.subject().unit() + ")"),
				text(lang, "atlas.export.display"), text(lang, "atlas.coverage"), text(lang, "atlas.status"),
				text(lang, "atlas.export.class"), text(lang, "atlas.export.colour"), text(lang, "atlas.rank"),
				text(lang, "atlas.outlier")));
		if (!map.isPublic()) {
			header.add(text(lang, "atlas.publicSuppression"));
		}
		return header;
	}

	// --------------------------------------------------------------------------------------------------------- CSV

	/**
	 * German: {@code ;} and decimal comma; English: {@code ,} and decimal point. UTF-8 with BOM, CRLF; numbers unrounded
	 * and without thousands separators.
	 */
	byte[] csv(AtlasMap map) {
		boolean german = "de".equals(map.language());
		char sep = german ? ';' : ',';
		Locale lang = Locale.forLanguageTag(map.language());
		StringBuilder out = new StringBuilder("\uFEFF");
		for (String[] line : metadata(map)) {
			CsvRows.row(out, sep, List.of(line[0], line[1]));
		}
		out.append("\r\n");
		CsvRows.row(out, sep, header(map));
		for (AtlasMap.Area a : map.areas()) {
			List<String> cells = new ArrayList<>();
			cells.add(Long.toString(a.id()));
			cells.add(a.code());
			cells.add(a.name());
			cells.add(a.parentName() == null ? "" : a.parentName());
			cells.add(a.value() == null ? "" : CsvRows.number(a.value(), german));
			cells.add(a.display() == null ? "" : a.display());
			cells.add(a.coverage() == null ? "" : CsvRows.number(a.coverage(), german));
			cells.add(a.statusLabel());
			cells.add(a.classIndex() == null ? "" : Integer.toString(a.classIndex() + 1));
			cells.add(a.colour() == null ? "" : a.colour());
			cells.add(a.rank() == null ? "" : Integer.toString(a.rank()));
			cells.add(a.outlier() ? text(lang, "atlas.yes") : "");
			if (!map.isPublic()) {
				cells.add(a.publicSuppression() == null ? ""
						: text(lang, "atlas.suppression." + a.publicSuppression()));
			}
			CsvRows.row(out, sep, cells);
		}
		return out.toString().getBytes(StandardCharsets.UTF_8);
	}

	// -------------------------------------------------------------------------------------------------------- XLSX

	/** A data sheet with number cells (unrounded, formatted with the indicator's decimals) and a sources sheet. */
	byte[] xlsx(AtlasMap map) {
		Locale lang = Locale.forLanguageTag(map.language());
		try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			DataFormat formats = book.createDataFormat();
			Font bold = book.createFont();
			bold.setBold(true);
			CellStyle head = book.createCellStyle();
			head.setFont(bold);
			head.setWrapText(true);
			CellStyle value = book.createCellStyle();
			int d = map.subject().decimals();
			value.setDataFormat(formats.getFormat(d == 0 ? "#,##0" : "#,##0." + "0".repeat(d)));
			CellStyle percent = book.createCellStyle();
			percent.setDataFormat(formats.getFormat("0%"));
			CellStyle wrap = book.createCellStyle();
			wrap.setWrapText(true);

			Sheet data = book.createSheet(text(lang, "atlas.export.sheetData"));
			List<String> header = header(map);
			Row h = data.createRow(0);
			for (int c = 0; c < header.size(); c++) {
				Cell cell = h.createCell(c);
				cell.setCellValue(header.get(c));
				cell.setCellStyle(head);
			}
			int r = 1;
			for (AtlasMap.Area a : map.areas()) {
				Row row = data.createRow(r++);
				row.createCell(0).setCellValue(a.id());
				row.createCell(1).setCellValue(a.code());
				row.createCell(2).setCellValue(a.name());
				if (a.parentName() != null) {
					row.createCell(3).setCellValue(a.parentName());
				}
				if (a.value() != null) {
					Cell v = row.createCell(4);
					v.setCellValue(a.value());
					v.setCellStyle(value);
					row.createCell(5).setCellValue(a.display());
				}
				if (a.coverage() != null) {
					Cell c = row.createCell(6);
					c.setCellValue(a.coverage());
					c.setCellStyle(percent);
				}
				row.createCell(7).setCellValue(a.statusLabel());
				if (a.classIndex() != null) {
					row.createCell(8).setCellValue(a.classIndex() + 1);
					row.createCell(9).setCellValue(a.colour());
				}
				if (a.rank() != null) {
					row.createCell(10).setCellValue(a.rank());
				}
				if (a.outlier()) {
					row.createCell(11).setCellValue(text(lang, "atlas.yes"));
				}
				if (!map.isPublic() && a.publicSuppression() != null) {
					row.createCell(12).setCellValue(text(lang, "atlas.suppression." + a.publicSuppression()));
				}
			}
			data.createFreezePane(0, 1);
			data.setAutoFilter(new CellRangeAddress(0, Math.max(0, r - 1), 0, header.size() - 1));
			int[] widths = { 10, 12, 28, 24, 14, 12, 12, 28, 8, 10, 8, 10, 20 };
			for (int c = 0; c < header.size(); c++) {
				data.setColumnWidth(c, widths[Math.min(c, widths.length - 1)] * 256);
			}
			Row note = data.createRow(r + 1);
			note.createCell(0).setCellValue(text(lang, "atlas.export.seeSources", text(lang, "atlas.export.sheetMeta")));

			Sheet meta = book.createSheet(text(lang, "atlas.export.sheetMeta"));
			int m = 0;
			for (String[] line : metadata(map)) {
				Row row = meta.createRow(m++);
				Cell label = row.createCell(0);
				label.setCellValue(line[0]);
				label.setCellStyle(head);
				Cell text = row.createCell(1);
				text.setCellValue(line[1]);
				text.setCellStyle(wrap);
			}
			meta.setColumnWidth(0, 26 * 256);
			meta.setColumnWidth(1, 100 * 256);
			book.write(out);
			return out.toByteArray();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	// ----------------------------------------------------------------------------------------------------- GeoJSON

	/** The areas' boundaries with what the map shows as properties, and the metadata in a member "spange". */
	String geoJson(AtlasMap map) {
		Locale lang = Locale.forLanguageTag(map.language());
		ObjectNode collection = (ObjectNode) json.readTree(areas.geoJson(map.scheme().key(), map.level().key(),
				EXPORT_ZOOM));
		Map<Long, AtlasMap.Area> byId = new HashMap<>();
		map.areas().forEach(a -> byId.put(a.id(), a));
		ArrayNode features = (ArrayNode) collection.get("features");
		ArrayNode kept = json.createArrayNode();
		for (JsonNode f : features) {
			ObjectNode feature = (ObjectNode) f;
			AtlasMap.Area a = byId.get(feature.get("properties").get("id").asLong());
			if (a == null) {
				continue;
			}
			ObjectNode p = (ObjectNode) feature.get("properties");
			p.put("indicator", map.subject().key());
			p.put("period", map.period());
			if (a.value() == null) {
				p.putNull("value");
				p.putNull("display");
			}
			else {
				p.put("value", a.value());
				p.put("display", a.display());
			}
			p.put("unit", map.subject().unit());
			if (a.coverage() == null) {
				p.putNull("coverage");
			}
			else {
				p.put("coverage", a.coverage());
			}
			p.put("status", a.status().json());
			p.put("statusLabel", a.statusLabel());
			if (a.classIndex() == null) {
				p.putNull("class");
				p.putNull("colour");
				p.putNull("rank");
			}
			else {
				p.put("class", a.classIndex() + 1);
				p.put("colour", a.colour());
				p.put("rank", a.rank());
			}
			p.put("outlier", a.outlier());
			if (!map.isPublic()) {
				p.put("publicSuppression", a.publicSuppression());
			}
			kept.add(feature);
		}
		collection.set("features", kept);
		ObjectNode meta = collection.putObject("spange");
		meta.put("title", text(lang, "atlas.export.titleText"));
		meta.put("indicator", map.subject().key());
		meta.put("name", map.subject().name());
		meta.put("formula", map.subject().formula());
		meta.put("unit", map.subject().unit());
		meta.put("period", map.period());
		meta.put("scheme", map.scheme().name());
		meta.put("level", map.level().name());
		meta.put("audience", map.audience());
		meta.put("exported", ZonedDateTime.now(clock).withZoneSameInstant(ZoneOffset.UTC).toString());
		meta.put("synthetic", map.synthetic());
		if (map.synthetic()) {
			meta.put("notice", map.syntheticNotice());
		}
		meta.put("disclosure", map.disclosure().note());
		if (map.reference().value() != null) {
			meta.put("reference", map.reference().value());
		}
		meta.put("referenceExplanation", map.reference().explanation());
		ArrayNode sources = meta.putArray("sources");
		for (AtlasMap.Source s : map.sources()) {
			ObjectNode src = sources.addObject();
			src.put("variable", s.key());
			src.put("name", s.name());
			src.put("source", s.source());
			src.put("licence", s.licence());
			src.put("synthetic", s.synthetic());
		}
		ArrayNode attribution = meta.putArray("attribution");
		map.attribution().forEach(attribution::add);
		return json.writeValueAsString(collection);
	}

	private String[] line(Locale lang, String labelKey, String value) {
		return new String[] { text(lang, labelKey), value };
	}

	private String text(Locale lang, String key, Object... args) {
		return messages.getMessage(key, args, key, lang);
	}

	private static String dash(String s) {
		return s == null || s.isBlank() ? "–" : s;
	}
}
