-- The regulator's filters on the trail, each newest first: by the organization that acted and by what happened.
-- A time range alone uses audit_event_newest_first; a request's history uses audit_event_by_entity.
create index audit_event_by_actor on audit_event (actor_organization, occurred_at desc, id desc);
create index audit_event_by_action on audit_event (action, occurred_at desc, id desc);
