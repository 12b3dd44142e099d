-- Matching ranks lenders by their median response time over a recent window of matched requests.
create index bank_response_matched_by_opened on bank_response (opened_at) where matched;
