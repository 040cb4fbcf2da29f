-- area: levels, areas with validity periods and geometry, codes, schemes (Raumgliederungen) and import runs
create schema if not exists area;

create table area.area_level (
    id      int  generated always as identity primary key,
    key     text not null unique check (key ~ '^[a-z0-9_-]{1,40}$'),
    name_de text not null,
    name_en text not null,
    rank    int  not null  -- coarser levels have smaller ranks (Land 10 … Sozialraum 50)
);

insert into area.area_level (key, name_de, name_en, rank) values
    ('staat',         'Staat',               'Country',             0),
    ('land',          'Land',                'State',              10),
    ('kreis',         'Kreis',               'District (Kreis)',   20),
    ('bezirk',        'Bezirk',              'District (Bezirk)',  20),
    ('planungsraum',  'Planungsraum',        'Planning region',    25),
    ('gemeinde',      'Gemeinde',            'Municipality',       30),
    ('zaehlsprengel', 'Zählsprengel',        'Census district',    40),
    ('sozialraum',    'Sozialraum',          'Social space',       50);

-- Geometry is kept as WKB in WGS84 (EPSG:4326) so that PostGIS is optional; the bounding box and
-- centroid are columns for filtering and labelling without decoding the geometry.
create table area.area (
    id           bigint generated always as identity primary key,
    level_id     int     not null references area.area_level (id),
    code         text    not null check (length(code) between 1 and 40),
    name         text    not null check (length(name) between 1 and 200),
    valid_from   date    not null,
    valid_to     date,
    geometry     bytea,
    min_lon      double precision,
    min_lat      double precision,
    max_lon      double precision,
    max_lat      double precision,
    centroid_lon double precision,
    centroid_lat double precision,
    area_km2     double precision,
    attributes   jsonb   not null default '{}'::jsonb,
    source       text,
    updated_at   timestamptz not null default now(),
    unique (level_id, code, valid_from),
    check (valid_to is null or valid_to >= valid_from)
);
create index area_level_valid on area.area (level_id, valid_from, valid_to);

-- further official codes of an area besides its primary one (e.g. the ARS beside the AGS)
create table area.area_code (
    area_id bigint not null references area.area (id) on delete cascade,
    kind    text   not null check (kind ~ '^[A-Z0-9_]{2,20}$'),
    code    text   not null,
    primary key (area_id, kind)
);
create index area_code_lookup on area.area_code (kind, code);

create table area.area_scheme (
    id           int  generated always as identity primary key,
    key          text not null unique check (key ~ '^[a-z0-9_-]{1,60}$'),
    name_de      text not null,
    name_en      text not null,
    description  text,
    illustrative boolean not null default false,  -- a draft that must be labelled as such wherever shown
    created_at   timestamptz not null default now()
);

-- membership of an area in a scheme, with its parent in that scheme (null for the scheme's roots)
create table area.scheme_member (
    scheme_id int    not null references area.area_scheme (id) on delete cascade,
    area_id   bigint not null references area.area (id) on delete cascade,
    parent_id bigint references area.area (id),
    primary key (scheme_id, area_id),
    check (parent_id is null or parent_id <> area_id)
);
create index scheme_member_parent on area.scheme_member (scheme_id, parent_id);

create table area.import_run (
    id          bigint generated always as identity primary key,
    kind        text        not null,
    file_name   text        not null,
    sha256      text        not null,
    actor       text        not null,
    finished_at timestamptz not null default now(),
    outcome     text        not null check (outcome in ('WRITTEN', 'REJECTED', 'PREVIEW')),
    report      jsonb       not null
);

-- bumped by every write to areas or schemes: the version of cached map layers (cluster-safe ETag)
create table area.data_version (version bigint not null);
insert into area.data_version values (1);
