-- A campaign's views: which talents opened its page while it ran, each talent counted once.
create table campaign_view (
    campaign_id     uuid        not null references campaign (id),
    viewer_subject  text        not null,
    first_viewed_at timestamptz not null,
    primary key (campaign_id, viewer_subject)
);
