-- A request ends awarded (a bid accepted), withdrawn, or expired (the bid deadline passed without an award).
alter table financing_request drop constraint financing_request_status_check;
alter table financing_request add constraint financing_request_status_check
    check (status in ('draft', 'open', 'awarded', 'withdrawn', 'expired'));
alter table financing_request add column awarded_bid_id uuid;
alter table financing_request add column closed_at timestamptz;
create index financing_request_open_by_deadline on financing_request (bid_deadline) where status = 'open';

-- The government risk-compensation fund: one row, its policy set by the regulator.
create table risk_fund (
    id                  integer primary key check (id = 1),
    max_fund_share_bp   integer not null check (max_fund_share_bp between 0 and 10000),
    min_bank_share_bp   integer not null check (min_bank_share_bp between 0 and 10000),
    first_loan_bonus_bp integer not null check (first_loan_bonus_bp between 0 and 2000),
    ip_pledge_bonus_bp  integer not null check (ip_pledge_bonus_bp between 0 and 2000),
    capacity_fen        bigint not null check (capacity_fen >= 0),
    reserved_fen        bigint not null default 0 check (reserved_fen >= 0 and reserved_fen <= capacity_fen),
    version             bigint not null default 1,
    updated_at          timestamptz not null,
    updated_by          text not null
);

-- the fund covers at most 50 %, the bank keeps at least 20 %; first and IP-pledge loans 5 points more; 5亿元
insert into risk_fund (id, max_fund_share_bp, min_bank_share_bp, first_loan_bonus_bp, ip_pledge_bonus_bp, capacity_fen,
    updated_at, updated_by)
values (1, 5000, 2000, 500, 500, 50000000000, now(), 'migration');

create table bid (
    id                        uuid primary key,
    financing_request_id      uuid not null references financing_request (id),
    bank_organization_id      uuid not null references organization (id),
    status                    text not null check (status in ('submitted', 'accepted', 'declined', 'withdrawn')),
    amount_fen                bigint not null check (amount_fen > 0),
    annual_rate_bp            integer not null check (annual_rate_bp between 1 and 2400),
    term_months               integer not null check (term_months between 1 and 360),
    fees_fen                  bigint not null check (fees_fen >= 0),
    conditions                text,
    valid_until               timestamptz not null,
    loan_product_id           uuid references loan_product (id),
    guarantor_organization_id uuid references organization (id),
    guarantee_product_id      uuid references guarantee_product (id),
    guarantee_coverage_bp     integer,
    guarantee_fee_rate_bp     integer,
    guarantor_decision        text check (guarantor_decision in ('pending', 'confirmed', 'declined')),
    bank_share_bp             integer not null check (bank_share_bp between 0 and 10000),
    guarantor_share_bp        integer not null check (guarantor_share_bp between 0 and 10000),
    fund_share_bp             integer not null check (fund_share_bp between 0 and 10000),
    policy_basis              text[] not null,
    fund_exposure_fen         bigint not null check (fund_exposure_fen >= 0),
    version                   bigint not null default 1,
    created_at                timestamptz not null,
    updated_at                timestamptz not null,
    created_by                text not null,
    check (bank_share_bp + guarantor_share_bp + fund_share_bp = 10000),
    check ((guarantor_organization_id is null) = (guarantor_decision is null))
);

-- one live bid per bank per request
create unique index bid_one_live_per_bank on bid (financing_request_id, bank_organization_id)
    where status in ('submitted', 'accepted');
create index bid_by_request on bid (financing_request_id, created_at desc, id desc);
create index bid_by_bank on bid (bank_organization_id, created_at desc, id desc);
create index bid_by_guarantor on bid (guarantor_organization_id, created_at desc, id desc);

-- How fast each bank answers requests that match its active products (for the dashboards).
create table bank_response (
    bank_organization_id uuid not null references organization (id),
    financing_request_id uuid not null references financing_request (id),
    opened_at            timestamptz not null,
    responded_at         timestamptz,
    response             text check (response in ('bid', 'passed')),
    primary key (bank_organization_id, financing_request_id)
);
