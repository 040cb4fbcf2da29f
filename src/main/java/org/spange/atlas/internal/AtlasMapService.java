package org.spange.atlas.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

import org.spange.area.AreaId;
import org.spange.area.AreaLevel;
import org.spange.area.AreaQueries;
import org.spange.area.AreaScheme;
import org.spange.area.AreaSummary;
import org.spange.atlas.AtlasCatalog;
import org.spange.atlas.AtlasException;
import org.spange.atlas.AtlasMap;
import org.spange.atlas.AtlasMaps;
import org.spange.atlas.AtlasQuery;
import org.spange.atlas.Classification;
import org.spange.atlas.ClassificationMethod;
import org.spange.atlas.Classifier;
import org.spange.atlas.Histogram;
import org.spange.atlas.IqrOutliers;
import org.spange.atlas.Palette;
import org.spange.atlas.Palettes;
import org.spange.atlas.Ranking;
import org.spange.atlas.Suppression;
import org.spange.indicator.Indicator;
import org.spange.indicator.IndicatorCatalog;
import org.spange.indicator.IndicatorValue;
import org.spange.indicator.IndicatorValues;
import org.spange.indicator.Period;
import org.spange.indicator.Polarity;
import org.spange.indicator.Topic;
import org.spange.indicator.Variable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/** Computes what a map shows (see {@link AtlasMap}); disclosure control by {@link CountDisclosure}. */
@Service
class AtlasMapService implements AtlasMaps {

	private static final int TOP = 5;

	private final IndicatorCatalog catalog;
	private final IndicatorValues values;
	private final AreaQueries areas;
	private final CountDisclosure disclosure;
	private final MessageSource messages;

	AtlasMapService(IndicatorCatalog catalog, IndicatorValues values, AreaQueries areas, CountDisclosure disclosure,
			MessageSource messages) {
		this.catalog = catalog;
		this.values = values;
		this.areas = areas;
		this.disclosure = disclosure;
		this.messages = messages;
	}

	// ------------------------------------------------------------------------------------------------ catalogue

	@Override
	public AtlasCatalog catalog(boolean internal, Locale locale) {
		Locale lang = NumberDisplay.language(locale);
		List<Topic> topics = catalog.topics();
		Map<String, List<AtlasCatalog.Entry>> indicatorsByTopic = new LinkedHashMap<>();
		Map<String, List<AtlasCatalog.Entry>> variablesByTopic = new LinkedHashMap<>();
		for (Indicator i : catalog.indicators(!internal)) {
			boolean synthetic = catalog.inputs(i.key()).stream().anyMatch(Variable::synthetic);
			indicatorsByTopic.computeIfAbsent(topicOrNull(i.topicKey(), topics), k -> new ArrayList<>())
				.add(new AtlasCatalog.Entry(i.key(), i.name(lang), "indicator", i.unit(), i.published(), synthetic,
						!values.periods(i.key()).isEmpty()));
		}
		for (Variable v : catalog.variables(!internal)) {
			variablesByTopic.computeIfAbsent(topicOrNull(v.topicKey(), topics), k -> new ArrayList<>())
				.add(new AtlasCatalog.Entry(v.key(), v.name(lang), "variable", v.unit(), v.published(), v.synthetic(),
						!values.periods(v.key()).isEmpty()));
		}
		List<AtlasCatalog.Group> groups = new ArrayList<>();
		for (Topic t : topics) {
			List<AtlasCatalog.Entry> is = indicatorsByTopic.getOrDefault(t.key(), List.of());
			List<AtlasCatalog.Entry> vs = variablesByTopic.getOrDefault(t.key(), List.of());
			if (!is.isEmpty() || !vs.isEmpty()) {
				groups.add(new AtlasCatalog.Group(t.key(), t.name(lang), t.parentKey(), is, vs));
			}
		}
		List<AtlasCatalog.Entry> is = indicatorsByTopic.getOrDefault(null, List.of());
		List<AtlasCatalog.Entry> vs = variablesByTopic.getOrDefault(null, List.of());
		if (!is.isEmpty() || !vs.isEmpty()) {
			groups.add(new AtlasCatalog.Group(null, text("atlas.topic.none", lang), null, is, vs));
		}
		return new AtlasCatalog(groups);
	}

