package org.spange;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Spange: social-space-oriented, cross-regional social planning. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SpangeApplication {

	public static void main(String[] args) {
		SpringApplication.run(SpangeApplication.class, args);
	}
}
