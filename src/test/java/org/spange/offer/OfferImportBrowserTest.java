package org.spange.offer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.spange.web.BrowserTestSupport;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The offer import page in a real browser: upload with problems (error summary and report), upload of a near
 * duplicate (preview with a radio group per candidate), confirmation and result — each state without serious or
 * critical WCAG 2.1 A/AA violations (axe-core). Skipped when Chromium or its driver is not installed.
 */
class OfferImportBrowserTest extends BrowserTestSupport {

	@Autowired
	OfferCatalog catalog;

	private static String csv(Map<String, String> values) {
		List<String> cells = new ArrayList<>();
		for (OfferImport.Column c : OfferImport.CSV_COLUMNS) {
			cells.add(values.getOrDefault(c.key(), ""));
		}
		return String.join(";", OfferImport.CSV_COLUMNS.stream().map(OfferImport.Column::header).toList()) + "\n"
				+ String.join(";", cells) + "\n";
	}

	private void upload(Path file) {
		driver.get(base() + "/admin/offers/import");
		driver.findElement(By.id("f-file")).sendKeys(file.toAbsolutePath().toString());
		driver.findElement(By.cssSelector("form[action='/admin/offers/import'] button[type=submit]")).click();
	}

	@Test
	void everyStateOfTheImportPageIsAccessible() throws IOException {
		String u = UUID.randomUUID().toString().replace("-", "");
		long org = catalog.createOrganization(new Organization(null, "OfferImportBrowserTest Träger " + u, null, null,
				null, ProviderType.PUBLIC, null)).id();
		long location = catalog.createLocation(new Location(null, org, "OfferImportBrowserTest Standort " + u,
				"Kirchgasse 7", "6700", "Bludenz", "AT", null, null, false, null)).id();
		catalog.createOffer(new Offer(null, org, "OfferImportBrowserTest Lernhilfe " + u, null, Offer.Status.ACTIVE,
				null, null, true, null, null, null, null, null, null, List.of("bildung"), null, null, null, null, null,
				null, null, null, null, List.of(location), null, null, null));
		Path dir = Files.createTempDirectory("offer-import");
		Path bad = dir.resolve("fehler.csv");
		Files.writeString(bad, csv(Map.of("organization", "OfferImportBrowserTest Träger " + u, "offer",
				"OfferImportBrowserTest Fehler " + u, "fieldsOfAction", "gibtsnicht", "email", "keine-mail")),
				StandardCharsets.UTF_8);
		Path copy = dir.resolve("kopie.csv");
		Files.writeString(copy, csv(Map.of("organization", "OfferImportBrowserTest Träger " + u, "offer",
				"OfferImportBrowserTest Lernhlfe " + u, "fieldsOfAction", "bildung", "locationName",
				"OfferImportBrowserTest Standort " + u, "street", "Kirchgasse 7", "postalCode", "6700", "town",
				"Bludenz")), StandardCharsets.UTF_8);

		logIn("planung");
		driver.get(base() + "/admin/offers/import");
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Angebote importieren");
		StringBuilder serious = new StringBuilder(browser.audit("offer import page", driver.getCurrentUrl()));

		upload(bad);
		await().until(ExpectedConditions.presenceOfElementLocated(By.id("error-summary")));
		assertThat(driver.findElement(By.id("import-report")).getText()).contains("Zeile 2", "Handlungsfelder",
				"E-Mail");
		serious.append(browser.audit("offer import with problems", driver.getCurrentUrl()));

		upload(copy);
		await().until(ExpectedConditions.presenceOfElementLocated(By.id("d-offer-2-new")));
		assertThat(driver.findElement(By.tagName("legend")).getText()).contains("Zeile 2");
		browser.screenshot("offer-import-preview.png");
		serious.append(browser.audit("offer import preview", driver.getCurrentUrl()));

		driver.findElement(By.id("d-offer-2-new")).click();
		driver.findElement(By.cssSelector("form[action='/admin/offers/import/confirm'] button[type=submit]")).click();
		await().until(ExpectedConditions.presenceOfElementLocated(By.id("written-heading")));
		assertThat(driver.findElement(By.id("main")).getText()).contains("1 Angebot neu angelegt");
		serious.append(browser.audit("offer import result", driver.getCurrentUrl()));
		assertThat(serious.toString()).as("serious or critical accessibility violations").isEmpty();
	}

}
