package org.spange.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.spange.SpangeTest;
import org.spange.web.HeadlessChromium;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The network pages in a real browser as the demo provider {@code traeger}: its own network shows the members'
 * contact data, the other network hides it, the responsibility search answers "whom do I call about youth work in
 * Nenzing?", and axe-core finds no serious or critical WCAG 2.1 A/AA violation. Skipped without Chromium.
 */
@SpangeTest
class NetworkBrowserTest {

	static HeadlessChromium browser;
	static WebDriver driver;

	@LocalServerPort
	int port;

	@BeforeAll
	static void startBrowser() throws IOException {
		browser = HeadlessChromium.startOrSkip("NetworkBrowserTest", 1200);
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

	@Test
	void aMemberSeesItsNetworkAndFindsWhomToCall() throws IOException {
		browser.logIn(base(), "traeger");

		driver.findElement(By.linkText("Netzwerke")).click();
		wait(driver).until(ExpectedConditions.urlContains("/networks"));
		assertThat(browser.audit("network list", driver.getCurrentUrl())).isEmpty();
		driver.findElement(By.linkText("Sozialraumkonferenz Bludenz (fiktiv)")).click();
		WebElement main = wait(driver).until(ExpectedConditions.visibilityOfElementLocated(By.tagName("main")));
		assertThat(main.getText()).contains("lea.platzhalter@example.org", "Koordination");
		browser.screenshot("network.png");
		assertThat(browser.audit("network page", driver.getCurrentUrl())).isEmpty();

		driver.get(base() + "/networks");
		driver.findElement(By.linkText("Netzwerk Frühe Hilfen Montafon (fiktiv)")).click();
		main = wait(driver).until(ExpectedConditions.visibilityOfElementLocated(By.tagName("main")));
		assertThat(main.getText()).contains("Jonas Probe (fiktiv)", "nur für Netzwerkmitglieder sichtbar")
			.doesNotContain("jonas.probe@example.org");

		driver.get(base() + "/networks/responsibilities");
		driver.findElement(By.id("f-q")).sendKeys("Jugendarbeit");
		new Select(driver.findElement(By.id("f-area"))).selectByVisibleText("Nenzing (Gemeinde)");
		driver.findElement(By.id("f-q")).submit();
		WebElement results = wait(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("resp-results")));
		assertThat(results.getText()).contains("Lea Platzhalter (fiktiv)", "Mobile Jugendarbeit (Streetwork)");
		browser.screenshot("responsibilities.png");
		assertThat(browser.audit("responsibility search", driver.getCurrentUrl())).isEmpty();
	}

	private static WebDriverWait wait(WebDriver driver) {
		return new WebDriverWait(driver, Duration.ofSeconds(30));
	}

	private String base() {
		return "http://localhost:" + port;
	}
}
