-- atlas: definitions of social indexes and typologies. Results are computed from the indicator values on demand
-- (a few hundred areas take milliseconds), so they always match the current data and explain themselves.
create table atlas.social_index (
    key         text primary key check (key ~ '^[a-z0-9_-]{1,60}$'),
    name_de     text not null check (length(name_de) between 1 and 200),
    name_en     text not null check (length(name_en) between 1 and 200),
    definition  jsonb not null,   -- org.spange.atlas.internal.IndexDefinition
    updated_by  text not null,
    updated_at  timestamptz not null default now()
);

create table atlas.typology (
    key         text primary key check (key ~ '^[a-z0-9_-]{1,60}$'),
    name_de     text not null check (length(name_de) between 1 and 200),
    name_en     text not null check (length(name_en) between 1 and 200),
    definition  jsonb not null,   -- org.spange.atlas.internal.TypologyDefinition
    updated_by  text not null,
    updated_at  timestamptz not null default now()
);

-- names planners give the types (Sozialraumtypen), by type number of the current clustering
create table atlas.typology_type_name (
    typology_key text not null references atlas.typology (key) on delete cascade,
    type_no      int  not null check (type_no >= 0),
    name         text not null check (length(name) between 1 and 200),
    primary key (typology_key, type_no)
);
