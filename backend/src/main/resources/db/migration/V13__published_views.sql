-- Views a feature publishes for the others to read, and all they may read of its rows (TableOwnershipTest):
-- the owner decides what is in them, and the rest of its tables stays its own business.

-- organization: an organization's name, kind, tier and whether the regulator verified it (every feature);
-- not its credit code, verification notes or who verified it
create view organization_directory as
select id, type, name, tier, verified_at is not null as verified
from organization;

-- financing: when a request left the market, for the lenders' response-time figures (bidding)
create view financing_request_closing as
select id, published_at, closed_at, withdrawn_at
from financing_request;

-- talent: what a campaign shows and counts of the needs curated into it (campaign); no description, no
-- salary, nothing of the talents
create view talent_need_directory as
select id, organization_id, title, industry, status
from talent_need;

-- talent: the applications a campaign counts in its results (campaign); no cover letter, no referrer
create view talent_application_status as
select need_id, campaign_id, status
from talent_application;
