package org.spange.indicator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.spange.indicator.Node.Builtin;

/**
 * Recursive-descent parser of the formula language, see {@link Formula}. Tokens are read one ahead on demand, so the
 * first error from the left is the one reported.
 */
final class FormulaParser {

	static final int MAX_LENGTH = 4000;
	static final int MAX_DEPTH = 100;
	static final int MAX_ROUND_DIGITS = 15;

	private enum Kind {
		NUMBER, NAME, PLUS, MINUS, STAR, SLASH, OPEN, CLOSE, COMMA, COMPARISON, END
	}

	private record Token(Kind kind, String text, int start, int end, double number) {

		boolean isWord(String word) {
			return kind == Kind.NAME && text.equalsIgnoreCase(word);
		}
	}

	private final String text;
	private int offset;
	private Token lookahead;
	private Token previous;
	private int depth;

	private FormulaParser(String text) {
		this.text = text;
	}

	static Node parse(String text) {
		return new FormulaParser(text).formula();
	}

	private Node formula() {
		if (text.length() > MAX_LENGTH) {
			throw error(MAX_LENGTH, text.length() - MAX_LENGTH, "formula.tooLong", text.length(), MAX_LENGTH);
		}
		if (text.chars().allMatch(c -> isSpace((char) c))) {
			throw error(0, 0, "formula.empty");
		}
		Node node = or();
		Token token = peek();
		if (token.kind != Kind.END) {
			if (token.kind == Kind.CLOSE) {
				throw error(token, "formula.unmatchedParenthesis", token.text);
			}
			decimalComma(token);
			throw error(token, "formula.trailingInput", token.text);
		}
		return number(node);
	}

	// grammar, loosest binding first

	private Node or() {
		Node left = and();
		while (peek().isWord("or")) {
			next();
			condition(left);
			left = new Node.Logic(false, left, condition(and()));
		}
		return left;
	}

	private Node and() {
		Node left = not();
		while (peek().isWord("and")) {
			next();
			condition(left);
			left = new Node.Logic(true, left, condition(not()));
		}
		return left;
	}

	private Node not() {
		if (peek().isWord("not")) {
			Token not = next();
			enter(not);
			Node operand = condition(not());
			depth--;
			return new Node.Not(operand, not.start);
		}
		return comparison();
	}

	private Node comparison() {
		Node left = sum();
		if (peek().kind != Kind.COMPARISON) {
			return left;
		}
		Token operator = next();
		number(left);
		Node comparison = new Node.Compare(operator.text, left, number(sum()));
		if (peek().kind == Kind.COMPARISON) {
			throw error(peek(), "formula.chainedComparison", peek().text);
		}
		return comparison;
	}

	private Node sum() {
		Node left = product();
		while (peek().kind == Kind.PLUS || peek().kind == Kind.MINUS) {
			char operator = next().text.charAt(0);
			number(left);
			left = new Node.Arith(operator, left, number(product()));
		}
		return left;
	}

	private Node product() {
		Node left = unary();
		while (peek().kind == Kind.STAR || peek().kind == Kind.SLASH) {
			char operator = next().text.charAt(0);
			number(left);
			left = new Node.Arith(operator, left, number(unary()));
		}
		return left;
	}

	private Node unary() {
		if (peek().kind != Kind.MINUS) {
			return primary();
		}
		Token minus = next();
		if (peek().kind == Kind.NUMBER) {
			Token literal = next();
			return new Node.Num(-literal.number, minus.start, literal.end);
		}
		enter(minus);
		Node operand = number(unary());
		depth--;
		return new Node.Neg(operand, minus.start);
	}

