package org.spange.needs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

import org.spange.needs.internal.SpatialIndex;
import org.springframework.stereotype.Service;

/**
 * Straight-line accessibility: how far people live from the nearest supply point of a category, which share of them
 * lives within a threshold, and the two-step floating catchment area (2SFCA) supply-to-demand ratio. Everything is
 * computed in memory, in parallel over the cells; distances are great-circle distances in metres.
 * Travel times on a road network: {@link RoadRouting}.
 */
@Service
public class Accessibility {

	/** Cells per parallel task: large enough to amortise the task, small enough to balance two cores. */
	private static final int CHUNK = 16_384;

	/**
	 * The nearest supply point for every (lon[i], lat[i]) — the primitive form for large grids: no object per cell.
	 */
	public NearestSupply nearest(double[] lon, double[] lat, List<SupplyPoint> supply) {
		if (lon.length != lat.length) {
			throw new IllegalArgumentException("lon and lat differ in length");
		}
		SpatialIndex index = index(supply);
		int n = lon.length;
		double[] metres = new double[n];
		int[] nearest = new int[n];
		int chunks = (n + CHUNK - 1) / CHUNK;
		IntStream.range(0, chunks).parallel().forEach(c -> {
			double[] chord = new double[1];
			int end = Math.min(n, (c + 1) * CHUNK);
			for (int i = c * CHUNK; i < end; i++) {
				int k = index.nearest(lon[i], lat[i], chord);
				nearest[i] = k;
				metres[i] = k < 0 ? Double.NaN : SpatialIndex.metres(Math.sqrt(chord[0]));
			}
		});
		return new NearestSupply(metres, nearest);
	}

	/**
	 * The 2SFCA accessibility A_i of every cell for the given band (Luo &amp; Wang 2003, or with Gaussian decay):
	 * step 1, for every supply point j, R_j = S_j / Σ_{i: d_ij ≤ d0} w(d_ij) P_i; step 2, for every cell,
	 * A_i = Σ_{j: d_ij ≤ d0} w(d_ij) R_j. Cells with unknown population add no demand; they still get a value, since
	 * A_i describes the place. A supply point without any demand in reach has no ratio and adds nothing.
	 */
	public double[] floatingCatchment(List<PopulationCell> cells, List<SupplyPoint> supply, PopulationBand band,
			double catchmentMetres, CatchmentDecay decay) {
		SpatialIndex index = index(supply);
		int n = cells.size();
		double[] demand = new double[supply.size()];
		// step 1 sequentially: adding into shared per-supply sums; cheap next to step 2
		for (int i = 0; i < n; i++) {
			PopulationCell cell = cells.get(i);
			Double p = cell.count(band);
			if (p == null || p <= 0) {
				continue;
			}
			double people = p;
			index.within(cell.lon(), cell.lat(), catchmentMetres,
					(j, d) -> demand[j] += weight(d, catchmentMetres, decay) * people);
		}
		double[] ratio = new double[supply.size()];
		for (int j = 0; j < ratio.length; j++) {
			ratio[j] = demand[j] > 0 ? supply.get(j).capacity() / demand[j] : 0;
		}
		double[] access = new double[n];
		IntStream.range(0, n).parallel().forEach(i -> {
			PopulationCell cell = cells.get(i);
			double[] sum = new double[1];
			index.within(cell.lon(), cell.lat(), catchmentMetres,
					(j, d) -> sum[0] += weight(d, catchmentMetres, decay) * ratio[j]);
			access[i] = sum[0];
		});
		return access;
	}

	static double weight(double metres, double d0, CatchmentDecay decay) {
		if (metres > d0) {
			return 0;
		}
		return switch (decay) {
			case NONE -> 1;
			case GAUSSIAN -> {
				double edge = Math.exp(-0.5);
				double u = metres / d0;
				yield (Math.exp(-0.5 * u * u) - edge) / (1 - edge);
			}
		};
	}

