package org.spange.needs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.graphhopper.GHRequest;
import com.graphhopper.GHResponse;
import com.graphhopper.GraphHopper;
import com.graphhopper.config.Profile;
import com.graphhopper.json.Statement;
import com.graphhopper.routing.weighting.Weighting;
import com.graphhopper.storage.BaseGraph;
import com.graphhopper.storage.NodeAccess;
import com.graphhopper.storage.index.Snap;
import com.graphhopper.util.CustomModel;
import com.graphhopper.util.EdgeExplorer;
import com.graphhopper.util.EdgeIterator;
import com.graphhopper.util.GHUtility;
import com.graphhopper.util.PMap;

import org.spange.needs.internal.NodeHeap;
import org.spange.needs.internal.SpatialIndex;

/**
 * Travel times on a road network (GraphHopper) from an OpenStreetMap extract: walking, cycling, driving. The graph is
 * built once into a folder (never in the source tree) and loaded from there afterwards.
 * <p>
 * Many cells to the nearest supply point: one Dijkstra search from all supply points at once over the reversed
 * edges (so one-way streets count in the direction from the cell to the supply point), so every road node learns
 * its travel time to the nearest supply point; a cell takes the time of its nearest accessible road node. The way
 * from a point to its road node (and from a supply point to its node) is walked as the crow flies at
 * {@value #ACCESS_SPEED_KMH} km/h — fair for 1 km grid cells, whose centres rarely lie on a road.
 */
public final class RoadRouting implements AutoCloseable {

	/** Walking speed for the way between a point and its road node. */
	public static final double ACCESS_SPEED_KMH = 5.0;

	public enum Mode {
		FOOT, BIKE, CAR;

		String profile() {
			return name().toLowerCase(Locale.ROOT);
		}
	}

	/** A route: length in metres and travel time in seconds. */
	public record Route(double metres, double seconds) {
	}

	/**
	 * For every point (input order): seconds to the nearest supply point by travel time, the road metres of that
	 * path (access legs included), and the supply point's index; {@code NaN}/-1 where none can be reached.
	 */
	public record TravelTimes(double[] seconds, double[] metres, int[] nearest) {
	}

	private final GraphHopper hopper;

	private RoadRouting(GraphHopper hopper) {
		this.hopper = hopper;
	}

	/** Builds the graph of the OSM file ({@code .osm}, {@code .osm.gz}, {@code .pbf}) in the folder, or loads it. */
	public static RoadRouting open(Path osmFile, Path graphFolder) {
		if (!Files.isRegularFile(osmFile)) {
			throw new IllegalArgumentException("OSM file not found: " + osmFile);
		}
		GraphHopper hopper = new GraphHopper();
		hopper.setOSMFile(osmFile.toString());
		hopper.setGraphHopperLocation(graphFolder.toString());
		hopper.setEncodedValuesString("car_access, car_average_speed, foot_access, foot_average_speed, foot_priority,"
				+ " bike_access, bike_average_speed, bike_priority");
		hopper.setProfiles(new Profile(Mode.FOOT.profile()).setCustomModel(model("foot")),
				new Profile(Mode.BIKE.profile()).setCustomModel(model("bike")),
				new Profile(Mode.CAR.profile()).setCustomModel(GHUtility.loadCustomModelFromJar("car.json")));
		hopper.importOrLoad();
		return new RoadRouting(hopper);
	}

	/** Only access, preference and average speed of the vehicle: no elevation, no country rules. */
	private static CustomModel model(String vehicle) {
		return new CustomModel()
			.addToPriority(Statement.If("!" + vehicle + "_access", Statement.Op.MULTIPLY, "0"))
			.addToPriority(Statement.Else(Statement.Op.MULTIPLY, vehicle + "_priority"))
			.addToSpeed(Statement.If("true", Statement.Op.LIMIT, vehicle + "_average_speed"));
	}

	public int nodes() {
		return hopper.getBaseGraph().getNodes();
	}

	public int edges() {
		return hopper.getBaseGraph().getEdges();
	}

	/** The route GraphHopper finds between two points, or empty if there is none. */
	public Optional<Route> route(double fromLon, double fromLat, double toLon, double toLat, Mode mode) {
		GHResponse response = hopper.route(new GHRequest(fromLat, fromLon, toLat, toLon).setProfile(mode.profile()));
		if (response.hasErrors()) {
			return Optional.empty();
		}
		return Optional.of(new Route(response.getBest().getDistance(), response.getBest().getTime() / 1000.0));
	}

