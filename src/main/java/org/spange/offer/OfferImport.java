package org.spange.offer;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

import org.spange.platform.imports.ImportReport;

/**
 * Importing offers with their organisations and locations from Open Referral HSDS 3.0 JSON or Spange's CSV template.
 * Every record is checked by the same rules as the API before anything is written; with any problem nothing is
 * written. Offers that look like existing ones (similar name and address) and organisations with a similar name are
 * reported as duplicate candidates; a file with candidates is written only when each has a decision.
 */
public interface OfferImport {

	enum Format {
		CSV, HSDS
	}

	/**
	 * @param format                null: by file name, else by content
	 * @param defaultFieldOfAction  given to records without a field of action; null: such records are a problem
	 * @param defaultProviderType   for new organisations whose record has no provider type (HSDS has none)
	 */
	record Options(Format format, String defaultFieldOfAction, ProviderType defaultProviderType)
			implements Serializable {
		private static final long serialVersionUID = 1L;

		public static final Options DEFAULTS = new Options(null, null, null);
	}

	/**
	 * An imported record that looks like an existing one. {@code key} names the decision ({@code offer-<record>} or
	 * {@code organization-<record>}); similarities are 0–1, the address one null where either side has none.
	 */
	record Candidate(String key, String entity, int record, String importedName, String importedAddress,
			long existingId, String existingName, String existingAddress, double nameSimilarity,
			Double addressSimilarity) {
	}

	/** A decision for a candidate: merge into the existing one with this id, or create as new. */
	record Decision(Long mergeInto) {
		public static final Decision NEW = new Decision(null);

		public boolean createNew() {
			return mergeInto == null;
		}
	}

	/**
	 * What the import did or would do. {@code undecided} lists the candidate keys without a decision: with any,
	 * nothing was written. The report's {@code created} counts new offers, {@code updated} merged ones.
	 */
	record Result(ImportReport report, Format format, List<Candidate> candidates, List<String> undecided,
			int organizationsCreated, int locationsCreated, int offersCreated, int offersMerged,
			List<Long> offerIds) {
	}

	/**
	 * A column of the CSV template: {@code key} names its texts on the import page ({@code offer.import.col.<key>.*}),
	 * {@code header} is what the file's header row says, {@code example} the template's example value.
	 * {@code mandatoryColumn}: the header row must have it.
	 */
	record Column(String key, String header, String example, boolean mandatoryColumn) {
	}

	/** The template's columns, in order. */
	List<Column> CSV_COLUMNS = List.of(
			new Column("organization", "Träger", "BEISPIEL – Verein Muster (fiktiv, Zeile löschen)", true),
			new Column("providerType", "Trägerart", "frei", false),
			new Column("umbrella", "Dachverband", "Caritas", false),
			new Column("offer", "Angebot", "Familienberatung Muster (fiktiv)", true),
			new Column("description", "Beschreibung",
					"Beratung für Eltern bei Erziehungsfragen, Trennung und Konflikten.", false),
			new Column("status", "Status", "aktiv", false),
			new Column("fieldsOfAction", "Handlungsfelder", "familie,kinder-jugendhilfe", false),
			new Column("targetGroups", "Zielgruppen", "familien,kinder", false),
			new Column("targetGroupText", "Zielgruppe (Text)", "Eltern mit Kindern bis 14 Jahre", false),
			new Column("minAge", "Alter von", "0", false),
			new Column("maxAge", "Alter bis", "14", false),
			new Column("setting", "Setting", "ambulant", false),
			new Column("approach", "Ansatz", "präventiv", false),
			new Column("form", "Form", "Einzel", false),
			new Column("languages", "Sprachen", "de,tr", false),
			new Column("freeOfCharge", "Kostenlos", "nein", false),
			new Column("cost", "Kosten", "10 € pro Termin, ermäßigt 5 €", false),
			new Column("phone", "Telefon", "+43 5572 123456", false),
			new Column("email", "E-Mail", "beratung@example.org", false),
			new Column("url", "Webseite", "https://example.org/familienberatung", false),
			new Column("legalBasis", "Rechtsgrundlage", "SGB VIII § 16", false),
			new Column("places", "Plätze", "12", false),
			new Column("locationName", "Standort", "Beratungsstelle Dornbirn (fiktiv)", false),
			new Column("street", "Straße", "Marktplatz 1", false),
			new Column("postalCode", "PLZ", "6850", false),
			new Column("town", "Ort", "Dornbirn", false),
			new Column("country", "Land", "AT", false),
			new Column("latitude", "Breite", "47,4125", false),
			new Column("longitude", "Länge", "9,7417", false),
			new Column("confidential", "Vertraulich", "nein", false),
			new Column("stepFree", "Stufenlos", "ja", false),
			new Column("accessibility", "Barrierefreiheit", "Aufzug, barrierefreies WC", false));

	/** The header of a template column by its key. */
	static String header(String key) {
		return CSV_COLUMNS.stream().filter(c -> c.key().equals(key)).map(Column::header).findFirst().orElse(key);
	}

	/** Reads and checks the file and looks for duplicates; writes nothing. */
	Result check(String fileName, byte[] content, Options options);

	/**
	 * Checks again and, if there is no problem and every candidate has a decision (by its key), writes everything in
	 * one transaction.
	 */
	Result write(String fileName, byte[] content, Options options, Map<String, Decision> decisions);

	/** Spange's CSV template: UTF-8 with BOM, header row and one example row (which an import rejects). */
	byte[] csvTemplate();
}
