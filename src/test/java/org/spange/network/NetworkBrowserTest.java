package org.spange.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.spange.web.BrowserTestSupport;
import org.spange.web.BrowserTestSupport.WindowHeight;

/**
 * The network pages in a real browser as the demo provider {@code traeger}: its own network shows the members'
 * contact data, the other network hides it, the responsibility search answers "whom do I call about youth work in
 * Nenzing?", and axe-core finds no serious or critical WCAG 2.1 A/AA violation. Skipped without Chromium.
 */
@WindowHeight(1200)
class NetworkBrowserTest extends BrowserTestSupport {

	@Test
	void aMemberSeesItsNetworkAndFindsWhomToCall() throws IOException {
		logIn("traeger");

		driver.findElement(By.linkText("Netzwerke")).click();
		await().until(ExpectedConditions.urlContains("/networks"));
		assertThat(browser.audit("network list", driver.getCurrentUrl())).isEmpty();
		driver.findElement(By.linkText("Sozialraumkonferenz Bludenz (fiktiv)")).click();
		WebElement main = await().until(ExpectedConditions.visibilityOfElementLocated(By.tagName("main")));
		assertThat(main.getText()).contains("lea.platzhalter@example.org", "Koordination");
		browser.screenshot("network.png");
		assertThat(browser.audit("network page", driver.getCurrentUrl())).isEmpty();

		driver.get(base() + "/networks");
		driver.findElement(By.linkText("Netzwerk Frühe Hilfen Montafon (fiktiv)")).click();
		main = await().until(ExpectedConditions.visibilityOfElementLocated(By.tagName("main")));
		assertThat(main.getText()).contains("Jonas Probe (fiktiv)", "nur für Netzwerkmitglieder sichtbar")
			.doesNotContain("jonas.probe@example.org");

		driver.get(base() + "/networks/responsibilities");
		driver.findElement(By.id("f-q")).sendKeys("Jugendarbeit");
		new Select(driver.findElement(By.id("f-area"))).selectByVisibleText("Nenzing (Gemeinde)");
		driver.findElement(By.id("f-q")).submit();
		WebElement results = await().until(ExpectedConditions.visibilityOfElementLocated(By.id("resp-results")));
		assertThat(results.getText()).contains("Lea Platzhalter (fiktiv)", "Mobile Jugendarbeit (Streetwork)");
		browser.screenshot("responsibilities.png");
		assertThat(browser.audit("responsibility search", driver.getCurrentUrl())).isEmpty();
	}
}
