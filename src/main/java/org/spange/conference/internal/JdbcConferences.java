package org.spange.conference.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.spange.access.AuditLog;
import org.spange.area.AreaId;
import org.spange.area.AreaQueries;
import org.spange.conference.AgendaItem;
import org.spange.conference.Conference;
import org.spange.conference.ConferenceView;
import org.spange.conference.Conferences;
import org.spange.conference.Decision;
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

	private static final String CONFERENCE_SQL = """
			select id, type, title, starts_at, ends_at, place, online_url, area_id, network_id, visibility,
			       minutes_status, created_by from conference.conference""";

	private static Conference conference(ResultSet rs) throws SQLException {
		return new Conference(rs.getLong("id"), Conference.Type.valueOf(rs.getString("type")), rs.getString("title"),
				rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("ends_at").toInstant(),
				rs.getString("place"), rs.getString("online_url"), (Long) rs.getObject("area_id"),
				(Long) rs.getObject("network_id"), Conference.Visibility.valueOf(rs.getString("visibility")),
				Conference.MinutesStatus.valueOf(rs.getString("minutes_status")), rs.getString("created_by"));
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
		editable(conferenceId, viewer);
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
		Conference c = editable(conferenceId, viewer);
		List<Long> unsent = jdbc.sql("""
				select person_id from conference.invitation where conference_id = ? and sent_at is null
				order by person_id""").param(conferenceId).query(Long.class).list();
		String page = baseUrl + "/conferences/" + c.id();
		// a Fallkonferenz's e-mail carries no title: the case stays inside Spange
		String summary = c.type() == Conference.Type.CASE ? "Fallkonferenz" : c.title();
		String ical = ICalendar.of(c, summary, page, "REQUEST", Instant.now());
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

	@Override
	public AgendaItem addAgendaItem(long conferenceId, String title, Long ownerPersonId, Viewer viewer) {
		editable(conferenceId, viewer);
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
		editable(conferenceId, viewer);
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
		Conference c = editable(conferenceId, viewer);
		Map<String, String> problems = new LinkedHashMap<>();
		if (c.minutesStatus() != Conference.MinutesStatus.DRAFT) {
			problems.put("minutes", "conference.check.minutesLocked");
		}
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
		Conference c = editable(conferenceId, viewer);
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
			return ICalendar.of(c, c.title(), baseUrl + "/conferences/" + c.id(), "PUBLISH", Instant.now());
		});
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
