-- platform: persistent background jobs (ADR 0005). One row per job: its state, progress and last error stay here, so
-- that any app node can show them and a job survives a restart. Workers claim queued jobs with
-- FOR UPDATE SKIP LOCKED and keep heartbeat_at fresh while running; a RUNNING job whose heartbeat is stale belongs
-- to a node that died and is claimed again.
create schema if not exists platform;

create table platform.job (
    id           bigint generated always as identity primary key,
    kind         text not null check (kind ~ '^[a-z0-9._-]{1,100}$'),
    owner        text not null check (length(owner) between 1 and 200),   -- the job runs as this user
    params       jsonb not null default '{}',
    state        text not null default 'QUEUED' check (state in ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
    attempts     int  not null default 0 check (attempts >= 0),
    max_attempts int  not null check (max_attempts >= 1),
    phase        text,                                   -- a message key of the handler, e.g. needs.access.phase.grid
    done         bigint not null default 0,
    total        bigint not null default 0,              -- 0: unknown
    result       text,                                   -- what the handler returned (e.g. the id of what it stored)
    error        text,                                   -- the last attempt's error, kept when a later one succeeds
    node         text,                                   -- the worker that runs or ran it
    created_at   timestamptz not null default now(),
    run_after    timestamptz not null default now(),     -- a failed attempt waits a little before the next
    started_at   timestamptz,
    heartbeat_at timestamptz,
    finished_at  timestamptz
);

create index job_waiting on platform.job (run_after, id) where state in ('QUEUED', 'RUNNING');
create index job_by_kind on platform.job (kind, id desc);
