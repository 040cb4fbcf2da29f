package org.spange.indicator;

import static java.util.Map.entry;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * English templates of the formula messages, in {@link MessageFormat} syntax (the same as in
 * {@code messages.properties}). Every template with a quote has an argument, so Spring formats it.
 */
final class Messages {

	static final Map<String, String> ENGLISH = Map.ofEntries(
			entry("formula.empty", "The formula is empty."),
			entry("formula.tooLong", "The formula is too long: {0} characters, at most {1} are allowed."),
			entry("formula.tooDeep", "The formula is nested too deeply at ''{0}'': at most {1} levels of"
					+ " parentheses, functions and signs are allowed."),
			entry("formula.unexpectedCharacter", "Unexpected character ''{0}''. Names consist of the letters a–z,"
					+ " digits and _; operators are + - * / < <= > >= == !=."),
			entry("formula.singleEquals", "''{0}'' is not an operator: use ''=='' to compare."),
			entry("formula.badNumber", "''{0}'' is not a valid number. Write numbers with a decimal point,"
					+ " e.g. 1.5 or 0.25; names start with a letter."),
			entry("formula.decimalComma", "Unexpected comma in ''{0}'': write decimal numbers with a point ({1});"
					+ " the comma only separates the arguments of a function."),
			entry("formula.unexpectedEnd", "The formula ends too early: a number, a name or ''('' is missing"
					+ " after ''{0}''."),
			entry("formula.expectedOperand", "Expected a number, a name or ''('' but found ''{0}''."),
			entry("formula.trailingInput", "Unexpected ''{0}'': an operator such as + or * is missing before it,"
					+ " or it does not belong here."),
			entry("formula.unmatchedParenthesis", "''{0}'' has no matching ''(''."),
			entry("formula.unclosedParenthesis", "''{0}'' is never closed: a '')'' is missing."),
			entry("formula.expectedClosingParenthesis", "Expected an operator or '')'' but found ''{0}''."),
			entry("formula.expectedCommaOrClosingParenthesis", "Expected an operator, '','' or '')'' in the"
					+ " arguments of {1} but found ''{0}''."),
			entry("formula.unknownFunction", "Unknown function ''{0}''. Known functions: {1}."),
			entry("formula.functionWithoutArguments", "''{0}'' is a function and cannot be used as a name: write {1}."),
			entry("formula.arityExact", "Wrong number of arguments for {0}: {2} given, {1} expected: {3}."),
			entry("formula.arityAtLeast", "Too few arguments for {0}: {2} given, at least {1} expected: {3}."),
			entry("formula.roundDigits", "The digits of round(x, digits) must be a whole number from -{1} to {1},"
					+ " not ''{0}''."),
			entry("formula.numberExpected", "''{0}'' is a condition, but a number is needed here. Conditions"
					+ " belong in if(condition, then, else)."),
			entry("formula.conditionExpected", "''{0}'' is a number, but a condition such as {0} > 0 is needed"
					+ " here."),
			entry("formula.chainedComparison", "''{0}'' cannot follow another comparison: join comparisons with"
					+ " and, e.g. a < b and b < c."),
			entry("formula.unknownName", "Unknown name ''{0}'': there is no variable or indicator with this key."),
			entry("formula.unknownNameSuggestion", "Unknown name ''{0}'': there is no variable or indicator with"
					+ " this key. Did you mean ''{1}''?"),
			entry("formula.ambiguousName", "''{0}'' is the key of a variable and of an indicator; rename one of"
					+ " them."),
			entry("formula.cycle", "Indicator ''{0}'' depends on itself: {1}."),
			entry("formula.divisionByZero", "Division by zero in ''{0}'': the result is always missing."),
			entry("formula.divisionByPossibleZero", "''{0}'' can be zero in some areas; the result of the division"
					+ " is missing there. To give another value, write if({0} > 0, …, …)."));

	private Messages() {
	}

	static String english(String key, List<String> args) {
		String template = ENGLISH.get(key);
		if (template == null) {
			throw new IllegalArgumentException("no message for " + key);
		}
		return args.isEmpty() ? template : new MessageFormat(template, Locale.ROOT).format(args.toArray());
	}

	static List<String> strings(Object... args) {
		return java.util.Arrays.stream(args).map(String::valueOf).toList();
	}
}
