package org.spange.needs.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import org.spange.access.AuditLog;
import org.spange.needs.AccessMode;
import org.spange.needs.AccessRequest;
import org.spange.needs.AccessOptions;
import org.spange.needs.AccessResult;
import org.spange.needs.Accessibility;
import org.spange.needs.AccessibilityRuns;
import org.spange.needs.AreaAccess;
import org.spange.needs.CatchmentDecay;
import org.spange.needs.CellAccess;
import org.spange.needs.NearestSupply;
import org.spange.needs.PopulationBand;
import org.spange.needs.PopulationCell;
import org.spange.needs.RoadRouting;
import org.spange.needs.StoredRun;
import org.spange.needs.SupplyDemand;
import org.spange.needs.SupplyPoint;
import org.spange.needs.SupplySet;
import org.spange.platform.jobs.JobContext;
import org.spange.platform.jobs.JobHandler;
import org.springframework.stereotype.Component;

/**
 * An accessibility run as a background job: the supply points of a category (its active offers' locations with
 * coordinates) or of a stored {@link SupplySet} ({@code set:key}), a stored population grid, a mode and a threshold; the result is stored through
 * {@link AccessibilityRuns} (the same inputs give the same stored run, computed again but not written twice). The
 * job's result is the stored run's id. Safe to repeat.
 */
@Component
public class AccessibilityJob implements JobHandler {

	public static final String KIND = AccessRequest.JOB_KIND;

	/** The job's parameters; numbers as plain decimals with a point. */
	/** The steps, as message keys, in order. */
	static final List<String> PHASES = List.of("needs.access.phase.supply", "needs.access.phase.grid",
			"needs.access.phase.nearest", "needs.access.phase.catchment", "needs.access.phase.store");

	private final SupplyDemand supply;
	private final AccessibilityRuns runs;
	private final Accessibility accessibility;
	private final RoadNetwork roads;
	private final AuditLog audit;

	AccessibilityJob(SupplyDemand supply, AccessibilityRuns runs, Accessibility accessibility, RoadNetwork roads,
			AuditLog audit) {
		this.supply = supply;
		this.runs = runs;
		this.accessibility = accessibility;
		this.roads = roads;
		this.audit = audit;
	}

	@Override
	public String kind() {
		return KIND;
	}

	@Override
	public String run(JobContext context) {
		AccessRequest p = AccessRequest.of(context.params());
		int total = PHASES.size();
		context.progress(PHASES.get(0), 0, total);
		List<SupplyPoint> points;
		if (p.category().startsWith(SupplySet.PREFIX)) {
			String set = p.category().substring(SupplySet.PREFIX.length());
			if (runs.supplySet(set).isEmpty()) {
				throw new IllegalArgumentException("The supply set " + set + " no longer exists");
			}
			points = runs.supplySetPoints(set);
		} else {
			try {
				points = supply.supplyPoints(p.category());
			} catch (NoSuchElementException e) {
				throw new IllegalArgumentException("The category " + p.category() + " no longer exists");
			}
		}
		context.progress(PHASES.get(1), 1, total);
		List<PopulationCell> cells = runs.grid(p.grid());
		if (cells.isEmpty()) {
			throw new IllegalArgumentException("The population grid " + p.grid() + " has no cells");
		}
		context.progress(PHASES.get(2), 2, total);
		AccessResult result;
		Double minutes = null;
		if (p.mode().timed()) {
			minutes = p.threshold();
			result = byRoad(cells, points, p, context);
		} else {
			result = straight(cells, points, p, context);
		}
		context.progress(PHASES.get(4), 4, total);
		StoredRun stored = runs.save(p.grid(), points, result, p.mode(), minutes, context.owner());
		Map<String, Object> details = new HashMap<>(context.params());
		details.put("inputHash", stored.inputHash());
		details.put("created", stored.created());
		details.put("job", context.id());
		audit.record("needs.accessibility.run", "access_run", Long.toString(stored.id()), details);
		context.progress(PHASES.get(4), total, total);
		return Long.toString(stored.id());
	}

	/** As {@link Accessibility#evaluate}, step by step so that the page sees the steps. */
	private AccessResult straight(List<PopulationCell> cells, List<SupplyPoint> points, AccessRequest p,
			JobContext context) {
		AccessOptions options = new AccessOptions(p.band(), p.threshold(), p.catchmentMetres(), p.decay());
		int n = cells.size();
		double[] lon = new double[n];
		double[] lat = new double[n];
		for (int i = 0; i < n; i++) {
			lon[i] = cells.get(i).lon();
			lat[i] = cells.get(i).lat();
		}
		NearestSupply nearest = accessibility.nearest(lon, lat, points);
		context.progress(PHASES.get(3), 3, PHASES.size());
		double[] ratio = accessibility.floatingCatchment(cells, points, p.band(), p.catchmentMetres(), p.decay());
		List<CellAccess> perCell = new ArrayList<>(n);
		for (int i = 0; i < n; i++) {
			int k = nearest.index()[i];
			perCell.add(new CellAccess(cells.get(i), k < 0 ? null : points.get(k).id(),
					k < 0 ? null : nearest.metres()[i], ratio[i]));
		}
		return new AccessResult(p.category(), options, List.copyOf(perCell), accessibility.byArea(perCell, options));
	}

	/**
	 * Travel time to the nearest supply point on the road network: the share within and the mean are about seconds;
	 * the 2SFCA ratio stays straight-line within the catchment.
	 */
	private AccessResult byRoad(List<PopulationCell> cells, List<SupplyPoint> points, AccessRequest p,
			JobContext context) {
		if (!roads.configured()) {
			throw new IllegalStateException("No road network is configured (spange.needs.road-network)");
		}
		AccessOptions options = new AccessOptions(p.band(), p.catchmentMetres(), p.catchmentMetres(), p.decay());
		int n = cells.size();
		double[] lon = new double[n];
		double[] lat = new double[n];
		for (int i = 0; i < n; i++) {
			lon[i] = cells.get(i).lon();
			lat[i] = cells.get(i).lat();
		}
		RoadRouting.TravelTimes times = roads.routing().toNearest(lon, lat, points, p.mode().road());
		context.progress(PHASES.get(3), 3, PHASES.size());
		double[] ratio = accessibility.floatingCatchment(cells, points, p.band(), p.catchmentMetres(), p.decay());
		List<CellAccess> perCell = new ArrayList<>(n);
		for (int i = 0; i < n; i++) {
			int k = times.nearest()[i];
			perCell.add(new CellAccess(cells.get(i), k < 0 ? null : points.get(k).id(),
					k < 0 || Double.isNaN(times.metres()[i]) ? null : times.metres()[i], ratio[i]));
		}
		List<AreaAccess> timed = accessibility.byArea(cells, times.seconds(), p.band(), p.threshold() * 60);
		Map<String, Double> ratios = new HashMap<>();
		for (AreaAccess a : accessibility.byArea(perCell, options)) {
			ratios.put(a.area(), a.meanSupplyRatio());
		}
		List<AreaAccess> areas = timed.stream().map(a -> new AreaAccess(a.area(), a.cells(), a.cellsWithPopulation(),
				a.population(), a.populationWithin(), a.shareWithin(), a.meanMetres(), ratios.get(a.area()))).toList();
		return new AccessResult(p.category(), options, List.copyOf(perCell), areas);
	}
}
