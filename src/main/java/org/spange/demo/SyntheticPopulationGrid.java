package org.spange.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * A SYNTHETIC population grid for a demo region that has population per Gemeinde only: every Gemeinde's real
 * population spread over the centres of a regular grid of about 1 km inside its boundary, more around its centre
 * (a settlement core) than at its edges, with a little noise. Not where people really live: stored with the
 * synthetic flag and labelled "synthetisch" wherever shown.
 * <p>
 * Deterministic: the cells depend only on the boundary, the Gemeinde code and its population ({@link Random} with a
 * seed from the code, {@link StrictMath}). The cells' populations are whole people and add up exactly to the
 * Gemeinde's population; the 65+ are spread in proportion to them, in whole people that add up too.
 */
final class SyntheticPopulationGrid {

	/** About 1 km at the latitude of the Alps. */
	static final double STEP_LAT = 0.009;
	static final double STEP_LON = 0.0133;

	/** One grid cell. */
	record Cell(String id, String gkz, double lon, double lat, int population, int over65) {
	}

	private SyntheticPopulationGrid() {
	}

	/** The cells of one Gemeinde; at least one (its interior point) however small it is. */
	static List<Cell> cells(String gkz, Geometry boundary, int population, int over65) {
		PreparedGeometry inside = PreparedGeometryFactory.prepare(boundary);
		GeometryFactory factory = boundary.getFactory() == null ? new GeometryFactory() : boundary.getFactory();
		Envelope box = boundary.getEnvelopeInternal();
		Point core = boundary.getInteriorPoint();
		// the settlement core's reach grows with the Gemeinde: about a third of its radius, at least 1 km
		double radiusKm = StrictMath.sqrt(areaKm2(boundary) / StrictMath.PI);
		double reachKm = Math.max(1.0, radiusKm / 3);
		Random random = new Random(SyntheticSocialData.seed(gkz, -1));
		List<double[]> points = new ArrayList<>();
		// the lattice is anchored on whole multiples of the step, so neighbouring Gemeinden share one grid
		long firstRow = (long) StrictMath.floor(box.getMinY() / STEP_LAT);
		long firstCol = (long) StrictMath.floor(box.getMinX() / STEP_LON);
		for (long row = firstRow; row * STEP_LAT <= box.getMaxY() + STEP_LAT; row++) {
			for (long col = firstCol; col * STEP_LON <= box.getMaxX() + STEP_LON; col++) {
				double lat = (row + 0.5) * STEP_LAT;
				double lon = (col + 0.5) * STEP_LON;
				if (inside.contains(factory.createPoint(new Coordinate(lon, lat)))) {
					points.add(new double[] { lon, lat, row, col });
				}
			}
		}
		if (points.isEmpty()) {
			points.add(new double[] { core.getX(), core.getY(), -1, -1 });
		}
		double[] weight = new double[points.size()];
		double sum = 0;
		for (int i = 0; i < weight.length; i++) {
			double[] p = points.get(i);
			double km = km(p[0], p[1], core.getX(), core.getY());
			weight[i] = StrictMath.exp(-km / reachKm) * (0.6 + 0.8 * random.nextDouble());
			sum += weight[i];
		}
		int[] people = largestRemainder(weight, sum, population);
		// the 65+ in proportion to the people, in whole people too: never more than a cell's people
		double[] peopleWeight = new double[people.length];
		for (int i = 0; i < people.length; i++) {
			peopleWeight[i] = people[i];
		}
		int[] old = largestRemainder(peopleWeight, population, Math.min(over65, population));
		List<Cell> cells = new ArrayList<>(points.size());
		for (int i = 0; i < weight.length; i++) {
			double[] p = points.get(i);
			String id = p[2] < 0 ? gkz + "-core" : String.format(Locale.ROOT, "%s-%d-%d", gkz, (long) p[2], (long) p[3]);
			cells.add(new Cell(id, gkz, round6(p[0]), round6(p[1]), people[i], old[i]));
		}
		return cells;
	}

	/** Whole numbers in proportion to the weights that add up to {@code total} exactly. */
	static int[] largestRemainder(double[] weight, double sum, int total) {
		int[] out = new int[weight.length];
		double[] rest = new double[weight.length];
		int given = 0;
		for (int i = 0; i < weight.length; i++) {
			double exact = sum > 0 ? total * weight[i] / sum : (double) total / weight.length;
			out[i] = (int) StrictMath.floor(exact);
			rest[i] = exact - out[i];
			given += out[i];
		}
		for (int left = total - given; left > 0; left--) {
			int best = 0;
			for (int i = 1; i < rest.length; i++) {
				if (rest[i] > rest[best]) {
					best = i;
				}
			}
			out[best]++;
			rest[best] = -1;
		}
		return out;
	}

	/** The grid as the population grid CSV ({@code id,area,lon,lat,population,over65}). */
	static byte[] csv(List<Cell> cells) {
		StringBuilder out = new StringBuilder("id,area,lon,lat,population,over65\n");
		for (Cell c : cells) {
			out.append(c.id()).append(',').append(c.gkz()).append(',').append(c.lon()).append(',').append(c.lat())
				.append(',').append(c.population()).append(',').append(c.over65()).append('\n');
		}
		return out.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
	}

	private static double km(double lon1, double lat1, double lon2, double lat2) {
		double x = (lon2 - lon1) * StrictMath.cos(StrictMath.toRadians((lat1 + lat2) / 2)) * 111.32;
		double y = (lat2 - lat1) * 111.32;
		return StrictMath.sqrt(x * x + y * y);
	}

	/** Square kilometres of a WGS84 geometry, roughly (enough for the reach of a core). */
	private static double areaKm2(Geometry g) {
		double lat = g.getCentroid().getY();
		return g.getArea() * 111.32 * 111.32 * StrictMath.cos(StrictMath.toRadians(lat));
	}

	private static double round6(double v) {
		return Math.round(v * 1e6) / 1e6;
	}
}
