package org.spange.web;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The system's headless Chromium for browser tests, in German as a user in Vorarlberg would have it. When Chromium or
 * its driver is missing the test class is skipped with a visible message (CI installs them, so CI always runs them).
 */
public final class HeadlessChromium implements AutoCloseable {

	public static final String CHROMIUM = "/usr/bin/chromium";
	public static final String CHROMEDRIVER = "/usr/bin/chromedriver";

	private final WebDriver driver;
	private final Path userDataDir;

	private HeadlessChromium(WebDriver driver, Path userDataDir) {
		this.driver = driver;
		this.userDataDir = userDataDir;
	}

	/** Starts the browser, or skips the calling test class (JUnit assumption) when it is not installed. */
	public static HeadlessChromium startOrSkip(String testName, int windowHeight) throws IOException {
		boolean installed = Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(CHROMEDRIVER));
		if (!installed) {
			String message = testName + " skipped: " + CHROMIUM + " or " + CHROMEDRIVER
					+ " is missing (apt-get install chromium chromium-driver)";
			System.out.println(message);
			System.err.println(message);
		}
		Assumptions.assumeTrue(installed, "Chromium or chromedriver is missing");
		// the system driver and browser: Selenium Manager must not look for (or download) anything
		System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
		Path userDataDir = Files.createTempDirectory("spange-chromium-");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--disable-quic", "--user-data-dir=" + userDataDir, "--window-size=1400," + windowHeight,
				"--lang=de-DE");
		// the app picks its language from Accept-Language
		options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "de-DE,de"));
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(new File(CHROMEDRIVER))
			.usingAnyFreePort()
			.build();
		return new HeadlessChromium(new ChromeDriver(service, options), userDataDir);
	}

	public WebDriver driver() {
		return driver;
	}

	@Override
	public void close() throws IOException {
		driver.quit();
		try (var files = Files.walk(userDataDir)) {
			files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		}
	}
}
