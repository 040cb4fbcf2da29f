package org.spange.atlas;

import java.util.Optional;

/**
 * Setting up social monitoring from other modules (such as the demo region): index and typology definitions and
 * early-warning rules. Every write is checked and audited; results are computed when asked for.
 */
public interface MonitoringSetup {

	Optional<IndexDefinition> index(String key);

	/** @throws IllegalArgumentException listing every problem; nothing is written */
	IndexDefinition saveIndex(IndexDefinition definition);

	Optional<TypologyDefinition> typology(String key);

	/** @throws IllegalArgumentException listing every problem; nothing is written */
	TypologyDefinition saveTypology(TypologyDefinition definition);

	/** Whether a rule of this name exists already. */
	boolean hasAlertRule(String name);

	/** Creates an early-warning rule and checks it against the latest period at once. */
	void createAlertRule(String name, String subjectKey, String schemeKey, String levelKey, AlertCondition condition,
			double threshold, int periods);
}
