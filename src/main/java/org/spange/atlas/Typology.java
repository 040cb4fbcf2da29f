package org.spange.atlas;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.ml.clustering.CentroidCluster;
import org.apache.commons.math3.ml.clustering.DoublePoint;
import org.apache.commons.math3.ml.clustering.KMeansPlusPlusClusterer;
import org.apache.commons.math3.ml.clustering.MultiKMeansPlusPlusClusterer;
import org.apache.commons.math3.ml.distance.EuclideanDistance;
import org.apache.commons.math3.random.JDKRandomGenerator;

/**
 * Types of social spaces (Sozialraumtypen): areas clustered on standardised indicators, by k-means (k-means++ seeds,
 * many starts, a fixed seed so the same data gives the same types) or by Ward's hierarchical clustering; the number
 * of types is the one with the best mean silhouette in the range asked for among the clusterings whose smallest type
 * holds at least 2 % of the areas (outliers alone make no type). A principal component analysis gives the
 * coordinates of a biplot.
 */
public final class Typology {

	public enum Method {
		K_MEANS, WARD
	}

	/**
	 * @param k               the number of types chosen
	 * @param types           the type of every area, 0-based, in input order; types are numbered by size, largest 0
	 * @param centroids       per type the mean of the standardised indicators
	 * @param silhouette      mean silhouette of the chosen clustering (−1 … 1; above 0.5 is a clear structure)
	 * @param silhouetteByK   the mean silhouette for every k tried
	 * @param scores          per area its first two principal components
	 * @param loadings        per indicator its weights on the first two components
	 * @param explained       share of the variance the first two components explain
	 * @param outliers        areas far from all others (|z| above {@value #OUTLIER_Z} in an indicator): left out of
	 *                        finding the types, then given the nearest type
	 */
	public record Result(int k, int[] types, double[][] centroids, double silhouette, Map<Integer, Double> silhouetteByK,
			double[][] scores, double[][] loadings, double[] explained, boolean[] outliers) {
	}

	/** An area with a standardised value beyond this in any indicator is an outlier. */
	public static final double OUTLIER_Z = 4;

	/** The smallest type to accept, as a share of the areas (at least 2 areas). */
	static final double MIN_TYPE_SHARE = 0.02;

	private Typology() {
	}

	private static int smallest(int[] labels, int k) {
		int[] size = new int[k];
		for (int l : labels) {
			size[l]++;
		}
		return Arrays.stream(size).min().orElse(0);
	}

	/** z-scores per column (population sd; a constant column becomes 0). */
	public static double[][] standardise(double[][] data) {
		int n = data.length;
		int m = n == 0 ? 0 : data[0].length;
		double[][] out = new double[n][m];
		for (int j = 0; j < m; j++) {
			double[] column = new double[n];
			for (int i = 0; i < n; i++) {
				column[i] = data[i][j];
			}
			double[] z = SocialIndex.standardise(column, SocialIndex.Standardisation.Z_SCORE);
			for (int i = 0; i < n; i++) {
				out[i][j] = z[i];
			}
		}
		return out;
	}

	/**
	 * Clusters standardised data (rows: areas, columns: indicators; no missing values).
	 *
	 * @param kMin at least 2
	 * @param kMax at most the number of areas − 1
	 */
	public static Result cluster(double[][] all, Method method, int kMin, int kMax, long seed) {
		if (all.length < 3) {
			throw new IllegalArgumentException("A typology needs at least 3 areas");
		}
		boolean[] outliers = new boolean[all.length];
		List<double[]> fit = new ArrayList<>();
		for (int i = 0; i < all.length; i++) {
			outliers[i] = Arrays.stream(all[i]).anyMatch(v -> Math.abs(v) > OUTLIER_Z);
			if (!outliers[i]) {
				fit.add(all[i]);
			}
		}
		if (fit.size() < 3) { // too many outliers to leave out: they are the data
			Arrays.fill(outliers, false);
			fit = Arrays.asList(all);
		}
		double[][] data = fit.toArray(double[][]::new);
		int n = data.length;
		int lo = Math.max(2, kMin);
		int hi = Math.min(kMax, n - 1);
		if (lo > hi) {
			throw new IllegalArgumentException("The number of types must lie between 2 and " + (n - 1));
		}
		Map<Integer, Double> byK = new LinkedHashMap<>();
		int[] best = null;
		int bestK = lo;
		double bestScore = Double.NEGATIVE_INFINITY;
		List<int[]> wardCuts = method == Method.WARD ? ward(data, lo, hi) : null;
		// a "type" of one or two areas is no type of social space: such clusterings are chosen only if all are
		int minSize = Math.max(2, (int) Math.ceil(MIN_TYPE_SHARE * n));
		boolean anyLarge = false;
		for (int k = lo; k <= hi; k++) {
			int[] labels = method == Method.K_MEANS ? kMeans(data, k, seed) : wardCuts.get(k - lo);
			double s = silhouette(data, labels);
			byK.put(k, s);
			boolean large = smallest(labels, k) >= minSize;
			if (large && !anyLarge || large == anyLarge && s > bestScore + 1e-12) {
				bestScore = s;
				best = labels;
				bestK = k;
				anyLarge |= large;
			}
		}
		int[] fitted = bySize(best, bestK);
		double[][] centroids = centroids(data, fitted, bestK);
		int[] types = new int[all.length];
		for (int i = 0, j = 0; i < all.length; i++) {
			types[i] = outliers[i] ? assign(new double[][] { all[i] }, centroids)[0] : fitted[j++];
		}
		Pca pca = pca(all);
		return new Result(bestK, types, centroids, bestScore, byK, pca.scores, pca.loadings, pca.explained, outliers);
	}