	private static String topicOrNull(String key, List<Topic> topics) {
		return key != null && topics.stream().anyMatch(t -> t.key().equals(key)) ? key : null;
	}

	@Override
	public Map<AreaId, Suppression> publicSuppressions(String key, Period period) {
		Set<Variable> inputs = new LinkedHashSet<>(catalog.inputs(key));
		catalog.variable(key).ifPresent(inputs::add);
		return disclosure.withheld(inputs.stream().filter(CountDisclosure::isCount).map(Variable::key).distinct()
			.toList(), period);
	}

	// ------------------------------------------------------------------------------------------------------ map

	/** An indicator or a variable, with what the map needs of it. */
	private record Subject(AtlasMap.Subject view, Polarity polarity, int decimals, List<Variable> inputs) {
	}

	@Override
	public AtlasMap map(AtlasQuery q) {
		Locale lang = NumberDisplay.language(q.locale());
		if (q.key() == null || q.key().isBlank()) {
			throw new AtlasException(AtlasException.Kind.INVALID, "atlas.error.noKey",
					"Give the key of an indicator or variable");
		}
		List<Period> periods = values.periods(q.key());
		Period period = period(q.period(), periods);
		List<AreaScheme> schemes = areas.schemes();
		AreaScheme scheme = schemes.stream().filter(s -> q.scheme() == null || s.key().equals(q.scheme())).findFirst()
			.orElseThrow(() -> new AtlasException(AtlasException.Kind.NOT_FOUND, "atlas.error.scheme",
					"Unknown scheme " + q.scheme(), String.valueOf(q.scheme())));
		List<AreaLevel> levels = areas.levelsOf(scheme.key());
		AreaLevel level = q.level() == null ? defaultLevel(q.key(), period, scheme, levels)
				: levels.stream().filter(l -> l.key().equals(q.level())).findFirst().orElse(null);
		if (level == null) {
			throw new AtlasException(AtlasException.Kind.NOT_FOUND, "atlas.error.level",
					"The scheme " + scheme.key() + " has no level " + q.level(), String.valueOf(q.level()),
					scheme.name(lang));
		}
		int requested = q.classes() == null ? AtlasQuery.DEFAULT_CLASSES : q.classes();
		ClassificationMethod method = q.method() == null ? ClassificationMethod.QUANTILES : q.method();
		if (method != ClassificationMethod.MANUAL
				&& (requested < AtlasQuery.MIN_CLASSES || requested > AtlasQuery.MAX_CLASSES)) {
			throw new AtlasException(AtlasException.Kind.INVALID, "atlas.error.classes",
					"The number of classes must be from 3 to 9, not " + requested, requested);
		}

		Subject subject = subject(q.key(), q.internal(), lang);
		List<AreaSummary> shown = areas.areas(scheme.key(), level.key());
		Map<AreaId, IndicatorValue> found = period == null ? Map.of()
				: values.values(q.key(), period, shown.stream().map(AreaSummary::id).toList());

		// disclosure control: computed for everybody, applied to the public, shown as a flag to planners
		List<String> countKeys = subject.inputs().stream().filter(CountDisclosure::isCount).map(Variable::key)
			.distinct().toList();
		Map<AreaId, Suppression> withheld = disclosure.withheld(countKeys, period);
		boolean applied = !q.internal();

		// statuses and the values that are shown
		int n = shown.size();
		AtlasMap.Status[] status = new AtlasMap.Status[n];
		List<Integer> valued = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			AreaSummary a = shown.get(i);
			IndicatorValue v = found.get(a.id());
			if (v == null || v.value() == null || !Double.isFinite(v.value())) {
				status[i] = AtlasMap.Status.MISSING;
			}
			else if (applied && withheld.containsKey(a.id())) {
				status[i] = AtlasMap.Status.SUPPRESSED;
			}
			else {
				status[i] = v.coverage() < 1.0 ? AtlasMap.Status.PARTIAL : AtlasMap.Status.OK;
				valued.add(i);
			}
		}
		double[] shownValues = valued.stream().mapToDouble(i -> found.get(shown.get(i).id()).value()).toArray();
		int decimals = subject.view().kind().equals("variable") ? variableDecimals(subject, shownValues)
				: subject.decimals();
		Subject s = subject.view().decimals() == decimals ? subject : withDecimals(subject, decimals);

