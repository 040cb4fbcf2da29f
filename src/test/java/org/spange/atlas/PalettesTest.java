package org.spange.atlas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.spange.indicator.Polarity;

class PalettesTest {

	private static final List<Double> TENS = List.of(0.0, 10.0, 20.0, 30.0, 40.0, 50.0);

	@Test
	void offersTheSchemesWithTheRightNumberOfHexColours() {
		assertThat(Palettes.sequentialSchemes())
			.containsExactly("Blues", "Greens", "Oranges", "Purples", "Reds", "YlGnBu", "YlOrRd");
		assertThat(Palettes.divergingSchemes()).containsExactly("BrBG", "PuOr", "RdBu", "RdYlGn");
		for (String scheme : Palettes.sequentialSchemes()) {
			for (int n = 3; n <= 9; n++) {
				Palette palette = Palettes.sequential(scheme, n);
				assertThat(palette.colours()).hasSize(n).allMatch(c -> c.matches("#[0-9a-f]{6}")).doesNotHaveDuplicates();
				assertThat(palette.type()).isEqualTo(Palette.Type.SEQUENTIAL);
			}
		}
		for (String scheme : Palettes.divergingSchemes()) {
			for (int n = 3; n <= 11; n++) {
				assertThat(Palettes.diverging(scheme, n).colours()).hasSize(n)
					.allMatch(c -> c.matches("#[0-9a-f]{6}"))
					.doesNotHaveDuplicates();
			}
		}
	}

	@Test
	void carriesColorBrewerValues() {
		assertThat(Palettes.sequential("Blues", 5).colours())
			.containsExactly("#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c");
		assertThat(Palettes.diverging("RdBu", 5).colours())
			.containsExactly("#ca0020", "#f4a582", "#f7f7f7", "#92c5de", "#0571b0");
		assertThat(Palette.ATTRIBUTION).isEqualTo("Colours from www.ColorBrewer.org by Cynthia A. Brewer, Penn State.");
	}

	@Test
	void divergingSchemesHaveANeutralCentre() {
		for (String scheme : Palettes.divergingSchemes()) {
			String centre = Palettes.diverging(scheme, 3).colours().get(1);
			for (int n = 3; n <= 11; n += 2) {
				assertThat(Palettes.diverging(scheme, n).colours().get(n / 2)).as(scheme + " " + n).isEqualTo(centre);
			}
			assertThat(centre).isIn("#f7f7f7", "#f5f5f5", "#ffffbf");
		}
	}

	@Test
	void unknownSchemesAndSizesAreRefused() {
		assertThatThrownBy(() -> Palettes.sequential("Viridis", 5)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> Palettes.sequential("Blues", 10)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> Palettes.diverging("RdBu", 2)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void neutralOrUnreferencedIndicatorsGetASequentialPalette() {
		Palette neutral = Palettes.choose(TENS, Polarity.NEUTRAL, OptionalDouble.of(25), "Greens", "RdBu");
		assertThat(neutral.type()).isEqualTo(Palette.Type.SEQUENTIAL);
		assertThat(neutral.colours()).isEqualTo(Palettes.sequential("Greens", 5).colours());

		Palette noReference = Palettes.choose(TENS, Polarity.HIGHER_IS_WORSE, OptionalDouble.empty(), "Blues", "RdBu");
		assertThat(noReference.colours()).isEqualTo(Palettes.sequential("Blues", 5).colours());

		assertThat(Palettes.choose(List.of(1.0, 1.0), Polarity.NEUTRAL, OptionalDouble.empty(), "Blues", "RdBu")
			.colours()).containsExactly("#9ecae1");
		assertThat(Palettes.choose(List.of(), Polarity.HIGHER_IS_WORSE, OptionalDouble.of(1), "Blues", "RdBu")
			.colours()).isEmpty();
	}

	@Test
	void higherIsWorsePutsRedAboveTheReference() {
		// the class 20–30 straddles 25 and is neutral; above it red, below it blue
		Palette palette = Palettes.choose(TENS, Polarity.HIGHER_IS_WORSE, OptionalDouble.of(25), "Blues", "RdBu");

		assertThat(palette.type()).isEqualTo(Palette.Type.DIVERGING);
		assertThat(palette.colours()).containsExactly("#0571b0", "#92c5de", "#f7f7f7", "#f4a582", "#ca0020");
	}

	@Test
	void higherIsBetterPutsRedBelowTheReference() {
		Palette palette = Palettes.choose(TENS, Polarity.HIGHER_IS_BETTER, OptionalDouble.of(25), "Blues", "RdBu");

		assertThat(palette.colours()).containsExactly("#ca0020", "#f4a582", "#f7f7f7", "#92c5de", "#0571b0");
	}

	@Test
	void aReferenceOnABreakSplitsWithoutNeutralClassAndShadesBothSidesAlike() {
		// two classes below 20, three above: the 6-class scheme, of which the lower side uses the two lighter blues
		Palette palette = Palettes.choose(TENS, Polarity.HIGHER_IS_WORSE, OptionalDouble.of(20), "Blues", "RdBu");

		assertThat(palette.colours()).containsExactly("#67a9cf", "#d1e5f0", "#fddbc7", "#ef8a62", "#b2182b");
	}

	@Test
	void aLopsidedMapFallsBackToSingleHueSides() {
		List<Double> breaks = List.of(0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0);

		Palette allWorse = Palettes.choose(breaks, Polarity.HIGHER_IS_WORSE, OptionalDouble.of(-5), "Blues", "RdBu");
		assertThat(allWorse.colours()).isEqualTo(Palettes.sequential("Reds", 9).colours());

		Palette mixed = Palettes.choose(breaks, Polarity.HIGHER_IS_WORSE, OptionalDouble.of(1.5), "Blues", "RdBu");
		List<String> expected = new ArrayList<>();
		expected.add(Palettes.sequential("Blues", 3).colours().get(0));
		expected.add("#f7f7f7");
		expected.addAll(Palettes.sequential("Reds", 7).colours());
		assertThat(mixed.colours()).isEqualTo(expected);

		Palette allBetter = Palettes.choose(breaks, Polarity.HIGHER_IS_BETTER, OptionalDouble.of(-5), "Blues",
				"PuOr");
		assertThat(allBetter.colours()).isEqualTo(Palettes.sequential("Purples", 9).colours());
	}

	@Test
	void everyChoiceHasOneDistinctColourPerClass() {
		Random random = new Random(3);
		for (int round = 0; round < 2000; round++) {
			int k = 1 + random.nextInt(9);
			List<Double> breaks = new ArrayList<>();
			double b = random.nextInt(10);
			breaks.add(b);
			for (int i = 0; i < k; i++) {
				b += 1 + random.nextInt(5);
				breaks.add(b);
			}
			double reference = breaks.get(0) - 3 + random.nextInt((int) (b - breaks.get(0)) + 6);
			Polarity polarity = Polarity.values()[random.nextInt(3)];
			String diverging = new ArrayList<>(Palettes.divergingSchemes()).get(random.nextInt(4));
			Palette palette = Palettes.choose(breaks, polarity, OptionalDouble.of(reference), "YlOrRd", diverging);
			assertThat(palette.colours()).as("%s %s %s", breaks, reference, polarity).hasSize(k).doesNotHaveDuplicates();
		}
	}
}
