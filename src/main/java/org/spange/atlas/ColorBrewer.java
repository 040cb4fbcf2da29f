package org.spange.atlas;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The ColorBrewer colour schemes the atlas offers, for 3 to 9 classes (sequential) and 3 to 11 (diverging), lightest
 * first for sequential schemes and warm end first for diverging ones, as ColorBrewer lists them.
 * <p>
 * Colours from www.ColorBrewer.org by Cynthia A. Brewer, Penn State. (Apache-style ColorBrewer licence, version 2.0:
 * "This product includes color specifications and designs developed by Cynthia Brewer (http://colorbrewer.org/).")
 */
final class ColorBrewer {

	static final int SEQUENTIAL_MAX = 9;
	static final int DIVERGING_MAX = 11;

	/** Each entry: the schemes for 3, 4, … classes, colours separated by spaces, without '#'. */
	static final Map<String, String[]> SEQUENTIAL = Map.of(
			"Blues", new String[] {
				"deebf7 9ecae1 3182bd",
				"eff3ff bdd7e7 6baed6 2171b5",
				"eff3ff bdd7e7 6baed6 3182bd 08519c",
				"eff3ff c6dbef 9ecae1 6baed6 3182bd 08519c",
				"eff3ff c6dbef 9ecae1 6baed6 4292c6 2171b5 084594",
				"f7fbff deebf7 c6dbef 9ecae1 6baed6 4292c6 2171b5 084594",
				"f7fbff deebf7 c6dbef 9ecae1 6baed6 4292c6 2171b5 08519c 08306b" },
			"Greens", new String[] {
				"e5f5e0 a1d99b 31a354",
				"edf8e9 bae4b3 74c476 238b45",
				"edf8e9 bae4b3 74c476 31a354 006d2c",
				"edf8e9 c7e9c0 a1d99b 74c476 31a354 006d2c",
				"edf8e9 c7e9c0 a1d99b 74c476 41ab5d 238b45 005a32",
				"f7fcf5 e5f5e0 c7e9c0 a1d99b 74c476 41ab5d 238b45 005a32",
				"f7fcf5 e5f5e0 c7e9c0 a1d99b 74c476 41ab5d 238b45 006d2c 00441b" },
			"Oranges", new String[] {
				"fee6ce fdae6b e6550d",
				"feedde fdbe85 fd8d3c d94701",
				"feedde fdbe85 fd8d3c e6550d a63603",
				"feedde fdd0a2 fdae6b fd8d3c e6550d a63603",
				"feedde fdd0a2 fdae6b fd8d3c f16913 d94801 8c2d04",
				"fff5eb fee6ce fdd0a2 fdae6b fd8d3c f16913 d94801 8c2d04",
				"fff5eb fee6ce fdd0a2 fdae6b fd8d3c f16913 d94801 a63603 7f2704" },
			"Purples", new String[] {
				"efedf5 bcbddc 756bb1",
				"f2f0f7 cbc9e2 9e9ac8 6a51a3",
				"f2f0f7 cbc9e2 9e9ac8 756bb1 54278f",
				"f2f0f7 dadaeb bcbddc 9e9ac8 756bb1 54278f",
				"f2f0f7 dadaeb bcbddc 9e9ac8 807dba 6a51a3 4a1486",
				"fcfbfd efedf5 dadaeb bcbddc 9e9ac8 807dba 6a51a3 4a1486",
				"fcfbfd efedf5 dadaeb bcbddc 9e9ac8 807dba 6a51a3 54278f 3f007d" },
			"Reds", new String[] {
				"fee0d2 fc9272 de2d26",
				"fee5d9 fcae91 fb6a4a cb181d",
				"fee5d9 fcae91 fb6a4a de2d26 a50f15",
				"fee5d9 fcbba1 fc9272 fb6a4a de2d26 a50f15",
				"fee5d9 fcbba1 fc9272 fb6a4a ef3b2c cb181d 99000d",
				"fff5f0 fee0d2 fcbba1 fc9272 fb6a4a ef3b2c cb181d 99000d",
				"fff5f0 fee0d2 fcbba1 fc9272 fb6a4a ef3b2c cb181d a50f15 67000d" },
			"YlGnBu", new String[] {
				"edf8b1 7fcdbb 2c7fb8",
				"ffffcc a1dab4 41b6c4 225ea8",
				"ffffcc a1dab4 41b6c4 2c7fb8 253494",
				"ffffcc c7e9b4 7fcdbb 41b6c4 2c7fb8 253494",
				"ffffcc c7e9b4 7fcdbb 41b6c4 1d91c0 225ea8 0c2c84",
				"ffffd9 edf8b1 c7e9b4 7fcdbb 41b6c4 1d91c0 225ea8 0c2c84",
				"ffffd9 edf8b1 c7e9b4 7fcdbb 41b6c4 1d91c0 225ea8 253494 081d58" },
			"YlOrRd", new String[] {
				"ffeda0 feb24c f03b20",
				"ffffb2 fecc5c fd8d3c e31a1c",
				"ffffb2 fecc5c fd8d3c f03b20 bd0026",
				"ffffb2 fed976 feb24c fd8d3c f03b20 bd0026",
				"ffffb2 fed976 feb24c fd8d3c fc4e2a e31a1c b10026",
				"ffffcc ffeda0 fed976 feb24c fd8d3c fc4e2a e31a1c b10026",
				"ffffcc ffeda0 fed976 feb24c fd8d3c fc4e2a e31a1c bd0026 800026" });

