package org.spange.planning;

import org.spange.indicator.Period;

/**
 * How far an indicator target has come: {@code (current − baseline) / (target − baseline)}, clamped to 0–1.
 *
 * @param currentPeriod the latest period with a computed value, or null
 * @param current       the value there; null when missing (then progress is null too, never 0)
 */
public record TargetProgress(IndicatorTarget target, Period currentPeriod, Double current, Double progress) {

	/** The share reached; null when the current value is missing. */
	public static Double progress(double baseline, double target, Double current) {
		if (current == null || target == baseline) {
			return null;
		}
		double share = (current - baseline) / (target - baseline);
		return Math.max(0, Math.min(1, share));
	}
}
