package org.spange.conference.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.spange.access.AuditLog;
import org.spange.area.AreaHierarchy;
import org.spange.area.AreaId;
import org.spange.area.AreaQueries;
import org.spange.conference.AgendaItem;
import org.spange.conference.Conference;
import org.spange.conference.ConferenceView;
import org.spange.conference.Conferences;
import org.spange.conference.Decision;
import org.spange.conference.ForwardedItem;
import org.spange.conference.Forwarding;
import org.spange.conference.InvalidConferenceException;
import org.spange.conference.Invitation;
import org.spange.conference.Task;
import org.spange.network.Networks;
import org.spange.network.PersonView;
import org.spange.network.Viewer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional
class JdbcConferences implements Conferences {

	static final ZoneId VIENNA = ZoneId.of("Europe/Vienna");
	private static final DateTimeFormatter GERMAN = DateTimeFormatter.ofPattern("dd.MM.yyyy, HH:mm").withZone(VIENNA);

	private final JdbcClient jdbc;
	private final AuditLog audit;
	private final AreaQueries areas;
	private final Networks networks;
	private final InvitationMailer mailer;
	private final String baseUrl;

	JdbcConferences(JdbcClient jdbc, AuditLog audit, AreaQueries areas, Networks networks, InvitationMailer mailer,
			@Value("${spange.base-url:http://localhost:8080}") String baseUrl) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.areas = areas;
		this.networks = networks;
		this.mailer = mailer;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	@Override
	public Conference plan(Conference c, Viewer viewer) {
		// who may plan is decided first: nobody learns about validation rules they cannot use
		if (!viewer.planner() && (c.networkId() == null || !networks.coordinates(viewer.username(), c.networkId()))) {
			throw new SecurityException("only planners and network coordinators plan conferences");
		}
		Map<String, String> problems = new LinkedHashMap<>();
		if (c.type() == null) {
			problems.put("type", "conference.check.type");
		}
		checkSchedule(c, problems);
		String title = trim(c.title());
		String place = trim(c.place());
		String url = trim(c.onlineUrl());
		if (c.areaId() != null && areas.area(new AreaId(c.areaId())).isEmpty()) {
			problems.put("areaId", "conference.check.area");
		}
		if (c.networkId() != null && networks.network(c.networkId()).isEmpty()) {
			problems.put("networkId", "conference.check.network");
		}
		// a Fallkonferenz is always restricted, whatever was asked for
		Conference.Visibility visibility = c.type() == Conference.Type.CASE ? Conference.Visibility.RESTRICTED
				: c.visibility();
		if (visibility == null) {
			problems.put("visibility", "conference.check.visibility");
		}
		if (c.type() == Conference.Type.NETWORK_MEETING && c.networkId() == null) {
			problems.put("networkId", "conference.check.networkNeeded");
		}
		if (!problems.isEmpty()) {
			throw new InvalidConferenceException(problems);
		}
		long id = jdbc.sql("""
				insert into conference.conference (type, title, starts_at, ends_at, place, online_url, area_id,
				    network_id, visibility, created_by)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(c.type().name(), title, Timestamp.from(c.startsAt()), Timestamp.from(c.endsAt()), place, url,
					c.areaId(), c.networkId(), visibility.name(), viewer.username())
			.query(Long.class).single();
		audit.record("conference.plan", "conference", Long.toString(id), Map.of("type", c.type().name()));
		return conference(id).orElseThrow();
	}

	/** Title, time, place and online link: the checks shared by planning and editing. */
	private static void checkSchedule(Conference c, Map<String, String> problems) {
		String title = trim(c.title());
		if (title == null || title.length() > 200) {
			problems.put("title", "conference.check.title");
		}
		if (c.startsAt() == null) {
			problems.put("startsAt", "conference.check.startsAt");
		}
		if (c.endsAt() == null) {
			problems.put("endsAt", "conference.check.endsAt");
		} else if (c.startsAt() != null && !c.endsAt().isAfter(c.startsAt())) {
			problems.put("endsAt", "conference.check.endsAfterStart");
		}
		String place = trim(c.place());
		String url = trim(c.onlineUrl());
		if (place != null && place.length() > 300) {
			problems.put("place", "conference.check.tooLong");
		}
		if (url != null && (!url.matches("^https?://\\S+$") || url.length() > 500)) {
			problems.put("onlineUrl", "conference.check.url");
		}
		if (place == null && url == null) {
			problems.put("place", "conference.check.placeOrUrl");
		}
	}

	private static final String CONFERENCE_SQL = """
			select id, type, title, starts_at, ends_at, place, online_url, area_id, network_id, visibility,
			       minutes_status, created_by, cancelled_at from conference.conference""";

	private static Conference conference(ResultSet rs) throws SQLException {
		return new Conference(rs.getLong("id"), Conference.Type.valueOf(rs.getString("type")), rs.getString("title"),
				rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("ends_at").toInstant(),
				rs.getString("place"), rs.getString("online_url"), (Long) rs.getObject("area_id"),
				(Long) rs.getObject("network_id"), Conference.Visibility.valueOf(rs.getString("visibility")),
				Conference.MinutesStatus.valueOf(rs.getString("minutes_status")), rs.getString("created_by"),
				rs.getTimestamp("cancelled_at") == null ? null : rs.getTimestamp("cancelled_at").toInstant());
	}

	private Optional<Conference> conference(long id) {
		return jdbc.sql(CONFERENCE_SQL + " where id = ?").param(id).query((rs, n) -> conference(rs)).optional();
	}

	private boolean invited(long conferenceId, Viewer viewer) {
		Optional<Long> me = networks.personOf(viewer.username());
		return me.isPresent() && jdbc.sql("select count(*) from conference.invitation where conference_id = ? and person_id = ?")
			.params(conferenceId, me.get()).query(Long.class).single() > 0;
	}

	/** Logged-in users see public and internal conferences; restricted ones only the invited, their planner, admins. */
	private boolean maySee(Conference c, Viewer viewer) {
		if (!viewer.loggedIn()) {
			return false;
		}
		if (!c.restricted()) {
			return true;
		}
		return viewer.admin() || viewer.username().equals(c.createdBy()) || invited(c.id(), viewer);
	}

	private boolean mayEdit(Conference c, Viewer viewer) {
		return maySee(c, viewer) && (viewer.planner() || viewer.username().equals(c.createdBy())
				|| c.networkId() != null && networks.coordinates(viewer.username(), c.networkId()));
	}

	/** Minutes are approved by the network's coordinator or a planner (of a restricted one: who may see it). */
	private boolean mayApprove(Conference c, Viewer viewer) {
		return maySee(c, viewer) && (viewer.planner()
				|| c.networkId() != null && networks.coordinates(viewer.username(), c.networkId()));
	}

	/** Visible and editable, or a {@link SecurityException}; absent when the viewer may not even see it. */
	private Conference editable(long id, Viewer viewer) {
		Conference c = conference(id).filter(x -> maySee(x, viewer))
			.orElseThrow(() -> new java.util.NoSuchElementException("conference " + id));
		if (!mayEdit(c, viewer)) {
			throw new SecurityException("may not edit conference " + id);
		}
		return c;
	}

	/** A cancelled conference takes no more invitations, agenda, attendance, minutes or decisions. */
	private static Conference notCancelled(Conference c, String field) {
		if (c.cancelled()) {
			throw new InvalidConferenceException(Map.of(field, "conference.check.cancelled"));
		}
		return c;
	}

	/** Invitations only while the conference takes them ({@link Conference#takesInvitations}). */
	private static Conference stillAhead(Conference c, String field) {
		notCancelled(c, field);
		if (!c.takesInvitations(java.time.Instant.now())) {
			throw new InvalidConferenceException(Map.of(field, "conference.check.over"));
		}
		return c;
	}

	/**
	 * Agenda, attendance and decisions are part of the minutes: they change only while the minutes are a draft (and
	 * the conference is not cancelled), so that approved minutes stay as approved.
	 */
	private static Conference minutesOpen(Conference c, String field) {
		notCancelled(c, field);
		if (!c.minutesOpen()) {
			throw new InvalidConferenceException(Map.of(field, "conference.check.minutesLocked"));
		}
		return c;
	}

	@Override
	@Transactional(readOnly = true)
	public List<Conference> visible(Viewer viewer) {
		if (!viewer.loggedIn()) {
			return List.of();
		}
		return jdbc.sql(CONFERENCE_SQL + " order by starts_at, id").query((rs, n) -> conference(rs)).list().stream()
			.filter(c -> maySee(c, viewer)).toList();
	}

	@Override
	public Optional<ConferenceView> view(long id, Viewer viewer) {
		Optional<Conference> found = conference(id).filter(c -> maySee(c, viewer));
		found.filter(Conference::restricted).ifPresent(c -> audit.record("conference.restricted.read", "conference",
				Long.toString(id), Map.of("type", c.type().name())));
		return found.map(c -> assemble(c, viewer));
	}

	@Override
	public Optional<org.spange.conference.DecisionSummary> decision(long decisionId, Viewer viewer) {
		record Row(long conferenceId, String text) {
		}
		Optional<Row> row = jdbc.sql("select conference_id, text from conference.decision where id = ?")
			.param(decisionId).query((rs, n) -> new Row(rs.getLong(1), rs.getString(2))).optional();
		if (row.isEmpty()) {
			return Optional.empty();
		}
		Optional<Conference> found = conference(row.get().conferenceId()).filter(c -> maySee(c, viewer));
		found.filter(Conference::restricted).ifPresent(c -> audit.record("conference.restricted.read", "conference",
				Long.toString(c.id()), Map.of("type", c.type().name(), "decision", decisionId)));
		return found.map(c -> new org.spange.conference.DecisionSummary(decisionId, row.get().text(), c.id(),
				c.title(), c.startsAt(), c.areaId()));
	}

	@Override
	public Optional<ConferenceView> minutes(long id, Viewer viewer) {
		Optional<Conference> c = conference(id);
		if (c.isPresent() && c.get().visibility() == Conference.Visibility.PUBLIC
				&& c.get().minutesStatus() == Conference.MinutesStatus.PUBLISHED && !viewer.loggedIn()) {
			return Optional.of(assemble(c.get(), viewer));
		}
		return view(id, viewer);
	}

	private ConferenceView assemble(Conference c, Viewer viewer) {
		Map<Long, String> names = viewer.loggedIn()
				? networks.persons(viewer).stream().collect(Collectors.toMap(PersonView::id, PersonView::name))
				: Map.of();
		List<Invitation> invitations = !viewer.loggedIn() ? List.of() : jdbc.sql("""
				select person_id, sent_at, response from conference.invitation where conference_id = ?""")
			.param(c.id())
			.query((rs, n) -> new Invitation(c.id(), rs.getLong(1), names.get(rs.getLong(1)), instant(rs, 2),
					rs.getString(3) == null ? null : Invitation.Response.valueOf(rs.getString(3))))
			.list().stream().sorted(java.util.Comparator.comparing(i -> String.valueOf(i.personName()))).toList();
		List<AgendaItem> agenda = jdbc.sql("""
				select id, position, title, owner_person_id, minutes from conference.agenda_item
				where conference_id = ? order by position""")
			.param(c.id())
			.query((rs, n) -> new AgendaItem(rs.getLong(1), c.id(), rs.getInt(2), rs.getString(3),
					(Long) rs.getObject(4), rs.getObject(4) == null ? null : names.get(rs.getLong(4)), rs.getString(5)))
			.list();
		Set<Long> attendees = !viewer.loggedIn() ? Set.of() : new HashSet<>(jdbc.sql(
				"select person_id from conference.attendance where conference_id = ?").param(c.id()).query(Long.class)
			.list());
		Map<Long, Task> tasks = tasks("t.conference_id = ?", c.id(), names).stream()
			.collect(Collectors.toMap(Task::decisionId, Function.identity()));
		List<Decision> decisions = jdbc.sql("""
				select id, agenda_item_id, text from conference.decision where conference_id = ? order by id""")
			.param(c.id())
			.query((rs, n) -> new Decision(rs.getLong(1), c.id(), (Long) rs.getObject(2), rs.getString(3),
					tasks.get(rs.getLong(1))))
			.list();
		boolean edit = mayEdit(c, viewer);
		boolean approve = c.minutesStatus() == Conference.MinutesStatus.DRAFT && mayApprove(c, viewer);
		boolean publish = c.minutesStatus() == Conference.MinutesStatus.APPROVED
				&& c.visibility() == Conference.Visibility.PUBLIC && mayApprove(c, viewer);
		Optional<Long> me = networks.personOf(viewer.username());
		Invitation mine = me.flatMap(p -> invitations.stream().filter(i -> i.personId() == p).findFirst())
			.orElse(null);
		return new ConferenceView(c, invitations, agenda, attendees, decisions, edit, approve, publish, mine);
	}

	private List<Task> tasks(String where, Object param, Map<Long, String> names) {
		return jdbc.sql("""
				select t.id, t.decision_id, t.conference_id, c.title, t.network_id, t.owner_person_id, t.title,
				       t.due, t.status
				from conference.task t join conference.conference c on c.id = t.conference_id
				where\s""" + where + " order by t.due, t.id")
			.param(param)
			.query((rs, n) -> new Task(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
					(Long) rs.getObject(5), rs.getLong(6), names.get(rs.getLong(6)), rs.getString(7),
					rs.getObject(8, LocalDate.class), Task.Status.valueOf(rs.getString(9))))
			.list();
	}

	@Override
	public void invite(long conferenceId, List<Long> personIds, Viewer viewer) {
		stillAhead(editable(conferenceId, viewer), "personIds");
		Map<String, String> problems = new LinkedHashMap<>();
		Set<Long> known = networks.persons(viewer).stream().map(PersonView::id).collect(Collectors.toSet());
		if (personIds == null || personIds.isEmpty()) {
			problems.put("personIds", "conference.check.persons");
		} else if (!known.containsAll(personIds)) {
			problems.put("personIds", "conference.check.person");
		}
		if (!problems.isEmpty()) {
			throw new InvalidConferenceException(problems);
		}
		for (Long person : new HashSet<>(personIds)) {
			jdbc.sql("""
					insert into conference.invitation (conference_id, person_id) values (?, ?)
					on conflict do nothing""").params(conferenceId, person).update();
		}
		audit.record("conference.invite", "conference", Long.toString(conferenceId),
				Map.of("persons", personIds.size()));
	}

	@Override
	public int sendInvitations(long conferenceId, Viewer viewer) {
		Conference c = stillAhead(editable(conferenceId, viewer), "personIds");
		List<Long> unsent = jdbc.sql("""
				select person_id from conference.invitation where conference_id = ? and sent_at is null
				order by person_id""").param(conferenceId).query(Long.class).list();
		String page = baseUrl + "/conferences/" + c.id();
		// a Fallkonferenz's e-mail carries no title: the case stays inside Spange
		String summary = c.type() == Conference.Type.CASE ? "Fallkonferenz" : c.title();
		// the invitation carries the event's current revision: sent after a notified rescheduling, it is that one
		String ical = ICalendar.of(c, summary, page, "REQUEST", sequence(c.id()), Instant.now());
		String when = GERMAN.format(c.startsAt());
		String subject = "Einladung: " + summary + " am " + when;
		String where = "Ort: " + (c.place() != null ? c.place() : c.onlineUrl()) + "\n";
		String body = "Sie sind eingeladen: " + summary + "\nBeginn: " + when + " Uhr\n" + where
				+ "Zusagen oder absagen: " + page + "\n\nDer Termin liegt als Kalenderdatei (einladung.ics) bei.\n";
		int sent = 0;
		for (Long person : unsent) {
			Optional<String> email = networks.emailForMessage(person);
			if (email.isPresent() && mailer.send(email.get(), subject, body, ical)) {
				jdbc.sql("update conference.invitation set sent_at = now() where conference_id = ? and person_id = ?")
					.params(conferenceId, person).update();
				sent++;
			}
		}
		audit.record("conference.invitations.send", "conference", Long.toString(conferenceId),
				Map.of("sent", sent, "unsent", unsent.size() - sent));
		return sent;
	}

	@Override
	public void respond(long conferenceId, Invitation.Response response, Viewer viewer) {
		Conference c = conference(conferenceId).filter(x -> maySee(x, viewer))
			.orElseThrow(() -> new java.util.NoSuchElementException("conference " + conferenceId));
		Long me = networks.personOf(viewer.username()).orElseThrow(() -> new SecurityException("no person"));
		if (response == null) {
			throw new InvalidConferenceException(Map.of("response", "conference.check.response"));
		}
		int updated = jdbc.sql("""
				update conference.invitation set response = ?, responded_at = now()
				where conference_id = ? and person_id = ?""").params(response.name(), c.id(), me).update();
		if (updated == 0) {
			throw new SecurityException("not invited");
		}
		audit.record("conference.respond", "conference", Long.toString(conferenceId),
				Map.of("response", response.name()));
	}

	/** An agenda item's title, trimmed; its problems (title, owner) all at once. */
	private String checkedItem(String title, Long ownerPersonId, Viewer viewer) {
		Map<String, String> problems = new LinkedHashMap<>();
		String t = trim(title);
		if (t == null || t.length() > 300) {
			problems.put("title", "conference.check.itemTitle");
		}
		if (ownerPersonId != null && networks.person(ownerPersonId, viewer).isEmpty()) {
			problems.put("ownerPersonId", "conference.check.person");
		}
		if (!problems.isEmpty()) {
			throw new InvalidConferenceException(problems);
		}
		return t;
	}

	@Override
	public AgendaItem addAgendaItem(long conferenceId, String title, Long ownerPersonId, Viewer viewer) {
		minutesOpen(editable(conferenceId, viewer), "title");
		String t = checkedItem(title, ownerPersonId, viewer);
		int position = jdbc.sql("select coalesce(max(position), 0) + 1 from conference.agenda_item where conference_id = ?")
			.param(conferenceId).query(Integer.class).single();
		long id = jdbc.sql("""
				insert into conference.agenda_item (conference_id, position, title, owner_person_id)
				values (?, ?, ?, ?) returning id""").params(conferenceId, position, t, ownerPersonId)
			.query(Long.class).single();
		audit.record("conference.agenda.add", "conference", Long.toString(conferenceId), Map.of("item", id));
		return new AgendaItem(id, conferenceId, position, t, ownerPersonId, null, null);
	}

	@Override
	public void recordAttendance(long conferenceId, List<Long> personIds, Viewer viewer) {
		minutesOpen(editable(conferenceId, viewer), "attendees");
		Set<Long> known = networks.persons(viewer).stream().map(PersonView::id).collect(Collectors.toSet());
		List<Long> ids = personIds == null ? List.of() : personIds;
		if (!known.containsAll(ids)) {
			throw new InvalidConferenceException(Map.of("attendees", "conference.check.person"));
		}
		jdbc.sql("delete from conference.attendance where conference_id = ?").param(conferenceId).update();
		for (Long person : new HashSet<>(ids)) {
			jdbc.sql("insert into conference.attendance (conference_id, person_id) values (?, ?)")
				.params(conferenceId, person).update();
		}
		audit.record("conference.attendance", "conference", Long.toString(conferenceId),
				Map.of("present", new HashSet<>(ids).size()));
	}

	@Override
	public void writeMinutes(long conferenceId, long agendaItemId, String minutes, Viewer viewer) {
		minutesOpen(editable(conferenceId, viewer), "minutes");
		Map<String, String> problems = new LinkedHashMap<>();
		String text = trim(minutes);
		if (text != null && text.length() > 20000) {
			problems.put("minutes", "conference.check.tooLong");
		}
		if (!problems.isEmpty()) {
			throw new InvalidConferenceException(problems);
		}
		int updated = jdbc.sql("update conference.agenda_item set minutes = ? where id = ? and conference_id = ?")
			.params(text, agendaItemId, conferenceId).update();
		if (updated == 0) {
			throw new java.util.NoSuchElementException("agenda item " + agendaItemId);
		}
		audit.record("conference.minutes.write", "conference", Long.toString(conferenceId),
				Map.of("item", agendaItemId));
	}

	@Override
	public Decision decide(long conferenceId, Long agendaItemId, String text, Long taskOwnerPersonId, LocalDate due,
			Viewer viewer) {
		Conference c = minutesOpen(editable(conferenceId, viewer), "text");
		Map<String, String> problems = new LinkedHashMap<>();
		String t = trim(text);
		if (t == null || t.length() > 2000) {
			problems.put("text", "conference.check.decision");
		}
		if (agendaItemId != null && jdbc.sql("select count(*) from conference.agenda_item where id = ? and conference_id = ?")
			.params(agendaItemId, conferenceId).query(Long.class).single() == 0) {
			problems.put("agendaItemId", "conference.check.agendaItem");
		}
		if (taskOwnerPersonId != null && networks.person(taskOwnerPersonId, viewer).isEmpty()) {
			problems.put("taskOwner", "conference.check.person");
		}
		if (taskOwnerPersonId != null && due == null) {
			problems.put("taskDue", "conference.check.due");
		}
		if (taskOwnerPersonId == null && due != null) {
			problems.put("taskOwner", "conference.check.owner");
		}
		if (!problems.isEmpty()) {
			throw new InvalidConferenceException(problems);
		}
		long id = jdbc.sql("""
				insert into conference.decision (conference_id, agenda_item_id, text) values (?, ?, ?) returning id""")
			.params(conferenceId, agendaItemId, t).query(Long.class).single();
		Task task = null;
		if (taskOwnerPersonId != null) {
			String title = t.length() > 300 ? t.substring(0, 299) + "…" : t;
			long taskId = jdbc.sql("""
					insert into conference.task (decision_id, conference_id, network_id, owner_person_id, title, due)
					values (?, ?, ?, ?, ?, ?) returning id""")
				.params(id, conferenceId, c.networkId(), taskOwnerPersonId, title, due).query(Long.class).single();
			task = new Task(taskId, id, conferenceId, c.title(), c.networkId(), taskOwnerPersonId, null, title, due,
					Task.Status.OPEN);
		}
		audit.record("conference.decide", "conference", Long.toString(conferenceId),
				task == null ? Map.of("decision", id) : Map.of("decision", id, "task", task.id()));
		return new Decision(id, conferenceId, agendaItemId, t, task);
	}

	@Override
	public void approveMinutes(long conferenceId, Viewer viewer) {
		Conference c = conference(conferenceId).filter(x -> maySee(x, viewer))
			.orElseThrow(() -> new java.util.NoSuchElementException("conference " + conferenceId));
		if (!mayApprove(c, viewer)) {
			throw new SecurityException("may not approve");
		}
		if (c.minutesStatus() != Conference.MinutesStatus.DRAFT) {
			throw new InvalidConferenceException(Map.of("minutes", "conference.check.alreadyApproved"));
		}
		jdbc.sql("""
				update conference.conference set minutes_status = 'APPROVED', approved_by = ?, approved_at = now()
				where id = ?""").params(viewer.username(), conferenceId).update();
		audit.record("conference.minutes.approve", "conference", Long.toString(conferenceId), Map.of());
	}

	@Override
	public void publishMinutes(long conferenceId, Viewer viewer) {
		Conference c = conference(conferenceId).filter(x -> maySee(x, viewer))
			.orElseThrow(() -> new java.util.NoSuchElementException("conference " + conferenceId));
		if (!mayApprove(c, viewer)) {
			throw new SecurityException("may not publish");
		}
		// internal and restricted conferences (every Fallkonferenz) are never published; the table refuses it too
		if (c.visibility() != Conference.Visibility.PUBLIC) {
			throw new InvalidConferenceException(Map.of("minutes", "conference.check.notPublic"));
		}
		if (c.minutesStatus() != Conference.MinutesStatus.APPROVED) {
			throw new InvalidConferenceException(Map.of("minutes", "conference.check.notApproved"));
		}
		jdbc.sql("update conference.conference set minutes_status = 'PUBLISHED', published_at = now() where id = ?")
			.param(conferenceId).update();
		audit.record("conference.minutes.publish", "conference", Long.toString(conferenceId), Map.of());
	}

	@Override
	@Transactional(readOnly = true)
	public List<Task> myOpenTasks(Viewer viewer) {
		Optional<Long> me = networks.personOf(viewer.username());
		if (me.isEmpty()) {
			return List.of();
		}
		return visibleTasks(tasks("t.status = 'OPEN' and t.owner_person_id = ?", me.get(), names(viewer)), viewer);
	}

	@Override
	@Transactional(readOnly = true)
	public List<Task> openTasksOfNetwork(long networkId, Viewer viewer) {
		if (!viewer.planner() && !networks.networksOf(viewer.username()).contains(networkId)) {
			return List.of();
		}
		return visibleTasks(tasks("t.status = 'OPEN' and t.network_id = ?", networkId, names(viewer)), viewer);
	}

	/** Tasks of restricted conferences only for those who may see the conference. */
	private List<Task> visibleTasks(List<Task> tasks, Viewer viewer) {
		return tasks.stream().filter(t -> conference(t.conferenceId()).filter(c -> maySee(c, viewer)).isPresent())
			.toList();
	}

	private Map<Long, String> names(Viewer viewer) {
		return networks.persons(viewer).stream().collect(Collectors.toMap(PersonView::id, PersonView::name));
	}

	@Override
	public void completeTask(long taskId, Viewer viewer) {
		var row = jdbc.sql("select conference_id, owner_person_id from conference.task where id = ?").param(taskId)
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) }).optional()
			.orElseThrow(() -> new java.util.NoSuchElementException("task " + taskId));
		Conference c = conference(row[0]).filter(x -> maySee(x, viewer))
			.orElseThrow(() -> new java.util.NoSuchElementException("task " + taskId));
		boolean owner = networks.personOf(viewer.username()).map(p -> p == row[1]).orElse(false);
		if (!owner && !mayEdit(c, viewer)) {
			throw new SecurityException("may not complete task " + taskId);
		}
		jdbc.sql("update conference.task set status = 'DONE', done_at = now() where id = ?").param(taskId).update();
		audit.record("conference.task.done", "conference.task", Long.toString(taskId), Map.of());
	}

	@Override
	public Optional<String> ical(long id, Viewer viewer) {
		return conference(id).filter(c -> maySee(c, viewer)).map(c -> {
			if (c.restricted()) {
				audit.record("conference.restricted.read", "conference", Long.toString(id), Map.of("as", "ical"));
			}
			return ICalendar.of(c, c.title(), baseUrl + "/conferences/" + c.id(), "PUBLISH", sequence(c.id()),
					Instant.now());
		});
	}

	// editing, cancelling and deleting (issue 7, second part)

	/** The iCalendar SEQUENCE of the conference's event as last sent. */
	private int sequence(long conferenceId) {
		return jdbc.sql("select ical_sequence from conference.conference where id = ?").param(conferenceId)
			.query(Integer.class).single();
	}

	/** Raises the iCalendar SEQUENCE by one for a new revision that is sent out; returns the new value. */
	private int raiseSequence(long conferenceId) {
		return jdbc.sql("""
				update conference.conference set ical_sequence = ical_sequence + 1 where id = ? returning ical_sequence""")
			.param(conferenceId).query(Integer.class).single();
	}

	/** Who had the invitation e-mail: they get every notice about the conference. */
	private List<Long> informed(long conferenceId) {
		return jdbc.sql("""
				select person_id from conference.invitation where conference_id = ? and sent_at is not null
				order by person_id""").param(conferenceId).query(Long.class).list();
	}

	@Override
	public org.spange.conference.Rescheduled update(long conferenceId, Conference changes, Viewer viewer) {
		Conference c = editable(conferenceId, viewer);
		Map<String, String> problems = new LinkedHashMap<>();
		if (c.cancelled()) {
			problems.put("startsAt", "conference.check.cancelled");
		} else if (!c.startsAt().isAfter(Instant.now())) {
			problems.put("startsAt", "conference.check.alreadyBegun");
		}
		checkSchedule(changes, problems);
		if (changes.startsAt() != null && !changes.startsAt().isAfter(Instant.now())) {
			problems.putIfAbsent("startsAt", "conference.check.startsInPast");
		}
		if (!problems.isEmpty()) {
			throw new InvalidConferenceException(problems);
		}
		jdbc.sql("""
				update conference.conference set title = ?, starts_at = ?, ends_at = ?, place = ?, online_url = ?
				where id = ?""")
			.params(trim(changes.title()), Timestamp.from(changes.startsAt()), Timestamp.from(changes.endsAt()),
					trim(changes.place()), trim(changes.onlineUrl()), conferenceId)
			.update();
		Conference after = conference(conferenceId).orElseThrow();
		int notified = notifyUpdate(c, after);
		audit.record("conference.update", "conference", Long.toString(conferenceId),
				Map.of("startsAt", changes.startsAt().toString(), "notified", notified));
		return new org.spange.conference.Rescheduled(after, notified);
	}

	/**
	 * Sends an update notice to everybody who had the invitation e-mail when time, place or link changed (a new
	 * title alone is no reason to write): what changed, old and new, and an updating calendar file (METHOD:REQUEST,
	 * the same UID, the SEQUENCE raised by one). A Fallkonferenz's notice names no case, as its invitation.
	 *
	 * @return how many notices were handed to the SMTP server
	 */
	private int notifyUpdate(Conference before, Conference after) {
		List<String> changes = new ArrayList<>();
		if (!before.startsAt().equals(after.startsAt())) {
			changes.add("Beginn: " + GERMAN.format(before.startsAt()) + " Uhr → " + GERMAN.format(after.startsAt())
					+ " Uhr");
		}
		if (!before.endsAt().equals(after.endsAt())) {
			changes.add("Ende: " + GERMAN.format(before.endsAt()) + " Uhr → " + GERMAN.format(after.endsAt()) + " Uhr");
		}
		if (!java.util.Objects.equals(before.place(), after.place())) {
			changes.add("Ort: " + orDash(before.place()) + " → " + orDash(after.place()));
		}
		if (!java.util.Objects.equals(before.onlineUrl(), after.onlineUrl())) {
			changes.add("Online-Link: " + orDash(before.onlineUrl()) + " → " + orDash(after.onlineUrl()));
		}
		List<Long> informed = informed(after.id());
		if (changes.isEmpty() || informed.isEmpty()) {
			return 0;
		}
		boolean isCase = after.type() == Conference.Type.CASE;
		if (!isCase && !before.title().equals(after.title())) {
			changes.add(0, "Titel: " + before.title() + " → " + after.title());
		}
		int sequence = raiseSequence(after.id());
		String page = baseUrl + "/conferences/" + after.id();
		String summary = isCase ? "Fallkonferenz" : after.title();
		String ical = ICalendar.of(after, summary, page, "REQUEST", sequence, Instant.now());
		String when = GERMAN.format(after.startsAt());
		String subject = "Geändert: " + summary + " am " + when;
		String body = "Die Konferenz „" + summary + "“ wurde geändert:\n\n" + String.join("\n", changes) + "\n\n"
				+ "Beginn jetzt: " + when + " Uhr\nOrt: " + (after.place() != null ? after.place() : after.onlineUrl())
				+ "\nMehr dazu: " + page
				+ "\n\nDie Kalenderdatei (aenderung.ics) aktualisiert den Termin in Ihrem Kalender.\n";
		int sent = 0;
		for (Long person : informed) {
			Optional<String> email = networks.emailForMessage(person);
			if (email.isPresent() && mailer.send(email.get(), subject, body, ical, "aenderung.ics", "REQUEST")) {
				sent++;
			}
		}
		return sent;
	}

	private static String orDash(String value) {
		return value == null ? "–" : value;
	}

	@Override
	public int cancel(long conferenceId, String notice, Viewer viewer) {
		Conference c = editable(conferenceId, viewer);
		Map<String, String> problems = new LinkedHashMap<>();
		if (c.cancelled()) {
			problems.put("confirm", "conference.check.cancelled");
		} else if (!c.endsAt().isAfter(Instant.now())) {
			problems.put("confirm", "conference.check.ended");
		}
		String text = trim(notice);
		if (text != null && text.length() > 2000) {
			problems.put("notice", "conference.check.tooLong");
		}
		if (!problems.isEmpty()) {
			throw new InvalidConferenceException(problems);
		}
		jdbc.sql("update conference.conference set cancelled_at = now(), cancel_notice = ? where id = ?")
			.params(text, conferenceId).update();
		// who had the invitation gets the notice; a Fallkonferenz's notice names no case and carries no free text
		List<Long> informed = informed(conferenceId);
		String page = baseUrl + "/conferences/" + c.id();
		boolean isCase = c.type() == Conference.Type.CASE;
		String summary = isCase ? "Fallkonferenz" : c.title();
		// the cancellation is the event's newest revision: one above the last invitation or update
		String ical = ICalendar.of(c, summary, page, "CANCEL", raiseSequence(conferenceId), Instant.now());
		String when = GERMAN.format(c.startsAt());
		String subject = "Abgesagt: " + summary + " am " + when;
		String body = "Die Konferenz „" + summary + "“ am " + when + " Uhr ist abgesagt.\n"
				+ (text != null && !isCase ? "\nHinweis: " + text + "\n" : "") + "\nMehr dazu: " + page
				+ "\n\nDie Kalenderdatei (absage.ics) nimmt den Termin aus Ihrem Kalender.\n";
		int sent = 0;
		for (Long person : informed) {
			Optional<String> email = networks.emailForMessage(person);
			if (email.isPresent() && mailer.send(email.get(), subject, body, ical, "absage.ics", "CANCEL")) {
				sent++;
			}
		}
		audit.record("conference.cancel", "conference", Long.toString(conferenceId),
				Map.of("notified", sent, "notNotified", informed.size() - sent));
		return sent;
	}

	@Override
	@Transactional(readOnly = true)
	public boolean deletable(long conferenceId, Viewer viewer) {
		Conference c = conference(conferenceId).filter(x -> maySee(x, viewer))
			.orElseThrow(() -> new java.util.NoSuchElementException("conference " + conferenceId));
		return isDraft(c);
	}

	private boolean isDraft(Conference c) {
		return c.minutesStatus() == Conference.MinutesStatus.DRAFT && jdbc.sql("""
				select (select count(*) from conference.invitation where conference_id = :c and sent_at is not null)
				     + (select count(*) from conference.decision where conference_id = :c)
				     + (select count(*) from conference.forwarded_item
				        where from_conference_id = :c or to_conference_id = :c)""")
			.param("c", c.id()).query(Long.class).single() == 0;
	}

	@Override
	public void delete(long conferenceId, Viewer viewer) {
		Conference c = editable(conferenceId, viewer);
		if (!isDraft(c)) {
			throw new InvalidConferenceException(Map.of("confirmDelete", "conference.check.notDraft"));
		}
		// invitations, agenda and attendance go with it (on delete cascade)
		jdbc.sql("delete from conference.conference where id = ?").param(conferenceId).update();
		audit.record("conference.delete", "conference", Long.toString(conferenceId),
				Map.of("type", c.type().name()));
	}

	/** An agenda item of an editable conference whose minutes are still a draft. */
	private AgendaItem draftItem(long conferenceId, long agendaItemId, Viewer viewer) {
		Conference c = editable(conferenceId, viewer);
		AgendaItem item = jdbc.sql("""
				select id, position, title, owner_person_id, minutes from conference.agenda_item
				where id = ? and conference_id = ?""").params(agendaItemId, conferenceId)
			.query((rs, n) -> new AgendaItem(rs.getLong(1), conferenceId, rs.getInt(2), rs.getString(3),
					(Long) rs.getObject(4), null, rs.getString(5)))
			.optional().orElseThrow(() -> new java.util.NoSuchElementException("agenda item " + agendaItemId));
		minutesOpen(c, "title");
		return item;
	}

	@Override
	public AgendaItem updateAgendaItem(long conferenceId, long agendaItemId, String title, Long ownerPersonId,
			Viewer viewer) {
		AgendaItem item = draftItem(conferenceId, agendaItemId, viewer);
		String t = checkedItem(title, ownerPersonId, viewer);
		jdbc.sql("update conference.agenda_item set title = ?, owner_person_id = ? where id = ?")
			.params(t, ownerPersonId, agendaItemId).update();
		audit.record("conference.agenda.update", "conference", Long.toString(conferenceId),
				Map.of("item", agendaItemId));
		return new AgendaItem(agendaItemId, conferenceId, item.position(), t, ownerPersonId, null, item.minutes());
	}

	@Override
	public void moveAgendaItem(long conferenceId, long agendaItemId, boolean up, Viewer viewer) {
		AgendaItem item = draftItem(conferenceId, agendaItemId, viewer);
		Optional<long[]> neighbour = jdbc.sql("select id, position from conference.agenda_item where conference_id = ? and "
				+ (up ? "position < ? order by position desc" : "position > ? order by position") + " limit 1")
			.params(conferenceId, item.position()).query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.optional();
		if (neighbour.isEmpty()) {
			return;
		}
		// positions are unique per conference: swap through 0, which no item has
		jdbc.sql("update conference.agenda_item set position = 0 where id = ?").param(agendaItemId).update();
		jdbc.sql("update conference.agenda_item set position = ? where id = ?").params(item.position(),
				neighbour.get()[0]).update();
		jdbc.sql("update conference.agenda_item set position = ? where id = ?").params(neighbour.get()[1],
				agendaItemId).update();
		audit.record("conference.agenda.move", "conference", Long.toString(conferenceId),
				Map.of("item", agendaItemId, "direction", up ? "up" : "down"));
	}

	@Override
	public void deleteAgendaItem(long conferenceId, long agendaItemId, Viewer viewer) {
		AgendaItem item = draftItem(conferenceId, agendaItemId, viewer);
		// its decisions stay, for the whole conference; an item taken up from below waits again
		jdbc.sql("update conference.decision set agenda_item_id = null where agenda_item_id = ?").param(agendaItemId)
			.update();
		jdbc.sql("""
				update conference.forwarded_item set status = 'FORWARDED', agenda_item_id = null
				where agenda_item_id = ? and status = 'ON_AGENDA'""").param(agendaItemId).update();
		jdbc.sql("delete from conference.agenda_item where id = ?").param(agendaItemId).update();
		// close the gap, lowest first so that positions stay unique on the way
		for (Long later : jdbc.sql("""
				select id from conference.agenda_item where conference_id = ? and position > ? order by position""")
			.params(conferenceId, item.position()).query(Long.class).list()) {
			jdbc.sql("update conference.agenda_item set position = position - 1 where id = ?").param(later).update();
		}
		audit.record("conference.agenda.delete", "conference", Long.toString(conferenceId),
				Map.of("item", agendaItemId));
	}

	// the counter-current principle (Gegenstromverfahren), see ADR 0004

	private Map<Long, Set<Long>> parents() {
		Map<Long, Set<Long>> parents = new HashMap<>();
		for (AreaHierarchy.Member m : areas.hierarchy().members()) {
			if (m.parent() != null) {
				parents.computeIfAbsent(m.area().value(), k -> new HashSet<>()).add(m.parent().value());
			}
		}
		return parents;
	}

	/** Every area above this one in any scheme, with its distance (1: the parent). */
	private static Map<Long, Integer> above(long areaId, Map<Long, Set<Long>> parents) {
		Map<Long, Integer> above = new HashMap<>();
		List<Long> level = List.of(areaId);
		for (int distance = 1; !level.isEmpty(); distance++) {
			List<Long> next = new ArrayList<>();
			for (Long area : level) {
				for (Long parent : parents.getOrDefault(area, Set.of())) {
					if (!above.containsKey(parent)) {
						above.put(parent, distance);
						next.add(parent);
					}
				}
			}
			level = next;
		}
		return above;
	}

	private static Forwarding.Level level(Conference c, Map<Long, Set<Long>> parents) {
		return switch (c.type()) {
			case CASE -> Forwarding.Level.NONE;
			case SOZIALRAUM, NETWORK_MEETING -> Forwarding.Level.SOZIALRAUM;
			case SOZIALREGION -> c.areaId() == null || parents.getOrDefault(c.areaId(), Set.of()).isEmpty()
					? Forwarding.Level.COUNTY : Forwarding.Level.REGION;
		};
	}

	/**
	 * Where a finding of this conference may go: a Sozialregionskonferenz whose area lies above this conference's
	 * area (one without an area stands for the whole territory), not restricted, not cancelled, minutes still a
	 * draft. Nearest level first, then the next upcoming, then the most recent past one.
	 */
	private List<Conference> targets(Conference from, Viewer viewer) {
		if (from.type() == Conference.Type.CASE || from.restricted() || from.cancelled() || from.areaId() == null) {
			return List.of();
		}
		Map<Long, Integer> above = above(from.areaId(), parents());
		Instant now = Instant.now();
		return jdbc.sql(CONFERENCE_SQL + " where type = 'SOZIALREGION' and visibility <> 'RESTRICTED'"
				+ " and cancelled_at is null and minutes_status = 'DRAFT' and id <> ?").param(from.id()).query((rs, n) -> conference(rs))
			.list().stream().filter(c -> c.areaId() == null || above.containsKey(c.areaId()))
			.filter(c -> maySee(c, viewer))
			.sorted(Comparator.<Conference>comparingInt(c -> c.areaId() == null ? Integer.MAX_VALUE
					: above.get(c.areaId()))
				.thenComparing(c -> c.endsAt().isAfter(now) ? 0 : 1)
				.thenComparingLong(c -> c.endsAt().isAfter(now) ? c.startsAt().toEpochMilli()
						: -c.startsAt().toEpochMilli()))
			.toList();
	}

	/**
	 * Whether the viewer may see a hop. Logged in: who may see both conferences (a restricted one never forwards or
	 * receives anything). The public: only when both conferences are public and the minutes of both are published —
	 * conservative on purpose: the finding is part of the lower minutes and the answer part of the upper ones, and
	 * neither may reach the public before its own conference released it.
	 */
	private boolean maySeeHop(Conference from, Conference to, Viewer viewer) {
		if (viewer.loggedIn()) {
			return maySee(from, viewer) && maySee(to, viewer);
		}
		return publicMinutes(from) && publicMinutes(to);
	}

	private static boolean publicMinutes(Conference c) {
		return c.visibility() == Conference.Visibility.PUBLIC
				&& c.minutesStatus() == Conference.MinutesStatus.PUBLISHED;
	}

	private static final String HOP_SQL = """
			select f.id, f.from_conference_id, fc.title as from_title, f.from_agenda_item_id, f.previous_id,
			       f.to_conference_id, tc.title as to_title, tc.starts_at as to_starts, f.title, f.text, f.status,
			       f.agenda_item_id, f.answer, f.answer_decision_id, d.text as decision_text, f.answered_at,
			       f.forwarded_at
			from conference.forwarded_item f
			join conference.conference fc on fc.id = f.from_conference_id
			join conference.conference tc on tc.id = f.to_conference_id
			left join conference.decision d on d.id = f.answer_decision_id""";

	private static ForwardedItem hop(ResultSet rs) throws SQLException {
		return new ForwardedItem(rs.getLong("id"), rs.getLong("from_conference_id"), rs.getString("from_title"),
				(Long) rs.getObject("from_agenda_item_id"), (Long) rs.getObject("previous_id"),
				rs.getLong("to_conference_id"), rs.getString("to_title"), rs.getTimestamp("to_starts").toInstant(),
				rs.getString("title"), rs.getString("text"), ForwardedItem.Status.valueOf(rs.getString("status")),
				(Long) rs.getObject("agenda_item_id"), rs.getString("answer"), (Long) rs.getObject("answer_decision_id"),
				rs.getString("decision_text"), rs.getTimestamp("answered_at") == null ? null
						: rs.getTimestamp("answered_at").toInstant(),
				rs.getTimestamp("forwarded_at").toInstant());
	}

	@Override
	@Transactional(readOnly = true)
	public Forwarding forwarding(long conferenceId, Viewer viewer) {
		Optional<Conference> found = conference(conferenceId)
			.filter(c -> viewer.loggedIn() ? maySee(c, viewer) : publicMinutes(c));
		if (found.isEmpty()) {
			return Forwarding.none(Forwarding.Level.NONE);
		}
		Conference c = found.get();
		Map<Long, Set<Long>> parents = parents();
		Forwarding.Level level = level(c, parents);
		if (level == Forwarding.Level.NONE) {
			return Forwarding.none(level);
		}
		// every hop into or out of this conference, and every hop further up from them
		List<ForwardedItem> hops = jdbc.sql("""
				with recursive chain (id) as (
				    select id from conference.forwarded_item where from_conference_id = :c or to_conference_id = :c
				    union
				    select f.id from conference.forwarded_item f join chain on f.previous_id = chain.id)
				""" + HOP_SQL + " where f.id in (select id from chain) order by f.forwarded_at, f.id")
			.param("c", conferenceId).query((rs, n) -> hop(rs)).list();
		Map<Long, Optional<Conference>> conferences = new HashMap<>();
		Map<Long, ForwardedItem> next = new HashMap<>();
		hops.stream().filter(h -> h.previousId() != null).forEach(h -> next.put(h.previousId(), h));
		List<Forwarding.Trail> incoming = new ArrayList<>();
		List<Forwarding.Trail> outgoing = new ArrayList<>();
		for (ForwardedItem h : hops) {
			boolean in = h.toConferenceId() == conferenceId;
			boolean out = h.fromConferenceId() == conferenceId && h.previousId() == null;
			if (!in && !out) {
				continue;
			}
			List<ForwardedItem> trail = new ArrayList<>();
			for (ForwardedItem step = h; step != null; step = next.get(step.id())) {
				Conference from = conferences.computeIfAbsent(step.fromConferenceId(), this::conference).orElseThrow();
				Conference to = conferences.computeIfAbsent(step.toConferenceId(), this::conference).orElseThrow();
				// the way up ends where the viewer may not follow it
				if (!maySeeHop(from, to, viewer)) {
					break;
				}
				trail.add(step);
			}
			if (!trail.isEmpty()) {
				(in ? incoming : outgoing).add(new Forwarding.Trail(trail));
			}
		}
		boolean edit = viewer.loggedIn() && mayEdit(c, viewer);
		return new Forwarding(level, incoming, outgoing, edit ? targets(c, viewer) : List.of(),
				edit && !c.restricted(), edit);
	}

	@Override
	public ForwardedItem forward(long conferenceId, Long agendaItemId, Long previousItemId, Long toConferenceId,
			String title, String text, Viewer viewer) {
		Conference c = editable(conferenceId, viewer);
		// a Fallkonferenz's content never leaves it, whatever is asked for (nor anything of a restricted conference)
		if (c.type() == Conference.Type.CASE || c.restricted()) {
			throw new InvalidConferenceException(Map.of("forward", "conference.check.notForwardable"));
		}
		Map<String, String> problems = new LinkedHashMap<>();
		if (c.cancelled()) {
			problems.put("forward", "conference.check.cancelled");
		}
		String t = trim(title);
		if (t == null || t.length() > 300) {
			problems.put("forwardTitle", "conference.check.itemTitle");
		}
		String body = trim(text);
		if (body == null || body.length() > 4000) {
			problems.put("forwardText", "conference.check.forwardText");
		}
		if (agendaItemId != null && jdbc.sql("select count(*) from conference.agenda_item where id = ? and conference_id = ?")
			.params(agendaItemId, conferenceId).query(Long.class).single() == 0) {
			problems.put("source", "conference.check.agendaItem");
		}
		if (previousItemId != null) {
			Optional<Long> receivedBy = jdbc.sql("select to_conference_id from conference.forwarded_item where id = ?")
				.param(previousItemId).query(Long.class).optional();
			if (receivedBy.isEmpty() || receivedBy.get() != conferenceId) {
				problems.put("source", "conference.check.forwardedItem");
			} else if (jdbc.sql("select count(*) from conference.forwarded_item where previous_id = ?")
				.param(previousItemId).query(Long.class).single() > 0) {
				problems.put("source", "conference.check.alreadyForwarded");
			}
		}
		if (toConferenceId == null
				|| targets(c, viewer).stream().noneMatch(target -> target.id().equals(toConferenceId))) {
			problems.put("toConferenceId", "conference.check.target");
		}
		if (!problems.isEmpty()) {
			throw new InvalidConferenceException(problems);
		}
		long id = jdbc.sql("""
				insert into conference.forwarded_item (from_conference_id, from_agenda_item_id, previous_id,
				    to_conference_id, title, text, forwarded_by)
				values (?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(conferenceId, agendaItemId, previousItemId, toConferenceId, t, body, viewer.username())
			.query(Long.class).single();
		audit.record("conference.forward", "conference", Long.toString(conferenceId),
				previousItemId == null ? Map.of("item", id, "to", toConferenceId)
						: Map.of("item", id, "to", toConferenceId, "previous", previousItemId));
		return jdbc.sql(HOP_SQL + " where f.id = ?").param(id).query((rs, n) -> hop(rs)).single();
	}

	/** An item forwarded to this (editable) conference, whose minutes are still a draft. */
	private ForwardedItem received(long conferenceId, long forwardedItemId, Viewer viewer, String field) {
		Conference c = editable(conferenceId, viewer);
		ForwardedItem item = jdbc.sql(HOP_SQL + " where f.id = ? and f.to_conference_id = ?")
			.params(forwardedItemId, conferenceId).query((rs, n) -> hop(rs)).optional()
			.orElseThrow(() -> new java.util.NoSuchElementException("forwarded item " + forwardedItemId));
		minutesOpen(c, field);
		return item;
	}

	@Override
	public AgendaItem putOnAgenda(long conferenceId, long forwardedItemId, Viewer viewer) {
		ForwardedItem item = received(conferenceId, forwardedItemId, viewer, "forward");
		if (item.status() != ForwardedItem.Status.FORWARDED) {
			throw new InvalidConferenceException(Map.of("forward", "conference.check.alreadyOnAgenda"));
		}
		String title = "Aus „" + item.fromConferenceTitle() + "“: " + item.title();
		AgendaItem agendaItem = addAgendaItem(conferenceId, title.length() > 300 ? title.substring(0, 299) + "…" : title,
				null, viewer);
		jdbc.sql("update conference.forwarded_item set status = 'ON_AGENDA', agenda_item_id = ? where id = ?")
			.params(agendaItem.id(), forwardedItemId).update();
		audit.record("conference.forwarded.onAgenda", "conference", Long.toString(conferenceId),
				Map.of("item", forwardedItemId, "agendaItem", agendaItem.id()));
		return agendaItem;
	}

	@Override
	public void answer(long conferenceId, long forwardedItemId, String answer, Long decisionId, Viewer viewer) {
		received(conferenceId, forwardedItemId, viewer, "answer");
		Map<String, String> problems = new LinkedHashMap<>();
		String text = trim(answer);
		if (text == null || text.length() > 4000) {
			problems.put("answer", "conference.check.answer");
		}
		if (decisionId != null && jdbc.sql("select count(*) from conference.decision where id = ? and conference_id = ?")
			.params(decisionId, conferenceId).query(Long.class).single() == 0) {
			problems.put("decisionId", "conference.check.decisionOfConference");
		}
		if (!problems.isEmpty()) {
			throw new InvalidConferenceException(problems);
		}
		jdbc.sql("""
				update conference.forwarded_item set status = 'ANSWERED', answer = ?, answer_decision_id = ?,
				    answered_at = now(), answered_by = ? where id = ?""")
			.params(text, decisionId, viewer.username(), forwardedItemId).update();
		audit.record("conference.forwarded.answer", "conference", Long.toString(conferenceId),
				decisionId == null ? Map.of("item", forwardedItemId)
						: Map.of("item", forwardedItemId, "decision", decisionId));
	}

	private static Instant instant(ResultSet rs, int column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}

	private static String trim(String s) {
		if (s == null) {
			return null;
		}
		String t = s.strip();
		return t.isEmpty() ? null : t;
	}
}
