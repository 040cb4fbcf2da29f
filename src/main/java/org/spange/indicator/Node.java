package org.spange.indicator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The syntax tree of a {@link Formula}. A node is either a number or a condition; it knows its span in the source
 * text, prints itself canonically and evaluates itself. Missing values are empty, unknown conditions
 * {@link Truth#UNKNOWN}.
 */
sealed interface Node {

	/** Precedences for printing: higher binds tighter. */
	int OR = 1, AND = 2, NOT = 3, COMPARE = 4, SUM = 5, PRODUCT = 6, NEGATION = 7, ATOM = 8;

	/** Offset of the first character in the source text. */
	int start();

	/** Offset after the last character in the source text. */
	int end();

	int precedence();

	void print(StringBuilder out);

	default boolean isCondition() {
		return false;
	}

	/** Direct sub-nodes in source order. */
	default List<Node> children() {
		return List.of();
	}

	default OptionalDouble value(Function<String, OptionalDouble> values) {
		throw new IllegalStateException("a condition has no number value: " + text(this));
	}

	default Truth test(Function<String, OptionalDouble> values) {
		throw new IllegalStateException("a number is not a condition: " + text(this));
	}

	static String text(Node node) {
		StringBuilder out = new StringBuilder();
		node.print(out);
		return out.toString();
	}

	private static void printOperand(StringBuilder out, Node node, boolean parenthesise) {
		if (parenthesise) {
			out.append('(');
		}
		node.print(out);
		if (parenthesise) {
			out.append(')');
		}
	}

	private static OptionalDouble finite(double value) {
		return Double.isFinite(value) ? OptionalDouble.of(value) : OptionalDouble.empty();
	}

	/** Three-valued truth: a comparison with a missing operand is unknown. */
	enum Truth {
		TRUE, FALSE, UNKNOWN;

		static Truth of(boolean value) {
			return value ? TRUE : FALSE;
		}
	}

	/** The built-in functions with their arity. */
	enum Builtin {
		ABS(1, 1, "abs(x)"),
		COALESCE(2, Integer.MAX_VALUE, "coalesce(a, b, …)"),
		IF(3, 3, "if(condition, then, else)"),
		MAX(2, Integer.MAX_VALUE, "max(a, b, …)"),
		MIN(2, Integer.MAX_VALUE, "min(a, b, …)"),
		ROUND(2, 2, "round(x, digits)");

		final String key = name().toLowerCase(Locale.ROOT);
		final int minArgs;
		final int maxArgs;
		final String signature;

		Builtin(int minArgs, int maxArgs, String signature) {
			this.minArgs = minArgs;
			this.maxArgs = maxArgs;
			this.signature = signature;
		}

		static Builtin byKey(String key) {
			return Arrays.stream(values()).filter(b -> b.key.equals(key)).findFirst().orElse(null);
		}

		static String keys() {
			return Arrays.stream(values()).map(b -> b.key).collect(Collectors.joining(", "));
		}
	}

	/** A number literal; a minus sign directly before a literal is part of it. */
	record Num(double number, int start, int end) implements Node {

		@Override
		public int precedence() {
			return ATOM;
		}

		@Override
		public void print(StringBuilder out) {
			out.append(format(number));
		}

		@Override
		public OptionalDouble value(Function<String, OptionalDouble> values) {
			return OptionalDouble.of(number);
		}

		/** Shortest plain text that parses back to the same double. */
		static String format(double number) {
			if (number == Math.rint(number) && Math.abs(number) < 1e15) {
				return Long.toString((long) number);
			}
			BigDecimal decimal = new BigDecimal(Double.toString(number)).stripTrailingZeros();
			double magnitude = Math.abs(number);
			return magnitude >= 1e-7 && magnitude < 1e21 ? decimal.toPlainString()
					: decimal.toString().toLowerCase(Locale.ROOT);
		}
	}

	/** A reference to a variable or an indicator by its key. */
	record Ref(String name, int start, int end) implements Node {

		@Override
		public int precedence() {
			return ATOM;
		}

		@Override
		public void print(StringBuilder out) {
			out.append(name);
		}

		@Override
		public OptionalDouble value(Function<String, OptionalDouble> values) {
			OptionalDouble value = values.apply(name);
			return value == null || value.isEmpty() ? OptionalDouble.empty() : finite(value.getAsDouble());
		}
	}

	/** Unary minus. */
	record Neg(Node operand, int start) implements Node {

		@Override
		public int end() {
			return operand.end();
		}

		@Override
		public int precedence() {
			return NEGATION;
		}

		@Override
		public List<Node> children() {
			return List.of(operand);
		}

		@Override
		public void print(StringBuilder out) {
			out.append('-');
			printOperand(out, operand, operand.precedence() < NEGATION || text(operand).startsWith("-"));
		}

		@Override
		public OptionalDouble value(Function<String, OptionalDouble> values) {
			OptionalDouble value = operand.value(values);
			return value.isEmpty() ? value : OptionalDouble.of(-value.getAsDouble());
		}
	}

	/** + - * /; division by zero is missing. */
	record Arith(char operator, Node left, Node right) implements Node {

		@Override
		public int start() {
			return left.start();
		}

		@Override
		public int end() {
			return right.end();
		}

		@Override
		public int precedence() {
			return operator == '+' || operator == '-' ? SUM : PRODUCT;
		}

		@Override
		public List<Node> children() {
			return List.of(left, right);
		}

		@Override
		public void print(StringBuilder out) {
			printOperand(out, left, left.precedence() < precedence());
			out.append(' ').append(operator).append(' ');
			printOperand(out, right, right.precedence() <= precedence());
		}

		@Override
		public OptionalDouble value(Function<String, OptionalDouble> values) {
			OptionalDouble a = left.value(values);
			if (a.isEmpty()) {
				return a;
			}
			OptionalDouble b = right.value(values);
			if (b.isEmpty()) {
				return b;
			}
			double x = a.getAsDouble();
			double y = b.getAsDouble();
			return switch (operator) {
				case '+' -> finite(x + y);
				case '-' -> finite(x - y);
				case '*' -> finite(x * y);
				default -> y == 0 ? OptionalDouble.empty() : finite(x / y);
			};
		}
	}

	/** A comparison of two numbers: {@code < <= > >= == !=}. */
	record Compare(String operator, Node left, Node right) implements Node {

		@Override
		public int start() {
			return left.start();
		}

		@Override
		public int end() {
			return right.end();
		}

		@Override
		public boolean isCondition() {
			return true;
		}

		@Override
		public int precedence() {
			return COMPARE;
		}

		@Override
		public List<Node> children() {
			return List.of(left, right);
		}

		@Override
		public void print(StringBuilder out) {
			printOperand(out, left, left.precedence() <= COMPARE);
			out.append(' ').append(operator).append(' ');
			printOperand(out, right, right.precedence() <= COMPARE);
		}

		@Override
		public Truth test(Function<String, OptionalDouble> values) {
			OptionalDouble a = left.value(values);
			OptionalDouble b = right.value(values);
			if (a.isEmpty() || b.isEmpty()) {
				return Truth.UNKNOWN;
			}
			double x = a.getAsDouble();
			double y = b.getAsDouble();
			return Truth.of(switch (operator) {
				case "<" -> x < y;
				case "<=" -> x <= y;
				case ">" -> x > y;
				case ">=" -> x >= y;
				case "==" -> x == y;
				default -> x != y;
			});
		}
	}

	/** {@code and} / {@code or} in Kleene's three-valued logic, evaluated left to right with short circuit. */
	record Logic(boolean and, Node left, Node right) implements Node {

		@Override
		public int start() {
			return left.start();
		}

		@Override
		public int end() {
			return right.end();
		}

		@Override
		public boolean isCondition() {
			return true;
		}

		@Override
		public int precedence() {
			return and ? AND : OR;
		}

		@Override
		public List<Node> children() {
			return List.of(left, right);
		}

		@Override
		public void print(StringBuilder out) {
			printOperand(out, left, left.precedence() < precedence());
			out.append(and ? " and " : " or ");
			printOperand(out, right, right.precedence() <= precedence());
		}

		@Override
		public Truth test(Function<String, OptionalDouble> values) {
			Truth decisive = and ? Truth.FALSE : Truth.TRUE;
			Truth a = left.test(values);
			if (a == decisive) {
				return a;
			}
			Truth b = right.test(values);
			if (b == decisive) {
				return b;
			}
			return a == Truth.UNKNOWN || b == Truth.UNKNOWN ? Truth.UNKNOWN : a;
		}
	}

	/** {@code not}; not unknown is unknown. */
	record Not(Node operand, int start) implements Node {

		@Override
		public int end() {
			return operand.end();
		}

		@Override
		public boolean isCondition() {
			return true;
		}

		@Override
		public int precedence() {
			return NOT;
		}

		@Override
		public List<Node> children() {
			return List.of(operand);
		}

		@Override
		public void print(StringBuilder out) {
			out.append("not ");
			printOperand(out, operand, operand.precedence() < NOT);
		}

		@Override
		public Truth test(Function<String, OptionalDouble> values) {
			return switch (operand.test(values)) {
				case TRUE -> Truth.FALSE;
				case FALSE -> Truth.TRUE;
				case UNKNOWN -> Truth.UNKNOWN;
			};
		}
	}

	/** A call of a built-in function; arity and argument types are checked by the parser. */
	record Call(Builtin function, List<Node> args, int start, int end) implements Node {

		@Override
		public int precedence() {
			return ATOM;
		}

		@Override
		public List<Node> children() {
			return args;
		}

		@Override
		public void print(StringBuilder out) {
			out.append(function.key).append('(');
			for (int i = 0; i < args.size(); i++) {
				if (i > 0) {
					out.append(", ");
				}
				args.get(i).print(out);
			}
			out.append(')');
		}

		@Override
		public OptionalDouble value(Function<String, OptionalDouble> values) {
			switch (function) {
				case IF: {
					Truth condition = args.get(0).test(values);
					return condition == Truth.UNKNOWN ? OptionalDouble.empty()
							: args.get(condition == Truth.TRUE ? 1 : 2).value(values);
				}
				case COALESCE: {
					for (Node arg : args) {
						OptionalDouble value = arg.value(values);
						if (value.isPresent()) {
							return value;
						}
					}
					return OptionalDouble.empty();
				}
				case MIN:
				case MAX: {
					double result = function == Builtin.MIN ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
					for (Node arg : args) {
						OptionalDouble value = arg.value(values);
						if (value.isEmpty()) {
							return value;
						}
						result = function == Builtin.MIN ? Math.min(result, value.getAsDouble())
								: Math.max(result, value.getAsDouble());
					}
					return OptionalDouble.of(result);
				}
				case ABS: {
					OptionalDouble value = args.get(0).value(values);
					return value.isEmpty() ? value : OptionalDouble.of(Math.abs(value.getAsDouble()));
				}
				case ROUND: {
					OptionalDouble value = args.get(0).value(values);
					int digits = (int) ((Num) args.get(1)).number();
					return value.isEmpty() ? value
							: finite(BigDecimal.valueOf(value.getAsDouble()).setScale(digits, RoundingMode.HALF_UP)
									.doubleValue());
				}
				default:
					throw new IllegalStateException(function.key);
			}
		}
	}
}