		AtlasMap.Reference reference = reference(scheme, levels, q, period, withheld, applied, s, lang);
		OptionalDouble ref = reference.value() == null ? OptionalDouble.empty() : OptionalDouble.of(reference.value());
		Classification classification = classify(shownValues, method, requested, q.breaks(), ref, decimals, lang);
		Palette palette = Palettes.choose(classification.breaks(), s.polarity(), ref, Palettes.DEFAULT_SEQUENTIAL,
				Palettes.DEFAULT_DIVERGING);
		IqrOutliers outliers = shownValues.length == 0 ? null : IqrOutliers.of(shownValues);
		List<Integer> ranks = Ranking.ranks(shownValues, s.polarity());

		List<AtlasMap.Area> entries = new ArrayList<>(n);
		Map<Integer, Integer> position = new LinkedHashMap<>();
		for (int j = 0; j < valued.size(); j++) {
			position.put(valued.get(j), j);
		}
		int classes = classification.classes();
		for (int i = 0; i < n; i++) {
			AreaSummary a = shown.get(i);
			IndicatorValue v = found.get(a.id());
			Integer j = position.get(i);
			Suppression why = withheld.get(a.id());
			String publicSuppression = !applied && why != null && status[i] != AtlasMap.Status.MISSING
					? why.name().toLowerCase(Locale.ROOT) : null;
			Double coverage = status[i] == AtlasMap.Status.SUPPRESSED || v == null ? null : v.coverage();
			if (j == null) {
				entries.add(new AtlasMap.Area(a.id().value(), a.code(), a.name(), idOf(a.parentId()), a.parentName(),
						null, null, coverage, coverage == null ? null : NumberDisplay.percent(coverage, lang),
						status[i], statusLabel(status[i], coverage, lang), null, null, null, false, null,
						publicSuppression));
				continue;
			}
			int c = classification.classOf(j);
			entries.add(new AtlasMap.Area(a.id().value(), a.code(), a.name(), idOf(a.parentId()), a.parentName(),
					v.value(), NumberDisplay.format(v.value(), decimals, lang), coverage,
					NumberDisplay.percent(coverage, lang), status[i], statusLabel(status[i], coverage, lang), c,
					text("atlas.class", lang, c + 1, classes), palette.colours().get(c), outliers.isOutlier(j),
					ranks.get(j), publicSuppression));
		}

		int suppressedHere = (int) entries.stream().filter(e -> e.status() == AtlasMap.Status.SUPPRESSED
				|| e.publicSuppression() != null).count();
		String disclosureNote = countKeys.isEmpty() ? text("atlas.disclosure.none", lang)
				: applied ? text("atlas.disclosure.public", lang, disclosure.threshold())
				: text("atlas.disclosure.internal", lang, disclosure.threshold(), suppressedHere);
		AtlasMap.Disclosure disclosureView = new AtlasMap.Disclosure(applied && !countKeys.isEmpty(),
				disclosure.threshold(), countKeys, suppressedHere, disclosureNote);

		List<AtlasMap.Source> sources = s.inputs().stream()
			.map(v -> new AtlasMap.Source(v.key(), v.name(lang), v.source(), v.licence(), v.synthetic()))
			.toList();
		boolean synthetic = s.inputs().stream().anyMatch(Variable::synthetic);
		List<String> attribution = new ArrayList<>();
		attribution.add(text("atlas.attribution.spange", lang));
		for (AtlasMap.Source source : sources) {
			attribution.add(text("atlas.attribution.source", lang, source.name(), blankDash(source.source()),
					blankDash(source.licence())));
		}
		attribution.add(text("atlas.attribution.colours", lang));

		int outlierCount = outliers == null ? 0 : outliers.indexes().size();
		AtlasMap.Summary summary = new AtlasMap.Summary(n, valued.size(),
				count(status, AtlasMap.Status.PARTIAL), count(status, AtlasMap.Status.MISSING),
				count(status, AtlasMap.Status.SUPPRESSED), outlierCount);

