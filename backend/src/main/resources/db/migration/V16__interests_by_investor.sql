-- An investor lists the interests it expressed, newest first.
create index investment_interest_by_investor
    on investment_interest (investor_organization_id, created_at desc, financing_request_id desc);
