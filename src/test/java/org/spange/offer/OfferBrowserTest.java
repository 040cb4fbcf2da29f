package org.spange.offer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.spange.web.BrowserTestSupport;
import org.spange.web.BrowserTestSupport.WindowHeight;

/**
 * The offer directory in a real browser: a misspelled search shows clustered markers and the results table, a
 * cluster opens into markers, a marker's popup leads to the detail page; axe-core finds no serious or critical WCAG
 * 2.1 A/AA violation on the search, detail and print pages. Skipped when Chromium or its driver is missing.
 */
@WindowHeight(1300)
class OfferBrowserTest extends BrowserTestSupport {

	@Test
	void searchMapDetail() throws IOException {
		driver.get(base() + "/offers");
		waitForMarkers();
		assertThat(browser.audit("offer directory", driver.getCurrentUrl())).as("serious or critical violations")
			.isEmpty();
		WebElement q = driver.findElement(By.id("f-q"));
		q.sendKeys("Schuldnerbratung");
		new Select(driver.findElement(By.id("f-free"))).selectByValue("true");
		driver.findElement(By.cssSelector("form.offer-search button[type=submit]")).click();
		await().until(ExpectedConditions.urlContains("q=Schuldnerbratung"));
		int markers = waitForMarkers();
		List<WebElement> rows = driver.findElements(By.cssSelector("#offers-table tbody tr"));
		assertThat(rows.stream().map(WebElement::getText).toList()).isNotEmpty().allMatch(t -> t.contains("Schuld"))
			.anyMatch(t -> t.contains("Schuldenberatung"));
		assertThat(markers).as("one marker per located offer of the table").isEqualTo(rows.size());
		browser.screenshot("offers-search.png");
		assertThat(browser.audit("offer search results", driver.getCurrentUrl())).isEmpty();

		// open clusters until single markers show, then follow a marker's popup to its offer
		for (int i = 0; i < 6 && singleMarkers().isEmpty(); i++) {
			driver.findElements(By.cssSelector("#offers-map .offer-cluster")).get(0).click();
			await().until(d -> !d.findElements(By.cssSelector("#offers-map .leaflet-marker-icon")).isEmpty());
			sleep(600);
		}
		WebElement marker = singleMarkers().get(0);
		String name = marker.getDomAttribute("title");
		marker.click();
		WebElement link = await().until(ExpectedConditions.elementToBeClickable(
				By.cssSelector("#offers-map .leaflet-popup-content a")));
		assertThat(link.getText()).isEqualTo(name);
		link.click();
		await().until(ExpectedConditions.textToBe(By.cssSelector("h1 span"), name));
		assertThat(driver.findElement(By.tagName("main")).getText()).contains("Öffnungszeiten", "Existenzsicherung",
				"kostenlos");
		await().until(d -> "1".equals(d.findElement(By.id("offer-map")).getDomAttribute("data-marker-count")));
		browser.screenshot("offer-detail.png");
		assertThat(browser.audit("offer detail", driver.getCurrentUrl())).isEmpty();

		driver.findElement(By.linkText("Druckansicht")).click();
		await().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("button[data-print]")));
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo(name);
		browser.screenshot("offer-print.png");
		assertThat(browser.audit("offer print view", driver.getCurrentUrl())).isEmpty();
	}

	@Test
	void theEnglishDirectoryIsAccessibleToo() {
		driver.get(base() + "/offers?lang=en&group=jugendliche");
		waitForMarkers();
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Find services");
		assertThat(browser.audit("English offer directory", driver.getCurrentUrl())).isEmpty();
	}

	@Test
	void aPlannerFixesTheFormAndSavesTheOffer() throws IOException {
		driver.manage().deleteAllCookies();
		logIn("planung");

		driver.get(base() + "/offers/new");
		assertThat(driver.findElement(By.id("o-locations")).getText()).contains("Wählen Sie zuerst den Träger");
		new Select(driver.findElement(By.id("o-organization"))).selectByIndex(1);
		// the organisation's locations come in without reloading the page
		await().ignoring(StaleElementReferenceException.class)
			.until(d -> !d.findElement(By.id("o-locations")).getText().contains("Wählen Sie zuerst"));
		List<WebElement> places = driver.findElements(By.cssSelector("#o-locations input[name=locations]"));
		assertThat(places).as("the first demo organisation has locations").isNotEmpty();
		places.get(0).click();
		driver.findElement(By.id("o-minAge")).sendKeys("12");
		driver.findElement(By.id("o-maxAge")).sendKeys("10");
		driver.findElement(By.id("o-free-no")).click();
		driver.findElement(By.cssSelector("form.offer-form button[type=submit]")).click();
		WebElement summary = await().until(ExpectedConditions.visibilityOfElementLocated(By.id("problems")));
		assertThat(summary.getText()).contains("Name des Angebots", "Handlungsfelder", "Kostenbeschreibung",
				"Alter bis");
		assertThat(driver.findElement(By.id("o-maxAge")).getDomProperty("value")).isEqualTo("10");
		assertThat(driver.findElements(By.cssSelector("#o-locations input[name=locations]:checked"))).hasSize(1);
		browser.screenshot("offer-form-problems.png");
		assertThat(browser.audit("offer form with problems", driver.getCurrentUrl())).isEmpty();

		// the summary's link takes the keyboard to the field
		summary.findElement(By.cssSelector("a[href='#o-name']")).click();
		driver.switchTo().activeElement().sendKeys("Elterncafé Browsertest (fiktiv)");
		driver.findElement(By.id("o-maxAge")).clear();
		driver.findElement(By.id("o-maxAge")).sendKeys("18");
		driver.findElement(By.id("o-field-familie")).click();
		driver.findElement(By.id("o-costText")).sendKeys("3 € pro Treffen");
		// a time input's typing depends on the browser's locale: set the value as a picker would
		((JavascriptExecutor) driver).executeScript("arguments[0].value = '09:00'; arguments[1].value = '11:30';",
				driver.findElement(By.id("o-opens-2")), driver.findElement(By.id("o-closes-2")));
		driver.findElement(By.cssSelector("form.offer-form button[type=submit]")).click();
		await().until(ExpectedConditions.textToBe(By.cssSelector("h1 span"), "Elterncafé Browsertest (fiktiv)"));
		assertThat(driver.findElement(By.tagName("main")).getText()).contains("Das Angebot wurde gespeichert.",
				"Mittwoch", "09:00–11:30 Uhr", "mit Kosten: 3 € pro Treffen", "Änderungsprotokoll");
		browser.screenshot("offer-saved.png");
		driver.manage().deleteAllCookies();
	}

	private static List<WebElement> singleMarkers() {
		return driver.findElements(By.cssSelector("#offers-map img.leaflet-marker-icon"));
	}

	/** Waits until the map has its markers and returns how many it placed. */
	private static int waitForMarkers() {
		return await().withMessage("markers on the offer map").until(d -> {
			WebElement map = d.findElement(By.id("offers-map"));
			String count = map.getDomAttribute("data-marker-count");
			assertThat(count).as(map.getDomAttribute("data-error")).isNotEqualTo("error");
			return count == null ? null : Integer.valueOf(count);
		});
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
