package org.spange.needs;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.spange.needs.internal.GridCsvReader;
import org.spange.needs.internal.OsmPoiReader;
import org.spange.needs.internal.ZensusGridReader;

/**
 * Reading where people live and where offers are: a population grid as CSV, the Zensus 2011 1 km grid (GeoJSON),
 * OpenStreetMap points of interest (GeoJSON). Each read is validated as a whole: any problem, reported with its line
 * or feature and field, and no item is returned. Reading never writes anything.
 */
public final class PopulationGrids {

	private PopulationGrids() {
	}

	/**
	 * A grid as CSV with a header {@code id;lon;lat;population} and optionally {@code under18}, {@code over65},
	 * {@code area}; separated by {@code ;} or {@code ,}; decimal comma or point; an empty population is unknown.
	 */
	public static GridRead<PopulationCell> csv(String fileName, byte[] content) {
		return GridCsvReader.read(fileName, content);
	}

	/**
	 * The Zensus 2011 1 km grid as GeoJSON (properties {@code grid_id}, {@code ags}, {@code Einwohner}, {@code
	 * unter18_A}, {@code ab65_A} in percent): the cell centre is the middle of its square; null or negative values
	 * are unknown (uninhabited or withheld), never 0.
	 */
	public static GridRead<PopulationCell> zensus(String fileName, byte[] content) {
		return ZensusGridReader.read(fileName, content);
	}

	/**
	 * OpenStreetMap points of interest as GeoJSON points with OpenMapTiles properties {@code class}, {@code subclass}:
	 * the category is the subclass where there is one ({@code kindergarten}, {@code school}, {@code doctors}, …),
	 * otherwise the class; capacity 1 each.
	 */
	public static GridRead<SupplyPoint> osmPois(String fileName, byte[] content) {
		return OsmPoiReader.read(fileName, content);
	}

	/**
	 * SYNTHETIC population points for an area that has only a total: {@code points} points spread evenly at random
	 * over the area's boundary (WGS84), each with an equal share of the population. Deterministic: the same area key
	 * always gives the same points. For demos only — store such a grid with the synthetic flag and label it so.
	 */
	public static List<PopulationCell> synthetic(String area, Geometry boundary, double population, int points) {
		if (points < 1 || boundary == null || boundary.isEmpty() || !(population >= 0)) {
			throw new IllegalArgumentException("need a boundary, a population ≥ 0 and at least one point");
		}
		PreparedGeometry inside = PreparedGeometryFactory.prepare(boundary);
		GeometryFactory factory = boundary.getFactory() == null ? new GeometryFactory() : boundary.getFactory();
		Envelope box = boundary.getEnvelopeInternal();
		SplittableRandom random = new SplittableRandom(area.hashCode() * 0x9E3779B97F4A7C15L);
		List<PopulationCell> cells = new ArrayList<>(points);
		int tries = 0;
		while (cells.size() < points) {
			double lon = box.getMinX() + random.nextDouble() * box.getWidth();
			double lat = box.getMinY() + random.nextDouble() * box.getHeight();
			if (++tries > points * 1000) {
				// a sliver the sampling cannot hit: put the rest on an interior point
				Coordinate c = boundary.getInteriorPoint().getCoordinate();
				lon = c.x;
				lat = c.y;
			} else if (!inside.contains(factory.createPoint(new Coordinate(lon, lat)))) {
				continue;
			}
			cells.add(new PopulationCell(area + "-s" + cells.size(), area, lon, lat, population / points, null, null));
		}
		return List.copyOf(cells);
	}
}
