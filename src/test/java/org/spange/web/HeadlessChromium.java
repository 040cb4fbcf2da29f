package org.spange.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;

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

	static final List<String> WCAG_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

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

	/**
	 * Runs axe-core (WCAG 2.1 A and AA) on the current page, prints every finding, and returns the serious and
	 * critical violations as text (empty when there are none).
	 */
	public String audit(String page, String url) {
		Results results = new AxeBuilder().withTags(WCAG_TAGS).analyze(driver);
		assertThat(results.isErrored()).as("axe-core failed on the " + page + ": " + results.getErrorMessage())
			.isFalse();
		List<Rule> violations = results.getViolations();
		System.out.println("axe-core on the " + page + " (" + url + "): " + violations.size() + " violation(s), "
				+ results.getPasses().size() + " rule(s) passed, to review by hand: " + results.getIncomplete()
					.stream()
					.map(r -> r.getId() + " (" + r.getNodes().size() + ")")
					.collect(Collectors.joining(", ")));
		for (Rule rule : results.getIncomplete()) {
			// axe could not decide (e.g. text over a background it cannot compute): the reasons, for a manual check
			System.out.println("  to review: " + rule.getId() + ": " + rule.getNodes()
				.stream()
				.flatMap(n -> java.util.stream.Stream.of(n.getAny(), n.getAll(), n.getNone())
					.filter(java.util.Objects::nonNull)
					.flatMap(List::stream))
				.map(c -> c.getMessage())
				.distinct()
				.collect(Collectors.joining(" / ")));
		}
		StringBuilder serious = new StringBuilder();
		for (Rule rule : violations) {
			String text = "  [" + rule.getImpact() + "] " + rule.getId() + ": " + rule.getHelp() + " ("
					+ rule.getHelpUrl() + ")\n" + rule.getNodes()
						.stream()
						.map(HeadlessChromium::describe)
						.collect(Collectors.joining("\n"));
			System.out.println(text);
			if ("serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact())) {
				serious.append(page).append(":\n").append(text).append('\n');
			}
		}
		return serious.toString();
	}

	private static String describe(CheckedNode node) {
		return "    " + node.getTarget() + " " + node.getHtml() + "\n      "
				+ String.valueOf(node.getFailureSummary()).replace("\n", "\n      ");
	}

	/** Logs a demo user in through the login form (every demo user has the password {@code spange-demo}). */
	public void logIn(String baseUrl, String user) {
		driver.get(baseUrl + "/login");
		driver.findElement(By.id("username")).sendKeys(user);
		driver.findElement(By.id("password")).sendKeys("spange-demo");
		driver.findElement(By.cssSelector("main form button[type=submit]")).click();
		new WebDriverWait(driver, Duration.ofSeconds(30))
			.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
	}

	/** Saves a screenshot of the current page into the build folder's {@code screenshots}. */
	public void screenshot(String name) throws IOException {
		String embeddedDb = System.getProperty("spange.db.embedded.dir");
		Path buildDir = embeddedDb != null ? Path.of(embeddedDb).toAbsolutePath().getParent() : Path.of("target");
		Path dir = Files.createDirectories(buildDir.resolve("screenshots"));
		File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
		Files.copy(shot.toPath(), dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
		System.out.println("screenshot: " + dir.resolve(name));
	}
}
