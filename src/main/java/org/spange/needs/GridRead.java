package org.spange.needs;

import java.util.List;

import org.spange.platform.imports.ImportReport;

/**
 * A population grid or a set of supply points read from a file: the report says what was found; the items are
 * empty whenever the report has a problem (all or nothing).
 */
public record GridRead<T>(ImportReport report, List<T> items) {
}
