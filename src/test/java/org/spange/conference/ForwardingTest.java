package org.spange.conference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;
import org.spange.SpangeTest;
import org.spange.area.AreaQueries;
import org.spange.network.NetworkTestData;
import org.spange.network.Networks;
import org.spange.network.Viewer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The counter-current principle (Gegenstromverfahren): a finding of a Sozialraumkonferenz (Gemeinde Nenzing) goes up
 * to the Sozialregionskonferenz of its Bezirk, on to the county level (the Land) and the answer shows at the origin;
 * a Fallkonferenz's content never leaves it; who sees a forwarded item (public only when both minutes are published,
 * logged-in users, planners who may also forward); bad input is refused as a whole and writes nothing.
 */
@SpangeTest
class ForwardingTest {

	static final Viewer PLANNER = new Viewer("planung", true, false);

	@Autowired
	Conferences conferences;

	@Autowired
	Networks networks;

	@Autowired
	AreaQueries areas;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	record Levels(NetworkTestData d, Conference below, AgendaItem item, Conference region, Conference county) {
	}

	private long area(String level, String code) {
		return areas.byCode(level, code).orElseThrow().id().value();
	}

	private Levels levels(Conference.Visibility regionVisibility) {
		var d = NetworkTestData.create(networks, areas);
		Viewer coordinator = NetworkTestData.user(d.coordinator());
		Instant soon = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
		Conference below = conferences.plan(new Conference(null, Conference.Type.SOZIALRAUM, "Unten " + d.suffix(),
				soon, soon.plus(2, ChronoUnit.HOURS), "Gemeindeamt (fiktiv)", null, area("gemeinde", "80116"),
				d.network().id(), Conference.Visibility.PUBLIC, null, null), coordinator);
		AgendaItem item = conferences.addAgendaItem(below.id(), "Jugendtreff " + d.suffix(), null, coordinator);
		conferences.writeMinutes(below.id(), item.id(), "Der Jugendtreff schließt zu früh.", coordinator);
		Conference region = conferences.plan(new Conference(null, Conference.Type.SOZIALREGION,
				"Region " + d.suffix(), soon.plus(7, ChronoUnit.DAYS), soon.plus(7, ChronoUnit.DAYS).plus(3,
						ChronoUnit.HOURS), "Bezirkshauptmannschaft (fiktiv)", null, area("bezirk", "801"), null,
				regionVisibility, null, null), PLANNER);
		Conference county = conferences.plan(new Conference(null, Conference.Type.SOZIALREGION,
				"Land " + d.suffix(), soon.plus(14, ChronoUnit.DAYS), soon.plus(14, ChronoUnit.DAYS).plus(3,
						ChronoUnit.HOURS), "Landhaus (fiktiv)", null, area("land", "8"), null,
				Conference.Visibility.PUBLIC, null, null), PLANNER);
		return new Levels(d, below, item, region, county);
	}