	/**
	 * Accessibility of the cells for the supply points of one category (points of other categories are ignored):
	 * per cell and per area.
	 */
	public AccessResult evaluate(List<PopulationCell> cells, List<SupplyPoint> supply, String category,
			AccessOptions options) {
		List<SupplyPoint> ofCategory = supply.stream().filter(s -> category.equals(s.category())).toList();
		int n = cells.size();
		double[] lon = new double[n];
		double[] lat = new double[n];
		for (int i = 0; i < n; i++) {
			lon[i] = cells.get(i).lon();
			lat[i] = cells.get(i).lat();
		}
		NearestSupply nearest = nearest(lon, lat, ofCategory);
		double[] ratio = floatingCatchment(cells, ofCategory, options.band(), options.catchmentMetres(),
				options.decay());
		List<CellAccess> perCell = new ArrayList<>(n);
		for (int i = 0; i < n; i++) {
			int k = nearest.index()[i];
			perCell.add(new CellAccess(cells.get(i), k < 0 ? null : ofCategory.get(k).id(),
					k < 0 ? null : nearest.metres()[i], ratio[i]));
		}
		return new AccessResult(category, options, List.copyOf(perCell), byArea(perCell, options));
	}

	/**
	 * Per area: population-weighted share within the threshold, mean distance and mean 2SFCA ratio. Each cell counts
	 * once, however many supply points reach it; cells of unknown population are left out and show in the coverage.
	 */
	public List<AreaAccess> byArea(List<CellAccess> cells, AccessOptions options) {
		List<PopulationCell> plain = new ArrayList<>(cells.size());
		double[] metres = new double[cells.size()];
		double[] ratio = new double[cells.size()];
		for (int i = 0; i < metres.length; i++) {
			CellAccess c = cells.get(i);
			plain.add(c.cell());
			metres[i] = c.metres() == null ? Double.NaN : c.metres();
			ratio[i] = c.supplyRatio();
		}
		return aggregate(plain, metres, ratio, options.band(), options.thresholdMetres());
	}

	/**
	 * Per area for any measure per cell — metres or, from {@link RoadRouting}, seconds of travel: population-weighted
	 * share with {@code value ≤ threshold} and mean value. A cell without a value ({@code NaN}: no supply point
	 * reachable) counts as not within and is left out of the mean; {@code meanSupplyRatio} is null.
	 */
	public List<AreaAccess> byArea(List<PopulationCell> cells, double[] values, PopulationBand band,
			double threshold) {
		return aggregate(cells, values, null, band, threshold);
	}

	private static List<AreaAccess> aggregate(List<PopulationCell> cells, double[] values, double[] ratio,
			PopulationBand band, double threshold) {
		if (values.length != cells.size()) {
			throw new IllegalArgumentException("one value per cell");
		}
		Map<String, double[]> sums = new TreeMap<>();
		for (int i = 0; i < values.length; i++) {
			PopulationCell cell = cells.get(i);
			String area = cell.area() == null ? "" : cell.area();
			// cells, cells with population, population, within, Σ P·value, Σ P·ratio, population with a value
			double[] s = sums.computeIfAbsent(area, a -> new double[7]);
			s[0]++;
			Double p = cell.count(band);
			if (p == null) {
				continue;
			}
			s[1]++;
			s[2] += p;
			if (!Double.isNaN(values[i])) {
				if (values[i] <= threshold) {
					s[3] += p;
				}
				s[4] += p * values[i];
				s[6] += p;
			}
			if (ratio != null) {
				s[5] += p * ratio[i];
			}
		}
		List<AreaAccess> areas = new ArrayList<>(sums.size());
		sums.forEach((area, s) -> areas.add(new AreaAccess(area, (int) s[0], (int) s[1], s[2], s[3],
				s[2] > 0 ? s[3] / s[2] : null, s[6] > 0 ? s[4] / s[6] : null,
				ratio != null && s[2] > 0 ? s[5] / s[2] : null)));
		return List.copyOf(areas);
	}

	private static SpatialIndex index(List<SupplyPoint> supply) {
		double[] lon = new double[supply.size()];
		double[] lat = new double[supply.size()];
		for (int j = 0; j < lon.length; j++) {
			lon[j] = supply.get(j).lon();
			lat[j] = supply.get(j).lat();
		}
		return new SpatialIndex(lon, lat);
	}

	/** Great-circle (haversine) distance in metres between two WGS84 points. */
	public static double metres(double lon1, double lat1, double lon2, double lat2) {
		return SpatialIndex.haversine(lon1, lat1, lon2, lat2);
	}
}
