-- Every state change, append-only: who (subject and organization), what, when, the state before and after.
create table audit_event (
    id                 uuid primary key,
    occurred_at        timestamptz not null,
    actor_subject      text not null,
    actor_organization uuid,
    action             text not null,
    entity_type        text not null,
    entity_id          uuid not null,
    before_state       jsonb,
    after_state        jsonb
);

create index audit_event_newest_first on audit_event (occurred_at desc, id desc);
create index audit_event_by_entity on audit_event (entity_type, entity_id, occurred_at desc, id desc);

-- never editable: not by the application, not by mistake
create function audit_event_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'the audit trail is append-only';
end;
$$;

create trigger audit_event_no_update_or_delete
    before update or delete on audit_event
    for each row execute function audit_event_is_append_only();

create trigger audit_event_no_truncate
    before truncate on audit_event
    for each statement execute function audit_event_is_append_only();