	@Test
	void aFindingGoesUpTwoLevelsAndTheAnswerComesBackToTheOrigin() throws Exception {
		Levels l = levels(Conference.Visibility.PUBLIC);
		var d = l.d();
		String coordinator = d.coordinator().username();

		// the levels come from the areas; the Bezirk's conference is offered before the Land's
		Forwarding origin = conferences.forwarding(l.below().id(), NetworkTestData.user(d.coordinator()));
		assertThat(origin.level()).isEqualTo(Forwarding.Level.SOZIALRAUM);
		assertThat(origin.mayForward()).isTrue();
		assertThat(origin.targets()).extracting(Conference::id).containsSubsequence(l.region().id(), l.county().id());
		assertThat(conferences.forwarding(l.region().id(), PLANNER).level()).isEqualTo(Forwarding.Level.REGION);
		assertThat(conferences.forwarding(l.county().id(), PLANNER).level()).isEqualTo(Forwarding.Level.COUNTY);
		// nothing above the top level
		assertThat(conferences.forwarding(l.county().id(), PLANNER).targets()).extracting(Conference::id)
			.doesNotContain(l.region().id(), l.below().id());

		// Sozialraum → region, by the network's coordinator (an organiser of the conference)
		assertThat(send(post("/conferences/" + l.below().id() + "/forward").param("source", "item-" + l.item().id())
			.param("forwardTitle", "Öffnungszeiten " + d.suffix()).param("forwardText", "Länger offen am Freitag.")
			.param("toConferenceId", Long.toString(l.region().id())), coordinator, "PROVIDER").getStatus())
			.isEqualTo(302);
		Forwarding atRegion = conferences.forwarding(l.region().id(), PLANNER);
		assertThat(atRegion.incoming()).singleElement().satisfies(t -> {
			assertThat(t.first().title()).isEqualTo("Öffnungszeiten " + d.suffix());
			assertThat(t.first().fromAgendaItemId()).isEqualTo(l.item().id());
			assertThat(t.first().status()).isEqualTo(ForwardedItem.Status.FORWARDED);
		});
		long first = atRegion.incoming().get(0).first().id();
		String regionPage = send(get("/conferences/" + l.region().id()), "planung", "PLANNER")
			.getContentAsString();
		assertThat(regionPage).contains("Von unten eingegangen", "Öffnungszeiten " + d.suffix(), "Unten " + d.suffix());

		// the region takes it up and forwards it on to the county level
		assertThat(send(post("/conferences/" + l.region().id() + "/forwarded/" + first + "/agenda"), "planung",
				"PLANNER").getStatus()).isEqualTo(302);
		assertThat(conferences.view(l.region().id(), PLANNER).orElseThrow().agenda()).extracting(AgendaItem::title)
			.anySatisfy(title -> assertThat(title).contains("Öffnungszeiten " + d.suffix(), "Unten " + d.suffix()));
		assertThat(send(post("/conferences/" + l.region().id() + "/forward").param("source", "received-" + first)
			.param("forwardTitle", "Öffnungszeiten im ganzen Land " + d.suffix())
			.param("forwardText", "Betrifft mehrere Bezirke.").param("toConferenceId", Long.toString(l.county().id())),
				"planung", "PLANNER").getStatus()).isEqualTo(302);
		// once is enough
		assertThatThrownBy(() -> conferences.forward(l.region().id(), null, first, l.county().id(), "noch einmal",
				"noch einmal", PLANNER)).isInstanceOf(InvalidConferenceException.class)
			.satisfies(e -> assertThat(((InvalidConferenceException) e).problems()).containsKey("source"));

		// the county answers with a decision
		var countyTrail = conferences.forwarding(l.county().id(), PLANNER).incoming();
		assertThat(countyTrail).singleElement()
			.satisfies(t -> assertThat(t.first().previousId()).isEqualTo(first));
		long second = countyTrail.get(0).first().id();
		Decision decision = conferences.decide(l.county().id(), null, "Landesweites Pilotprojekt " + d.suffix(), null,
				null, PLANNER);
		assertThat(send(post("/conferences/" + l.county().id() + "/forwarded/" + second + "/answer")
			.param("answer", "Das Land fördert längere Öffnungszeiten " + d.suffix())
			.param("decisionId", Long.toString(decision.id())), "planung", "PLANNER").getStatus()).isEqualTo(302);

		// back at the origin: the whole way up with the answer
		Forwarding back = conferences.forwarding(l.below().id(), NetworkTestData.user(d.member()));
		assertThat(back.outgoing()).singleElement().satisfies(t -> {
			assertThat(t.hops()).extracting(ForwardedItem::toConferenceId).containsExactly(l.region().id(),
					l.county().id());
			assertThat(t.hops().get(0).status()).isEqualTo(ForwardedItem.Status.ON_AGENDA);
			assertThat(t.answer().answer()).isEqualTo("Das Land fördert längere Öffnungszeiten " + d.suffix());
			assertThat(t.answer().answerDecisionText()).isEqualTo("Landesweites Pilotprojekt " + d.suffix());
			assertThat(t.answer().answeredAt()).isNotNull();
		});
		String originPage = send(get("/conferences/" + l.below().id()), d.member().username(), "PROVIDER")
			.getContentAsString();
		assertThat(originPage).contains("Nach oben weitergeleitet", "Das Land fördert längere Öffnungszeiten "
				+ d.suffix(), "Landesweites Pilotprojekt " + d.suffix(), "Von oben beantwortet");
		// the middle level sees the answer from above too
		assertThat(conferences.forwarding(l.region().id(), PLANNER).incoming().get(0).answer()).isNotNull();
		assertThat(jdbc.sql("""
				select count(*) from access.audit_event where action in ('conference.forward',
				  'conference.forwarded.onAgenda', 'conference.forwarded.answer')
				  and subject_id in (?, ?, ?)""").params(Long.toString(l.below().id()), Long.toString(l.region().id()),
				Long.toString(l.county().id())).query(Long.class).single()).isEqualTo(4);
	}

