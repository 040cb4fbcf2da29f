-- network graph (issue 7): co-operations between two organisations recorded by planners, with a topic and a
-- period. Stored once per pair in either order; the graph treats them as undirected.
create table network.cooperation (
    id              bigint generated always as identity primary key,
    organization_a  bigint not null references network.organization (id) on delete cascade,
    organization_b  bigint not null references network.organization (id) on delete cascade,
    topic           text   not null check (length(topic) between 1 and 500),
    valid_from      date   not null,
    valid_to        date,
    check (organization_a <> organization_b),
    check (valid_to is null or valid_to >= valid_from)
);
create index cooperation_a on network.cooperation (organization_a);
create index cooperation_b on network.cooperation (organization_b);
