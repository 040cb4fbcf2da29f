-- planning: the planning cycle (issue 8, first part): guidelines (Leitlinien), goals (Ziele) at every area level
-- with indicator targets, measures (Maßnahmen) with a status history, and evaluations. Areas, indicators and offers
-- belong to other modules: areas are referred to by foreign key on their id (they are never deleted, only closed),
-- indicators by key and offers by id, checked by the application through those modules' faces.
create schema if not exists planning;

create table planning.guideline (
    id          bigint generated always as identity primary key,
    body        text   not null check (length(body) between 1 and 200),  -- the resolving body: county, association
    area_id     bigint references area.area (id),
    title       text   not null check (length(title) between 1 and 200),
    text        text   not null check (length(text) between 1 and 4000),
    resolved_on date   not null check (resolved_on >= date '1900-01-01'),
    demo        boolean not null default false,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now()
);

create table planning.goal (
    id          bigint generated always as identity primary key,
    area_id     bigint not null references area.area (id),
    parent_id   bigint references planning.goal (id),
    title       text   not null check (length(title) between 1 and 200),
    description text check (description is null or length(description) <= 4000),
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now(),
    check (parent_id is null or parent_id <> id)
);
create index goal_parent_idx on planning.goal (parent_id);

create table planning.goal_guideline (
    goal_id      bigint not null references planning.goal (id) on delete cascade,
    guideline_id bigint not null references planning.guideline (id),
    primary key (goal_id, guideline_id)
);

create table planning.indicator_target (
    goal_id         bigint not null references planning.goal (id) on delete cascade,
    rank            int    not null check (rank >= 0),
    indicator_key   text   not null,
    baseline_period text   not null check (baseline_period ~ '^\d{4}(-(Q[1-4]|\d{2}(-\d{2})?))?$'),
    baseline_value  double precision not null,
    target_value    double precision not null,
    target_period   text   not null check (target_period ~ '^\d{4}(-(Q[1-4]|\d{2}(-\d{2})?))?$'),
    direction       text   not null check (direction in ('INCREASE', 'DECREASE')),
    primary key (goal_id, rank),
    unique (goal_id, indicator_key),
    check ((direction = 'INCREASE' and target_value > baseline_value)
        or (direction = 'DECREASE' and target_value < baseline_value))
);

create table planning.measure (
    id            bigint generated always as identity primary key,
    title         text   not null check (length(title) between 1 and 200),
    description   text check (description is null or length(description) <= 4000),
    responsible   text   not null check (length(responsible) between 1 and 200),
    partners      text check (partners is null or length(partners) <= 1000),
    area_id       bigint not null references area.area (id),
    start_date    date   not null,
    end_date      date   not null,
    status        text   not null default 'PLANNED' check (status in ('PLANNED', 'RUNNING', 'DONE', 'STOPPED')),
    cost_estimate numeric(14, 2) check (cost_estimate is null or cost_estimate >= 0),
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now(),
    check (end_date >= start_date)
);
create index measure_status_idx on planning.measure (status, end_date);

create table planning.measure_goal (
    measure_id bigint not null references planning.measure (id) on delete cascade,
    goal_id    bigint not null references planning.goal (id),
    primary key (measure_id, goal_id)
);
create index measure_goal_goal_idx on planning.measure_goal (goal_id);

-- offers by id (offer.offer): checked through OfferCatalog when linked
create table planning.measure_offer (
    measure_id bigint not null references planning.measure (id) on delete cascade,
    offer_id   bigint not null,
    primary key (measure_id, offer_id)
);

-- every status transition, never changed afterwards
create table planning.status_change (
    id          bigint generated always as identity primary key,
    measure_id  bigint not null references planning.measure (id),
    from_status text check (from_status in ('PLANNED', 'RUNNING', 'DONE', 'STOPPED')),
    to_status   text not null check (to_status in ('PLANNED', 'RUNNING', 'DONE', 'STOPPED')),
    actor       text not null,
    changed_at  timestamptz not null default now(),
    note        text check (note is null or length(note) <= 2000)
);
create index status_change_measure_idx on planning.status_change (measure_id, id);

create table planning.evaluation (
    id           bigint generated always as identity primary key,
    measure_id   bigint not null references planning.measure (id),
    worked       text check (worked is null or length(worked) <= 4000),
    did_not_work text check (did_not_work is null or length(did_not_work) <= 4000),
    evaluated_on date not null,
    author       text not null,
    created_at   timestamptz not null default now(),
    check (worked is not null or did_not_work is not null)
);
create index evaluation_measure_idx on planning.evaluation (measure_id);
