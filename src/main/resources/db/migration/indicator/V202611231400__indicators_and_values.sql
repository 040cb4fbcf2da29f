-- Indicators (formulas over variables and other indicators) and their computed values.
create table indicator.indicator (
    id          int  generated always as identity primary key,
    -- shares the name space of formulas with variable keys (checked by the service)
    key         text not null unique check (key ~ '^[a-z_][a-z0-9_]{0,59}$'),
    name_de     text not null check (length(name_de) between 1 and 200),
    name_en     text not null check (length(name_en) between 1 and 200),
    formula     text not null check (length(formula) between 1 and 2000),
    unit        text not null default '' check (length(unit) <= 40),
    polarity    text not null check (polarity in ('HIGHER_IS_BETTER', 'HIGHER_IS_WORSE', 'NEUTRAL')),
    decimals    int  not null default 1 check (decimals between 0 and 6),
    topic_id    int  references indicator.topic (id),
    description text,
    published   boolean not null default false,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now()
);

-- Computed values of an indicator or a variable (its roll-up) in one period for every area of the hierarchy, as
-- parallel arrays: a map is one row, and a full recomputation writes one row per key and period instead of one per
-- area. Missing values are null elements, never 0. coverage: the share of the parts with data (1 = complete).
create table indicator.value_set (
    key         text   not null,   -- an indicator or variable key
    period      text   not null,
    area_ids    bigint[]  not null,
    value       float8[]  not null,
    coverage    float4[]  not null,
    computed_at timestamptz not null default now(),
    primary key (key, period),
    check (cardinality(area_ids) = cardinality(value) and cardinality(value) = cardinality(coverage))
);
