-- Returning-hometown capital (城商回归): investors' offers, and their interest in open requests.
create table investment_offer (
    id              uuid primary key,
    organization_id uuid not null references organization (id),
    status          text not null check (status in ('draft', 'active', 'paused', 'retired')),
    name            text not null,
    description     text,
    kind            text not null check (kind in ('equity', 'convertible', 'debt', 'project_co_investment')),
    ticket_min_fen  bigint not null check (ticket_min_fen > 0),
    ticket_max_fen  bigint not null check (ticket_max_fen >= ticket_min_fen),
    industries      text[] not null,
    stages          text[] not null,
    hometown_tie    text,
    version         bigint not null default 1,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    created_by      text not null
);
create index investment_offer_by_owner on investment_offer (organization_id, created_at desc, id desc);

-- An investor's interest in an open request: one per investor organization and request.
create table investment_interest (
    financing_request_id    uuid not null references financing_request (id),
    investor_organization_id uuid not null references organization (id),
    investment_offer_id     uuid references investment_offer (id),
    note                    text,
    created_at              timestamptz not null,
    created_by              text not null,
    primary key (financing_request_id, investor_organization_id)
);
