-- offer: target groups as a fixed vocabulary (filterable, like the fields of action) and the German full-text
-- search. search_text is everything findable about an offer (its name, description, target groups, organisation,
-- fields of action, location names and towns; never a confidential street), refreshed on every write.
create extension if not exists pg_trgm with schema public;

create table offer.target_group (
    key     text primary key check (key ~ '^[a-z0-9_-]{1,60}$'),
    name_de text not null,
    name_en text not null,
    rank    int  not null
);
insert into offer.target_group (key, name_de, name_en, rank) values
    ('kinder', 'Kinder', 'Children', 1),
    ('jugendliche', 'Jugendliche und junge Erwachsene', 'Young people', 2),
    ('familien', 'Familien und Eltern', 'Families and parents', 3),
    ('erwachsene', 'Erwachsene', 'Adults', 4),
    ('aeltere', 'Ältere Menschen', 'Older people', 5),
    ('behinderung', 'Menschen mit Behinderung', 'People with disabilities', 6),
    ('zugewanderte', 'Zugewanderte und Geflüchtete', 'Migrants and refugees', 7),
    ('frauen', 'Frauen', 'Women', 8),
    ('angehoerige', 'Angehörige', 'Relatives and carers', 9),
    ('wohnungslose', 'Wohnungslose Menschen', 'Homeless people', 10),
    ('arbeitsuchende', 'Arbeitsuchende', 'Jobseekers', 11),
    ('alle', 'Alle', 'Everyone', 12);

create table offer.offer_target_group (
    offer_id  bigint not null references offer.offer (id) on delete cascade,
    group_key text   not null references offer.target_group (key),
    primary key (offer_id, group_key)
);
create index offer_target_group_key on offer.offer_target_group (group_key);

alter table offer.offer add column search_text text not null default '';
alter table offer.offer add column search tsvector generated always as (
    setweight(to_tsvector('german', name), 'A') || setweight(to_tsvector('german', search_text), 'B')) stored;
create index offer_search on offer.offer using gin (search);
create index offer_search_trigram on offer.offer using gin (search_text public.gin_trgm_ops);

create index service_area_area on offer.service_area (area_id);
create index location_area on offer.location (area_id);
create index schedule_offer on offer.schedule (offer_id, weekday);
