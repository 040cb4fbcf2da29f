package org.spange.needs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.spange.web.BrowserTestSupport;
import org.spange.web.BrowserTestSupport.WindowHeight;

/**
 * A planner starts an accessibility run on the demo's synthetic grid in a real browser (headless Chromium): a bad
 * threshold is shown at its field with the input kept, a good one starts the job, the page follows its progress and
 * then shows the map with the table beside it; axe-core finds no serious or critical WCAG 2.1 A/AA violations on the
 * form with errors and on the result. Skipped when Chromium or its driver is not installed.
 */
@WindowHeight(1400)
class AccessibilityBrowserTest extends BrowserTestSupport {

	@Test
	void aPlannerStartsARunAndSeesItsResult() throws IOException {
		logIn("planung");
		driver.get(base() + "/needs");
		driver.findElement(By.linkText("Erreichbarkeit: Entfernung und Fahrzeit zum nächsten Angebot")).click();
		await().until(ExpectedConditions.presenceOfElementLocated(By.id("access-form")));
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Erreichbarkeit");

		new Select(driver.findElement(By.id("a-category"))).selectByVisibleText("Lernhilfe");
		new Select(driver.findElement(By.id("a-grid"))).selectByValue("vorarlberg-synthetisch");
		WebElement threshold = driver.findElement(By.id("a-threshold"));
		threshold.clear();
		threshold.sendKeys("-2,5");
		driver.findElement(By.cssSelector("#access-form button[type=submit]")).click();
		await().until(ExpectedConditions.presenceOfElementLocated(By.id("err-a-threshold")));
		assertThat(driver.findElement(By.id("err-a-threshold")).getText()).contains("über 0 bis 200 km");
		assertThat(driver.findElement(By.id("a-threshold")).getDomProperty("value")).isEqualTo("-2,5");
		assertThat(driver.findElement(By.id("a-threshold")).getDomAttribute("aria-invalid")).isEqualTo("true");
		browser.screenshot("accessibility-form-errors.png");
		assertThat(browser.audit("accessibility form with errors", driver.getCurrentUrl()))
			.as("serious or critical accessibility violations").isEmpty();

		threshold = driver.findElement(By.id("a-threshold"));
		threshold.clear();
		threshold.sendKeys("3,5");
		driver.findElement(By.cssSelector("#access-form button[type=submit]")).click();
		// the page follows the job and shows the result once it is done
		new WebDriverWait(driver, Duration.ofMinutes(3))
			.until(ExpectedConditions.presenceOfElementLocated(By.id("access-table")));
		assertThat(driver.getCurrentUrl()).contains("/needs/accessibility?job=");
		assertThat(driver.findElement(By.id("a-result-heading")).getText()).contains("Lernhilfe");
		assertThat(driver.findElement(By.cssSelector("#access-table tfoot")).getText()).contains("Region gesamt", "%");
		assertThat(driver.findElements(By.cssSelector("#access-table tbody tr")).size()).isGreaterThan(90);
		await().until(d -> d.findElement(By.id("access-map")).getDomAttribute("data-feature-count") != null);
		assertThat(driver.findElement(By.cssSelector("#access-runs tbody")).getText()).contains("Lernhilfe", "3,5 km",
				"fertig");
		browser.screenshot("accessibility-result.png");
		assertThat(browser.audit("accessibility result", driver.getCurrentUrl()))
			.as("serious or critical accessibility violations").isEmpty();
	}
}
