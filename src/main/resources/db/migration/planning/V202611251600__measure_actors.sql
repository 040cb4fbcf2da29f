-- planning: a measure's responsible organisation and its partner organisations as actors of the network module
-- (issue 8). Actor organisations belong to the network module: referred to by id (network.organization), checked
-- through the Networks face when linked. The free texts stay for people and bodies not in the network module
-- ("Gemeinderat"); a measure names someone responsible: an organisation, a free text or both.
alter table planning.measure add column responsible_actor_id bigint;
alter table planning.measure alter column responsible drop not null;
alter table planning.measure add constraint measure_responsible_named
    check (responsible is not null or responsible_actor_id is not null);
create index measure_responsible_actor_idx on planning.measure (responsible_actor_id);

create table planning.measure_partner (
    measure_id bigint not null references planning.measure (id) on delete cascade,
    actor_id   bigint not null,
    primary key (measure_id, actor_id)
);
create index measure_partner_actor_idx on planning.measure_partner (actor_id);
