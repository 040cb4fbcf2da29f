package org.spange.area;

/**
 * How to read a scheme assignment CSV ({@code code → parent code}).
 *
 * @param schemeKey        the scheme; created when it does not exist
 * @param schemeName       its German name when created
 * @param illustrative     mark a created scheme as an illustrative draft
 * @param childLevelKey    level of the areas named in {@code codeColumn}
 * @param parentLevelKey   level of the parents
 * @param codeColumn       column with the child's code
 * @param parentCodeColumn column with the parent's code
 * @param parentNameColumn column with the parent's name, or null; with it, unknown parents are created and
 *                         their boundary is the union of their children
 * @param preview          validate and count only
 */
public record SchemeAssignmentOptions(String schemeKey, String schemeName, boolean illustrative, String childLevelKey,
		String parentLevelKey, String codeColumn, String parentCodeColumn, String parentNameColumn, boolean preview) {
}
