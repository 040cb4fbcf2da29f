-- needs: categories of supply (Versorgungskategorien). A category is a filter over the offer inventory (field of
-- action and/or target group, optional age band) with the indicator-engine key of its target population and a
-- normative target in places per 1,000 of that population, with where the target comes from.
create table needs.supply_category (
    id               bigint generated always as identity primary key,
    key              text not null unique check (key ~ '^[a-z0-9-]{1,60}$'),
    name             text not null check (length(name) between 1 and 200),
    field_of_action  text check (length(field_of_action) between 1 and 100),
    target_group     text check (length(target_group) between 1 and 100),
    min_age          int check (min_age between 0 and 120),
    max_age          int check (max_age between 0 and 120),
    demand_key       text not null check (length(demand_key) between 1 and 100),
    target_per_1000  numeric(12, 2) not null check (target_per_1000 > 0),
    target_source    text not null check (length(target_source) between 1 and 1000),
    updated_by       text,
    updated_at       timestamptz not null default now(),
    check (field_of_action is not null or target_group is not null),
    check (min_age is null or max_age is null or min_age <= max_age)
);
