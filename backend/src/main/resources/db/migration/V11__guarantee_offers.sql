-- A guarantor's own offer on a request that wants a guarantee (besides joining a bank's bid): sealed like a
-- bid, seen only by the requesting enterprise and the guarantor. The enterprise may accept one per request;
-- a bank's bid naming that guarantor and product is then confirmed by it at once.
create table guarantee_offer (
    id                        uuid primary key,
    financing_request_id      uuid        not null references financing_request (id),
    guarantor_organization_id uuid        not null references organization (id),
    guarantee_product_id      uuid        not null references guarantee_product (id),
    status                    text        not null check (status in ('submitted', 'accepted', 'declined', 'withdrawn')),
    coverage_ratio_bp         integer     not null check (coverage_ratio_bp between 1 and 10000),
    annual_fee_rate_bp        integer     not null check (annual_fee_rate_bp between 0 and 1000),
    conditions                text,
    valid_until               timestamptz not null,
    version                   bigint      not null default 1,
    created_at                timestamptz not null,
    updated_at                timestamptz not null,
    created_by                text        not null
);
-- one live offer per guarantor and request, and at most one accepted offer per request
create unique index guarantee_offer_one_live_per_guarantor on guarantee_offer (financing_request_id, guarantor_organization_id)
    where status in ('submitted', 'accepted');
create unique index guarantee_offer_one_accepted on guarantee_offer (financing_request_id) where status = 'accepted';
create index guarantee_offer_by_guarantor on guarantee_offer (guarantor_organization_id, created_at desc, id desc);
