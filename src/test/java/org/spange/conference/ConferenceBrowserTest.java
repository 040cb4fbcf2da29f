package org.spange.conference;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.spange.SpangeTest;
import org.spange.web.HeadlessChromium;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Planning a conference and writing its minutes in a real browser (headless Chromium), as the demo planner: the
 * planning form with its error summary, then agenda, minutes, a decision with a task, and axe-core finds no serious
 * or critical WCAG 2.1 A/AA violation on the pages. Skipped when Chromium or its driver is missing.
 */
@SpangeTest
class ConferenceBrowserTest {

	static HeadlessChromium browser;
	static WebDriver driver;

	@LocalServerPort
	int port;

	@BeforeAll
	static void startBrowser() throws IOException {
		browser = HeadlessChromium.startOrSkip("ConferenceBrowserTest", 1600);
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
	void aPlannerPlansAConferenceAndWritesItsMinutes() throws IOException {
		browser.logIn(base(), "planung");
		String title = "Browser-Konferenz " + System.nanoTime() % 100000;
		driver.get(base() + "/conferences/new");
		// an empty form: the error summary names the fields and links to them
		driver.findElement(By.cssSelector("#plan-form button[type=submit]")).click();
		WebElement problems = wait(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("problems")));
		assertThat(problems.getText()).contains("Titel", "Beginn", "Art");
		assertThat(driver.findElement(By.id("f-title")).getDomAttribute("aria-describedby")).isEqualTo("err-title");
		assertThat(browser.audit("conference planning form with errors", driver.getCurrentUrl()))
			.as("serious or critical accessibility violations").isEmpty();

		new Select(driver.findElement(By.id("f-type"))).selectByValue("SOZIALRAUM");
		driver.findElement(By.id("f-title")).sendKeys(title);
		setValue("f-startsAt", "2027-05-04T14:00");
		setValue("f-endsAt", "2027-05-04T16:30");
		driver.findElement(By.id("f-place")).sendKeys("Rathaus Bludenz (fiktiv)");
		new Select(driver.findElement(By.id("f-networkId"))).selectByVisibleText("Sozialraumkonferenz Bludenz (fiktiv)");
		new Select(driver.findElement(By.id("f-visibility"))).selectByValue("PUBLIC");
		driver.findElement(By.cssSelector("#plan-form button[type=submit]")).click();
		wait(driver).until(ExpectedConditions.urlMatches("/conferences/\\d+$"));
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo(title);
		assertThat(driver.findElement(By.tagName("main")).getText()).contains("04.05.2027, 14:00");

		// agenda item, then its minutes
		driver.findElement(By.id("f-title")).sendKeys("Jugendarbeit in Nenzing");
		new Select(driver.findElement(By.id("f-ownerPersonId"))).selectByVisibleText("Lea Platzhalter (fiktiv)");
		driver.findElement(By.id("f-title")).submit();
		WebElement minutes = wait(driver)
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("textarea[name=minutes]")));
		minutes.sendKeys("Der Jugendtreff braucht längere Öffnungszeiten am Freitag.");
		minutes.submit();
		wait(driver).until(ExpectedConditions.textToBePresentInElementValue(By.cssSelector("textarea[name=minutes]"),
				"längere Öffnungszeiten"));

		// a decision with a task
		driver.findElement(By.id("f-text")).sendKeys("Öffnungszeiten ab Jänner verlängern");
		new Select(driver.findElement(By.id("f-agendaItemId"))).selectByIndex(1);
		new Select(driver.findElement(By.id("f-taskOwner"))).selectByVisibleText("Lea Platzhalter (fiktiv)");
		setValue("f-taskDue", "2027-01-15");
		driver.findElement(By.id("f-text")).submit();
		WebElement decisions = wait(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("decisions")));
		assertThat(decisions.getText()).contains("Öffnungszeiten ab Jänner verlängern", "Lea Platzhalter (fiktiv)",
				"15.01.2027", "offen");
		browser.screenshot("conference.png");
		((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView();", decisions);
		browser.screenshot("conference-decisions.png");
		assertThat(browser.audit("conference page", driver.getCurrentUrl()))
			.as("serious or critical accessibility violations").isEmpty();

		// approve and publish: the minutes page is public
		driver.findElement(By.id("approve")).click();
		wait(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("publish"))).click();
		wait(driver).until(ExpectedConditions.textToBe(By.id("minutes-status"), "veröffentlicht"));
		String conferenceUrl = driver.getCurrentUrl();
		driver.manage().deleteAllCookies();
		driver.get(conferenceUrl + "/minutes");
		assertThat(driver.findElement(By.tagName("main")).getText()).contains("längere Öffnungszeiten",
				"Öffnungszeiten ab Jänner verlängern");
		assertThat(browser.audit("public minutes", driver.getCurrentUrl()))
			.as("serious or critical accessibility violations").isEmpty();
	}

	private void setValue(String id, String value) {
		((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];", driver.findElement(By.id(id)),
				value);
	}

	private static WebDriverWait wait(WebDriver driver) {
		return new WebDriverWait(driver, Duration.ofSeconds(30));
	}

	private String base() {
		return "http://localhost:" + port;
	}
}
