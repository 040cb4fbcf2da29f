package org.spange.needs.internal;

/**
 * Exact nearest-neighbour and radius queries on the sphere for a fixed set of points (supply points of one category).
 * <p>
 * The points are bucketed in a regular grid on an equirectangular projection around their mean latitude. A query
 * searches the grid ring by ring around its bucket and stops only when every point not yet looked at must be farther
 * (on the sphere) than the best one found: the projection distorts east–west distances by cos(lat)/cos(lat0), so the
 * ring's projected distance is scaled down by the smallest such factor over the latitudes involved and a safety
 * margin. Candidates are compared by the chord between unit vectors, which orders them exactly like the great-circle
 * distance and costs no trigonometry per candidate. Arrays only, no object per point; the index is immutable and safe
 * to query from several threads.
 */
public final class SpatialIndex {

	/** Mean earth radius in metres, as in the haversine formula. */
	public static final double EARTH_RADIUS = 6_371_000.0;

	/** The flat approximation is good to far better than 2 % at regional distances; the bound gives it that room. */
	private static final double SAFETY = 0.98;

	private final int size;
	private final double cosLat0;
	private final double originX;
	private final double originY;
	private final double bucket;
	private final int nx;
	private final int ny;
	private final int[] start;
	/** point indices, bucket by bucket */
	private final int[] order;
	/** unit vectors of the points, in bucket order (for locality) */
	private final double[] ux;
	private final double[] uy;
	private final double[] uz;
	/** cos of the point latitude farthest from the equator: the strongest shrinking of east–west distances */
	private final double cosLatExtreme;

	public SpatialIndex(double[] lon, double[] lat) {
		if (lon.length != lat.length) {
			throw new IllegalArgumentException("lon and lat differ in length");
		}
		size = lon.length;
		double minLat = 90;
		double maxLat = -90;
		double sumLat = 0;
		for (int i = 0; i < size; i++) {
			check(lon[i], lat[i]);
			minLat = Math.min(minLat, lat[i]);
			maxLat = Math.max(maxLat, lat[i]);
			sumLat += lat[i];
		}
		double lat0 = size == 0 ? 0 : sumLat / size;
		cosLat0 = Math.cos(Math.toRadians(lat0));
		cosLatExtreme = size == 0 ? 1 : Math.cos(Math.toRadians(Math.max(Math.abs(minLat), Math.abs(maxLat))));
		double[] px = new double[size];
		double[] py = new double[size];
		double minX = Double.POSITIVE_INFINITY;
		double minY = Double.POSITIVE_INFINITY;
		double maxX = Double.NEGATIVE_INFINITY;
		double maxY = Double.NEGATIVE_INFINITY;
		for (int i = 0; i < size; i++) {
			px[i] = projectX(lon[i]);
			py[i] = projectY(lat[i]);
			minX = Math.min(minX, px[i]);
			minY = Math.min(minY, py[i]);
			maxX = Math.max(maxX, px[i]);
			maxY = Math.max(maxY, py[i]);
		}
		if (size == 0) {
			minX = minY = maxX = maxY = 0;
		}
		double width = maxX - minX;
		double height = maxY - minY;
		// about one point per bucket, but at least 100 m and at most 4 million buckets
		double b = Math.sqrt(Math.max(width * height, 1.0) / Math.max(size, 1));
		b = Math.max(b, 100.0);
		while ((width / b + 1) * (height / b + 1) > 4_000_000) {
			b *= 1.5;
		}
		bucket = b;
		originX = minX;
		originY = minY;
		nx = (int) (width / b) + 1;
		ny = (int) (height / b) + 1;
		int[] bucketOf = new int[size];
		start = new int[nx * ny + 1];
		for (int i = 0; i < size; i++) {
			int bx = Math.min(nx - 1, (int) ((px[i] - originX) / b));
			int by = Math.min(ny - 1, (int) ((py[i] - originY) / b));
			bucketOf[i] = by * nx + bx;
			start[bucketOf[i] + 1]++;
		}
		for (int k = 0; k < nx * ny; k++) {
			start[k + 1] += start[k];
		}
		int[] fill = java.util.Arrays.copyOf(start, nx * ny);
		order = new int[size];
		for (int i = 0; i < size; i++) {
			order[fill[bucketOf[i]]++] = i;
		}
		ux = new double[size];
		uy = new double[size];
		uz = new double[size];
		for (int k = 0; k < size; k++) {
			int i = order[k];
			double phi = Math.toRadians(lat[i]);
			double lambda = Math.toRadians(lon[i]);
			double c = Math.cos(phi);
			ux[k] = c * Math.cos(lambda);
			uy[k] = c * Math.sin(lambda);
			uz[k] = Math.sin(phi);
		}
	}

	public int size() {
		return size;
	}

	static void check(double lon, double lat) {
		if (!(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90)) {
			throw new IllegalArgumentException("not a WGS84 coordinate: " + lon + ", " + lat);
		}
	}

	private double projectX(double lon) {
		return Math.toRadians(lon) * cosLat0 * EARTH_RADIUS;
	}

	private double projectY(double lat) {
		return Math.toRadians(lat) * EARTH_RADIUS;
	}

	/** Great-circle distance in metres for a chord between unit vectors. */
	public static double metres(double chord) {
		return 2 * EARTH_RADIUS * Math.asin(Math.min(1.0, chord / 2));
	}

	/** Chord between unit vectors for a great-circle distance in metres. */
	public static double chord(double metres) {
		double angle = metres / EARTH_RADIUS;
		return angle >= Math.PI ? 2.0 : 2 * Math.sin(angle / 2);
	}

