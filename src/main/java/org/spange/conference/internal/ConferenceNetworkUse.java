package org.spange.conference.internal;

import org.spange.network.NetworkUse;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A network with conferences is not deleted: their minutes, decisions and tasks refer to it. A person with open tasks
 * is not deleted either: the tasks would have nobody to do them.
 */
@Component
class ConferenceNetworkUse implements NetworkUse {

	private final JdbcClient jdbc;

	ConferenceNetworkUse(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public long uses(long networkId) {
		return jdbc.sql("select count(*) from conference.conference where network_id = ?").param(networkId)
			.query(Long.class).single();
	}

	@Override
	public long personUses(long personId) {
		return jdbc.sql("select count(*) from conference.task where owner_person_id = ? and status = 'OPEN'")
			.param(personId).query(Long.class).single();
	}
}