	static int[] kMeans(double[][] data, int k, long seed) {
		List<DoublePoint> points = new ArrayList<>();
		for (double[] row : data) {
			points.add(new DoublePoint(row));
		}
		JDKRandomGenerator random = new JDKRandomGenerator();
		random.setSeed(seed);
		KMeansPlusPlusClusterer<DoublePoint> one = new KMeansPlusPlusClusterer<>(k, 300, new EuclideanDistance(),
				random);
		List<CentroidCluster<DoublePoint>> clusters = new MultiKMeansPlusPlusClusterer<>(one, 25).cluster(points);
		int[] labels = new int[data.length];
		Map<DoublePoint, Integer> index = new java.util.IdentityHashMap<>();
		for (int i = 0; i < points.size(); i++) {
			index.put(points.get(i), i);
		}
		for (int c = 0; c < clusters.size(); c++) {
			for (DoublePoint p : clusters.get(c).getPoints()) {
				labels[index.get(p)] = c;
			}
		}
		return labels;
	}

	/**
	 * Ward's minimum-variance agglomeration (Lance–Williams update on squared Euclidean distances); the cuts into
	 * kMin … kMax clusters.
	 */
	static List<int[]> ward(double[][] data, int kMin, int kMax) {
		int n = data.length;
		double[][] d = new double[n][n];
		for (int i = 0; i < n; i++) {
			for (int j = i + 1; j < n; j++) {
				double s = 0;
				for (int c = 0; c < data[i].length; c++) {
					double diff = data[i][c] - data[j][c];
					s += diff * diff;
				}
				d[i][j] = s;
				d[j][i] = s;
			}
		}
		int[] size = new int[n];
		Arrays.fill(size, 1);
		boolean[] alive = new boolean[n];
		Arrays.fill(alive, true);
		int[] label = new int[n];
		for (int i = 0; i < n; i++) {
			label[i] = i;
		}
		Map<Integer, int[]> cuts = new LinkedHashMap<>();
		for (int clusters = n; clusters > kMin; clusters--) {
			int a = -1;
			int b = -1;
			double min = Double.POSITIVE_INFINITY;
			for (int i = 0; i < n; i++) {
				if (!alive[i]) {
					continue;
				}
				for (int j = i + 1; j < n; j++) {
					if (alive[j] && d[i][j] < min) {
						min = d[i][j];
						a = i;
						b = j;
					}
				}
			}
			for (int x = 0; x < n; x++) {
				if (alive[x] && x != a && x != b) {
					double t = size[a] + size[b] + size[x];
					double updated = ((size[a] + size[x]) * d[a][x] + (size[b] + size[x]) * d[b][x] - size[x] * min) / t;
					d[a][x] = updated;
					d[x][a] = updated;
				}
			}
			size[a] += size[b];
			alive[b] = false;
			for (int i = 0; i < n; i++) {
				if (label[i] == b) {
					label[i] = a;
				}
			}
			if (clusters - 1 <= kMax) {
				cuts.put(clusters - 1, dense(label));
			}
		}
		List<int[]> out = new ArrayList<>();
		for (int k = kMin; k <= kMax; k++) {
			out.add(cuts.get(k));
		}
		return out;
	}

	private static int[] dense(int[] labels) {
		Map<Integer, Integer> ids = new LinkedHashMap<>();
		int[] out = new int[labels.length];
		for (int i = 0; i < labels.length; i++) {
			out[i] = ids.computeIfAbsent(labels[i], x -> ids.size());
		}
		return out;
	}

