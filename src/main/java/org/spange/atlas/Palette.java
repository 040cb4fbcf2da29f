package org.spange.atlas;

import java.util.List;

/**
 * The fill colour of each class of a map, lowest class first, as {@code #rrggbb}.
 *
 * @param scheme the ColorBrewer scheme, such as {@code Blues} or {@code RdBu}
 * @param type sequential (light to dark) or diverging (two hues apart from a reference value)
 * @param colours one colour per class
 */
public record Palette(String scheme, Type type, List<String> colours) {

	/** Colours from www.ColorBrewer.org by Cynthia A. Brewer, Penn State: show this line with every map. */
	public static final String ATTRIBUTION = "Colours from www.ColorBrewer.org by Cynthia A. Brewer, Penn State.";

	public Palette {
		colours = List.copyOf(colours);
	}

	/** Whether a palette orders its classes by one hue or splits them around a reference. */
	public enum Type {
		SEQUENTIAL, DIVERGING
	}
}