	static final Map<String, String[]> DIVERGING = Map.of(
			"RdBu", new String[] {
				"ef8a62 f7f7f7 67a9cf",
				"ca0020 f4a582 92c5de 0571b0",
				"ca0020 f4a582 f7f7f7 92c5de 0571b0",
				"b2182b ef8a62 fddbc7 d1e5f0 67a9cf 2166ac",
				"b2182b ef8a62 fddbc7 f7f7f7 d1e5f0 67a9cf 2166ac",
				"b2182b d6604d f4a582 fddbc7 d1e5f0 92c5de 4393c3 2166ac",
				"b2182b d6604d f4a582 fddbc7 f7f7f7 d1e5f0 92c5de 4393c3 2166ac",
				"67001f b2182b d6604d f4a582 fddbc7 d1e5f0 92c5de 4393c3 2166ac 053061",
				"67001f b2182b d6604d f4a582 fddbc7 f7f7f7 d1e5f0 92c5de 4393c3 2166ac 053061" },
			"BrBG", new String[] {
				"d8b365 f5f5f5 5ab4ac",
				"a6611a dfc27d 80cdc1 018571",
				"a6611a dfc27d f5f5f5 80cdc1 018571",
				"8c510a d8b365 f6e8c3 c7eae5 5ab4ac 01665e",
				"8c510a d8b365 f6e8c3 f5f5f5 c7eae5 5ab4ac 01665e",
				"8c510a bf812d dfc27d f6e8c3 c7eae5 80cdc1 35978f 01665e",
				"8c510a bf812d dfc27d f6e8c3 f5f5f5 c7eae5 80cdc1 35978f 01665e",
				"543005 8c510a bf812d dfc27d f6e8c3 c7eae5 80cdc1 35978f 01665e 003c30",
				"543005 8c510a bf812d dfc27d f6e8c3 f5f5f5 c7eae5 80cdc1 35978f 01665e 003c30" },
			"PuOr", new String[] {
				"f1a340 f7f7f7 998ec3",
				"e66101 fdb863 b2abd2 5e3c99",
				"e66101 fdb863 f7f7f7 b2abd2 5e3c99",
				"b35806 f1a340 fee0b6 d8daeb 998ec3 542788",
				"b35806 f1a340 fee0b6 f7f7f7 d8daeb 998ec3 542788",
				"b35806 e08214 fdb863 fee0b6 d8daeb b2abd2 8073ac 542788",
				"b35806 e08214 fdb863 fee0b6 f7f7f7 d8daeb b2abd2 8073ac 542788",
				"7f3b08 b35806 e08214 fdb863 fee0b6 d8daeb b2abd2 8073ac 542788 2d004b",
				"7f3b08 b35806 e08214 fdb863 fee0b6 f7f7f7 d8daeb b2abd2 8073ac 542788 2d004b" },
			"RdYlGn", new String[] {
				"fc8d59 ffffbf 91cf60",
				"d7191c fdae61 a6d96a 1a9641",
				"d7191c fdae61 ffffbf a6d96a 1a9641",
				"d73027 fc8d59 fee08b d9ef8b 91cf60 1a9850",
				"d73027 fc8d59 fee08b ffffbf d9ef8b 91cf60 1a9850",
				"d73027 f46d43 fdae61 fee08b d9ef8b a6d96a 66bd63 1a9850",
				"d73027 f46d43 fdae61 fee08b ffffbf d9ef8b a6d96a 66bd63 1a9850",
				"a50026 d73027 f46d43 fdae61 fee08b d9ef8b a6d96a 66bd63 1a9850 006837",
				"a50026 d73027 f46d43 fdae61 fee08b ffffbf d9ef8b a6d96a 66bd63 1a9850 006837" });

	/**
	 * For each diverging scheme, the single-hue schemes closest to its warm and its cool end: used when one side of the
	 * reference needs more shades than the diverging scheme has.
	 */
	static final Map<String, List<String>> SIDES = Map.of(
			"RdBu", List.of("Reds", "Blues"),
			"BrBG", List.of("Oranges", "Greens"),
			"PuOr", List.of("Oranges", "Purples"),
			"RdYlGn", List.of("Reds", "Greens"));

	private ColorBrewer() {
	}

	/** The colours of a scheme for n classes as {@code #rrggbb}; null if the scheme does not exist for n. */
	static List<String> colours(Map<String, String[]> family, String scheme, int n) {
		String[] byCount = family.get(scheme);
		if (byCount == null || n < 3 || n - 3 >= byCount.length) {
			return null;
		}
		return Arrays.stream(byCount[n - 3].split(" ")).map(c -> "#" + c).toList();
	}
}