	/** Mean silhouette (Rousseeuw 1987) with Euclidean distances; a singleton scores 0. */
	public static double silhouette(double[][] data, int[] labels) {
		int n = data.length;
		int k = Arrays.stream(labels).max().orElse(0) + 1;
		int[] size = new int[k];
		for (int l : labels) {
			size[l]++;
		}
		double total = 0;
		for (int i = 0; i < n; i++) {
			double[] sum = new double[k];
			for (int j = 0; j < n; j++) {
				if (i != j) {
					sum[labels[j]] += distance(data[i], data[j]);
				}
			}
			int own = labels[i];
			if (size[own] <= 1) {
				continue;
			}
			double a = sum[own] / (size[own] - 1);
			double b = Double.POSITIVE_INFINITY;
			for (int c = 0; c < k; c++) {
				if (c != own && size[c] > 0) {
					b = Math.min(b, sum[c] / size[c]);
				}
			}
			total += (b - a) / Math.max(a, b);
		}
		return total / n;
	}

	private static double distance(double[] x, double[] y) {
		double s = 0;
		for (int c = 0; c < x.length; c++) {
			double d = x[c] - y[c];
			s += d * d;
		}
		return Math.sqrt(s);
	}

	/** Relabels so that type 0 is the largest; ties by first appearance. */
	private static int[] bySize(int[] labels, int k) {
		int[] size = new int[k];
		int[] first = new int[k];
		Arrays.fill(first, Integer.MAX_VALUE);
		for (int i = 0; i < labels.length; i++) {
			size[labels[i]]++;
			first[labels[i]] = Math.min(first[labels[i]], i);
		}
		Integer[] order = new Integer[k];
		for (int c = 0; c < k; c++) {
			order[c] = c;
		}
		Arrays.sort(order, (x, y) -> size[x] != size[y] ? Integer.compare(size[y], size[x])
				: Integer.compare(first[x], first[y]));
		int[] newLabel = new int[k];
		for (int r = 0; r < k; r++) {
			newLabel[order[r]] = r;
		}
		int[] out = new int[labels.length];
		for (int i = 0; i < labels.length; i++) {
			out[i] = newLabel[labels[i]];
		}
		return out;
	}

	static double[][] centroids(double[][] data, int[] types, int k) {
		int m = data[0].length;
		double[][] c = new double[k][m];
		int[] size = new int[k];
		for (int i = 0; i < data.length; i++) {
			size[types[i]]++;
			for (int j = 0; j < m; j++) {
				c[types[i]][j] += data[i][j];
			}
		}
		for (int t = 0; t < k; t++) {
			for (int j = 0; j < m; j++) {
				c[t][j] /= Math.max(1, size[t]);
			}
		}
		return c;
	}

	/** The type of each new row: the nearest centroid (to follow areas from one period to the next). */
	public static int[] assign(double[][] data, double[][] centroids) {
		int[] out = new int[data.length];
		for (int i = 0; i < data.length; i++) {
			double best = Double.POSITIVE_INFINITY;
			for (int t = 0; t < centroids.length; t++) {
				double d = distance(data[i], centroids[t]);
				if (d < best) {
					best = d;
					out[i] = t;
				}
			}
		}
		return out;
	}

	private record Pca(double[][] scores, double[][] loadings, double[] explained) {
	}

	/** Principal components of standardised data from the eigenvectors of its covariance matrix; signs fixed. */
	private static Pca pca(double[][] data) {
		int n = data.length;
		int m = data[0].length;
		RealMatrix x = new Array2DRowRealMatrix(data, false);
		RealMatrix cov = x.transpose().multiply(x).scalarMultiply(1.0 / n);
		EigenDecomposition eigen = new EigenDecomposition(cov);
		double[] values = eigen.getRealEigenvalues();
		Integer[] order = new Integer[m];
		for (int i = 0; i < m; i++) {
			order[i] = i;
		}
		Arrays.sort(order, (a, b) -> Double.compare(values[b], values[a]));
		int comps = Math.min(2, m);
		double total = Arrays.stream(values).map(v -> Math.max(v, 0)).sum();
		double[][] loadings = new double[m][2];
		double[] explained = new double[2];
		for (int c = 0; c < comps; c++) {
			double[] v = eigen.getEigenvector(order[c]).toArray();
			// a fixed sign: the largest loading is positive
			int arg = 0;
			for (int j = 1; j < m; j++) {
				if (Math.abs(v[j]) > Math.abs(v[arg])) {
					arg = j;
				}
			}
			double sign = v[arg] < 0 ? -1 : 1;
			for (int j = 0; j < m; j++) {
				loadings[j][c] = sign * v[j];
			}
			explained[c] = total > 0 ? Math.max(values[order[c]], 0) / total : 0;
		}
		double[][] scores = new double[n][2];
		for (int i = 0; i < n; i++) {
			for (int c = 0; c < comps; c++) {
				double s = 0;
				for (int j = 0; j < m; j++) {
					s += data[i][j] * loadings[j][c];
				}
				scores[i][c] = s;
			}
		}
		return new Pca(scores, loadings, explained);
	}
}
