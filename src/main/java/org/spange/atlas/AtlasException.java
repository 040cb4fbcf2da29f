package org.spange.atlas;

/**
 * A map that cannot be drawn: an unknown (or, for the caller, invisible) indicator, scheme or level, or invalid
 * parameters. Carries a message key of the bundles with its arguments, and an English message for logs and the API.
 */
public class AtlasException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/** Whether the thing asked for does not exist (for this caller), or the request itself is wrong. */
	public enum Kind {
		NOT_FOUND, INVALID
	}

	private final Kind kind;
	private final String messageKey;
	private final transient Object[] arguments;

	public AtlasException(Kind kind, String messageKey, String message, Object... arguments) {
		super(message);
		this.kind = kind;
		this.messageKey = messageKey;
		this.arguments = arguments.clone();
	}

	public Kind kind() {
		return kind;
	}

	public String messageKey() {
		return messageKey;
	}

	public Object[] arguments() {
		return arguments.clone();
	}
}
