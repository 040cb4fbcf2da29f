-- needs: demand projections (Bevölkerungsprognosen). A scenario names its source and the period its base demand is
-- taken from; its rates are annual growth rates in per cent (negative for decline) per area and age band. A band is
-- the indicator-engine key of a target population (e.g. pop_80plus) or '*' for all ages. An area without a rate of
-- its own takes the nearest containing area's; from_year/to_year (inclusive, null: open) limit a rate to some years.
-- Areas are referred to by id only (they belong to the area module).
create table needs.projection_scenario (
    id          bigint generated always as identity primary key,
    name        text not null unique check (length(name) between 1 and 200),
    source      text not null check (length(source) between 1 and 2000),
    base_period text not null check (length(base_period) between 4 and 10),
    updated_by  text,
    updated_at  timestamptz not null default now()
);

create table needs.projection_rate (
    id           bigint generated always as identity primary key,
    scenario_id  bigint not null references needs.projection_scenario (id) on delete cascade,
    area_id      bigint not null,
    band         text not null check (band = '*' or band ~ '^[A-Za-z0-9_.-]{1,100}$'),
    rate_percent numeric(7, 3) not null check (rate_percent > -100 and rate_percent <= 100),
    from_year    int check (from_year between 1000 and 9999),
    to_year      int check (to_year between 1000 and 9999),
    updated_by   text,
    updated_at   timestamptz not null default now(),
    check (from_year is null or to_year is null or from_year <= to_year)
);

create unique index projection_rate_unique on needs.projection_rate
    (scenario_id, area_id, band, coalesce(from_year, 0), coalesce(to_year, 0));
