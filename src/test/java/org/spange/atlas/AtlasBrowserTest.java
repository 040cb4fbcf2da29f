package org.spange.atlas;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.spange.area.AreaQueries;
import org.spange.indicator.IndicatorCatalog;
import org.spange.indicator.ObservationImports;
import org.spange.web.BrowserTestSupport;
import org.spange.web.BrowserTestSupport.WindowHeight;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The atlas page in a real browser (headless Chromium): the choropleth colours every Gemeinde by its class and hatches
 * the one without data, a switch of the classification redraws map and legend, the table sorts by keyboard, and
 * axe-core finds no serious or critical WCAG 2.1 A/AA violations. Skipped when Chromium or its driver is missing.
 */
@WindowHeight(1300)
class AtlasBrowserTest extends BrowserTestSupport {

	static final String MISSING = "url(#atlas-hatch-missing)";
	static final String SUPPRESSED = "url(#atlas-hatch-suppressed)";

	@Autowired
	IndicatorCatalog catalog;

	@Autowired
	ObservationImports imports;

	@Autowired
	AreaQueries areas;

	@BeforeEach
	void data() {
		AtlasTestData.ensure(catalog, imports, areas);
	}

	@Test
	void theMapColoursEveryAreaAndTheClassificationSwitchRedrawsIt() throws IOException {
		driver.get(base() + "/atlas?key=" + AtlasTestData.SHARE + "&scheme=vorarlberg-bezirke&level=gemeinde");
		waitForMap(96);
		WebElement map = driver.findElement(By.id("atlas-map"));
		assertThat(map.getDomAttribute("data-method")).isEqualTo("quantiles");
		assertThat(map.getDomAttribute("data-classified-count")).isEqualTo("95");
		assertThat(fills()).as("5 class colours and the hatching of the Gemeinde without data").hasSize(6)
			.contains(MISSING);
		assertThat(driver.findElements(By.cssSelector("#atlas-legend li[data-class]"))).hasSize(5);
		assertThat(driver.findElement(By.id("atlas-reference")).getText()).contains("Vorarlberg: ");
		browser.screenshot("atlas-top.png");
		scrollTo("atlas-heading");
		browser.screenshot("atlas.png");
		scrollTo("atlas-legend");
		browser.screenshot("atlas-charts.png");

		// the classification: Jenks with 4 classes, chosen in the form (a GET form: the choice lands in the URL)
		new Select(driver.findElement(By.id("atlas-method"))).selectByValue("natural-breaks");
		new Select(driver.findElement(By.id("atlas-classes"))).selectByValue("4");
		driver.findElement(By.cssSelector("#atlas-form button[type=submit]")).click();
		await().until(ExpectedConditions.urlContains("method=natural-breaks"));
		assertThat(driver.getCurrentUrl()).contains("classes=4", "key=" + AtlasTestData.SHARE);
		waitForMap(96);
		map = driver.findElement(By.id("atlas-map"));
		assertThat(map.getDomAttribute("data-method")).isEqualTo("natural-breaks");
		assertThat(map.getDomAttribute("data-classes")).isEqualTo("4");
		assertThat(fills()).hasSize(5).contains(MISSING);
		assertThat(driver.findElements(By.cssSelector("#atlas-legend li[data-class]"))).hasSize(4);
		assertThat(driver.findElement(By.id("atlas-legend")).getText()).contains("Natürliche Brüche (Jenks)");
	}

