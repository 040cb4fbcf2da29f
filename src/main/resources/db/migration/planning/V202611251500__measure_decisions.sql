-- planning: the conference decisions that created a measure (issue 8). Decisions belong to the conference module:
-- referred to by id (conference.decision), checked through the Conferences face when linked.
create table planning.measure_decision (
    measure_id  bigint not null references planning.measure (id) on delete cascade,
    decision_id bigint not null,
    primary key (measure_id, decision_id)
);
create index measure_decision_decision_idx on planning.measure_decision (decision_id);
