package org.spange.conference.internal;

import org.spange.network.NetworkUse;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A network with conferences is not deleted: their minutes, decisions and tasks refer to it. */
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
}