	/**
	 * Travel time from every point to the nearest supply point with the given mode; "nearest" as GraphHopper routes:
	 * least weight, which is travel time corrected by the mode's preference for the road.
	 */
	public TravelTimes toNearest(double[] lon, double[] lat, List<SupplyPoint> supply, Mode mode) {
		Weighting weighting = hopper.createWeighting(hopper.getProfile(mode.profile()), new PMap());
		BaseGraph graph = hopper.getBaseGraph();
		NodeAccess nodeAccess = graph.getNodeAccess();
		int n = graph.getNodes();
		// the search is ordered by GraphHopper's weight (time divided by the mode's preference for the road), so that
		// it takes the same paths as GraphHopper's own routes; time and metres are carried along those paths
		double[] weight = new double[n];
		double[] millis = new double[n];
		double[] metres = new double[n];
		int[] source = new int[n];
		Arrays.fill(weight, Double.POSITIVE_INFINITY);
		Arrays.fill(source, -1);
		double accessMetresPerMilli = ACCESS_SPEED_KMH / 3.6 / 1000;
		NodeHeap heap = new NodeHeap();
		for (int j = 0; j < supply.size(); j++) {
			SupplyPoint s = supply.get(j);
			int node = snap(s.lon(), s.lat(), weighting);
			if (node < 0) {
				continue;
			}
			double walk = SpatialIndex.haversine(s.lon(), s.lat(), nodeAccess.getLon(node), nodeAccess.getLat(node));
			double t = walk / accessMetresPerMilli;
			// GraphHopper's weight is in seconds for a road of full preference: the walk counts as such
			double w = t / 1000;
			if (w < weight[node]) {
				weight[node] = w;
				millis[node] = t;
				metres[node] = walk;
				source[node] = j;
				heap.push(w, node);
			}
		}
		EdgeExplorer explorer = graph.createEdgeExplorer();
		while (!heap.isEmpty()) {
			double w = heap.peekKey();
			int u = heap.pop();
			if (w > weight[u]) {
				continue;
			}
			EdgeIterator edge = explorer.setBaseNode(u);
			while (edge.next()) {
				// the traveller goes from the neighbour towards u: the edge against the explorer's direction
				double edgeWeight = weighting.calcEdgeWeight(edge, true);
				if (Double.isInfinite(edgeWeight)) {
					continue;
				}
				int v = edge.getAdjNode();
				double wv = w + edgeWeight;
				if (wv < weight[v]) {
					weight[v] = wv;
					millis[v] = millis[u] + weighting.calcEdgeMillis(edge, true);
					metres[v] = metres[u] + edge.getDistance();
					source[v] = source[u];
					heap.push(wv, v);
				}
			}
		}
		int cells = lon.length;
		double[] seconds = new double[cells];
		double[] road = new double[cells];
		int[] nearest = new int[cells];
		for (int i = 0; i < cells; i++) {
			int node = snap(lon[i], lat[i], weighting);
			if (node < 0 || source[node] < 0) {
				seconds[i] = Double.NaN;
				road[i] = Double.NaN;
				nearest[i] = -1;
				continue;
			}
			double walk = SpatialIndex.haversine(lon[i], lat[i], nodeAccess.getLon(node), nodeAccess.getLat(node));
			seconds[i] = (millis[node] + walk / accessMetresPerMilli) / 1000;
			road[i] = metres[node] + walk;
			nearest[i] = source[node];
		}
		return new TravelTimes(seconds, road, nearest);
	}

	/** The coordinates (lon, lat) of the road node a point is attached to, or null (for tests and maps). */
	double[] roadNode(double lon, double lat, Mode mode) {
		Weighting weighting = hopper.createWeighting(hopper.getProfile(mode.profile()), new PMap());
		int node = snap(lon, lat, weighting);
		NodeAccess nodeAccess = hopper.getBaseGraph().getNodeAccess();
		return node < 0 ? null : new double[] { nodeAccess.getLon(node), nodeAccess.getLat(node) };
	}

	/** The nearest road node usable by the mode in at least one direction, or -1. */
	private int snap(double lon, double lat, Weighting weighting) {
		Snap snap = hopper.getLocationIndex().findClosest(lat, lon,
				e -> Double.isFinite(weighting.calcEdgeWeight(e, false))
						|| Double.isFinite(weighting.calcEdgeWeight(e, true)));
		return snap.isValid() ? snap.getClosestNode() : -1;
	}

	@Override
	public void close() {
		hopper.close();
	}
}
