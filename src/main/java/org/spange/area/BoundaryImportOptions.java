package org.spange.area;

import java.time.LocalDate;
import java.util.Map;

/**
 * How to read a boundary file (GeoJSON or TopoJSON).
 *
 * @param levelKey              level of the imported areas, e.g. {@code gemeinde}
 * @param codeProperty          property holding the primary official code (GKZ, AGS …)
 * @param nameProperty          property holding the name
 * @param crs                   coordinate reference system, e.g. {@code EPSG:31287}; null: as the file declares,
 *                              else WGS84
 * @param extraCodes            further codes: code kind → property, e.g. {@code ARS → ARS}
 * @param schemeKey             scheme to put the areas in, or null
 * @param parentLevelKey        level of the parents in that scheme
 * @param parentProperty        property holding the parent's code, or null
 * @param parentCodePrefix      or: the parent's code is this many leading characters of the area's code (AGS)
 * @param validFrom             start of validity of these boundaries
 * @param repair                repair invalid geometry (with a warning) instead of rejecting the file
 * @param preview               validate and count only, write nothing
 */
public record BoundaryImportOptions(String levelKey, String codeProperty, String nameProperty, String crs,
		Map<String, String> extraCodes, String schemeKey, String parentLevelKey, String parentProperty,
		Integer parentCodePrefix, LocalDate validFrom, boolean repair, boolean preview) {

	public BoundaryImportOptions {
		extraCodes = extraCodes == null ? Map.of()
				: extraCodes.entrySet().stream().collect(java.util.stream.Collectors.toUnmodifiableMap(
						e -> e.getKey().trim().toUpperCase(java.util.Locale.ROOT), Map.Entry::getValue));
		validFrom = validFrom == null ? LocalDate.of(1900, 1, 1) : validFrom;
	}

	/** Plain import of one level without scheme membership. */
	public static BoundaryImportOptions of(String levelKey, String codeProperty, String nameProperty) {
		return new BoundaryImportOptions(levelKey, codeProperty, nameProperty, null, Map.of(), null, null, null, null,
				null, false, false);
	}

	public BoundaryImportOptions inScheme(String scheme, String parentLevel, String parentProp, Integer prefix) {
		return new BoundaryImportOptions(levelKey, codeProperty, nameProperty, crs, extraCodes, scheme, parentLevel,
				parentProp, prefix, validFrom, repair, preview);
	}

	public BoundaryImportOptions withCrs(String newCrs) {
		return new BoundaryImportOptions(levelKey, codeProperty, nameProperty, newCrs, extraCodes, schemeKey,
				parentLevelKey, parentProperty, parentCodePrefix, validFrom, repair, preview);
	}

	public BoundaryImportOptions withExtraCodes(Map<String, String> codes) {
		return new BoundaryImportOptions(levelKey, codeProperty, nameProperty, crs, codes, schemeKey, parentLevelKey,
				parentProperty, parentCodePrefix, validFrom, repair, preview);
	}

	public BoundaryImportOptions validFrom(LocalDate date) {
		return new BoundaryImportOptions(levelKey, codeProperty, nameProperty, crs, extraCodes, schemeKey,
				parentLevelKey, parentProperty, parentCodePrefix, date, repair, preview);
	}

	public BoundaryImportOptions repairing(boolean repairGeometry) {
		return new BoundaryImportOptions(levelKey, codeProperty, nameProperty, crs, extraCodes, schemeKey,
				parentLevelKey, parentProperty, parentCodePrefix, validFrom, repairGeometry, preview);
	}

	public BoundaryImportOptions previewOnly(boolean previewOnly) {
		return new BoundaryImportOptions(levelKey, codeProperty, nameProperty, crs, extraCodes, schemeKey,
				parentLevelKey, parentProperty, parentCodePrefix, validFrom, repair, previewOnly);
	}
}