	@Test
	void theTableSortsByButtonAndKeyboardAndAnnouncesIt() {
		driver.get(base() + "/atlas?key=" + AtlasTestData.SHARE + "&scheme=vorarlberg-bezirke&level=gemeinde");
		waitForMap(96);
		WebElement valueHead = driver.findElement(By.cssSelector("#atlas-table thead th:nth-child(3)"));
		WebElement button = valueHead.findElement(By.cssSelector("button.sort"));
		button.click();
		assertThat(valueHead.getDomAttribute("aria-sort")).isEqualTo("ascending");
		assertThat(driver.findElements(By.cssSelector("#atlas-table thead th[aria-sort]"))).hasSize(1);
		List<Double> ascending = values();
		assertThat(ascending).isSortedAccordingTo(Double::compare);
		// the row without a value stays last
		assertThat(lastRowStatus()).isEqualTo("missing");

		button.sendKeys(Keys.ENTER);
		assertThat(valueHead.getDomAttribute("aria-sort")).isEqualTo("descending");
		List<Double> descending = values();
		assertThat(descending.get(0)).isGreaterThanOrEqualTo(descending.get(descending.size() - 1));
		assertThat(driver.findElement(By.id("atlas-table-status")).getDomProperty("textContent"))
			.startsWith("Sortiert nach Wert").endsWith("absteigend");
		assertThat(lastRowStatus()).isEqualTo("missing");
	}

	@Test
	void withheldAreasAreHatchedForThePublicAndThePageIsAccessible() throws IOException {
		driver.get(base() + "/atlas?key=" + AtlasTestData.SMALL + "&scheme=vorarlberg-bezirke&level=gemeinde");
		waitForMap(96);
		assertThat(fills()).contains(SUPPRESSED);
		assertThat(driver.findElement(By.id("atlas-legend")).getText()).contains("geheim gehalten");
		scrollTo("atlas-heading");
		browser.screenshot("atlas-withheld.png");
		assertThat(browser.audit("atlas page", driver.getCurrentUrl())).as("serious or critical accessibility violations")
			.isEmpty();

		driver.get(base() + "/atlas?key=" + AtlasTestData.SYNTH_RATE + "&level=gemeinde&lang=en");
		waitForMap(96);
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Social atlas");
		assertThat(driver.findElement(By.id("atlas-synthetic")).getText()).contains("synthetic demo data");
		assertThat(browser.audit("English atlas page", driver.getCurrentUrl())).isEmpty();
	}

	// ---------------------------------------------------------------------------------------------------------

	private static void scrollTo(String id) {
		((JavascriptExecutor) driver).executeScript("document.getElementById(arguments[0]).scrollIntoView(true);", id);
	}

	private static Set<String> fills() {
		Set<String> fills = new HashSet<>();
		for (WebElement path : driver.findElements(By.cssSelector("#atlas-map path.leaflet-interactive"))) {
			fills.add(path.getDomAttribute("fill"));
		}
		return fills;
	}

	private static List<Double> values() {
		return driver.findElements(By.cssSelector("#atlas-table tbody tr")).stream()
			.map(r -> r.findElement(By.cssSelector("td.value")).getDomAttribute("data-sort"))
			.filter(s -> s != null && !s.isEmpty())
			.map(Double::valueOf)
			.toList();
	}

	private static String lastRowStatus() {
		List<WebElement> rows = driver.findElements(By.cssSelector("#atlas-table tbody tr"));
		return rows.get(rows.size() - 1).getDomAttribute("data-status");
	}

	/** Waits until atlas.js has drawn the areas, then until Leaflet's fit animation has settled. */
	private static void waitForMap(int features) {
		await().withMessage(() -> "atlas map with " + features + " features").until(d -> {
			WebElement map = d.findElement(By.id("atlas-map"));
			String error = map.getDomAttribute("data-load-error");
			if (error != null) {
				throw new AssertionError("the map could not load: " + error);
			}
			return String.valueOf(features).equals(map.getDomAttribute("data-feature-count"));
		});
		String[] last = { null };
		await().withMessage(() -> "map to settle").until(d -> {
			String state = (String) ((JavascriptExecutor) d).executeScript("""
					var el = document.getElementById('atlas-map');
					if (el.classList.contains('leaflet-zoom-anim')) { return null; }
					var pane = el.querySelector('.leaflet-map-pane'), path = el.querySelector('path.leaflet-interactive');
					return (pane ? pane.style.transform : '') + '|' + (path ? path.getAttribute('d') : '');""");
			boolean settled = state != null && state.equals(last[0]);
			last[0] = state;
			return settled;
		});
	}
}
