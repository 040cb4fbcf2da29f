package org.spange.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.spange.web.BrowserTestSupport;
import org.spange.web.BrowserTestSupport.WindowHeight;

/**
 * "Meine Daten in Netzwerken" in a real browser as the demo provider {@code traeger} (linked to Max Muster): reached
 * from the networks list, it shows the person record, the networks and the consent; the withdrawal without its tick
 * comes back with the error at the checkbox, and nothing is withdrawn (the demo person keeps the consent). axe-core
 * finds no serious or critical WCAG 2.1 A/AA violation in either state. Skipped without Chromium.
 */
@WindowHeight(1300)
class OwnDataBrowserTest extends BrowserTestSupport {

	@Test
	void aLinkedUserSeesTheirDataAndTheWithdrawalAsksForTheTick() throws IOException {
		logIn("traeger");
		driver.get(base() + "/networks");
		driver.findElement(By.id("own-data-link")).click();
		WebElement main = await().until(ExpectedConditions.visibilityOfElementLocated(By.id("person-record")));
		assertThat(main.getText()).contains("Max Muster (fiktiv)", "max.muster@example.org", "Demo-Einwilligung v1");
		assertThat(driver.findElement(By.id("own-networks")).getText()).contains("(fiktiv)");
		browser.screenshot("own-data.png");
		assertThat(browser.audit("own data", driver.getCurrentUrl())).isEmpty();

		// the button without the tick: the error is announced and linked to the checkbox
		driver.findElement(By.cssSelector("#withdraw-form button[type=submit]")).click();
		WebElement error = await().until(ExpectedConditions.visibilityOfElementLocated(By.id("err-confirmWithdraw")));
		assertThat(error.getText()).contains("Häkchen");
		assertThat(driver.findElement(By.id("f-confirmWithdraw")).getAttribute("aria-describedby"))
			.isEqualTo("err-confirmWithdraw");
		assertThat(driver.findElements(By.id("withdrawn"))).isEmpty();
		browser.screenshot("own-data-unticked.png");
		assertThat(browser.audit("own data, withdrawal without tick", driver.getCurrentUrl())).isEmpty();
	}
}
