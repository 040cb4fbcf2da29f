package org.spange.web;

import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.spange.SpangeTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What every browser test shares: one headless Chromium per test class (the class is skipped with a message when
 * Chromium is not installed), the app's address, a fresh session before each test and a patient wait.
 */
@SpangeTest
public abstract class BrowserTestSupport {

	/** How long a page may take: CI machines run the build beside the browser. */
	protected static final Duration WAIT = Duration.ofSeconds(60);

	protected static HeadlessChromium browser;
	protected static WebDriver driver;

	@LocalServerPort
	protected int port;

	/** The browser window's height for a test class whose pages need more than 1,100 pixels. */
	@Retention(RetentionPolicy.RUNTIME)
	@Target(ElementType.TYPE)
	public @interface WindowHeight {
		int value();
	}

	@BeforeAll
	static void startBrowser(TestInfo test) throws IOException {
		Class<?> type = test.getTestClass().orElseThrow();
		WindowHeight height = type.getAnnotation(WindowHeight.class);
		browser = HeadlessChromium.startOrSkip(type.getSimpleName(), height == null ? 1100 : height.value());
		driver = browser.driver();
	}

	@AfterAll
	static void stopBrowser() throws IOException {
		if (browser != null) {
			browser.close();
			browser = null;
			driver = null;
		}
	}

	@BeforeEach
	void freshSession() {
		// no login or language cookie carried over from another test
		if (driver.getCurrentUrl() != null && driver.getCurrentUrl().startsWith(base())) {
			driver.manage().deleteAllCookies();
		}
	}

	protected String base() {
		return "http://localhost:" + port;
	}

	protected static WebDriverWait await() {
		return new WebDriverWait(driver, WAIT);
	}

	/** Logs a demo user in through the login form. */
	protected void logIn(String user) {
		browser.logIn(base(), user);
	}
}
