package org.spange.atlas.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.spange.access.AuditLog;
import org.spange.area.AreaId;
import org.spange.area.AreaQueries;
import org.spange.area.AreaSummary;
import org.spange.atlas.AlertCondition;
import org.spange.indicator.IndicatorValue;
import org.spange.indicator.IndicatorValues;
import org.spange.indicator.IndicatorValuesComputed;
import org.spange.indicator.Period;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Early warning: rules over indicator values, checked whenever values are computed. An area that meets a rule's
 * condition in a period gets exactly one alert for it, with the evidence (value, compared value and period); planners
 * acknowledge alerts with a comment.
 */
@Service
public class AlertEngine {

	public record Rule(int id, String name, String subjectKey, String schemeKey, String levelKey, AlertCondition condition,
			double threshold, int periods, boolean active, String createdBy) {
	}

	public record Alert(long id, Rule rule, AreaId area, String areaName, String period, double value,
			String comparedPeriod, Double comparedValue, OffsetDateTime createdAt, String acknowledgedBy,
			OffsetDateTime acknowledgedAt, String comment) {
	}

	private final JdbcClient jdbc;
	private final IndicatorValues values;
	private final AreaQueries areas;
	private final AuditLog audit;

	AlertEngine(JdbcClient jdbc, IndicatorValues values, AreaQueries areas, AuditLog audit) {
		this.jdbc = jdbc;
		this.values = values;
		this.areas = areas;
		this.audit = audit;
	}

	@EventListener
	void onComputed(IndicatorValuesComputed event) {
		for (Rule rule : rules(true)) {
			// index rules are checked by SocialMonitoring, which knows the index
			if (rule.condition() != AlertCondition.CLASS_CHANGED && event.keys().contains(rule.subjectKey())) {
				event.periods().forEach(period -> check(rule, period));
			}
		}
	}

