package org.spange.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.junit.jupiter.api.Test;

/** Every message of the formula language and the indicator module in German and English. */
class MessagesTest {

	private static Properties bundle(String name) throws IOException {
		Properties properties = new Properties();
		try (Reader in = new InputStreamReader(MessagesTest.class.getResourceAsStream("/" + name),
				StandardCharsets.UTF_8)) {
			properties.load(in);
		}
		return properties;
	}

	@Test
	void everyFormulaMessageIsTranslatedAndTheEnglishBundleMatchesTheCode() throws IOException {
		Properties german = bundle("messages.properties");
		Properties english = bundle("messages_en.properties");
		Messages.ENGLISH.forEach((key, template) -> {
			assertThat(english.getProperty(key)).as(key).isEqualTo(template);
			assertThat(german.getProperty(key)).as(key).isNotBlank().isNotEqualTo(template);
		});
	}

	@Test
	void bothBundlesHaveTheSameKeys() throws IOException {
		assertThat(bundle("messages.properties").stringPropertyNames())
			.containsExactlyInAnyOrderElementsOf(bundle("messages_en.properties").stringPropertyNames());
	}
}
