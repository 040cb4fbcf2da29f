package org.spange.needs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.spange.web.BrowserTestSupport;
import org.spange.web.BrowserTestSupport.WindowHeight;

/**
 * A planner chooses the demo projection on the needs page in a real browser (headless Chromium): the page shows the
 * projection year with today's and the projected demand side by side, the map still draws the areas, and axe-core
 * finds no serious or critical WCAG 2.1 A/AA violations on the projection view and on the scenario's page. Skipped
 * when Chromium or its driver is not installed.
 */
@WindowHeight(1400)
class SupplyDemandBrowserTest extends BrowserTestSupport {

	@Test
	void aPlannerLooksTenYearsAhead() throws IOException {
		logIn("planung");
		driver.get(base() + "/needs?category=tagesbetreuung-aeltere&scheme=vorarlberg-bezirke&level=bezirk");
		new Select(driver.findElement(By.id("n-scenario")))
			.selectByVisibleText("Bevölkerungsprognose bis 2041 (Demo-Annahme)");
		driver.findElement(By.cssSelector("form.atlas-form button[type=submit]")).click();
		await().until(ExpectedConditions.presenceOfElementLocated(By.id("n-projection")));
		// ten years past the base by default; the year can be changed
		assertThat(new Select(driver.findElement(By.id("n-year"))).getFirstSelectedOption().getText())
			.isEqualTo("2036");
		assertThat(driver.findElement(By.id("n-projection")).getText()).isEqualTo("Prognose für 2036");
		assertThat(driver.findElement(By.cssSelector("#needs-table thead")).getText())
			.contains("Zielbevölkerung 2026", "Zielbevölkerung 2036 (Prognose)", "Veränderung", "Annahme");
		assertThat(driver.findElements(By.cssSelector("#needs-table tbody tr"))).hasSize(4);
		assertThat(driver.findElement(By.cssSelector("#needs-table tbody")).getText()).contains("übernommen von");
		await().until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#needs-map path.leaflet-interactive"),
				4));
		browser.screenshot("needs-projection.png");
		assertThat(browser.audit("needs page with a projection", driver.getCurrentUrl()))
			.as("serious or critical accessibility violations").isEmpty();

		driver.findElement(By.linkText("Bevölkerungsprognosen verwalten")).click();
		driver.findElement(By.linkText("Bevölkerungsprognose bis 2041 (Demo-Annahme)")).click();
		await().until(ExpectedConditions.presenceOfElementLocated(By.id("rates")));
		assertThat(driver.findElement(By.cssSelector("#rates-section table")).getText()).contains("Bezirk Bludenz",
				"-0,5 %");
		browser.screenshot("needs-projection-scenario.png");
		assertThat(browser.audit("projection scenario page", driver.getCurrentUrl()))
			.as("serious or critical accessibility violations").isEmpty();
	}
}