	@Test
	void aFallkonferenzIsNeverForwarded() throws Exception {
		Levels l = levels(Conference.Visibility.PUBLIC);
		var d = l.d();
		Viewer coordinator = NetworkTestData.user(d.coordinator());
		Instant soon = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
		Conference fall = conferences.plan(new Conference(null, Conference.Type.CASE, "Fall " + d.suffix(), soon,
				soon.plus(1, ChronoUnit.HOURS), "Jugendamt (fiktiv)", null, area("gemeinde", "80116"),
				d.network().id(), Conference.Visibility.RESTRICTED, null, null), coordinator);
		AgendaItem item = conferences.addAgendaItem(fall.id(), "Hilfeplan", null, coordinator);
		conferences.writeMinutes(fall.id(), item.id(), "Vertraulich " + d.suffix(), coordinator);

		Forwarding none = conferences.forwarding(fall.id(), coordinator);
		assertThat(none.level()).isEqualTo(Forwarding.Level.NONE);
		assertThat(none.targets()).isEmpty();
		assertThat(none.mayForward()).isFalse();
		// even its organiser, even with a valid target, directly or through the form
		assertThatThrownBy(() -> conferences.forward(fall.id(), item.id(), null, l.region().id(), "Fall",
				"Vertraulich", coordinator)).isInstanceOf(InvalidConferenceException.class)
			.satisfies(e -> assertThat(((InvalidConferenceException) e).problems())
				.containsEntry("forward", "conference.check.notForwardable"));
		var response = send(post("/conferences/" + fall.id() + "/forward").param("source", "item-" + item.id())
			.param("forwardTitle", "Fall").param("forwardText", "Vertraulich " + d.suffix())
			.param("toConferenceId", Long.toString(l.region().id())), d.coordinator().username(), "PROVIDER");
		assertThat(response.getStatus()).isEqualTo(422);
		assertThat(response.getContentAsString()).contains("werden nie weitergeleitet");
		assertThat(jdbc.sql("select count(*) from conference.forwarded_item where from_conference_id = ? or text like ?")
			.params(fall.id(), "%" + d.suffix() + "%").query(Long.class).single()).isZero();
		// nor is a Fallkonferenz ever offered as a target
		assertThat(conferences.forwarding(l.below().id(), coordinator).targets()).extracting(Conference::type)
			.containsOnly(Conference.Type.SOZIALREGION);
	}

	@Test
	void whoSeesAForwardedItemAndWhoMayForward() throws Exception {
		Levels l = levels(Conference.Visibility.PUBLIC);
		var d = l.d();
		Viewer coordinator = NetworkTestData.user(d.coordinator());
		String title = "Sichtbarkeit " + d.suffix();
		ForwardedItem item = conferences.forward(l.below().id(), l.item().id(), null, l.region().id(), title,
				"Text " + d.suffix(), coordinator);
		conferences.answer(l.region().id(), item.id(), "Antwort " + d.suffix(), null, PLANNER);

		// logged in without any role in it: sees the item and the answer, but may not forward or answer
		Viewer outsider = NetworkTestData.user(d.outsider());
		Forwarding seen = conferences.forwarding(l.below().id(), outsider);
		assertThat(seen.outgoing()).singleElement().satisfies(t -> assertThat(t.answer().answer())
			.isEqualTo("Antwort " + d.suffix()));
		assertThat(seen.mayForward()).isFalse();
		assertThat(seen.targets()).isEmpty();
		String outsiderPage = send(get("/conferences/" + l.below().id()), d.outsider().username(), "PROVIDER")
			.getContentAsString();
		assertThat(outsiderPage).contains(title, "Antwort " + d.suffix()).doesNotContain("id=\"forward-form\"");
		assertThat(send(post("/conferences/" + l.below().id() + "/forward").param("source", "")
			.param("forwardTitle", "x").param("forwardText", "y").param("toConferenceId",
					Long.toString(l.region().id())), d.outsider().username(), "PROVIDER").getStatus())
			.isEqualTo(403);
		assertThat(send(post("/conferences/" + l.region().id() + "/forwarded/" + item.id() + "/answer")
			.param("answer", "fremd"), d.outsider().username(), "PROVIDER").getStatus()).isEqualTo(403);
		// a planner may forward
		assertThat(conferences.forwarding(l.below().id(), PLANNER).mayForward()).isTrue();
		assertThat(send(get("/conferences/" + l.below().id()), "planung", "PLANNER").getContentAsString())
			.contains("id=\"forward-form\"");

		// the public: only when both minutes are published
		String minutes = "/conferences/" + l.below().id() + "/minutes";
		conferences.approveMinutes(l.below().id(), coordinator);
		conferences.publishMinutes(l.below().id(), coordinator);
		var onlyLower = mvc.perform(get(minutes).with(anonymous())).andReturn().getResponse();
		assertThat(onlyLower.getStatus()).isEqualTo(200);
		assertThat(onlyLower.getContentAsString()).contains("Der Jugendtreff schließt zu früh.")
			.doesNotContain(title, "Antwort " + d.suffix());
		conferences.approveMinutes(l.region().id(), PLANNER);
		conferences.publishMinutes(l.region().id(), PLANNER);
		var both = mvc.perform(get(minutes).with(anonymous())).andReturn().getResponse().getContentAsString();
		assertThat(both).contains(title, "Antwort " + d.suffix(), "Region " + d.suffix());
		assertThat(mvc.perform(get("/conferences/" + l.region().id() + "/minutes").with(anonymous())).andReturn()
			.getResponse().getContentAsString()).contains(title, "Unten " + d.suffix());

		// an internal upper conference: the public never sees the item, logged-in users do
		Levels internal = levels(Conference.Visibility.INTERNAL);
		Viewer otherCoordinator = NetworkTestData.user(internal.d().coordinator());
		String hidden = "Intern weitergeleitet " + internal.d().suffix();
		conferences.forward(internal.below().id(), null, null, internal.region().id(), hidden, "Text",
				otherCoordinator);
		conferences.approveMinutes(internal.below().id(), otherCoordinator);
		conferences.publishMinutes(internal.below().id(), otherCoordinator);
		conferences.approveMinutes(internal.region().id(), PLANNER);
		assertThat(conferences.forwarding(internal.below().id(), Viewer.anonymous()).outgoing()).isEmpty();
		assertThat(mvc.perform(get("/conferences/" + internal.below().id() + "/minutes").with(anonymous()))
			.andReturn().getResponse().getContentAsString()).doesNotContain(hidden);
		assertThat(conferences.forwarding(internal.below().id(), NetworkTestData.user(internal.d().member()))
			.outgoing()).extracting(t -> t.first().title()).containsExactly(hidden);
	}

