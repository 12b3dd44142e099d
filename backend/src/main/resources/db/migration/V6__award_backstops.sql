-- The database backs up what the application already enforces.
-- At most one accepted bid per request.
create unique index bid_one_accepted_per_request on bid (financing_request_id) where status = 'accepted';

-- An awarded request names its bid, and only an awarded one does.
alter table financing_request add constraint financing_request_awarded_bid
    foreign key (awarded_bid_id) references bid (id);
alter table financing_request add constraint financing_request_awarded_names_bid
    check ((status = 'awarded') = (awarded_bid_id is not null));

-- A bid that names a guarantor carries the guarantee terms it was made under.
alter table bid add constraint bid_guarantee_terms_complete
    check (guarantor_organization_id is null
        or (guarantee_product_id is not null and guarantee_coverage_bp is not null and guarantee_fee_rate_bp is not null));

-- Response times count only the banks whose active products matched when the request opened; a bank
-- that answers without a matching product is recorded, but apart.
alter table bank_response add column matched boolean not null default true;
