package org.spange.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.spange.SpangeTest;
import org.spange.network.ActorOrganization;
import org.spange.network.Networks;
import org.spange.planning.Measure;
import org.spange.planning.Planning;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo planning cycle is idempotent: run again it writes nothing; a demo written before measures named actors
 * (responsible and partner organisations as free text only) gets them linked by name on the next start, once.
 */
@SpangeTest
class DemoPlanningCycleTest {

	static final String EVENING = "Gemeinsamer Abenddienst der Jugendtreffs (Demo)";

	@Autowired
	DemoPlanningCycle demo;

	@Autowired
	Planning planning;

	@Autowired
	Networks networks;

	@Autowired
	JdbcClient jdbc;

	private long measureWrites() {
		return jdbc.sql("select count(*) from access.audit_event where action like 'planning.measure.%'")
			.query(Long.class).single();
	}

	private Measure evening() {
		return planning.measures().stream().filter(m -> m.title().equals(EVENING)).findFirst().orElseThrow();
	}

	private long actor(String name) {
		return networks.organizations().stream().filter(o -> o.name().equals(name)).map(ActorOrganization::id)
			.findFirst().orElseThrow();
	}

	@Test
	void runningAgainWritesNothingAndLinksTheActorsOfAnOlderDemoOnce() throws Exception {
		int measures = planning.measures().size();
		long writes = measureWrites();
		demo.run(null);
		assertThat(planning.measures()).hasSize(measures);
		assertThat(measureWrites()).isEqualTo(writes);

		// as an older demo wrote it: the organisations as free text only
		Measure m = evening();
		planning.updateMeasure(m.id(), new Measure(null, m.title(), m.description(), DemoPlanningCycle.JUGENDNETZ,
				DemoPlanningCycle.SOZIALAMT, m.areaId(), m.startDate(), m.endDate(), null, m.costEstimate(),
				m.goalIds(), m.offerIds(), m.decisionIds(), null, List.of()));
		assertThat(evening().responsibleActorId()).isNull();

		demo.run(null);
		Measure linked = evening();
		assertThat(linked.responsibleActorId()).isEqualTo(actor(DemoPlanningCycle.JUGENDNETZ));
		assertThat(linked.partnerActorIds()).containsExactly(actor(DemoPlanningCycle.SOZIALAMT));
		assertThat(linked.responsible()).isNull();
		assertThat(linked.partners()).isNull();
		assertThat(linked.status()).isEqualTo(m.status());
		assertThat(linked.decisionIds()).isEqualTo(m.decisionIds());

		long afterLinking = measureWrites();
		demo.run(null);
		assertThat(measureWrites()).as("linked once").isEqualTo(afterLinking);
		assertThat(planning.measures()).hasSize(measures);
	}
}