	/** Haversine distance in metres (for checks and single pairs). */
	public static double haversine(double lon1, double lat1, double lon2, double lat2) {
		double p1 = Math.toRadians(lat1);
		double p2 = Math.toRadians(lat2);
		double dp = p2 - p1;
		double dl = Math.toRadians(lon2 - lon1);
		double a = Math.sin(dp / 2) * Math.sin(dp / 2)
				+ Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
		return 2 * EARTH_RADIUS * Math.asin(Math.min(1.0, Math.sqrt(a)));
	}

	/** Lower bound of true/projected distance for a query at this latitude. */
	private double shrink(double cosLatQuery) {
		return Math.min(1.0, Math.min(cosLatQuery, cosLatExtreme) / cosLat0) * SAFETY;
	}

	/**
	 * The nearest point to (lon, lat): its index in the input arrays, or -1 if the index is empty. The squared chord
	 * of the result is written to {@code chordOut[0]}.
	 */
	public int nearest(double lon, double lat, double[] chordOut) {
		if (size == 0) {
			chordOut[0] = Double.NaN;
			return -1;
		}
		double phi = Math.toRadians(lat);
		double lambda = Math.toRadians(lon);
		double cphi = Math.cos(phi);
		double qx = cphi * Math.cos(lambda);
		double qy = cphi * Math.sin(lambda);
		double qz = Math.sin(phi);
		double k = shrink(cphi);
		double x = projectX(lon) - originX;
		double y = projectY(lat) - originY;
		int bx = (int) Math.floor(x / bucket);
		int by = (int) Math.floor(y / bucket);
		// the first ring that touches the grid
		int r0 = Math.max(Math.max(-bx, bx - (nx - 1)), Math.max(-by, by - (ny - 1)));
		r0 = Math.max(r0, 0);
		int rMax = Math.max(Math.max(bx, nx - 1 - bx), Math.max(by, ny - 1 - by));
		double best = Double.POSITIVE_INFINITY;
		int bestK = -1;
		for (int r = r0; r <= rMax; r++) {
			if (bestK >= 0 && r > 0) {
				// every point in ring r or beyond lies outside the block of rings < r around the query's bucket
				double gap = Math.min(Math.min(x - (bx - r + 1) * bucket, (bx + r) * bucket - x),
						Math.min(y - (by - r + 1) * bucket, (by + r) * bucket - y));
				double c = chord(gap * k);
				if (c * c > best) {
					break;
				}
			}
			int y0 = by - r;
			int y1 = by + r;
			int xa = Math.max(bx - r, 0);
			int xb = Math.min(bx + r, nx - 1);
			for (int yy = Math.max(y0, 0); yy <= Math.min(y1, ny - 1); yy++) {
				boolean edgeRow = yy == y0 || yy == y1;
				if (edgeRow) {
					for (int xx = xa; xx <= xb; xx++) {
						int cell = yy * nx + xx;
						for (int p = start[cell]; p < start[cell + 1]; p++) {
							double dx = ux[p] - qx;
							double dy = uy[p] - qy;
							double dz = uz[p] - qz;
							double d = dx * dx + dy * dy + dz * dz;
							if (d < best) {
								best = d;
								bestK = p;
							}
						}
					}
				} else {
					for (int side = 0; side < 2; side++) {
						int xx = side == 0 ? bx - r : bx + r;
						if (xx < 0 || xx >= nx || (side == 1 && r == 0)) {
							continue;
						}
						int cell = yy * nx + xx;
						for (int p = start[cell]; p < start[cell + 1]; p++) {
							double dx = ux[p] - qx;
							double dy = uy[p] - qy;
							double dz = uz[p] - qz;
							double d = dx * dx + dy * dy + dz * dz;
							if (d < best) {
								best = d;
								bestK = p;
							}
						}
					}
				}
			}
		}
		chordOut[0] = best;
		return order[bestK];
	}

	/** Receives the points within a radius: index in the input arrays and great-circle distance in metres. */
	@FunctionalInterface
	public interface Visitor {
		void visit(int index, double metres);
	}

	/** Calls the visitor for every point within {@code radius} metres of (lon, lat) (on the sphere, inclusive). */
	public void within(double lon, double lat, double radius, Visitor visitor) {
		if (size == 0) {
			return;
		}
		double phi = Math.toRadians(lat);
		double lambda = Math.toRadians(lon);
		double cphi = Math.cos(phi);
		double qx = cphi * Math.cos(lambda);
		double qy = cphi * Math.sin(lambda);
		double qz = Math.sin(phi);
		double reach = radius / shrink(cphi);
		double x = projectX(lon) - originX;
		double y = projectY(lat) - originY;
		int xa = (int) Math.max(0, Math.floor((x - reach) / bucket));
		int xb = (int) Math.min(nx - 1, Math.floor((x + reach) / bucket));
		int ya = (int) Math.max(0, Math.floor((y - reach) / bucket));
		int yb = (int) Math.min(ny - 1, Math.floor((y + reach) / bucket));
		double c = chord(radius);
		double limit = c * c * (1 + 1e-12);
		for (int yy = ya; yy <= yb; yy++) {
			for (int xx = xa; xx <= xb; xx++) {
				int cell = yy * nx + xx;
				for (int p = start[cell]; p < start[cell + 1]; p++) {
					double dx = ux[p] - qx;
					double dy = uy[p] - qy;
					double dz = uz[p] - qz;
					double d = dx * dx + dy * dy + dz * dz;
					if (d <= limit) {
						visitor.visit(order[p], metres(Math.sqrt(d)));
					}
				}
			}
		}
	}
}
