-- needs: population grids (where people live) and accessibility results. A result is stored once per set of inputs:
-- input_hash is the SHA-256 of the cells, the supply points of the category and the options, so a repeated
-- computation over the same inputs finds the stored run instead of writing a new one.
create schema if not exists needs;

create table needs.population_grid (
    key         text primary key check (key ~ '^[a-z0-9_-]{1,60}$'),
    file_name   text not null check (length(file_name) between 1 and 300),
    file_sha256 text not null,
    synthetic   boolean not null default false,   -- e.g. population spread over a Gemeinde by the demo
    cells       int  not null,
    imported_at timestamptz not null default now()
);

create table needs.population_cell (
    grid_key   text not null references needs.population_grid (key) on delete cascade,
    id         text not null check (length(id) between 1 and 100),
    area       text,                               -- e.g. the Gemeinde key the cell is counted in
    lon        double precision not null check (lon between -180 and 180),
    lat        double precision not null check (lat between -90 and 90),
    population double precision check (population >= 0),   -- null: unknown, never 0
    under18    double precision check (under18 >= 0),
    over65     double precision check (over65 >= 0),
    primary key (grid_key, id)
);

create table needs.access_run (
    id            bigint generated always as identity primary key,
    input_hash    text not null unique,
    grid_key      text references needs.population_grid (key) on delete cascade,
    category      text not null,
    band          text not null check (band in ('TOTAL', 'UNDER_18', 'OVER_65')),
    threshold_m   double precision not null check (threshold_m >= 0),
    catchment_m   double precision not null check (catchment_m > 0),
    decay         text not null check (decay in ('NONE', 'GAUSSIAN')),
    cells         int not null,
    supply_points int not null,
    created_at    timestamptz not null default now()
);

create table needs.access_area (
    run_id                bigint not null references needs.access_run (id) on delete cascade,
    area                  text   not null,
    cells                 int    not null,
    cells_with_population int    not null,
    population            double precision not null,
    population_within     double precision not null,
    share_within          double precision,   -- null: no known population
    mean_metres           double precision,
    mean_supply_ratio     double precision,
    primary key (run_id, area)
);

create table needs.access_cell (
    run_id       bigint not null references needs.access_run (id) on delete cascade,
    cell_id      text   not null,
    nearest_id   text,
    metres       double precision,
    supply_ratio double precision not null,
    primary key (run_id, cell_id)
);
