package org.spange.indicator;

import java.util.List;

/**
 * A formula that cannot be parsed, located in its text. The message is English; {@link #key()} and {@link #args()}
 * resolve it in the user's language ({@code messages.properties}).
 */
public final class FormulaException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final int position;
	private final int length;
	private final String key;
	private final List<String> args;

	FormulaException(int position, int length, String key, List<String> args) {
		super(Messages.english(key, args));
		this.position = position;
		this.length = length;
		this.key = key;
		this.args = List.copyOf(args);
	}

	/** 0-based character offset of the error in the formula text. */
	public int position() {
		return position;
	}

	/** Number of characters to mark from {@link #position()}; 0 at the end of the text. */
	public int length() {
		return length;
	}

	/** Message key, for example {@code formula.unknownFunction}. */
	public String key() {
		return key;
	}

	/** Arguments for the message. */
	public List<String> args() {
		return args;
	}
}