	@Test
	void badForwardingInputIsRefusedAsAWholeAndWritesNothing() throws Exception {
		Levels l = levels(Conference.Visibility.PUBLIC);
		var d = l.d();
		long before = jdbc.sql("select count(*) from conference.forwarded_item").query(Long.class).single();
		// the Land's conference as a "target" of the Land's own level, an empty title, no text
		var response = send(post("/conferences/" + l.below().id() + "/forward").param("source", "item-" + l.item().id())
			.param("forwardTitle", "").param("forwardText", "  ").param("toConferenceId", Long.toString(l.below().id())),
				d.coordinator().username(), "PROVIDER");
		assertThat(response.getStatus()).isEqualTo(422);
		assertThat(response.getContentAsString()).contains("id=\"err-forwardTitle\"", "id=\"err-forwardText\"",
				"id=\"err-toConferenceId\"", "href=\"#f-toConferenceId\"");
		// an unreadable source
		var unreadable = send(post("/conferences/" + l.below().id() + "/forward").param("source", "item-abc")
			.param("forwardTitle", "t").param("forwardText", "x").param("toConferenceId",
					Long.toString(l.region().id())), d.coordinator().username(), "PROVIDER");
		assertThat(unreadable.getStatus()).isEqualTo(422);
		assertThat(unreadable.getContentAsString()).contains("id=\"err-source\"");
		// an answer without text, a decision of another conference
		ForwardedItem item = conferences.forward(l.below().id(), null, null, l.region().id(), "t " + d.suffix(), "x",
				NetworkTestData.user(d.coordinator()));
		Decision foreign = conferences.decide(l.below().id(), null, "fremder Beschluss", null, null,
				NetworkTestData.user(d.coordinator()));
		var answer = send(post("/conferences/" + l.region().id() + "/forwarded/" + item.id() + "/answer")
			.param("answer", "").param("decisionId", Long.toString(foreign.id())), "planung", "PLANNER");
		assertThat(answer.getStatus()).isEqualTo(422);
		assertThat(answer.getContentAsString()).contains("id=\"err-answer\"", "id=\"err-decisionId\"");
		assertThat(jdbc.sql("select count(*) from conference.forwarded_item").query(Long.class).single())
			.isEqualTo(before + 1);
		assertThat(jdbc.sql("select status from conference.forwarded_item where id = ?").param(item.id())
			.query(String.class).single()).isEqualTo("FORWARDED");
	}

	private MockHttpServletResponse send(MockHttpServletRequestBuilder request, String username, String role)
			throws Exception {
		return mvc.perform(request.with(user(username).roles(role)).with(csrf())).andReturn().getResponse();
	}
}
