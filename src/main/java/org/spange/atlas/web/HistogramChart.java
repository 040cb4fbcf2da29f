package org.spange.atlas.web;

import java.util.ArrayList;
import java.util.List;

import org.spange.atlas.AtlasMap;

/**
 * The geometry of the histogram as a plain SVG bar chart, computed on the server so that it needs neither JavaScript
 * nor inline styles: bars with their counts on top, the bin boundaries as ticks below.
 */
record HistogramChart(int width, int height, int baseline, int left, int right, List<Bar> bars, List<Tick> ticks) {

	static final int WIDTH = 560;
	static final int HEIGHT = 230;
	static final int LEFT = 16;
	static final int RIGHT = 16;
	static final int TOP = 22;
	static final int BOTTOM = 44;
	static final int MAX_TICKS = 7;

	record Bar(int x, int y, int w, int h, int count, String label, int textX, int textY) {
	}

	/** A tick at a boundary; anchor start, middle or end so that the first and last stay inside. */
	record Tick(int x, String label, String anchor) {
	}

	static HistogramChart of(AtlasMap.HistogramView histogram) {
		List<AtlasMap.Bin> bins = histogram.bins();
		int baseline = HEIGHT - BOTTOM;
		List<Bar> bars = new ArrayList<>();
		List<Tick> ticks = new ArrayList<>();
		if (bins.isEmpty()) {
			return new HistogramChart(WIDTH, HEIGHT, baseline, LEFT, WIDTH - RIGHT, bars, ticks);
		}
		double plot = WIDTH - LEFT - RIGHT;
		double step = plot / bins.size();
		double scale = histogram.maxCount() == 0 ? 0 : (double) (baseline - TOP) / histogram.maxCount();
		for (int i = 0; i < bins.size(); i++) {
			AtlasMap.Bin bin = bins.get(i);
			int x = (int) Math.round(LEFT + i * step) + 1;
			int w = Math.max(1, (int) Math.round(step) - 2);
			int h = (int) Math.round(bin.count() * scale);
			bars.add(new Bar(x, baseline - h, w, h, bin.count(), bin.label(), x + w / 2, baseline - h - 5));
		}
		int every = (int) Math.ceil((bins.size() + 1) / (double) MAX_TICKS);
		for (int i = 0; i <= bins.size(); i++) {
			if (i % every != 0 && i != bins.size()) {
				continue;
			}
			if (i != bins.size() && bins.size() - i < every) {
				continue; // too close to the last tick
			}
			String anchor = i == 0 ? "start" : i == bins.size() ? "end" : "middle";
			ticks.add(new Tick((int) Math.round(LEFT + i * step), label(bins, i), anchor));
		}
		return new HistogramChart(WIDTH, HEIGHT, baseline, LEFT, WIDTH - RIGHT, bars, ticks);
	}

	private static String label(List<AtlasMap.Bin> bins, int i) {
		return i < bins.size() ? bins.get(i).lowerDisplay() : bins.get(bins.size() - 1).upperDisplay();
	}
}
