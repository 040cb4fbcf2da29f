package org.spange.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.spange.area.AreaQueries;
import org.spange.web.BrowserTestSupport;
import org.spange.web.BrowserTestSupport.WindowHeight;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A planner creates a goal and a measure for it through the pages in a real browser (headless Chromium): the empty
 * goal form shows its problems, the filled one saves, the measure names its responsible organisation among the
 * networks' actors beside a free text, links a conference decision and an offer, starts
 * and shows on the goal page; axe-core finds no serious or critical WCAG 2.1 A/AA violations on the forms, the goal,
 * the measure and the dashboard. Skipped when Chromium or its driver is not installed.
 */
@WindowHeight(1400)
class PlanningBrowserTest extends BrowserTestSupport {

	@Autowired
	AreaQueries areas;

	@Autowired
	Planning planning;

	@Autowired
	org.spange.indicator.IndicatorCatalog indicators;

	@Autowired
	org.spange.conference.Conferences conferences;

	@Autowired
	org.spange.offer.OfferCatalog offers;

	@Autowired
	org.spange.network.Networks networks;

	@Test
	void aPlannerCreatesAGoalWithAMeasure() throws IOException {
		String title = PlanningTestData.unique("Mehr Familien erreichen (Browsertest)");
		String measureTitle = PlanningTestData.unique("Familientreff (Browsertest)");
		long gemeinde = areas.byCode("gemeinde", "80101").orElseThrow().id().value();
		String decisionText = PlanningTestData.unique("Familientreff im Ortszentrum einrichten");
		org.spange.conference.Decision decision = PlanningDecisionLinkTest.decision(conferences, gemeinde,
				PlanningTestData.unique("Sozialraumkonferenz (Browsertest)"), decisionText);
		String offerName = PlanningTestData.unique("Familientreff-Angebot (Browsertest)");
		long offer = PlanningDecisionLinkTest.offer(offers, offerName);
		org.spange.network.ActorOrganization actor = networks.createOrganization(new org.spange.network.ActorOrganization(
				null, PlanningTestData.unique("Familienzentrum (Browsertest, fiktiv)"), null));
		logIn("planung");

		driver.get(base() + "/planning/goals/new");
		driver.findElement(By.cssSelector("#goal-form button[type=submit]")).click();
		await().until(ExpectedConditions.presenceOfElementLocated(By.id("problems")));
		assertThat(driver.findElement(By.id("problems")).getText()).contains("Titel", "Gebiet", "Leitlinien");
		assertThat(driver.findElement(By.id("f-title")).getDomAttribute("aria-describedby")).isEqualTo("err-f-title");
		browser.screenshot("planning-goal-form-errors.png");
		assertThat(browser.audit("goal form with errors", driver.getCurrentUrl()))
			.as("serious or critical accessibility violations").isEmpty();

		driver.findElement(By.id("f-title")).sendKeys(title);
		new Select(driver.findElement(By.id("f-areaId"))).selectByValue(Long.toString(gemeinde));
		driver.findElement(By.cssSelector("input[name=guidelineIds]")).click();
		driver.findElement(By.cssSelector("#goal-form button[type=submit]")).click();
		await().until(ExpectedConditions.urlMatches("/planning/goals/\\d+$"));
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo(title);

		driver.findElement(By.linkText("Neue Maßnahme")).click();
		await().until(ExpectedConditions.presenceOfElementLocated(By.id("measure-form")));
		// the goal and its area come preselected
		assertThat(driver.findElement(By.cssSelector("input[name=goalIds]:checked")).isSelected()).isTrue();
		driver.findElement(By.id("f-title")).sendKeys(measureTitle);
		// the responsible organisation among the networks' actors, a body outside them as free text
		new Select(driver.findElement(By.id("f-responsibleActorId"))).selectByValue(actor.id().toString());
		driver.findElement(By.id("f-responsible")).sendKeys("Familienreferat (Test)");
		date("f-startDate", "2026-01-01");
		date("f-endDate", "2027-12-31");
		driver.findElement(By.id("f-costEstimate")).sendKeys("12.500,50");
		// the decision that created it and the offer it creates
		WebElement decisionBox = driver.findElement(By.id("f-decision-" + decision.id()));
		((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView()", decisionBox);
		decisionBox.click();
		new Select(driver.findElement(By.id("f-offerIds"))).selectByValue(Long.toString(offer));
		browser.screenshot("planning-measure-form.png");
		assertThat(browser.audit("measure form", driver.getCurrentUrl()))
			.as("serious or critical accessibility violations").isEmpty();
		driver.findElement(By.cssSelector("#measure-form button[type=submit]")).click();
		await().until(ExpectedConditions.urlMatches("/planning/measures/\\d+$"));
		assertThat(driver.findElement(By.id("measure-status")).getText()).isEqualTo("geplant");
		assertThat(driver.findElement(By.cssSelector("dl.facts")).getText()).contains("12.500,50 €");
		assertThat(driver.findElement(By.id("measure-decisions")).getText()).contains(decisionText);
		assertThat(driver.findElement(By.cssSelector("#measure-decisions a")).getDomAttribute("href"))
			.isEqualTo("/conferences/" + decision.conferenceId() + "#decision-" + decision.id());
		assertThat(driver.findElement(By.id("measure-offers")).getText()).contains(offerName);
		assertThat(driver.findElement(By.id("measure-responsible")).getText()).contains(actor.name(),
				"Familienreferat (Test)");
		assertThat(driver.findElement(By.cssSelector("#measure-responsible a[data-actor]")).getDomAttribute("href"))
			.isEqualTo("/networks/graph#org-" + actor.id());

		new Select(driver.findElement(By.id("f-status"))).selectByValue("RUNNING");
		driver.findElement(By.id("f-note")).sendKeys("Start");
		driver.findElement(By.cssSelector("#status-form button[type=submit]")).click();
		await().until(ExpectedConditions.textToBe(By.id("measure-status"), "läuft"));
		assertThat(driver.findElement(By.id("history")).getText()).contains("geplant → läuft", "planung", "Start");
		assertThat(browser.audit("measure page", driver.getCurrentUrl()))
			.as("serious or critical accessibility violations").isEmpty();

		driver.findElement(By.cssSelector("nav.breadcrumb a[href*='/planning/goals/']")).click();
		await().until(ExpectedConditions.urlMatches("/planning/goals/\\d+$"));
		assertThat(driver.findElement(By.id("measure-table")).getText()).contains(measureTitle, "läuft");
		assertThat(driver.findElement(By.cssSelector("#goal-progress tr[data-scope=own]")).getText())
			.contains("0 von 1");
		browser.screenshot("planning-goal.png");
		assertThat(browser.audit("goal page", driver.getCurrentUrl()))
			.as("serious or critical accessibility violations").isEmpty();

		// an indicator target, so that the dashboard draws its chart (baseline entered: any indicator will do)
		String indicator = indicators.indicators(false).get(0).key();
		PlanningTestData.goal(planning, PlanningTestData.guideline(planning), gemeinde, null,
				new IndicatorTarget(indicator, "2020", 10.0, 20.0, "2030", Direction.INCREASE));
		driver.get(base() + "/planning");
		assertThat(driver.findElement(By.cssSelector(".site-header .work-bar nav")).getText()).contains("Planung");
		await().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#target-chart svg")));
		assertThat(driver.findElements(By.cssSelector("#target-table tbody tr"))).isNotEmpty();
		assertThat(driver.findElement(By.id("measure-table")).getText()).contains(measureTitle);
		browser.screenshot("planning-dashboard.png");
		((JavascriptExecutor) driver).executeScript("document.getElementById('targets-heading').scrollIntoView()");
		browser.screenshot("planning-dashboard-targets.png");
		assertThat(browser.audit("planning dashboard", driver.getCurrentUrl()))
			.as("serious or critical accessibility violations").isEmpty();

		// the measures by responsible organisation: chosen in the filter
		driver.get(base() + "/planning/measures");
		new Select(driver.findElement(By.id("f-actor"))).selectByValue(actor.id().toString());
		driver.findElement(By.cssSelector("#actor-filter button[type=submit]")).click();
		await().until(ExpectedConditions.presenceOfElementLocated(By.id("actor-summary")));
		assertThat(driver.getCurrentUrl()).contains("actor=" + actor.id());
		assertThat(driver.findElement(By.id("actor-summary")).getText()).contains(actor.name(), "verantwortlich für 1");
		assertThat(driver.findElement(By.id("measure-list")).getText()).contains(measureTitle, actor.name());
		browser.screenshot("planning-measures-by-actor.png");
		assertThat(browser.audit("measures by organisation", driver.getCurrentUrl()))
			.as("serious or critical accessibility violations").isEmpty();
	}

	private void date(String id, String iso) {
		WebElement input = driver.findElement(By.id(id));
		((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1]", input, iso);
	}
}
