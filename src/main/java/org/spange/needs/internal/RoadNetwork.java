package org.spange.needs.internal;

import java.nio.file.Path;

import org.spange.needs.RoadRouting;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The configured road network ({@code spange.needs.road-network}, an OpenStreetMap extract), opened at its first use:
 * building the graph of a large extract takes minutes, and only road runs need it. Unset: straight line only.
 */
@Component
public class RoadNetwork implements DisposableBean {

	private final String osmFile;
	private final Path graphDir;
	private RoadRouting routing;

	RoadNetwork(@Value("${spange.needs.road-network:}") String osmFile,
			@Value("${spange.needs.road-graph-dir:data/road-graph}") Path graphDir) {
		this.osmFile = osmFile == null ? "" : osmFile.strip();
		this.graphDir = graphDir;
	}

	public boolean configured() {
		return !osmFile.isEmpty();
	}

	/** The routing on the network, built or loaded at the first call. */
	public synchronized RoadRouting routing() {
		if (!configured()) {
			throw new IllegalStateException("No road network is configured (spange.needs.road-network)");
		}
		if (routing == null) {
			routing = RoadRouting.open(Path.of(osmFile), graphDir);
		}
		return routing;
	}

	@Override
	public synchronized void destroy() {
		if (routing != null) {
			routing.close();
			routing = null;
		}
	}
}
