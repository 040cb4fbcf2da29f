-- network: actors (organisations, persons with consent), networks with memberships and fixed tasks, and the
-- responsibility map. Areas and offer organisations are referred to by id only.
create schema if not exists network;

create table network.organization (
    id                    bigint generated always as identity primary key,
    name                  text not null unique check (length(name) between 1 and 200),
    -- the same Träger in the offer inventory (offer.organization.id), if it is one
    offer_organization_id bigint
);

-- Persons are personal data: contact fields are shown to members of the same networks only (checked in the service).
create table network.person (
    id                bigint generated always as identity primary key,
    name              text not null check (length(name) between 1 and 200),
    function          text check (length(function) <= 200),
    organization_id   bigint references network.organization (id),
    email             text check (length(email) <= 200),
    phone             text check (length(phone) <= 40),
    reachability      text check (length(reachability) <= 500),
    preferred_channel text check (preferred_channel in ('EMAIL', 'PHONE')),
    consent_at        timestamptz not null,
    consent_by        text not null check (length(consent_by) between 1 and 200),
    consent_version   text not null check (length(consent_version) between 1 and 40),
    -- the Spange user name when the person has a login
    username          text unique
);

create table network.person_area (
    person_id bigint not null references network.person (id) on delete cascade,
    area_id   bigint not null,
    primary key (person_id, area_id)
);

create table network.network (
    id      bigint generated always as identity primary key,
    name    text not null unique check (length(name) between 1 and 200),
    purpose text check (length(purpose) <= 4000)
);

create table network.network_area (
    network_id bigint not null references network.network (id) on delete cascade,
    area_id    bigint not null,
    primary key (network_id, area_id)
);

create table network.membership (
    id         bigint generated always as identity primary key,
    network_id bigint not null references network.network (id) on delete cascade,
    person_id  bigint not null references network.person (id),
    role       text   not null check (role in ('COORDINATOR', 'DEPUTY', 'MEMBER', 'GUEST')),
    valid_from date   not null,
    valid_to   date,
    check (valid_to is null or valid_to >= valid_from)
);
create index membership_person on network.membership (person_id);
create index membership_network on network.membership (network_id);

-- standing tasks of a network (e.g. "keeps the distribution list")
create table network.fixed_task (
    id              bigint generated always as identity primary key,
    network_id      bigint not null references network.network (id) on delete cascade,
    text            text   not null check (length(text) between 1 and 500),
    owner_person_id bigint references network.person (id)
);

create table network.responsibility (
    id               bigint generated always as identity primary key,
    person_id        bigint references network.person (id),
    organization_id  bigint references network.organization (id),
    topic            text   not null check (length(topic) between 1 and 500),
    field_of_action  text,
    area_id          bigint not null,
    -- German stemming: "Familien" finds "Familie", prefixes find compounds ("Jugend" → "Jugendarbeit")
    search           tsvector generated always as
                     (to_tsvector('german', topic || ' ' || coalesce(replace(field_of_action, '-', ' '), ''))) stored,
    check (person_id is not null or organization_id is not null)
);
create index responsibility_search on network.responsibility using gin (search);
create index responsibility_area on network.responsibility (area_id);
