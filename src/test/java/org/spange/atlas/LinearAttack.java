package org.spange.atlas;

import java.util.ArrayList;
import java.util.List;

/**
 * The attacker's arithmetic in the recomputation-attack tests: which unknowns a system of linear equations (totals
 * minus published parts) pins down. Written apart from the code under test on purpose, so that a bug in
 * {@link LinkedDisclosureControl} cannot hide in both.
 */
final class LinearAttack {

	private LinearAttack() {
	}

	/**
	 * Brings the rows (coefficients of the unknowns; the right-hand sides do not matter for what is determined) to
	 * reduced row echelon form and returns the columns of the unknowns that a row determines on its own.
	 */
	static List<Integer> determined(List<double[]> rows, int unknowns) {
		int rank = 0;
		for (int col = 0; col < unknowns && rank < rows.size(); col++) {
			int pivot = -1;
			for (int r = rank; r < rows.size(); r++) {
				if (Math.abs(rows.get(r)[col]) > 1e-9) {
					pivot = r;
					break;
				}
			}
			if (pivot < 0) {
				continue;
			}
			double[] p = rows.get(pivot);
			rows.set(pivot, rows.get(rank));
			rows.set(rank, p);
			double f = p[col];
			for (int c = 0; c < unknowns; c++) {
				p[c] /= f;
			}
			for (int r = 0; r < rows.size(); r++) {
				double[] row = rows.get(r);
				if (r != rank && Math.abs(row[col]) > 1e-9) {
					double g = row[col];
					for (int c = 0; c < unknowns; c++) {
						row[c] -= g * p[c];
					}
				}
			}
			rank++;
		}
		List<Integer> determined = new ArrayList<>();
		for (double[] row : rows) {
			int nonZero = 0;
			int at = -1;
			for (int c = 0; c < unknowns; c++) {
				if (Math.abs(row[c]) > 1e-9) {
					nonZero++;
					at = c;
				}
			}
			if (nonZero == 1) {
				determined.add(at);
			}
		}
		return determined;
	}
}
