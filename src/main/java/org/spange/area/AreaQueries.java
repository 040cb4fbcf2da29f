package org.spange.area;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Reading areas, levels and schemes: the face other modules and the web layer use. */
public interface AreaQueries {

	List<AreaLevel> levels();

	List<AreaScheme> schemes();

	Optional<AreaScheme> scheme(String key);

	/** The levels that occur in a scheme, coarsest first. */
	List<AreaLevel> levelsOf(String schemeKey);

	/** The currently valid areas of one level in a scheme, with their parent in that scheme, by name. */
	List<AreaSummary> areas(String schemeKey, String levelKey);

	Optional<AreaDetail> area(AreaId id);

	/** Area of a level by official code, valid today. */
	Optional<AreaSummary> byCode(String levelKey, String code);

	/** The currently valid areas of a level by their primary official code: one query for a whole import. */
	Map<String, AreaId> idsByCode(String levelKey);

	/** Every scheme's areas with their parents, valid today. */
	AreaHierarchy hierarchy();

	/**
	 * GeoJSON FeatureCollection of the areas of a level in a scheme, simplified for the given web-map zoom
	 * (0–18); cached until the next import.
	 */
	String geoJson(String schemeKey, String levelKey, int zoom);

	/** GeoJSON Feature of one area at full detail. */
	Optional<String> geoJson(AreaId id);

	/**
	 * The currently valid area of a level whose geometry contains the point (WGS 84), e.g. the Gemeinde of an
	 * address; empty if none does. The smallest one if several overlap.
	 */
	Optional<AreaSummary> containing(String levelKey, double lon, double lat);

	/** Changes whenever areas are written; usable as an HTTP ETag. */
	long dataVersion();

	/**
	 * Every current area of every scheme, labelled with its level ("Bludenz (Bezirk)", "Bludenz (Gemeinde)") so that
	 * equal names stay apart: the choices of an area field in a form, schemes in order, coarser levels first.
	 */
	default Map<Long, String> choices(Locale locale) {
		Map<Long, String> choices = new LinkedHashMap<>();
		for (AreaScheme scheme : schemes()) {
			for (AreaLevel level : levelsOf(scheme.key())) {
				for (AreaSummary a : areas(scheme.key(), level.key())) {
					choices.putIfAbsent(a.id().value(), a.name() + " (" + level.name(locale) + ")");
				}
			}
		}
		return choices;
	}
}
