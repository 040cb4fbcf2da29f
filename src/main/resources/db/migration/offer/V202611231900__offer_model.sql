-- offer: the offer inventory (Angebotslandkarte), modelled after Open Referral HSDS 3.0
-- (organization, service = offer, location, service_at_location, phone, schedule, service_area, language,
-- taxonomy_term = field of action, metadata = change_log). Areas are referred to by id only (area.area.id).
create schema if not exists offer;

-- Handlungsfelder: Spange's fixed classification of offers
create table offer.field_of_action (
    key     text primary key check (key ~ '^[a-z0-9_-]{1,60}$'),
    name_de text not null,
    name_en text not null,
    rank    int  not null
);
insert into offer.field_of_action (key, name_de, name_en, rank) values
    ('kinder-jugendhilfe', 'Kinder- und Jugendhilfe', 'Child and youth welfare', 1),
    ('familie', 'Familie', 'Family', 2),
    ('arbeit-beschaeftigung', 'Arbeit und Beschäftigung', 'Work and employment', 3),
    ('gesundheit', 'Gesundheit', 'Health', 4),
    ('behinderung', 'Behinderung', 'Disability', 5),
    ('sucht', 'Sucht', 'Addiction', 6),
    ('wohnen', 'Wohnen/Wohnungslosigkeit', 'Housing/homelessness', 7),
    ('existenzsicherung', 'Existenzsicherung', 'Basic income support', 8),
    ('alter-pflege', 'Alter und Pflege', 'Old age and care', 9),
    ('migration-integration', 'Migration und Integration', 'Migration and integration', 10),
    ('bildung', 'Bildung', 'Education', 11),
    ('gewaltschutz', 'Gewaltschutz', 'Protection from violence', 12);

create table offer.organization (
    id                   bigint generated always as identity primary key,
    name                 text not null check (length(name) between 1 and 200),
    description          text,
    website              text,
    email                text,
    provider_type        text not null check (provider_type in ('PUBLIC', 'FREE_PROVIDER', 'PRIVATE', 'VOLUNTEER')),
    umbrella_association text,  -- Dachverband of a freier Träger
    created_at           timestamptz not null default now(),
    updated_at           timestamptz not null default now()
);

-- provider users maintain the offers of the organisations they belong to (access.app_user.username)
create table offer.member (
    username        text   not null,
    organization_id bigint not null references offer.organization (id) on delete cascade,
    primary key (username, organization_id)
);

create table offer.offer (
    id                  bigint generated always as identity primary key,
    organization_id     bigint not null references offer.organization (id),
    name                text not null check (length(name) between 1 and 200),
    description         text,
    status              text not null check (status in ('ACTIVE', 'INACTIVE')),
    url                 text,
    email               text,
    free_of_charge      boolean not null default true,
    cost_text           text,
    application_process text,
    legal_basis         text,
    capacity_places     int check (capacity_places >= 0),
    waiting_time        text,
    last_confirmed      date,
    target_group        text,
    min_age             int check (min_age between 0 and 120),
    max_age             int check (max_age between 0 and 120),
    life_situations     text,
    approach            text check (approach in ('PREVENTIVE', 'INTERVENTIVE')),
    form                text check (form in ('GROUP', 'INDIVIDUAL')),
    setting             text check (setting in ('RESIDENTIAL', 'SEMI_RESIDENTIAL', 'AMBULATORY', 'OPEN', 'OUTREACH')),
    languages           text[] not null default '{}',  -- ISO 639-1
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now(),
    check (min_age is null or max_age is null or min_age <= max_age)
);
create index offer_organization on offer.offer (organization_id);

create table offer.offer_field (
    offer_id  bigint not null references offer.offer (id) on delete cascade,
    field_key text   not null references offer.field_of_action (key),
    primary key (offer_id, field_key)
);

-- HSDS service_area: the areas an offer serves
create table offer.service_area (
    offer_id bigint not null references offer.offer (id) on delete cascade,
    area_id  bigint not null,
    primary key (offer_id, area_id)
);

create table offer.location (
    id              bigint generated always as identity primary key,
    organization_id bigint not null references offer.organization (id),
    name            text not null check (length(name) between 1 and 200),
    address_1       text,
    postal_code     text,
    city            text,
    country         text not null default 'AT' check (country ~ '^[A-Z]{2}$'),
    latitude        double precision check (latitude between -90 and 90),
    longitude       double precision check (longitude between -180 and 180),
    -- shelters and the like: the public sees only the Gemeinde, never the point
    confidential    boolean not null default false,
    area_id         bigint,  -- the Gemeinde containing the point, assigned automatically
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    check ((latitude is null) = (longitude is null))
);

create table offer.service_at_location (
    offer_id    bigint not null references offer.offer (id) on delete cascade,
    location_id bigint not null references offer.location (id),
    primary key (offer_id, location_id)
);

create table offer.phone (
    id          bigint generated always as identity primary key,
    offer_id    bigint not null references offer.offer (id) on delete cascade,
    number      text not null,
    description text
);

create table offer.schedule (
    id       bigint generated always as identity primary key,
    offer_id bigint not null references offer.offer (id) on delete cascade,
    weekday  int  not null check (weekday between 1 and 7),  -- ISO: 1 = Monday
    opens_at time not null,
    closes_at time not null,
    check (opens_at < closes_at)
);

-- HSDS metadata: every changed field, who changed it and when
create table offer.change_log (
    id         bigint generated always as identity primary key,
    changed_at timestamptz not null default now(),
    actor      text not null,
    entity     text not null check (entity in ('organization', 'offer', 'location')),
    entity_id  bigint not null,
    field      text not null,
    old_value  text,
    new_value  text
);
create index change_log_entity on offer.change_log (entity, entity_id, changed_at);