	private Node primary() {
		Token token = peek();
		switch (token.kind) {
			case NUMBER:
				next();
				return new Node.Num(token.number, token.start, token.end);
			case NAME:
				return name();
			case OPEN: {
				Token open = next();
				enter(open);
				Node inner = or();
				Token close = peek();
				if (close.kind != Kind.CLOSE) {
					if (close.kind == Kind.END) {
						throw error(open, "formula.unclosedParenthesis", open.text);
					}
					decimalComma(close);
					throw error(close, "formula.expectedClosingParenthesis", close.text);
				}
				next();
				depth--;
				return inner;
			}
			case END:
				throw error(previous.end, 0, "formula.unexpectedEnd", previous.text);
			default:
				throw error(token, "formula.expectedOperand", token.text);
		}
	}

	private Node name() {
		Token name = peek();
		if (name.isWord("and") || name.isWord("or") || name.isWord("not")) {
			throw error(name, "formula.expectedOperand", name.text);
		}
		next();
		String key = name.text.toLowerCase(Locale.ROOT);
		Builtin function = Builtin.byKey(key);
		if (peek().kind == Kind.OPEN) {
			if (function == null) {
				throw error(name, "formula.unknownFunction", name.text, Builtin.keys());
			}
			return call(name, function);
		}
		if (function != null) {
			throw error(name, "formula.functionWithoutArguments", name.text, function.signature);
		}
		return new Node.Ref(key, name.start, name.end);
	}

	private Node call(Token name, Builtin function) {
		Token open = next();
		enter(open);
		List<Node> args = new ArrayList<>();
		if (peek().kind != Kind.CLOSE) {
			while (true) {
				args.add(or());
				Token token = peek();
				if (token.kind == Kind.COMMA) {
					next();
				} else if (token.kind == Kind.CLOSE) {
					break;
				} else if (token.kind == Kind.END) {
					throw error(open, "formula.unclosedParenthesis", open.text);
				} else {
					throw error(token, "formula.expectedCommaOrClosingParenthesis", token.text, function.signature);
				}
			}
		}
		Token close = next();
		depth--;
		if (args.size() < function.minArgs || args.size() > function.maxArgs) {
			boolean exact = function.minArgs == function.maxArgs;
			throw error(name.start, close.end - name.start, exact ? "formula.arityExact" : "formula.arityAtLeast",
					function.key, function.minArgs, args.size(), function.signature);
		}
		for (int i = 0; i < args.size(); i++) {
			if (function == Builtin.IF && i == 0) {
				condition(args.get(i));
			} else {
				number(args.get(i));
			}
		}
		if (function == Builtin.ROUND) {
			Node digits = args.get(1);
			if (!(digits instanceof Node.Num n) || n.number() != Math.rint(n.number())
					|| Math.abs(n.number()) > MAX_ROUND_DIGITS) {
				throw error(digits.start(), digits.end() - digits.start(), "formula.roundDigits", source(digits),
						MAX_ROUND_DIGITS);
			}
		}
		return new Node.Call(function, List.copyOf(args), name.start, close.end);
	}

	// checks

	private Node number(Node node) {
		if (node.isCondition()) {
			throw error(node.start(), node.end() - node.start(), "formula.numberExpected", source(node));
		}
		return node;
	}

	private Node condition(Node node) {
		if (!node.isCondition()) {
			throw error(node.start(), node.end() - node.start(), "formula.conditionExpected", source(node));
		}
		return node;
	}

	private void enter(Token token) {
		if (++depth > MAX_DEPTH) {
			throw error(token, "formula.tooDeep", token.text, MAX_DEPTH);
		}
	}

	/** A comma right between digits after a number, as in {@code 1,5}: a decimal comma, not an argument list. */
	private void decimalComma(Token comma) {
		if (comma.kind == Kind.COMMA && previous != null && previous.kind == Kind.NUMBER
				&& previous.end == comma.start && comma.end < text.length() && isDigit(text.charAt(comma.end))) {
			int end = comma.end;
			while (end < text.length() && isDigit(text.charAt(end))) {
				end++;
			}
			String digits = text.substring(comma.end, end);
			throw error(comma, "formula.decimalComma", previous.text + "," + digits, previous.text + "." + digits);
		}
	}

	private String source(Node node) {
		return text.substring(node.start(), node.end());
	}

