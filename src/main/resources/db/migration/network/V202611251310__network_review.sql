-- network review (issue 7): rounds in which current members rate the seven success factors of a network, and the
-- network's agreed conflict procedure.
create table network.review_round (
    id         bigint generated always as identity primary key,
    network_id bigint not null references network.network (id) on delete cascade,
    title      text   not null check (length(title) between 1 and 200),
    opens_on   date   not null,
    closes_on  date   not null,
    -- closed early by a coordinator or planner (closes_on is then set to the day of closing)
    closed     boolean not null default false,
    check (closes_on >= opens_on)
);
create index review_round_network on network.review_round (network_id);

-- Who has answered a round: only so that nobody answers twice. No time, no link to the answer.
create table network.review_respondent (
    round_id  bigint not null references network.review_round (id) on delete cascade,
    person_id bigint not null references network.person (id) on delete cascade,
    primary key (round_id, person_id)
);

-- The answers, anonymous by construction: no user, no person, no time, a random key (nothing sequential).
create table network.review_answer (
    id                  uuid     not null default gen_random_uuid() primary key,
    round_id            bigint   not null references network.review_round (id) on delete cascade,
    identification      smallint not null check (identification between 1 and 5),
    give_and_take       smallint not null check (give_and_take between 1 and 5),
    trust               smallint not null check (trust between 1 and 5),
    continuity          smallint not null check (continuity between 1 and 5),
    coordination        smallint not null check (coordination between 1 and 5),
    transparency        smallint not null check (transparency between 1 and 5),
    conflict_prevention smallint not null check (conflict_prevention between 1 and 5),
    comment             text check (length(comment) <= 2000)
);
create index review_answer_round on network.review_answer (round_id);

-- the procedure a network has agreed for conflicts, with the day of agreement
create table network.conflict_procedure (
    network_id bigint primary key references network.network (id) on delete cascade,
    text       text not null check (length(text) between 1 and 4000),
    agreed_on  date not null,
    updated_by text not null
);
