-- conference: Sozialraum-/Sozialregionskonferenzen, network meetings and Fallkonferenzen with invitations, agenda,
-- attendance, minutes per agenda item, decisions and the tasks they create. Persons, networks and areas by id only.
create schema if not exists conference;

create table conference.conference (
    id             bigint generated always as identity primary key,
    type           text not null check (type in ('SOZIALRAUM', 'SOZIALREGION', 'NETWORK_MEETING', 'CASE')),
    title          text not null check (length(title) between 1 and 200),
    starts_at      timestamptz not null,
    ends_at        timestamptz not null,
    place          text check (length(place) <= 300),
    online_url     text check (online_url ~ '^https?://' and length(online_url) <= 500),
    area_id        bigint,
    network_id     bigint,
    visibility     text not null check (visibility in ('PUBLIC', 'INTERNAL', 'RESTRICTED')),
    minutes_status text not null default 'DRAFT' check (minutes_status in ('DRAFT', 'APPROVED', 'PUBLISHED')),
    approved_by    text,
    approved_at    timestamptz,
    published_at   timestamptz,
    created_by     text not null,
    created_at     timestamptz not null default now(),
    check (ends_at > starts_at),
    check (place is not null or online_url is not null),
    -- a Fallkonferenz is restricted to its invited persons and its minutes are never published
    check (type <> 'CASE' or visibility = 'RESTRICTED'),
    check (visibility = 'PUBLIC' or minutes_status <> 'PUBLISHED')
);
create index conference_start on conference.conference (starts_at);

create table conference.invitation (
    conference_id bigint not null references conference.conference (id) on delete cascade,
    person_id     bigint not null,
    sent_at       timestamptz,
    response      text check (response in ('ACCEPTED', 'DECLINED')),
    responded_at  timestamptz,
    primary key (conference_id, person_id)
);

create table conference.agenda_item (
    id              bigint generated always as identity primary key,
    conference_id   bigint not null references conference.conference (id) on delete cascade,
    position        int    not null,
    title           text   not null check (length(title) between 1 and 300),
    owner_person_id bigint,
    minutes         text check (length(minutes) <= 20000),
    unique (conference_id, position)
);

create table conference.attendance (
    conference_id bigint not null references conference.conference (id) on delete cascade,
    person_id     bigint not null,
    primary key (conference_id, person_id)
);

create table conference.decision (
    id             bigint generated always as identity primary key,
    conference_id  bigint not null references conference.conference (id) on delete cascade,
    agenda_item_id bigint references conference.agenda_item (id),
    text           text   not null check (length(text) between 1 and 2000),
    decided_at     timestamptz not null default now()
);

create table conference.task (
    id              bigint generated always as identity primary key,
    decision_id     bigint not null references conference.decision (id) on delete cascade,
    conference_id   bigint not null references conference.conference (id) on delete cascade,
    network_id      bigint,
    owner_person_id bigint not null,
    title           text   not null check (length(title) between 1 and 300),
    due             date   not null,
    status          text   not null default 'OPEN' check (status in ('OPEN', 'DONE')),
    done_at         timestamptz
);
create index task_owner on conference.task (owner_person_id, status);
create index task_network on conference.task (network_id, status);
