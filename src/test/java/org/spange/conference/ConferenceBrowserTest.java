package org.spange.conference;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.spange.web.BrowserTestSupport;
import org.spange.web.BrowserTestSupport.WindowHeight;

/**
 * Planning a conference and writing its minutes in a real browser (headless Chromium), as the demo planner: the
 * planning form with its error summary, then agenda, minutes, a decision with a task, and axe-core finds no serious
 * or critical WCAG 2.1 A/AA violation on the pages; a finding of a Sozialraumkonferenz is forwarded to the level
 * above (counter-current principle). Skipped when Chromium or its driver is missing.
 */
@WindowHeight(1600)
class ConferenceBrowserTest extends BrowserTestSupport {

	@Test
	void aPlannerPlansAConferenceAndWritesItsMinutes() throws IOException {
		logIn("planung");
		String title = "Browser-Konferenz " + System.nanoTime() % 100000;
		driver.get(base() + "/conferences/new");
		// an empty form: the error summary names the fields and links to them
		driver.findElement(By.cssSelector("#plan-form button[type=submit]")).click();
		WebElement problems = await().until(ExpectedConditions.visibilityOfElementLocated(By.id("problems")));
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
		await().until(ExpectedConditions.urlMatches("/conferences/\\d+$"));
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo(title);
		assertThat(driver.findElement(By.tagName("main")).getText()).contains("04.05.2027, 14:00");

		// agenda item, then its minutes
		driver.findElement(By.id("f-title")).sendKeys("Jugendarbeit in Nenzing");
		new Select(driver.findElement(By.id("f-ownerPersonId"))).selectByVisibleText("Lea Platzhalter (fiktiv)");
		driver.findElement(By.id("f-title")).submit();
		WebElement minutes = await()
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("textarea[name=minutes]")));
		minutes.sendKeys("Der Jugendtreff braucht längere Öffnungszeiten am Freitag.");
		minutes.submit();
		await().until(ExpectedConditions.textToBePresentInElementValue(By.cssSelector("textarea[name=minutes]"),
				"längere Öffnungszeiten"));

		// a decision with a task
		driver.findElement(By.id("f-text")).sendKeys("Öffnungszeiten ab Jänner verlängern");
		new Select(driver.findElement(By.id("f-agendaItemId"))).selectByIndex(1);
		new Select(driver.findElement(By.id("f-taskOwner"))).selectByVisibleText("Lea Platzhalter (fiktiv)");
		setValue("f-taskDue", "2027-01-15");
		driver.findElement(By.id("f-text")).submit();
		WebElement decisions = await().until(ExpectedConditions.visibilityOfElementLocated(By.id("decisions")));
		assertThat(decisions.getText()).contains("Öffnungszeiten ab Jänner verlängern", "Lea Platzhalter (fiktiv)",
				"15.01.2027", "offen");
		browser.screenshot("conference.png");
		((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView();", decisions);
		browser.screenshot("conference-decisions.png");
		assertThat(browser.audit("conference page", driver.getCurrentUrl()))
			.as("serious or critical accessibility violations").isEmpty();

		// approve and publish: the minutes page is public
		driver.findElement(By.id("approve")).click();
		await().until(ExpectedConditions.visibilityOfElementLocated(By.id("publish"))).click();
		await().until(ExpectedConditions.textToBe(By.id("minutes-status"), "veröffentlicht"));
		String conferenceUrl = driver.getCurrentUrl();
		driver.manage().deleteAllCookies();
		driver.get(conferenceUrl + "/minutes");
		assertThat(driver.findElement(By.tagName("main")).getText()).contains("längere Öffnungszeiten",
				"Öffnungszeiten ab Jänner verlängern");
		assertThat(browser.audit("public minutes", driver.getCurrentUrl()))
			.as("serious or critical accessibility violations").isEmpty();
	}

	@Test
	void aPlannerForwardsAFindingOfASozialraumkonferenzUpwards() throws IOException {
		logIn("planung");
		String title = "Gegenstrom-Konferenz " + System.nanoTime() % 100000;
		driver.get(base() + "/conferences/new");
		new Select(driver.findElement(By.id("f-type"))).selectByValue("SOZIALRAUM");
		driver.findElement(By.id("f-title")).sendKeys(title);
		setValue("f-startsAt", "2027-06-01T17:00");
		setValue("f-endsAt", "2027-06-01T19:00");
		driver.findElement(By.id("f-place")).sendKeys("Gemeindeamt Nenzing (fiktiv)");
		new Select(driver.findElement(By.id("f-areaId"))).selectByVisibleText("Nenzing (Gemeinde)");
		new Select(driver.findElement(By.id("f-visibility"))).selectByValue("PUBLIC");
		driver.findElement(By.cssSelector("#plan-form button[type=submit]")).click();
		await().until(ExpectedConditions.urlMatches("/conferences/\\d+$"));

		// minutes of an agenda item, then the finding goes up to the conference of the level above
		driver.findElement(By.id("f-title")).sendKeys("Wohnen im Walgau");
		driver.findElement(By.id("f-title")).submit();
		WebElement minutes = await()
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("textarea[name=minutes]")));
		minutes.sendKeys("Es fehlen leistbare Wohnungen für junge Erwachsene.");
		minutes.submit();
		WebElement form = await().until(ExpectedConditions.visibilityOfElementLocated(By.id("forward-form")));
		// an empty finding: the errors name the fields
		form.findElement(By.cssSelector("button[type=submit]")).click();
		WebElement problems = await().until(ExpectedConditions.visibilityOfElementLocated(By.id("problems")));
		assertThat(problems.getText()).contains("Titel des Anliegens", "Ergebnis oder Anliegen");
		new Select(driver.findElement(By.id("f-source"))).selectByIndex(1);
		driver.findElement(By.id("f-forwardTitle")).sendKeys("Leistbares Wohnen für junge Erwachsene");
		driver.findElement(By.id("f-forwardText")).sendKeys("Betrifft mehrere Gemeinden; bitte regional klären.");
		String target = new Select(driver.findElement(By.id("f-toConferenceId"))).getFirstSelectedOption().getText();
		driver.findElement(By.id("f-forwardText")).submit();
		WebElement sent = await().until(ExpectedConditions.visibilityOfElementLocated(
				By.cssSelector("#counter-current ol.forwarded li")));
		assertThat(sent.getText()).contains("Leistbares Wohnen für junge Erwachsene",
				target.substring(0, target.lastIndexOf(" (")));
		((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView();", sent);
		browser.screenshot("conference-forwarded.png");
		assertThat(browser.audit("conference page with a forwarded finding", driver.getCurrentUrl()))
			.as("serious or critical accessibility violations").isEmpty();

		// the demo's answered item from Nenzing: the region's page shows it as received and answered
		driver.get(base() + "/conferences");
		driver.findElement(By.linkText("Sozialregionskonferenz Bezirk Bludenz (fiktiv)")).click();
		WebElement counterCurrent = await()
			.until(ExpectedConditions.visibilityOfElementLocated(By.id("counter-current")));
		assertThat(counterCurrent.getText()).contains("Von unten eingegangen",
				"Längere Öffnungszeiten der Jugendtreffs im Walgau", "beantwortet");
		assertThat(browser.audit("region conference with a received item", driver.getCurrentUrl()))
			.as("serious or critical accessibility violations").isEmpty();

		// the edit page of the new conference
		driver.navigate().back();
		driver.get(base() + "/conferences");
		driver.findElement(By.linkText(title)).click();
		await().until(ExpectedConditions.elementToBeClickable(By.id("edit-link"))).click();
		await().until(ExpectedConditions.visibilityOfElementLocated(By.id("edit-form")));
		assertThat(browser.audit("conference edit page", driver.getCurrentUrl()))
			.as("serious or critical accessibility violations").isEmpty();
	}

	private void setValue(String id, String value) {
		((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];", driver.findElement(By.id(id)),
				value);
	}
}
