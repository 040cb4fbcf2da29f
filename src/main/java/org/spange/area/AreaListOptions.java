package org.spange.area;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How to read an area list: a CSV of areas without boundaries (a Gemeindeverzeichnis, census districts,
 * the Kreise of a country), one area a row.
 *
 * @param levelKey         level of the listed areas
 * @param codeColumn       column with the primary official code
 * @param nameColumn       column with the name
 * @param extraCodes       further codes: code kind → column
 * @param schemeKey        scheme to put the areas in, or null
 * @param parentLevelKey   level of the parents in that scheme
 * @param parentCodeColumn column with the parent's code, or null
 * @param parentCodePrefix or: the parent's code is this many leading characters of the area's code
 * @param validFrom        start of validity
 * @param preview          validate and count only
 */
public record AreaListOptions(String levelKey, String codeColumn, String nameColumn, Map<String, String> extraCodes,
		String schemeKey, String parentLevelKey, String parentCodeColumn, Integer parentCodePrefix, LocalDate validFrom,
		boolean preview) {

	public AreaListOptions {
		extraCodes = extraCodes == null ? Map.of()
				: extraCodes.entrySet().stream().collect(Collectors.toUnmodifiableMap(
						e -> e.getKey().trim().toUpperCase(Locale.ROOT), Map.Entry::getValue));
		validFrom = validFrom == null ? LocalDate.of(1900, 1, 1) : validFrom;
	}

	public static AreaListOptions of(String levelKey, String codeColumn, String nameColumn) {
		return new AreaListOptions(levelKey, codeColumn, nameColumn, Map.of(), null, null, null, null, null, false);
	}

	public AreaListOptions inScheme(String scheme, String parentLevel, String parentColumn, Integer prefix) {
		return new AreaListOptions(levelKey, codeColumn, nameColumn, extraCodes, scheme, parentLevel, parentColumn,
				prefix, validFrom, preview);
	}

	public AreaListOptions validFrom(LocalDate date) {
		return new AreaListOptions(levelKey, codeColumn, nameColumn, extraCodes, schemeKey, parentLevelKey,
				parentCodeColumn, parentCodePrefix, date, preview);
	}

	public AreaListOptions previewOnly(boolean previewOnly) {
		return new AreaListOptions(levelKey, codeColumn, nameColumn, extraCodes, schemeKey, parentLevelKey,
				parentCodeColumn, parentCodePrefix, validFrom, previewOnly);
	}
}
