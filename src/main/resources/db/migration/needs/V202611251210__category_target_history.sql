-- needs: every change of a category's normative target or its source, kept when the category changes (and removed
-- with it): who set which target from when.
create table needs.supply_category_target (
    id              bigint generated always as identity primary key,
    category_id     bigint not null references needs.supply_category (id) on delete cascade,
    target_per_1000 numeric(12, 2) not null,
    target_source   text not null,
    changed_by      text,
    changed_at      timestamptz not null default now()
);

create index supply_category_target_category on needs.supply_category_target (category_id, changed_at);

-- the targets the categories have now are their first entries
insert into needs.supply_category_target (category_id, target_per_1000, target_source, changed_by, changed_at)
select id, target_per_1000, target_source, updated_by, updated_at from needs.supply_category;
