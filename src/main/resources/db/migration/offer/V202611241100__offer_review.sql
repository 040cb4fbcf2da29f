-- offer: review of provider changes. Per top-level area (e.g. the Land Vorarlberg) planners decide whether a
-- provider's change to an offer located in or serving that area waits for a planner's approval; areas without a
-- rule follow the setting spange.offers.review-provider-changes. Areas are referred to by id only.
create table offer.review_rule (
    area_id         bigint primary key,
    review_required boolean not null,
    changed_by      text not null,
    changed_at      timestamptz not null default now()
);

-- a provider's proposed offer (the whole offer as JSON), held until a planner approves or rejects it;
-- offer_id is null for a proposed new offer, result_offer_id the offer that approval created or changed
create table offer.pending_change (
    id              bigint generated always as identity primary key,
    offer_id        bigint references offer.offer (id) on delete cascade,
    organization_id bigint not null references offer.organization (id) on delete cascade,
    proposed        jsonb not null,
    proposed_by     text not null,
    proposed_at     timestamptz not null default now(),
    status          text not null default 'PENDING'
                    check (status in ('PENDING', 'APPROVED', 'REJECTED', 'SUPERSEDED')),
    decided_by      text,
    decided_at      timestamptz,
    reason          text,
    result_offer_id bigint references offer.offer (id) on delete set null,
    check ((status = 'REJECTED') = (reason is not null))
);
create index pending_change_open on offer.pending_change (status, proposed_at);
create index pending_change_organization on offer.pending_change (organization_id, proposed_at);
create index pending_change_offer on offer.pending_change (offer_id);

-- the provider's list of what to confirm
create index offer_last_confirmed on offer.offer (organization_id, last_confirmed);
