package org.spange.platform.imports;

/** Where a long import stands, for a progress bar: called from the importing thread. */
@FunctionalInterface
public interface ImportProgress {

	/** The steps of an import, in order. */
	enum Phase {
		/** decoding and splitting the file */
		READ,
		/** validating every line */
		CHECK,
		/** writing to the database */
		WRITE,
		/** recomputing what depends on the data */
		COMPUTE
	}

	ImportProgress NONE = (phase, done, total) -> {
	};

	/**
	 * @param done  units of the phase done (lines, rows)
	 * @param total units of the phase in all, 0 when unknown
	 */
	void update(Phase phase, long done, long total);
}