		return new AtlasMap(s.view(), period == null ? null : period.toString(),
				schemeView(scheme, lang), new AtlasMap.Level(level.key(), level.name(lang)), lang.getLanguage(),
				applied ? "public" : "internal", disclosureView, entries,
				legend(classification, palette, method, requested, shownValues, decimals, ref, reference, lang),
				reference, histogram(shownValues, decimals, lang), outliersView(outliers, decimals, lang),
				ranking(entries, s.polarity(), lang), summary, sources, synthetic,
				synthetic ? text("atlas.synthetic", lang) : null, attribution,
				new AtlasMap.Choices(periods.stream().map(Period::toString).toList(),
						schemes.stream().map(x -> schemeView(x, lang)).toList(),
						levels.stream().map(l -> new AtlasMap.Level(l.key(), l.name(lang))).toList()));
	}

	/** The finest level of the scheme with any value of the key (a scheme may go down to areas without data). */
	private AreaLevel defaultLevel(String key, Period period, AreaScheme scheme, List<AreaLevel> levels) {
		if (levels.isEmpty()) {
			return null;
		}
		if (period != null) {
			for (int i = levels.size() - 1; i >= 0; i--) {
				List<AreaId> ids = areas.areas(scheme.key(), levels.get(i).key()).stream().map(AreaSummary::id)
					.toList();
				if (values.values(key, period, ids).values().stream().anyMatch(v -> v.value() != null)) {
					return levels.get(i);
				}
			}
		}
		return levels.get(levels.size() - 1);
	}

	private static Period period(String text, List<Period> periods) {
		if (text == null || text.isBlank()) {
			return periods.isEmpty() ? null : periods.get(periods.size() - 1);
		}
		return Period.tryParse(text).orElseThrow(() -> new AtlasException(AtlasException.Kind.INVALID,
				"atlas.error.period", "Not a period: " + text + "; expected 2024, 2024-Q1, 2024-03 or 2024-12-31",
				text));
	}

	private Subject subject(String key, boolean internal, Locale lang) {
		Optional<Indicator> indicator = catalog.indicator(key).filter(i -> internal || i.published());
		List<Topic> topics = catalog.topics();
		if (indicator.isPresent()) {
			Indicator i = indicator.get();
			List<Variable> inputs = catalog.inputs(key);
			return new Subject(new AtlasMap.Subject(i.key(), "indicator", i.name(lang), i.nameDe(), i.nameEn(),
					i.formula(), nullToEmpty(i.unit()), i.polarity().name(),
					text("atlas.polarity." + i.polarity().name(), lang), i.decimals(), i.topicKey(),
					topicName(i.topicKey(), topics, lang), i.description(), i.published()), i.polarity(),
					i.decimals(), inputs);
		}
		Optional<Variable> variable = catalog.variable(key).filter(v -> internal || v.published());
		if (variable.isPresent()) {
			Variable v = variable.get();
			Set<Variable> inputs = new LinkedHashSet<>();
			inputs.add(v);
			inputs.addAll(catalog.inputs(key));
			return new Subject(new AtlasMap.Subject(v.key(), "variable", v.name(lang), v.nameDe(), v.nameEn(), null,
					nullToEmpty(v.unit()), Polarity.NEUTRAL.name(), text("atlas.polarity.NEUTRAL", lang), 0,
					v.topicKey(), topicName(v.topicKey(), topics, lang), v.description(), v.published()),
					Polarity.NEUTRAL, 0, List.copyOf(inputs));
		}
		throw new AtlasException(AtlasException.Kind.NOT_FOUND, "atlas.error.key", "Unknown indicator or variable "
				+ key, key);
	}

	/** Counts show whole numbers; means and anything with fractions two decimals (one for weighted means). */
	private static int variableDecimals(Subject subject, double[] shown) {
		Variable v = subject.inputs().get(0);
		if (v.areaAggregation() == Variable.AreaAggregation.WEIGHTED_MEAN) {
			return 1;
		}
		for (double x : shown) {
			if (x != Math.rint(x)) {
				return 2;
			}
		}
		return 0;
	}

	private static Subject withDecimals(Subject s, int decimals) {
		AtlasMap.Subject v = s.view();
		return new Subject(new AtlasMap.Subject(v.key(), v.kind(), v.name(), v.nameDe(), v.nameEn(), v.formula(),
				v.unit(), v.polarity(), v.polarityLabel(), decimals, v.topicKey(), v.topicName(), v.description(),
				v.published()), s.polarity(), decimals, s.inputs());
	}

	private static String topicName(String key, List<Topic> topics, Locale lang) {
		return key == null ? null
				: topics.stream().filter(t -> t.key().equals(key)).map(t -> t.name(lang)).findFirst().orElse(null);
	}

	private static AtlasMap.Scheme schemeView(AreaScheme s, Locale lang) {
		return new AtlasMap.Scheme(s.key(), s.name(lang), s.illustrative(), s.description());
	}

	private static Long idOf(AreaId id) {
		return id == null ? null : id.value();
	}

	/** The value of the scheme's root area(s): one root gives the reference, several are listed without one. */
	private AtlasMap.Reference reference(AreaScheme scheme, List<AreaLevel> levels, AtlasQuery q, Period period,
			Map<AreaId, Suppression> withheld, boolean applied, Subject s, Locale lang) {
		List<AreaSummary> roots = new ArrayList<>();
		for (AreaLevel l : levels) {
			areas.areas(scheme.key(), l.key()).stream().filter(a -> a.parentId() == null).forEach(roots::add);
		}
		Map<AreaId, IndicatorValue> found = period == null || roots.isEmpty() ? Map.of()
				: values.values(q.key(), period, roots.stream().map(AreaSummary::id).toList());
		List<AtlasMap.RootValue> rootValues = new ArrayList<>();
		for (AreaSummary r : roots) {
			IndicatorValue v = found.get(r.id());
			boolean missing = v == null || v.value() == null;
			boolean suppressed = !missing && applied && withheld.containsKey(r.id());
			AtlasMap.Status st = missing ? AtlasMap.Status.MISSING : suppressed ? AtlasMap.Status.SUPPRESSED
					: v.coverage() < 1 ? AtlasMap.Status.PARTIAL : AtlasMap.Status.OK;
			Double value = missing || suppressed ? null : v.value();
			rootValues.add(new AtlasMap.RootValue(r.id().value(), r.name(), value,
					value == null ? null : NumberDisplay.format(value, s.decimals(), lang), st));
		}
		if (rootValues.size() == 1) {
			AtlasMap.RootValue root = rootValues.get(0);
			String single = s.view().kind().equals("variable") ? "atlas.reference.singleVariable"
					: "atlas.reference.single";
			String explanation = root.value() != null ? text(single, lang, root.name())
					: root.status() == AtlasMap.Status.SUPPRESSED ? text("atlas.reference.suppressed", lang, root.name())
					: text("atlas.reference.missing", lang, root.name());
			return new AtlasMap.Reference(root.value(), root.display(), root.id(), root.name(), explanation,
					rootValues);
		}
		String explanation = rootValues.isEmpty() ? text("atlas.reference.none", lang)
				: text("atlas.reference.multiple", lang, rootValues.size());
		return new AtlasMap.Reference(null, null, null, null, explanation, rootValues);
	}

	private static Classification classify(double[] values, ClassificationMethod method, int classes,
			List<Double> breaks, OptionalDouble reference, int decimals, Locale lang) {
		if (method == ClassificationMethod.MANUAL) {
			checkBreaks(values, breaks, decimals, lang);
		}
		try {
			return switch (method) {
				case MANUAL -> Classifier.manual(values, breaks);
				case STANDARD_DEVIATIONS -> Classifier.standardDeviations(values, classes, reference, 1);
				default -> Classifier.classify(values, method, classes);
			};
		} catch (IllegalArgumentException e) {
			throw new AtlasException(AtlasException.Kind.INVALID, "atlas.error.breaks",
					"Manual breaks: " + e.getMessage(), e.getMessage());
		}
	}

	/** Manual boundaries: 3 to 10 of them (2 to 9 classes), finite, strictly increasing, enclosing every value. */
	private static void checkBreaks(double[] values, List<Double> breaks, int decimals, Locale lang) {
		if (breaks.size() < Classifier.MIN_CLASSES + 1 || breaks.size() > Classifier.MAX_CLASSES + 1) {
			throw new AtlasException(AtlasException.Kind.INVALID, "atlas.error.breaksCount",
					"Give 3 to 10 boundaries (2 to 9 classes), not " + breaks.size(), breaks.size());
		}
		for (int i = 0; i < breaks.size(); i++) {
			Double b = breaks.get(i);
			if (b == null || !Double.isFinite(b)) {
				throw new AtlasException(AtlasException.Kind.INVALID, "atlas.error.breakNumber",
						"Boundary " + (i + 1) + " is not a number", String.valueOf(b));
			}
			if (i > 0 && b <= breaks.get(i - 1)) {
				throw new AtlasException(AtlasException.Kind.INVALID, "atlas.error.breaksOrder",
						"The boundaries must increase: " + b + " follows " + breaks.get(i - 1),
						NumberDisplay.format(breaks.get(i - 1), NumberDisplay.distinctDecimals(breaks, 0), lang),
						NumberDisplay.format(b, NumberDisplay.distinctDecimals(breaks, 0), lang));
			}
		}
		if (values.length > 0) {
			double min = java.util.Arrays.stream(values).min().getAsDouble();
			double max = java.util.Arrays.stream(values).max().getAsDouble();
			if (breaks.get(0) > min || breaks.get(breaks.size() - 1) < max) {
				// shown with enough decimals that the bounds can be copied into the form
				int d = Math.max(decimals, NumberDisplay.distinctDecimals(List.of(min, max), decimals));
				throw new AtlasException(AtlasException.Kind.INVALID, "atlas.error.breaksEnclose",
						"The boundaries must enclose the values from " + min + " to " + max,
						NumberDisplay.format(Math.floor(min * Math.pow(10, d)) / Math.pow(10, d), d, lang),
						NumberDisplay.format(Math.ceil(max * Math.pow(10, d)) / Math.pow(10, d), d, lang));
			}
		}
	}

	private AtlasMap.Legend legend(Classification c, Palette palette, ClassificationMethod method, int requested,
			double[] values, int decimals, OptionalDouble ref, AtlasMap.Reference reference, Locale lang) {
		List<Double> breaks = c.breaks();
		int d = NumberDisplay.distinctDecimals(breaks, decimals);
		List<AtlasMap.LegendEntry> entries = new ArrayList<>();
		for (int i = 0; i < c.classes(); i++) {
			double lower = breaks.get(i);
			double upper = breaks.get(i + 1);
			String lo = NumberDisplay.format(lower, d, lang);
			String up = NumberDisplay.format(upper, d, lang);
			String label = lower == upper ? lo
					: i == 0 ? text("atlas.legend.first", lang, lo, up) : text("atlas.legend.range", lang, lo, up);
			entries.add(new AtlasMap.LegendEntry(i, lower, upper, label, palette.colours().get(i),
					c.counts().get(i)));
		}
		String note = null;
		if (values.length == 0) {
			note = text("atlas.legend.empty", lang);
		}
		else if (method == ClassificationMethod.STANDARD_DEVIATIONS) {
			double centre = ref.isPresent() ? ref.getAsDouble()
					: java.util.Arrays.stream(values).average().orElse(0);
			note = text(ref.isPresent() ? "atlas.legend.sdReference" : "atlas.legend.sdMean", lang,
					NumberDisplay.format(centre, decimals, lang), reference.areaName());
			if (c.reduced()) {
				note += " " + text("atlas.legend.reduced", lang, c.classes(), requested);
			}
		}
		else if (c.reduced() && method != ClassificationMethod.MANUAL) {
			note = text("atlas.legend.reduced", lang, c.classes(), requested);
		}
		if (palette.type() == Palette.Type.DIVERGING && ref.isPresent()) {
			String diverging = text("atlas.legend.diverging", lang, NumberDisplay.format(ref.getAsDouble(), decimals,
					lang));
			note = note == null ? diverging : note + " " + diverging;
		}
		return new AtlasMap.Legend(methodName(method), text("atlas.method." + methodName(method), lang), requested,
				c.classes(), breaks, palette.colours(), palette.scheme(), palette.type().name().toLowerCase(Locale.ROOT),
				entries, note);
	}

	/** The name of a method in URLs and JSON: quantiles, equal-intervals, natural-breaks … */
	public static String methodName(ClassificationMethod method) {
		return method.name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	/** Equal-width bins between the lowest and highest value; Sturges' rule for their number, 5 to 12. */
	private AtlasMap.HistogramView histogram(double[] values, int decimals, Locale lang) {
		if (values.length == 0) {
			return new AtlasMap.HistogramView(List.of(), 0, text("atlas.histogram.empty", lang));
		}
		double min = java.util.Arrays.stream(values).min().getAsDouble();
		double max = java.util.Arrays.stream(values).max().getAsDouble();
		int bins = min == max ? 1
				: Math.max(5, Math.min(12, (int) Math.ceil(Math.log(values.length) / Math.log(2)) + 1));
		List<Double> breaks = new ArrayList<>();
		for (int i = 0; i < bins; i++) {
			breaks.add(min + i * (max - min) / bins);
		}
		breaks.add(max);
		Histogram h = Histogram.of(values, breaks);
		int d = NumberDisplay.distinctDecimals(breaks, decimals);
		List<AtlasMap.Bin> result = new ArrayList<>();
		int most = 0;
		for (int i = 0; i < bins; i++) {
			String lo = NumberDisplay.format(breaks.get(i), d, lang);
			String up = NumberDisplay.format(breaks.get(i + 1), d, lang);
			String label = min == max ? lo
					: i == 0 ? text("atlas.legend.first", lang, lo, up) : text("atlas.legend.range", lang, lo, up);
			result.add(new AtlasMap.Bin(breaks.get(i), breaks.get(i + 1), lo, up, label, h.counts().get(i)));
			most = Math.max(most, h.counts().get(i));
		}
		return new AtlasMap.HistogramView(result, most,
				text("atlas.histogram.description", lang, values.length, bins));
	}

	private AtlasMap.Outliers outliersView(IqrOutliers o, int decimals, Locale lang) {
		if (o == null) {
			return new AtlasMap.Outliers(null, null, null, null, null, null, 0, text("atlas.outliers.none", lang));
		}
		String lower = NumberDisplay.format(o.lowerFence(), decimals, lang);
		String upper = NumberDisplay.format(o.upperFence(), decimals, lang);
		return new AtlasMap.Outliers(o.q1(), o.q3(), o.lowerFence(), o.upperFence(), lower, upper,
				o.indexes().size(), text("atlas.outliers.explanation", lang, lower, upper, o.indexes().size()));
	}

	private AtlasMap.RankingView ranking(List<AtlasMap.Area> entries, Polarity polarity, Locale lang) {
		List<AtlasMap.Ranked> ranked = entries.stream().filter(e -> e.rank() != null)
			.sorted(Comparator.comparing(AtlasMap.Area::rank).thenComparing(AtlasMap.Area::name))
			.map(e -> new AtlasMap.Ranked(e.id(), e.name(), e.rank(), e.display()))
			.toList();
		List<AtlasMap.Ranked> best = List.copyOf(ranked.subList(0, Math.min(TOP, ranked.size())));
		// the worst, worst first, never repeating one of the best
		List<AtlasMap.Ranked> worst = new ArrayList<>(ranked.subList(Math.max(best.size(), ranked.size() - TOP),
				ranked.size()));
		java.util.Collections.reverse(worst);
		return new AtlasMap.RankingView(text("atlas.ranking." + polarity.name(), lang), best, List.copyOf(worst),
				ranked.size());
	}

	private String statusLabel(AtlasMap.Status status, Double coverage, Locale lang) {
		return status == AtlasMap.Status.PARTIAL
				? text("atlas.status.partial", lang, NumberDisplay.percent(coverage, lang))
				: text("atlas.status." + status.json(), lang);
	}

	private static int count(AtlasMap.Status[] status, AtlasMap.Status wanted) {
		int c = 0;
		for (AtlasMap.Status s : status) {
			if (s == wanted) {
				c++;
			}
		}
		return c;
	}

	private static String nullToEmpty(String s) {
		return s == null ? "" : s;
	}

	private static String blankDash(String s) {
		return s == null || s.isBlank() ? "–" : s;
	}

	private String text(String key, Locale lang, Object... args) {
		return messages.getMessage(key, args, key, lang);
	}
}
