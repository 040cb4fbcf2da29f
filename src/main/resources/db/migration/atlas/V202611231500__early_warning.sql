-- atlas: early warning. Rules watch an indicator (or variable) at one level of a scheme; when new values are
-- computed, every area that meets the condition in a period gets one alert for that period (never twice).
create schema if not exists atlas;

create table atlas.alert_rule (
    id          int  generated always as identity primary key,
    name        text not null check (length(name) between 1 and 200),
    subject_key text not null,                 -- an indicator or variable key (org.spange.indicator)
    scheme_key  text not null,                 -- org.spange.area.AreaScheme key
    level_key   text not null,
    condition   text not null check (condition in ('ABOVE', 'BELOW', 'RISE', 'FALL')),
    threshold   double precision not null,
    periods     int  not null default 1 check (periods between 1 and 30),  -- RISE/FALL: change over so many periods
    active      boolean not null default true,
    created_by  text not null,
    created_at  timestamptz not null default now()
);

create table atlas.alert (
    id              bigint generated always as identity primary key,
    rule_id         int    not null references atlas.alert_rule (id) on delete cascade,
    area_id         bigint not null,           -- org.spange.area.AreaId
    period          text   not null,
    value           double precision not null,
    compared_period text,
    compared_value  double precision,
    created_at      timestamptz not null default now(),
    acknowledged_by text,
    acknowledged_at timestamptz,
    comment         text check (length(comment) <= 2000),
    unique (rule_id, area_id, period),
    check ((acknowledged_by is null) = (acknowledged_at is null))
);
create index alert_open on atlas.alert (area_id) where acknowledged_at is null;
