package org.spange.needs;

/** Which part of a cell's population an accessibility figure is about (the target group of the offers). */
public enum PopulationBand {
	TOTAL, UNDER_18, OVER_65
}
