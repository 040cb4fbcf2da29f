package org.spange.indicator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The formula of an indicator over variables and other indicators, such as {@code 100 * sgb2_u15 / pop_u15}.
 * Immutable; equal formulas have the same canonical form ({@link #toString()}).
 * <p>
 * Language, loosest binding first:
 *
 * <pre>
 * formula    = expr
 * expr       = and { "or" and }
 * and        = not { "and" not }
 * not        = "not" not | comparison
 * comparison = sum [ ("&lt;" | "&lt;=" | "&gt;" | "&gt;=" | "==" | "!=") sum ]
 * sum        = product { ("+" | "-") product }
 * product    = unary { ("*" | "/") unary }
 * unary      = "-" unary | primary
 * primary    = number | name | function "(" expr { "," expr } ")" | "(" expr ")"
 * number     = digits [ "." digits ] [ ("e" | "E") ["+" | "-"] digits ]   (also ".5")
 * name       = [a-z_][a-z0-9_]*, case-insensitive, kept lower-case
 * function   = abs(x) | coalesce(a, b, …) | if(condition, then, else) | max(a, b, …) | min(a, b, …)
 *              | round(x, digits)   (digits: a whole number from -15 to 15)
 * </pre>
 *
 * The decimal separator is always a point: the comma separates function arguments. Comparisons and
 * {@code and}/{@code or}/{@code not} make conditions, which are only allowed as the first argument of {@code if}; a
 * formula gives a number. {@code and}, {@code or}, {@code not} and the function names cannot be used as names.
 */
public final class Formula {

	private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]*");
	private static final Set<String> KEYWORDS = Set.of("and", "or", "not");

	private final String text;
	private final Node root;
	private final String canonical;
	private final List<Node.Ref> referenceNodes;
	private final Set<String> references;

	private Formula(String text, Node root) {
		this.text = text;
		this.root = root;
		this.canonical = Node.text(root);
		List<Node.Ref> refs = new ArrayList<>();
		collect(root, refs);
		this.referenceNodes = List.copyOf(refs);
		Set<String> names = new LinkedHashSet<>();
		refs.forEach(ref -> names.add(ref.name()));
		this.references = Collections.unmodifiableSet(names);
	}

	/**
	 * Parses a formula.
	 *
	 * @throws FormulaException at the first error from the left
	 */
	public static Formula parse(String text) {
		String source = text == null ? "" : text;
		return new Formula(source, FormulaParser.parse(source));
	}

	/** Whether a key can be used as a name in formulas: lower-case, and neither a keyword nor a function. */
	public static boolean isName(String key) {
		return key != null && NAME.matcher(key).matches() && !KEYWORDS.contains(key)
				&& Node.Builtin.byKey(key) == null;
	}

	/** The text as written; error positions refer to it. */
	public String text() {
		return text;
	}

	/** The keys of the variables and indicators used, in order of first use. */
	public Set<String> references() {
		return references;
	}

	/**
	 * Evaluates the formula, for example for one area over the sums of its variables.
	 * <p>
	 * A missing operand makes the result missing, except in {@code coalesce} (the first present argument) and in the
	 * branch of {@code if} not taken. Division by zero and results beyond the range of a double are missing, too. A
	 * comparison with a missing operand is unknown; {@code and}/{@code or} follow three-valued logic ({@code false and
	 * unknown} is false), and {@code if} with an unknown condition is missing. {@code min} and {@code max} are
	 * missing if any argument is missing. {@code round} rounds half away from zero.
	 *
	 * @param values the value of each referenced variable or indicator; empty (or null) where missing
	 */
	public OptionalDouble evaluate(Function<String, OptionalDouble> values) {
		Objects.requireNonNull(values, "values");
		return root.value(values);
	}

	Node root() {
		return root;
	}

	/** Every reference in source order, with its position. */
	List<Node.Ref> referenceNodes() {
		return referenceNodes;
	}

	private static void collect(Node node, List<Node.Ref> refs) {
		if (node instanceof Node.Ref ref) {
			refs.add(ref);
		}
		node.children().forEach(child -> collect(child, refs));
	}

	/** The canonical form: lower-case names, single spaces around operators, only the parentheses needed. */
	@Override
	public String toString() {
		return canonical;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof Formula formula && canonical.equals(formula.canonical);
	}

	@Override
	public int hashCode() {
		return canonical.hashCode();
	}
}
