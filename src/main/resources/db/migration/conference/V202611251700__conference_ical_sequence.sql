-- conference (issue 7, update notices): the iCalendar SEQUENCE of the conference's event (RFC 5545 3.8.7.4). The
-- invitation carries it as it stands; every notified rescheduling and the cancellation raise it by one, so that
-- calendar clients apply the newest message and ignore older ones.
alter table conference.conference add column ical_sequence integer not null default 0
    check (ical_sequence >= 0);
