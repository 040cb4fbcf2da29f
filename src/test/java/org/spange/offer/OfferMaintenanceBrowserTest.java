package org.spange.offer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.spange.web.BrowserTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The maintenance pages in a real browser: a provider's "Meine Angebote" (also with location errors) and the
 * planners' review page with a pending change have no serious or critical WCAG 2.1 A/AA violations (axe-core).
 * Skipped when Chromium or its driver is not installed.
 */
class OfferMaintenanceBrowserTest extends BrowserTestSupport {

	@Autowired
	OfferCatalog catalog;

	@Autowired
	OfferReview review;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theProvidersPageIsAccessibleAlsoWithErrors() throws IOException {
		logIn("traeger");
		driver.get(base() + "/provider/offers");
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Meine Angebote");
		assertThat(driver.findElement(By.linkText("Meine Angebote")).isDisplayed()).isTrue();
		StringBuilder serious = new StringBuilder(browser.audit("provider page", driver.getCurrentUrl()));

		driver.findElement(By.id("loc-latitude")).sendKeys("nördlich");
		driver.findElement(By.cssSelector("form[action='/provider/locations'] button[type=submit]")).click();
		new WebDriverWait(driver, Duration.ofSeconds(30))
			.until(ExpectedConditions.presenceOfElementLocated(By.id("location-problems")));
		assertThat(driver.findElement(By.id("loc-latitude")).getDomProperty("value")).isEqualTo("nördlich");
		assertThat(driver.findElement(By.id("loc-latitude-error")).getText()).contains("keine Zahl");
		browser.screenshot("provider-offers-errors.png");
		serious.append(browser.audit("provider page with errors", driver.getCurrentUrl()));
		assertThat(serious.toString()).as("serious or critical accessibility violations").isEmpty();
	}

	@Test
	void theReviewPageWithAPendingChangeIsAccessible() throws IOException {
		Map<Long, Boolean> stored = new HashMap<>();
		jdbc.sql("select area_id, review_required from offer.review_rule").query((java.sql.ResultSet rs) -> {
			stored.put(rs.getLong(1), rs.getBoolean(2));
		});
		long organization = catalog.organizationsOf("traeger").iterator().next();
		Offer offer = catalog.offersOf(organization).get(0);
		Map<Long, Boolean> allOn = new HashMap<>();
		review.rules().forEach(r -> allOn.put(r.areaId(), true));
		long pending;
		try {
			review.setRules(allOn);
			pending = review.propose(offer.id(), new Offer(offer.id(), offer.organizationId(), offer.name(),
					"Neue Beschreibung (OfferMaintenanceBrowserTest)", offer.status(), offer.url(), offer.email(),
					offer.freeOfCharge(), offer.costText(), offer.applicationProcess(), offer.legalBasis(),
					offer.capacityPlaces(), offer.waitingTime(), offer.lastConfirmed(), offer.fieldsOfAction(),
					offer.targetGroup(), offer.targetGroups(), offer.minAge(), offer.maxAge(), offer.lifeSituations(),
					offer.approach(), offer.form(), offer.setting(), offer.languages(), offer.locationIds(),
					offer.serviceAreaIds(), offer.phones(), offer.schedules())).pendingChangeId();
		} finally {
			jdbc.sql("delete from offer.review_rule").update();
			stored.forEach((area, required) -> jdbc.sql(
					"insert into offer.review_rule (area_id, review_required, changed_by) values (?, ?, 'test')")
				.params(area, required).update());
		}
		try {
			logIn("planung");
			driver.get(base() + "/admin/offers/review");
			assertThat(driver.findElement(By.id("change-" + pending)).getText())
				.contains("Neue Beschreibung (OfferMaintenanceBrowserTest)");
			browser.screenshot("offer-review.png");
			assertThat(browser.audit("review page", driver.getCurrentUrl()))
				.as("serious or critical accessibility violations").isEmpty();
		} finally {
			review.reject(pending, "OfferMaintenanceBrowserTest beendet");
		}
	}

}
