package org.spange.platform.imports;

import java.util.List;

/**
 * What an import did, or would do. Imports write all or nothing: with any problem the outcome is
 * {@link Outcome#REJECTED} and nothing was written.
 */
public record ImportReport(String kind, String fileName, Outcome outcome, int records, int created, int updated,
		int unchanged, List<ImportProblem> problems, List<ImportProblem> warnings) {

	public enum Outcome {
		/** validated and written in one transaction */
		WRITTEN,
		/** validated, nothing written: the counts say what an import would do */
		PREVIEW,
		/** at least one problem: nothing written */
		REJECTED
	}

	public static ImportReport rejected(String kind, String fileName, int records, List<ImportProblem> problems,
			List<ImportProblem> warnings) {
		return new ImportReport(kind, fileName, Outcome.REJECTED, records, 0, 0, 0, List.copyOf(problems),
				List.copyOf(warnings));
	}

	public boolean changedSomething() {
		return outcome == Outcome.WRITTEN && created + updated > 0;
	}
}