	private FormulaException error(Token token, String key, Object... args) {
		return error(token.start, token.end - token.start, key, args);
	}

	private static FormulaException error(int position, int length, String key, Object... args) {
		return new FormulaException(position, length, key, Messages.strings(args));
	}

	// tokens

	private Token peek() {
		if (lookahead == null) {
			lookahead = lex();
		}
		return lookahead;
	}

	private Token next() {
		previous = peek();
		lookahead = null;
		return previous;
	}

	private Token lex() {
		while (offset < text.length() && isSpace(text.charAt(offset))) {
			offset++;
		}
		int start = offset;
		if (start == text.length()) {
			return new Token(Kind.END, "", start, start, 0);
		}
		char c = text.charAt(start);
		if (isDigit(c) || c == '.' && start + 1 < text.length() && isDigit(text.charAt(start + 1))) {
			return number();
		}
		if (isNameStart(c)) {
			while (offset < text.length() && isNamePart(text.charAt(offset))) {
				offset++;
			}
			return token(Kind.NAME, start);
		}
		offset++;
		boolean equalsFollows = offset < text.length() && text.charAt(offset) == '=';
		switch (c) {
			case '+':
				return token(Kind.PLUS, start);
			case '-':
				return token(Kind.MINUS, start);
			case '*':
				return token(Kind.STAR, start);
			case '/':
				return token(Kind.SLASH, start);
			case '(':
				return token(Kind.OPEN, start);
			case ')':
				return token(Kind.CLOSE, start);
			case ',':
				return token(Kind.COMMA, start);
			case '<':
			case '>':
				if (equalsFollows) {
					offset++;
				}
				return token(Kind.COMPARISON, start);
			case '=':
			case '!':
				if (equalsFollows) {
					offset++;
					return token(Kind.COMPARISON, start);
				}
				if (c == '=') {
					throw error(start, 1, "formula.singleEquals", "=");
				}
				break;
			default:
				break;
		}
		int length = Character.charCount(text.codePointAt(start));
		throw error(start, length, "formula.unexpectedCharacter", text.substring(start, start + length));
	}

	/** {@code 12}, {@code 1.5}, {@code .5}, {@code 2e6}, {@code 1.5E-3}; anything glued on makes it invalid. */
	private Token number() {
		int start = offset;
		digits();
		boolean valid = true;
		if (offset < text.length() && text.charAt(offset) == '.') {
			offset++;
			valid = digits() > 0;
		}
		if (valid && offset < text.length() && (text.charAt(offset) == 'e' || text.charAt(offset) == 'E')) {
			int mark = offset++;
			if (offset < text.length() && (text.charAt(offset) == '+' || text.charAt(offset) == '-')) {
				offset++;
			}
			if (digits() == 0) {
				offset = mark;
			}
		}
		if (offset < text.length() && (isNamePart(text.charAt(offset)) || text.charAt(offset) == '.')) {
			valid = false;
			while (offset < text.length() && (isNamePart(text.charAt(offset)) || text.charAt(offset) == '.')) {
				offset++;
			}
		}
		String literal = text.substring(start, offset);
		double number = valid ? Double.parseDouble(literal) : Double.NaN;
		if (!Double.isFinite(number)) {
			throw error(start, offset - start, "formula.badNumber", literal);
		}
		return new Token(Kind.NUMBER, literal, start, offset, number);
	}

	private int digits() {
		int start = offset;
		while (offset < text.length() && isDigit(text.charAt(offset))) {
			offset++;
		}
		return offset - start;
	}

	private Token token(Kind kind, int start) {
		return new Token(kind, text.substring(start, offset), start, offset, 0);
	}

	private static boolean isSpace(char c) {
		return Character.isWhitespace(c) || Character.isSpaceChar(c);
	}

	private static boolean isDigit(char c) {
		return c >= '0' && c <= '9';
	}

	static boolean isNameStart(char c) {
		return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_';
	}

	static boolean isNamePart(char c) {
		return isNameStart(c) || isDigit(c);
	}
}
