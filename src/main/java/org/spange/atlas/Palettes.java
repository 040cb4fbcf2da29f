package org.spange.atlas;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;

import org.spange.indicator.Polarity;

/**
 * ColorBrewer palettes, and the choice of one for a classified map.
 * <p>
 * The rule of {@link #choose}: an indicator without polarity, or without a reference value, gets a sequential palette,
 * light for low values and dark for high ones. An indicator with a polarity and a reference value (the region's) gets a
 * diverging palette split at the reference: the side that is worse — above the reference for
 * {@link Polarity#HIGHER_IS_WORSE}, below it for {@link Polarity#HIGHER_IS_BETTER} — takes the warm hue (red, brown or
 * orange), the better side the cool one; the further a class lies from the reference, the darker it is. A class counts
 * as below the reference when its upper end is at most the reference and as above when its lower end is at least the
 * reference; the one class that straddles the reference, if any, takes the scheme's neutral middle colour. Both sides
 * shade alike, so a side with fewer classes uses the lightest shades of its hue. When one side needs more than five
 * shades, each side takes the single-hue scheme closest to its end of the diverging scheme (for RdBu: Reds and Blues).
 * <p>
 * Colours from www.ColorBrewer.org by Cynthia A. Brewer, Penn State.
 */
public final class Palettes {

	public static final String DEFAULT_SEQUENTIAL = "Blues";
	public static final String DEFAULT_DIVERGING = "RdBu";

	private Palettes() {
	}

	/** The sequential schemes offered: Blues, Greens, Oranges, Purples, Reds, YlGnBu, YlOrRd. */
	public static Set<String> sequentialSchemes() {
		return new TreeSet<>(ColorBrewer.SEQUENTIAL.keySet());
	}

	/** The diverging schemes offered, each with its warm end first: BrBG, PuOr, RdBu, RdYlGn. */
	public static Set<String> divergingSchemes() {
		return new TreeSet<>(ColorBrewer.DIVERGING.keySet());
	}

	/** A sequential scheme for 3 to 9 classes, lightest first. */
	public static Palette sequential(String scheme, int classes) {
		List<String> colours = ColorBrewer.colours(ColorBrewer.SEQUENTIAL, scheme, classes);
		if (colours == null) {
			throw new IllegalArgumentException("no sequential scheme " + scheme + " for " + classes + " classes");
		}
		return new Palette(scheme, Palette.Type.SEQUENTIAL, colours);
	}

	/** A diverging scheme for 3 to 11 classes, warm end first, as ColorBrewer lists it. */
	public static Palette diverging(String scheme, int classes) {
		List<String> colours = ColorBrewer.colours(ColorBrewer.DIVERGING, scheme, classes);
		if (colours == null) {
			throw new IllegalArgumentException("no diverging scheme " + scheme + " for " + classes + " classes");
		}
		return new Palette(scheme, Palette.Type.DIVERGING, colours);
	}

	/** {@link #choose(List, Polarity, OptionalDouble, String, String)} with Blues and RdBu. */
	public static Palette choose(Classification classification, Polarity polarity, OptionalDouble reference) {
		return choose(classification.breaks(), polarity, reference, DEFAULT_SEQUENTIAL, DEFAULT_DIVERGING);
	}

	/**
	 * The colours for classes with these boundaries, by the rule in the class description.
	 *
	 * @param breaks the boundaries of the classes, as in {@link Classification#breaks()}
	 * @param reference the reference value, such as the region's; empty when there is none
	 */
	public static Palette choose(List<Double> breaks, Polarity polarity, OptionalDouble reference,
			String sequentialScheme, String divergingScheme) {
		int k = Math.max(0, breaks.size() - 1);
		if (polarity == Polarity.NEUTRAL || reference.isEmpty() || !Double.isFinite(reference.getAsDouble())) {
			return new Palette(sequentialScheme, Palette.Type.SEQUENTIAL, sequentialColours(sequentialScheme, k));
		}
		if (!ColorBrewer.DIVERGING.containsKey(divergingScheme)) {
			throw new IllegalArgumentException("no diverging scheme " + divergingScheme);
		}
		if (k == 0) {
			return new Palette(divergingScheme, Palette.Type.DIVERGING, List.of());
		}
		double ref = reference.getAsDouble();
		int below = 0;
		int above = 0;
		for (int i = 0; i < k; i++) {
			if (breaks.get(i + 1) <= ref) {
				below++;
			}
			else if (breaks.get(i) >= ref) {
				above++;
			}
		}
		int straddling = k - below - above;
		// ColorBrewer lists the warm end first; turn the scheme so that the worse side is warm
		boolean warmLow = polarity == Polarity.HIGHER_IS_BETTER;
		int half = Math.max(below, above);
		List<String> colours = new ArrayList<>(k);
		if (2 * half + straddling <= ColorBrewer.DIVERGING_MAX) {
			// a full scheme centred on the reference; too small schemes borrow the inner shades of a larger one
			int m = 2 * half + straddling < 3 ? half + 1 : half;
			List<String> full = ordered(ColorBrewer.colours(ColorBrewer.DIVERGING, divergingScheme,
					2 * m + straddling), warmLow);
			colours.addAll(full.subList(m - below, m + straddling + above));
		}
		else {
			List<String> sides = ColorBrewer.SIDES.get(divergingScheme);
			List<String> low = sideShades(warmLow ? sides.get(0) : sides.get(1), below);
			List<String> high = sideShades(warmLow ? sides.get(1) : sides.get(0), above);
			for (int i = below - 1; i >= 0; i--) {
				colours.add(low.get(i));
			}
			if (straddling == 1) {
				List<String> middle = ColorBrewer.colours(ColorBrewer.DIVERGING, divergingScheme, 3);
				colours.add(middle.get(1));
			}
			colours.addAll(high);
		}
		return new Palette(divergingScheme, Palette.Type.DIVERGING, colours);
	}

	/** ColorBrewer's colours from the warm end, or reversed so that the warm end is last. */
	private static List<String> ordered(List<String> warmFirst, boolean warmLow) {
		if (warmLow) {
			return warmFirst;
		}
		List<String> reversed = new ArrayList<>(warmFirst);
		java.util.Collections.reverse(reversed);
		return reversed;
	}

	/** n shades of a single hue from the reference outward: the lightest ones. */
	private static List<String> sideShades(String scheme, int n) {
		if (n == 0) {
			return List.of();
		}
		return ColorBrewer.colours(ColorBrewer.SEQUENTIAL, scheme, Math.max(3, n)).subList(0, n);
	}

	/** A sequential scheme for any number of classes up to 9; one or two classes take shades of the 3-class scheme. */
	private static List<String> sequentialColours(String scheme, int k) {
		if (!ColorBrewer.SEQUENTIAL.containsKey(scheme)) {
			throw new IllegalArgumentException("no sequential scheme " + scheme);
		}
		if (k == 0) {
			return List.of();
		}
		if (k < 3) {
			List<String> three = ColorBrewer.colours(ColorBrewer.SEQUENTIAL, scheme, 3);
			return k == 1 ? List.of(three.get(1)) : List.of(three.get(0), three.get(2));
		}
		List<String> colours = ColorBrewer.colours(ColorBrewer.SEQUENTIAL, scheme, k);
		if (colours == null) {
			throw new IllegalArgumentException("no sequential scheme " + scheme + " for " + k + " classes");
		}
		return colours;
	}
}
