-- access: user accounts, their roles, and the append-only audit log of every write
create schema if not exists access;

create table access.user_account (
    id            bigint generated always as identity primary key,
    username      text        not null unique check (username ~ '^[a-z0-9._@-]{2,64}$'),
    display_name  text        not null,
    password_hash text        not null,
    enabled       boolean     not null default true,
    created_at    timestamptz not null default now()
);

create table access.user_role (
    user_id bigint not null references access.user_account (id) on delete cascade,
    role    text   not null check (role in ('ADMIN', 'PLANNER', 'MUNICIPALITY', 'PROVIDER', 'COUNSELOR', 'CASE_MANAGER')),
    primary key (user_id, role)
);

create table access.audit_event (
    id           bigint generated always as identity primary key,
    occurred_at  timestamptz not null default now(),
    actor        text        not null,
    action       text        not null,
    subject_type text        not null,
    subject_id   text,
    details      jsonb       not null default '{}'::jsonb
);
create index audit_event_time on access.audit_event (occurred_at desc);
create index audit_event_subject on access.audit_event (subject_type, subject_id);

-- The audit log is append-only: the database itself refuses to change or remove an entry.
create function access.audit_event_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'access.audit_event is append-only (% refused)', tg_op;
end;
$$;
create trigger audit_event_no_update_delete before update or delete on access.audit_event
    for each row execute function access.audit_event_is_append_only();
create trigger audit_event_no_truncate before truncate on access.audit_event
    for each statement execute function access.audit_event_is_append_only();
