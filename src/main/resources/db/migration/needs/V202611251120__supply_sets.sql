-- needs: supply points from outside the offer inventory (issue 6), e.g. OpenStreetMap kindergartens: a named set with
-- its source and licence, selectable on the accessibility page beside the categories of offers.
create table needs.supply_set (
    key         text primary key check (key ~ '^[a-z0-9_-]{1,60}$'),
    name        text not null check (length(name) between 1 and 200),
    attribution text check (length(attribution) <= 1000),
    imported_at timestamptz not null default now()
);

create table needs.supply_set_point (
    set_key  text not null references needs.supply_set (key) on delete cascade,
    id       text not null check (length(id) between 1 and 100),
    lon      double precision not null check (lon between -180 and 180),
    lat      double precision not null check (lat between -90 and 90),
    capacity double precision not null check (capacity > 0),
    primary key (set_key, id)
);