	/** Creates a rule and checks it against the latest period at once. */
	@Transactional
	public Rule create(String name, String subjectKey, String schemeKey, String levelKey, AlertCondition condition,
			double threshold, int periods) {
		int id = jdbc.sql("""
				insert into atlas.alert_rule (name, subject_key, scheme_key, level_key, condition, threshold, periods,
				  created_by)
				values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(name, subjectKey, schemeKey, levelKey, condition.name(), threshold, periods, audit.currentActor())
			.query(Integer.class).single();
		Rule rule = rule(id).orElseThrow();
		audit.record("atlas.alert.rule.create", "alert_rule", String.valueOf(id),
				Map.of("name", name, "subject", subjectKey, "condition", condition.name(), "threshold", threshold));
		if (condition != AlertCondition.CLASS_CHANGED) {
			List<Period> known = values.periods(subjectKey);
			if (!known.isEmpty()) {
				check(rule, known.get(known.size() - 1));
			}
		}
		return rule;
	}

	/** Checks one rule in one period; returns the number of new alerts. */
	int check(Rule rule, Period period) {
		List<AreaSummary> listed = areas.areas(rule.schemeKey(), rule.levelKey());
		if (listed.isEmpty()) {
			return 0;
		}
		List<AreaId> ids = listed.stream().map(AreaSummary::id).toList();
		Map<AreaId, IndicatorValue> now = values.values(rule.subjectKey(), period, ids);
		Period compared = null;
		Map<AreaId, IndicatorValue> before = Map.of();
		if (rule.condition() == AlertCondition.RISE || rule.condition() == AlertCondition.FALL) {
			List<Period> known = values.periods(rule.subjectKey());
			int at = known.indexOf(period);
			if (at < rule.periods()) {
				return 0;
			}
			compared = known.get(at - rule.periods());
			before = values.values(rule.subjectKey(), compared, ids);
		}
		int created = 0;
		for (AreaId area : ids) {
			IndicatorValue v = now.get(area);
			if (v == null || v.value() == null) {
				continue;
			}
			IndicatorValue b = before.get(area);
			Double previous = b == null ? null : b.value();
			boolean fires = switch (rule.condition()) {
			case ABOVE -> v.value() > rule.threshold();
			case BELOW -> v.value() < rule.threshold();
			case RISE -> previous != null && v.value() - previous > rule.threshold();
			case FALL -> previous != null && previous - v.value() > rule.threshold();
			case CLASS_CHANGED -> false;
			};
			if (fires) {
				created += raise(rule, area, period, v.value(), compared, previous);
			}
		}
		return created;
	}

	/** Raises an alert unless the rule has one for this area and period already; returns 1 if raised. */
	int raise(Rule rule, AreaId area, Period period, double value, Period compared, Double comparedValue) {
		return jdbc.sql("""
				insert into atlas.alert (rule_id, area_id, period, value, compared_period, compared_value)
				values (?, ?, ?, ?, ?, ?) on conflict (rule_id, area_id, period) do nothing""")
			.params(rule.id(), area.value(), period.toString(), value, compared == null ? null : compared.toString(),
					comparedValue)
			.update();
	}

	public List<Rule> rules(boolean activeOnly) {
		return jdbc.sql("select * from atlas.alert_rule" + (activeOnly ? " where active" : "") + " order by id")
			.query((rs, i) -> rule(rs)).list();
	}

	public Optional<Rule> rule(int id) {
		return jdbc.sql("select * from atlas.alert_rule where id = ?").param(id).query((rs, i) -> rule(rs)).optional();
	}

	/**
	 * Alerts, newest first.
	 *
	 * @param areas    only these areas; empty for all
	 * @param openOnly only alerts not acknowledged yet
	 */
	public List<Alert> alerts(Collection<AreaId> areas, boolean openOnly, int limit) {
		List<Long> ids = areas.stream().map(AreaId::value).toList();
		String where = (ids.isEmpty() ? "true" : "a.area_id in (:areas)") + (openOnly ? " and a.acknowledged_at is null" : "");
		var spec = jdbc.sql("""
				select a.*, r.id as r_id, r.name, r.subject_key, r.scheme_key, r.level_key, r.condition, r.threshold,
				  r.periods, r.active, r.created_by
				from atlas.alert a join atlas.alert_rule r on r.id = a.rule_id
				where\s""" + where + " order by a.created_at desc, a.id desc limit :limit")
			.param("limit", limit);
		if (!ids.isEmpty()) {
			spec = spec.param("areas", ids);
		}
		List<Alert> found = new ArrayList<>();
		spec.query((ResultSet rs) -> {
			found.add(alert(rs));
		});
		return found;
	}

	/** @return false when there is no such open alert */
	@Transactional
	public boolean acknowledge(long id, String comment) {
		String text = comment == null ? null : comment.strip();
		if (text != null && text.length() > 2000) {
			throw new IllegalArgumentException("The comment is longer than 2000 characters");
		}
		int n = jdbc.sql("""
				update atlas.alert set acknowledged_by = ?, acknowledged_at = now(), comment = ?
				where id = ? and acknowledged_at is null""")
			.params(audit.currentActor(), text == null || text.isEmpty() ? null : text, id).update();
		if (n > 0) {
			audit.record("atlas.alert.acknowledge", "alert", String.valueOf(id),
					Map.of("comment", text == null ? "" : text));
		}
		return n > 0;
	}

	private Alert alert(ResultSet rs) throws SQLException {
		long area = rs.getLong("area_id");
		String name = areas.area(new AreaId(area)).map(d -> d.area().name()).orElse(String.valueOf(area));
		return new Alert(rs.getLong("id"), new Rule(rs.getInt("r_id"), rs.getString("name"),
				rs.getString("subject_key"), rs.getString("scheme_key"), rs.getString("level_key"),
				AlertCondition.valueOf(rs.getString("condition")), rs.getDouble("threshold"), rs.getInt("periods"),
				rs.getBoolean("active"), rs.getString("created_by")), new AreaId(area), name, rs.getString("period"),
				rs.getDouble("value"), rs.getString("compared_period"), (Double) rs.getObject("compared_value"),
				rs.getObject("created_at", OffsetDateTime.class), rs.getString("acknowledged_by"),
				rs.getObject("acknowledged_at", OffsetDateTime.class), rs.getString("comment"));
	}

	private static Rule rule(ResultSet rs) throws SQLException {
		return new Rule(rs.getInt("id"), rs.getString("name"), rs.getString("subject_key"), rs.getString("scheme_key"),
				rs.getString("level_key"), AlertCondition.valueOf(rs.getString("condition")), rs.getDouble("threshold"),
				rs.getInt("periods"), rs.getBoolean("active"), rs.getString("created_by"));
	}
}
