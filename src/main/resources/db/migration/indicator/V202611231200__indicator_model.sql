-- indicator: topics, variables (Merkmale), observations in long form, import runs.
-- Areas are referred to by their id only (area.area.id): no foreign key across modules.
create schema if not exists indicator;

create table indicator.topic (
    id        int  generated always as identity primary key,
    key       text not null unique check (key ~ '^[a-z0-9_-]{1,60}$'),
    name_de   text not null check (length(name_de) between 1 and 200),
    name_en   text not null check (length(name_en) between 1 and 200),
    parent_id int  references indicator.topic (id),
    check (parent_id is null or parent_id <> id)
);

create table indicator.variable (
    id                 int     generated always as identity primary key,
    -- a name in formulas (org.spange.indicator.Formula.isName): lower-case, not a keyword or function
    key                text    not null unique check (key ~ '^[a-z_][a-z0-9_]{0,59}$'),
    name_de            text    not null check (length(name_de) between 1 and 200),
    name_en            text    not null check (length(name_en) between 1 and 200),
    unit               text    not null default '' check (length(unit) <= 40),
    topic_id           int     references indicator.topic (id),
    source             text,
    licence            text,
    description        text,
    area_aggregation   text    not null check (area_aggregation in ('SUM', 'WEIGHTED_MEAN', 'NONE')),
    weight_variable_id int     references indicator.variable (id),
    time_aggregation   text    not null check (time_aggregation in ('SUM', 'LAST', 'MEAN')),
    non_negative       boolean not null default false,  -- counts: a negative value is an error
    synthetic          boolean not null default false,  -- generated demo data: labelled wherever shown
    published          boolean not null default false,  -- visible to the public
    created_at         timestamptz not null default now(),
    updated_at         timestamptz not null default now(),
    check ((area_aggregation = 'WEIGHTED_MEAN') = (weight_variable_id is not null)),
    check (weight_variable_id is null or weight_variable_id <> id)
);

-- One value per variable, area and period. Missing and suppressed values are rows without a value, never 0.
create table indicator.observation (
    variable_id int    not null references indicator.variable (id) on delete cascade,
    area_id     bigint not null,  -- org.spange.area.AreaId
    -- org.spange.indicator.Period: 2024, 2024-Q1, 2024-03 or a reference date 2024-12-31
    period      text   not null check (period ~ '^[0-9]{4}(-Q[1-4]|-(0[1-9]|1[0-2])(-[0-3][0-9])?)?$'),
    value       numeric,
    status      text   not null default 'OK'
                check (status in ('OK', 'MISSING', 'SUPPRESSED', 'ESTIMATED', 'PROVISIONAL')),
    updated_at  timestamptz not null default now(),
    primary key (variable_id, area_id, period),
    check ((value is null) = (status in ('MISSING', 'SUPPRESSED')))
);
-- the map query: one variable, one period, all areas
create index observation_variable_period on indicator.observation (variable_id, period, area_id) include (value, status);

create table indicator.import_run (
    id          bigint generated always as identity primary key,
    kind        text        not null,
    file_name   text        not null,
    sha256      text        not null,
    actor       text        not null,
    finished_at timestamptz not null default now(),
    outcome     text        not null check (outcome in ('WRITTEN', 'REJECTED', 'PREVIEW')),
    report      jsonb       not null
);
