package org.spange.platform.imports;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Reading uploaded text right: German files often come as Windows-1252 rather than UTF-8. */
public final class TextFiles {

	public static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

	private TextFiles() {
	}

	/** Decoded text: UTF-8 (without BOM) when the bytes are valid UTF-8, otherwise Windows-1252. */
	public static String decode(byte[] bytes) {
		int offset = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB
				&& (bytes[2] & 0xff) == 0xBF ? 3 : 0;
		ByteBuffer buffer = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
		try {
			return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT).decode(buffer).toString();
		} catch (CharacterCodingException e) {
			return new String(bytes, offset, bytes.length - offset, WINDOWS_1252);
		}
	}

	/** Hex SHA-256 of the content, to recognise a file imported before. */
	public static String sha256(byte[] bytes) {
		try {
			return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
		} catch (java.security.NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
