-- access: the areas a user works for (territorial scope, e.g. a municipality user's Gemeinde). Areas belong to the
-- area module and are referred to by id; the modules that check scopes resolve the areas inside them.
create table access.user_area (
    user_id bigint not null references access.user_account (id) on delete cascade,
    area_id bigint not null,
    primary key (user_id, area_id)
);
