package org.spange.atlas;

import java.util.Locale;
import java.util.Map;

import org.spange.area.AreaId;
import org.spange.indicator.Period;

/**
 * The atlas: what a choropleth map of an indicator or variable shows, with disclosure control for the public. The
 * face the web layer, exports and (later) reports use.
 */
public interface AtlasMaps {

	/**
	 * Everything a map shows: per area its value (unrounded and formatted), coverage, status, class, colour, outlier
	 * flag and rank; the classification with its legend; the regional reference value; histogram, ranking, metadata,
	 * sources and licences; and the choices of periods, schemes and levels.
	 *
	 * @throws AtlasException for an unknown or invisible key, scheme or level, or invalid parameters
	 */
	AtlasMap map(AtlasQuery query);

	/**
	 * The topics with the indicators and variables the caller may map.
	 *
	 * @param internal planners and admins: unpublished ones too
	 */
	AtlasCatalog catalog(boolean internal, Locale locale);

	/**
	 * The areas — of every scheme and level — whose value of this indicator or variable the public must not see in this
	 * period, with the reason: the same decision the map, its exports and anything else showing single figures to the
	 * public (profiles, comparisons, reports) must follow, or one page would give away what another withholds.
	 */
	Map<AreaId, Suppression> publicSuppressions(String key, Period period);
}
