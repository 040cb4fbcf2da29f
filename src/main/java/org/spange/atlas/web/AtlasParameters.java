package org.spange.atlas.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.media.Schema;

import org.spange.atlas.AtlasException;
import org.spange.atlas.AtlasQuery;
import org.spange.atlas.ClassificationMethod;

/**
 * The parameters of a map, its exports and the atlas page, as they come in the URL.
 *
 * @param breaks manual class boundaries, from the lowest to the highest, separated by {@code ;} or blanks (then a
 *               decimal comma is allowed: {@code 0; 12,5; 20}), or by commas when there is neither ({@code 0,12.5,20})
 */
public record AtlasParameters(
		@Schema(description = "indicator or variable key", example = "share_65plus") String key,
		@Schema(description = "period: 2024, 2024-Q1, 2024-03 or 2024-12-31; default the latest with values") String period,
		@Schema(description = "area scheme key; default the first", example = "vorarlberg-bezirke") String scheme,
		@Schema(description = "level of the scheme; default its finest", example = "gemeinde") String level,
		@Schema(description = "quantiles (default), equal-intervals, natural-breaks (jenks), standard-deviations (sd)"
				+ " or manual") String method,
		@Schema(description = "number of classes, 3–9; default 5") Integer classes,
		@Schema(description = "manual boundaries, lowest to highest, separated by ';' or blanks (decimal comma"
				+ " allowed) or by ',' (decimal point)", example = "0;10;20;40") String breaks) {

	public AtlasQuery toQuery(Locale locale, boolean internal) {
		List<Double> b = breaks(breaks);
		ClassificationMethod m = method(method);
		if (m == null && !b.isEmpty()) {
			m = ClassificationMethod.MANUAL;
		}
		if (m == ClassificationMethod.MANUAL && b.isEmpty()) {
			throw new AtlasException(AtlasException.Kind.INVALID, "atlas.error.noBreaks",
					"Manual classification needs its breaks");
		}
		return new AtlasQuery(blankToNull(key), blankToNull(period), blankToNull(scheme), blankToNull(level), m,
				classes, m == ClassificationMethod.MANUAL ? b : List.of(), locale, internal);
	}

	/** quantiles, equal-intervals, natural-breaks or jenks, standard-deviations or sd, manual; null when blank. */
	public static ClassificationMethod method(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String t = text.strip().toLowerCase(Locale.ROOT).replace('_', '-');
		return switch (t) {
			case "quantiles", "quantile" -> ClassificationMethod.QUANTILES;
			case "equal-intervals", "equal" -> ClassificationMethod.EQUAL_INTERVALS;
			case "natural-breaks", "jenks" -> ClassificationMethod.NATURAL_BREAKS;
			case "standard-deviations", "sd" -> ClassificationMethod.STANDARD_DEVIATIONS;
			case "manual" -> ClassificationMethod.MANUAL;
			default -> throw new AtlasException(AtlasException.Kind.INVALID, "atlas.error.method",
					"Unknown classification method " + text
							+ "; use quantiles, equal-intervals, natural-breaks, standard-deviations or manual",
					text);
		};
	}

	/** See the record description; empty when blank. */
	public static List<Double> breaks(String text) {
		List<Double> result = new ArrayList<>();
		if (text == null || text.isBlank()) {
			return result;
		}
		String t = text.strip();
		boolean commaIsDecimal = t.contains(";") || t.matches(".*\\S\\s+\\S.*");
		String[] parts = commaIsDecimal ? t.split("[;\\s]+") : t.split(",");
		for (String part : parts) {
			String p = part.strip();
			if (p.isEmpty()) {
				continue;
			}
			if (commaIsDecimal) {
				p = p.replace(',', '.');
			}
			p = p.replace('\u2212', '-');
			try {
				double v = Double.parseDouble(p);
				if (!Double.isFinite(v) || !p.matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)")) {
					throw new NumberFormatException(p);
				}
				result.add(v);
			} catch (NumberFormatException e) {
				throw new AtlasException(AtlasException.Kind.INVALID, "atlas.error.breakNumber",
						"Not a number among the breaks: " + part.strip(), part.strip());
			}
		}
		return result;
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}
}
