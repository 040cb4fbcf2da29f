package org.spange.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The pages in a real browser (headless Chromium): the map draws every area, a click on an area opens its page,
 * the language switch works, and axe-core finds no serious or critical WCAG 2.1 A/AA violations. Skipped when
 * Chromium or its driver is not installed.
 */
class BrowserTest extends BrowserTestSupport {

	static final int GEMEINDEN = 96;

	@Test
	void startPageShowsEveryGemeindeOnTheMapAndInTheTable() throws IOException {
		openStartPage();

		WebElement map = driver.findElement(By.id("area-map"));
		assertThat(map.findElements(By.cssSelector("path.leaflet-interactive"))).hasSize(GEMEINDEN);
		assertThat(driver.findElements(By.cssSelector(".table-panel table.data tbody tr"))).hasSize(GEMEINDEN);
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Gebiete der Region");
		browser.screenshot("start.png");
	}

	@Test
	void clickingAnAreaOnTheMapOpensItsPage() throws IOException {
		openStartPage();
		WebElement path = polygonUnderItsOwnCentre();

		// hovering highlights the area's row in the table: that tells which Gemeinde is under the pointer
		new Actions(driver).moveToElement(path).perform();
		WebElement row = await().until(
				ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".table-panel tr.highlight")));
		String id = row.getDomAttribute("data-area-id");
		String name = row.findElement(By.cssSelector("td a")).getText();
		assertThat(id).matches("\\d+");
		assertThat(name).isNotBlank();
		assertThat(await().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".area-tooltip")))
			.getText()).startsWith(name + " (");

		new Actions(driver).click().perform();
		await().until(ExpectedConditions.urlMatches("/areas/" + id + "$"));
		assertThat(driver.findElement(By.tagName("h1")).getText()).contains(name);
		waitForMap(1);
		browser.screenshot("area.png");
	}

	@Test
	void switchingTheLanguageShowsEnglishPages() {
		openStartPage();
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Gebiete der Region");

		driver.get(base() + "/?lang=en");
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Areas of the region");
		assertThat(driver.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("en");
		// the choice is kept (cookie) for the next page
		driver.get(base() + "/login");
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Log in");
	}

	@Test
	void publicPagesHaveNoSeriousAccessibilityViolations() {
		openStartPage();
		String start = driver.getCurrentUrl();
		String areaHref = driver.findElement(By.cssSelector(".table-panel tbody tr td a")).getDomProperty("href");
		StringBuilder serious = new StringBuilder();
		serious.append(browser.audit("start page", start));

		driver.get(areaHref);
		waitForMap(1);
		serious.append(browser.audit("area page", areaHref));

		driver.get(base() + "/login");
		serious.append(browser.audit("login page", driver.getCurrentUrl()));

		assertThat(serious.toString()).as("serious or critical accessibility violations").isEmpty();
	}

	@Test
	void adminPageHasNoSeriousAccessibilityViolations() {
		logIn("planung");

		driver.get(base() + "/admin/areas");
		await().until(ExpectedConditions.urlContains("/admin/areas"));
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Gebiete verwalten");
		assertThat(driver.findElement(By.cssSelector(".session .user")).getText()).isEqualTo("planung");

		assertThat(browser.audit("admin page", driver.getCurrentUrl())).as("serious or critical accessibility violations")
			.isEmpty();
	}

	@Test
	void theSocialIndexMapColoursEveryGemeindeByItsClass() throws IOException {
		logIn("planung");
		driver.get(base() + "/atlas/index/vorarlberg-sozialindex");
		waitForMap("index-map", GEMEINDEN);
		List<String> fills = driver.findElements(By.cssSelector("#index-map path.leaflet-interactive")).stream()
			.map(p -> p.getDomAttribute("fill")).toList();
		assertThat(fills).hasSize(GEMEINDEN)
			.allSatisfy(fill -> assertThat(fill).isIn("#2c7bb6", "#abd9e9", "#fdae61", "#d7191c", "#bdbdbd"));
		assertThat(new java.util.HashSet<>(fills)).as("more than one class").hasSizeGreaterThan(1);
		assertThat(driver.findElements(By.cssSelector(".table-panel tbody tr[data-fill]"))).hasSize(GEMEINDEN);
		browser.screenshot("social-index.png");
		assertThat(browser.audit("social index page", driver.getCurrentUrl())).as("serious or critical accessibility violations")
			.isEmpty();
	}

	// ---------------------------------------------------------------------------------------------------------

	private void openStartPage() {
		driver.get(base() + "/");
		waitForMap(GEMEINDEN);
	}

	private void waitForMap(int features) {
		waitForMap("area-map", features);
	}

	/** Waits until map.js has drawn the areas (it then sets data-feature-count); fails at once on a load error. */
	private void waitForMap(String mapId, int features) {
		await().withMessage(() -> "map with " + features + " features").until(d -> {
			WebElement map = d.findElement(By.id(mapId));
			String error = map.getDomAttribute("data-load-error");
			if (error != null) {
				throw new AssertionError("the map could not load its areas: " + error);
			}
			return String.valueOf(features).equals(map.getDomAttribute("data-feature-count"));
		});
		// map.js fits the view to the areas right after drawing them, which Leaflet animates: wait until the map
		// stands still (no zoom animation, same view and outlines on two polls) so that screenshots show it settled
		String[] last = { null };
		await().withMessage(() -> "map to settle").until(d -> {
			String state = (String) ((JavascriptExecutor) d).executeScript("""
					var el = document.getElementById(arguments[0]);
					if (el.classList.contains('leaflet-zoom-anim')) { return null; }
					var pane = el.querySelector('.leaflet-map-pane'), path = el.querySelector('path.leaflet-interactive');
					return (pane ? pane.style.transform : '') + '|' + (path ? path.getAttribute('d') : '');""", mapId);
			boolean settled = state != null && state.equals(last[0]);
			last[0] = state;
			return settled;
		});
	}

	/** An area whose bounding-box centre lies on the area itself, so the pointer lands on it there. */
	private WebElement polygonUnderItsOwnCentre() {
		WebElement map = driver.findElement(By.id("area-map"));
		((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", map);
		Object found = ((JavascriptExecutor) driver).executeScript("""
				var paths = arguments[0].querySelectorAll('path.leaflet-interactive'), best = null, size = 0;
				for (var i = 0; i < paths.length; i++) {
				  var r = paths[i].getBoundingClientRect();
				  var hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
				  if (hit === paths[i] && r.width * r.height > size) { best = paths[i]; size = r.width * r.height; }
				}
				return best;""", map);
		assertThat(found).as("an area on the map that can be clicked at its centre").isInstanceOf(WebElement.class);
		return (WebElement) found;
	}
}
