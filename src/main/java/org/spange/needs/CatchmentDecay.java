package org.spange.needs;

/** How the two-step floating catchment area weights distance within the catchment radius d0. */
public enum CatchmentDecay {
	/** Luo &amp; Wang (2003): every pair within d0 counts fully, beyond d0 not at all. */
	NONE,
	/**
	 * Gaussian decay within d0 (Dai 2010): weight (e^(-½(d/d0)²) − e^(-½)) / (1 − e^(-½)), 1 at the supply point,
	 * 0 at d0.
	 */
	GAUSSIAN
}
