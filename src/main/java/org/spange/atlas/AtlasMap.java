package org.spange.atlas;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What a choropleth map of one indicator or variable shows, for one period and the areas of one level of a scheme:
 * the same numbers drive the map, the table, the histogram, the ranking and the exports.
 * <p>
 * Numbers are unrounded ({@code value}); {@code display} strings are rounded to the indicator's decimals and
 * formatted for the language ({@code 12,3} in German, {@code 12.3} in English). Missing stays missing (no value, never
 * 0). For the public, values that disclosure control withholds have status {@code suppressed} and neither value nor
 * class; planners and admins see them with {@code publicSuppression} saying what the public would not see.
 *
 * @param subject         the indicator or variable
 * @param period          the period shown; null when there are no values at all
 * @param language        {@code de} or {@code en}: the language of labels and display strings
 * @param audience        {@code public} (disclosure control applied) or {@code internal} (planners and admins)
 * @param disclosure      how disclosure control works on this map
 * @param areas           one entry per area of the level, by name
 * @param classification  breaks, colours and legend
 * @param reference       the value of the scheme's root area(s): the region the areas are compared with
 * @param histogram       equal-width bins over the shown values
 * @param outliers        Tukey's fences over the shown values
 * @param ranking         the best and the worst areas
 * @param summary         how many areas have which status
 * @param sources         source and licence of each input variable
 * @param synthetic       whether any input is generated demo data
 * @param syntheticNotice the notice to show wherever the numbers go, when synthetic
 * @param attribution     the lines to show with the map and every export
 * @param choices         the periods, schemes and levels there are to choose from
 */
public record AtlasMap(Subject subject, String period, Scheme scheme, Level level, String language, String audience,
		Disclosure disclosure, List<Area> areas, Legend classification, Reference reference, HistogramView histogram,
		Outliers outliers, RankingView ranking, Summary summary, List<Source> sources, boolean synthetic,
		String syntheticNotice, List<String> attribution, Choices choices) {

	public AtlasMap {
		areas = List.copyOf(areas);
		sources = List.copyOf(sources);
		attribution = List.copyOf(attribution);
	}

	/** Whether the public's disclosure control was applied to the numbers. */
	@JsonIgnore
	public boolean isPublic() {
		return "public".equals(audience);
	}

	/**
	 * The indicator or variable mapped.
	 *
	 * @param kind     {@code indicator} or {@code variable}
	 * @param formula  the indicator's formula; null for a variable
	 * @param polarity HIGHER_IS_BETTER, HIGHER_IS_WORSE or NEUTRAL (variables are neutral)
	 * @param decimals digits shown after the decimal separator
	 */
	public record Subject(String key, String kind, String name, String nameDe, String nameEn, String formula,
			String unit, String polarity, String polarityLabel, int decimals, String topicKey, String topicName,
			String description, boolean published) {
	}

	public record Scheme(String key, String name, boolean illustrative, String description) {
	}

	public record Level(String key, String name) {
	}

	/**
	 * @param applied        whether values were withheld from this caller where counts are small
	 * @param threshold      counts above zero and below it are withheld
	 * @param countVariables the inputs checked: counts summed over areas, never negative
	 * @param suppressed     how many areas of this level the public does not see (primary and secondary)
	 * @param note           what this means, in the language asked for
	 */
	public record Disclosure(boolean applied, int threshold, List<String> countVariables, int suppressed, String note) {
	}

	/** The status of an area's value. */
	public enum Status {
		/** a value over complete data */
		OK,
		/** a value over part of the area's data: coverage below 1 */
		PARTIAL,
		/** no value */
		MISSING,
		/** withheld by disclosure control (public only) */
		SUPPRESSED;

		@JsonValue
		public String json() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}
	}

	/**
	 * One area on the map.
	 *
	 * @param value             unrounded; null when missing or suppressed
	 * @param display           the value rounded and formatted; null without value
	 * @param coverage          share of the area's parts with data (0–1); null when suppressed
	 * @param classIndex        0 for the lowest class; null without value
	 * @param classLabel        such as "Klasse 2 von 5"; null without value
	 * @param colour            the fill colour of its class, {@code #rrggbb}; null without value (hatched)
	 * @param outlier           outside Tukey's fences (1.5 IQR beyond the quartiles)
	 * @param rank              1 for the best value (by polarity); null without value
	 * @param publicSuppression internal audience only: {@code primary} or {@code secondary} where the public does
	 *                          not see this value; null otherwise
	 */
	public record Area(long id, String code, String name, Long parentId, String parentName, Double value,
			String display, Double coverage, String coverageDisplay, Status status, String statusLabel,
			Integer classIndex, String classLabel, String colour, boolean outlier, Integer rank,
			String publicSuppression) {

		@JsonIgnore
		public boolean hasValue() {
			return value != null;
		}
	}

	/**
	 * The classification as the legend shows it.
	 *
	 * @param method           quantiles, equal-intervals, natural-breaks, standard-deviations or manual
	 * @param requestedClasses the number asked for
	 * @param classes          the number formed (fewer when the values do not allow more; see note)
	 * @param breaks           the {@code classes + 1} boundaries, unrounded; class i holds breaks[i] &lt; v ≤
	 *                         breaks[i+1], the first class also breaks[0]
	 * @param paletteScheme    the ColorBrewer scheme
	 * @param paletteType      sequential or diverging (around the reference value)
	 * @param entries          one per class, lowest first
	 * @param note             why fewer classes were formed, or how standard deviations are centred; null otherwise
	 */
	public record Legend(String method, String methodLabel, int requestedClasses, int classes, List<Double> breaks,
			List<String> colours, String paletteScheme, String paletteType, List<LegendEntry> entries, String note) {
	}

	/** One class: its bounds, their formatted label, its colour and how many areas it holds. */
	public record LegendEntry(int index, double lower, double upper, String label, String colour, int count) {
	}

	/**
	 * The region the areas are compared with: the root area(s) of the scheme.
	 *
	 * @param value       the root's value when the scheme has exactly one root (and it is shown); null otherwise
	 * @param areaName    the name of that root
	 * @param explanation how the reference was found, in the language asked for
	 * @param roots       every root with its value
	 */
	public record Reference(Double value, String display, Long areaId, String areaName, String explanation,
			List<RootValue> roots) {
	}

	public record RootValue(long id, String name, Double value, String display, Status status) {
	}

	/** Equal-width bins between the lowest and the highest shown value. */
	public record HistogramView(List<Bin> bins, int maxCount, String description) {
	}

	/** One bin: lower &lt; v ≤ upper (the first bin also holds lower). */
	public record Bin(double lower, double upper, String lowerDisplay, String upperDisplay, String label, int count) {
	}

	/** Tukey's fences; null fields without values. */
	public record Outliers(Double q1, Double q3, Double lowerFence, Double upperFence, String lowerFenceDisplay,
			String upperFenceDisplay, int count, String explanation) {
	}

	/**
	 * The five best and the five worst areas by value, with ranks by polarity (1 = best; equal values share a rank).
	 *
	 * @param order what "best" means for this indicator
	 */
	public record RankingView(String order, List<Ranked> best, List<Ranked> worst, int ranked) {
	}

	public record Ranked(long id, String name, int rank, String display) {
	}

	public record Summary(int areas, int withValue, int partial, int missing, int suppressed, int outliers) {
	}

	/** Where an input variable's numbers come from and under which licence. */
	public record Source(String key, String name, String source, String licence, boolean synthetic) {
	}

	public record Choices(List<String> periods, List<Scheme> schemes, List<Level> levels) {
	}
}
