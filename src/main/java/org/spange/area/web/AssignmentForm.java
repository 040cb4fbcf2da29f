package org.spange.area.web;

/** Form and request parameters of a scheme assignment import. */
record AssignmentForm(String scheme, String schemeName, Boolean illustrative, String level, String parentLevel,
		String codeColumn, String parentCodeColumn, String parentNameColumn, Boolean preview) {
}
