-- Why a bank passed on a request, when it said: kept with its (first) answer.
alter table bank_response add column pass_reason text check (pass_reason in ('outside_our_sectors',
    'amount_too_large', 'term_does_not_fit', 'collateral_insufficient', 'credit_concerns', 'no_capacity_now', 'other'));
alter table bank_response add column pass_note text;
alter table bank_response add constraint bank_response_reason_for_a_pass
    check (pass_reason is null or response = 'passed');
alter table bank_response add constraint bank_response_note_with_a_reason
    check (pass_note is null or pass_reason is not null);
alter table bank_response add constraint bank_response_other_reason_noted
    check (pass_reason is distinct from 'other' or pass_note is not null);
