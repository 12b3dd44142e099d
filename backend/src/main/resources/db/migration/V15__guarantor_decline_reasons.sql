-- Why the guarantor named on a bid declined its part: required of a guarantor's own decline, which the bank and
-- the firm read on the bid. A bid declined by the terms of an accepted guarantee offer has none.
alter table bid add column guarantor_decline_reason text check (guarantor_decline_reason in ('exposure_too_high',
    'collateral_insufficient', 'outside_our_scope', 'term_too_long', 'other'));
alter table bid add column guarantor_decline_note text;
alter table bid add constraint bid_decline_reason_for_a_decline
    check (guarantor_decline_reason is null or guarantor_decision = 'declined');
alter table bid add constraint bid_decline_note_with_a_reason
    check (guarantor_decline_note is null or guarantor_decline_reason is not null);
alter table bid add constraint bid_other_decline_reason_noted
    check (guarantor_decline_reason is distinct from 'other' or guarantor_decline_note is not null);
