package org.spange.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.spange.web.BrowserTestSupport;
import org.spange.web.BrowserTestSupport.WindowHeight;

/**
 * The network graph and the network review in a real browser as the demo provider {@code traeger}, a member of the
 * Sozialraumkonferenz Bludenz: the graph draws (SVG) beside a table sortable by keyboard, the review page shows the
 * finished round's trend, the open round says how many answers are missing and offers the answer form, and axe-core
 * finds no serious or critical WCAG 2.1 A/AA violation on any of them. Nothing is submitted: the demo stays as it
 * is. Skipped without Chromium.
 */
@WindowHeight(1200)
class NetworkGraphBrowserTest extends BrowserTestSupport {

	@Test
	void graphAndReviewPages() throws IOException {
		logIn("traeger");

		driver.get(base() + "/networks");
		driver.findElement(By.linkText("Netzwerkgrafik")).click();
		WebElement chart = await()
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#network-graph svg")));
		assertThat(chart.isDisplayed()).isTrue();
		WebElement table = driver.findElement(By.id("graph-table"));
		assertThat(table.getText()).contains("Familienberatung Walgau (fiktiv)", "Sozialplanung Vorarlberg (fiktiv)")
			.doesNotContain("Anna Beispiel");
		// sort by betweenness with the keyboard: descending on the second press, the broker first
		WebElement sort = table.findElement(By.cssSelector("thead th:nth-child(4) button.sort"));
		sort.sendKeys(Keys.ENTER);
		sort.sendKeys(Keys.ENTER);
		assertThat(table.findElement(By.cssSelector("thead th:nth-child(4)")).getAttribute("aria-sort"))
			.isEqualTo("descending");
		double first = Double.parseDouble(table.findElement(By.cssSelector("tbody tr:first-child td:nth-child(4)"))
			.getAttribute("data-sort"));
		for (WebElement cell : table.findElements(By.cssSelector("tbody td:nth-child(4)"))) {
			assertThat(Double.parseDouble(cell.getAttribute("data-sort"))).isLessThanOrEqualTo(first);
		}
		browser.screenshot("network-graph.png");
		assertThat(browser.audit("network graph", driver.getCurrentUrl())).isEmpty();

		driver.get(base() + "/networks");
		driver.findElement(By.linkText("Sozialraumkonferenz Bludenz (fiktiv)")).click();
		await().until(ExpectedConditions.visibilityOfElementLocated(By.linkText("Netzwerkreview"))).click();
		WebElement main = await().until(ExpectedConditions.visibilityOfElementLocated(By.id("trend-table")));
		assertThat(main.getText()).contains("Netzwerkreview, erste Runde (fiktiv)");
		assertThat(driver.findElement(By.tagName("main")).getText()).contains("Vereinbartes Konfliktverfahren");
		assertThat(driver.findElements(By.cssSelector("#trend-chart svg"))).isNotEmpty();
		browser.screenshot("network-reviews.png");
		assertThat(browser.audit("network reviews", driver.getCurrentUrl())).isEmpty();

		driver.findElement(By.linkText("Netzwerkreview, zweite Runde (fiktiv)")).click();
		WebElement hidden = await().until(ExpectedConditions.visibilityOfElementLocated(By.id("result-hidden")));
		assertThat(hidden.getText()).contains("Es fehlen 3 Antwort(en)");
		assertThat(driver.findElements(By.id("result-table"))).isEmpty();
		assertThat(driver.findElements(By.name("IDENTIFICATION"))).hasSize(5);
		browser.screenshot("network-review-open.png");
		assertThat(browser.audit("network review, open round", driver.getCurrentUrl())).isEmpty();

		driver.navigate().back();
		driver.findElement(By.linkText("Netzwerkreview, erste Runde (fiktiv)")).click();
		WebElement result = await().until(ExpectedConditions.visibilityOfElementLocated(By.id("result-table")));
		assertThat(result.getText()).contains("Vertrauen im Netzwerk");
		assertThat(driver.findElements(By.cssSelector("#result-chart svg"))).isNotEmpty();
		assertThat(browser.audit("network review, finished round", driver.getCurrentUrl())).isEmpty();
	}
}
