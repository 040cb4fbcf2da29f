-- conference (issue 7, second part): cancelling a conference and the counter-current principle
-- (Gegenstromverfahren): a finding of a Sozialraumkonferenz is forwarded to the Sozialregionskonferenz above it and
-- on to the county level; the answer flows back. One row is one hop from one conference to the next.
alter table conference.conference
    add column cancelled_at  timestamptz,
    add column cancel_notice text check (length(cancel_notice) <= 2000);

create table conference.forwarded_item (
    id                  bigint generated always as identity primary key,
    from_conference_id  bigint not null references conference.conference (id),
    -- the agenda item of the sending conference the finding comes from (kept when it is deleted later)
    from_agenda_item_id bigint references conference.agenda_item (id) on delete set null,
    -- the hop below when a receiving conference forwards an item further up
    previous_id         bigint references conference.forwarded_item (id),
    to_conference_id    bigint not null references conference.conference (id),
    title               text   not null check (length(title) between 1 and 300),
    text                text   not null check (length(text) between 1 and 4000),
    status              text   not null default 'FORWARDED' check (status in ('FORWARDED', 'ON_AGENDA', 'ANSWERED')),
    -- the agenda item of the receiving conference that took it up
    agenda_item_id      bigint references conference.agenda_item (id) on delete set null,
    answer              text check (length(answer) <= 4000),
    answer_decision_id  bigint references conference.decision (id) on delete set null,
    answered_at         timestamptz,
    answered_by         text,
    forwarded_by        text   not null,
    forwarded_at        timestamptz not null default now(),
    check (from_conference_id <> to_conference_id),
    check (status <> 'ANSWERED' or (answer is not null and answered_at is not null))
);
create index forwarded_item_from on conference.forwarded_item (from_conference_id);
create index forwarded_item_to on conference.forwarded_item (to_conference_id);
create unique index forwarded_item_once_further on conference.forwarded_item (previous_id) where previous_id is not null;
