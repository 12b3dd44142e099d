-- Hometown-recruitment campaigns run by the talent bureau: curated open needs, invitations of talents
-- to those needs, and results frozen when the campaign closes.
create table campaign (
    id             uuid primary key,
    status         text not null check (status in ('active', 'closed')),
    theme          text not null,
    starts_on      date not null,
    ends_on        date not null check (ends_on >= starts_on),
    target_regions text[] not null,
    incentives     text,
    results        jsonb,
    version        bigint not null default 1,
    created_at     timestamptz not null,
    updated_at     timestamptz not null,
    created_by     text not null,
    closed_at      timestamptz,
    check ((status = 'closed') = (results is not null and closed_at is not null))
);
create index campaign_newest on campaign (created_at desc, id desc);

create table campaign_need (
    campaign_id uuid not null references campaign (id),
    need_id     uuid not null references talent_need (id),
    added_at    timestamptz not null,
    primary key (campaign_id, need_id)
);

-- An invitation names the need it is for: accepting it lets that need's enterprise see the talent's contact data.
create table campaign_invitation (
    id                uuid primary key,
    campaign_id       uuid not null references campaign (id),
    need_id           uuid not null references talent_need (id),
    talent_profile_id uuid not null references talent_profile (id),
    status            text not null check (status in ('pending', 'accepted', 'declined')),
    version           bigint not null default 1,
    created_at        timestamptz not null,
    responded_at      timestamptz,
    unique (campaign_id, need_id, talent_profile_id),
    foreign key (campaign_id, need_id) references campaign_need (campaign_id, need_id)
);
create index campaign_invitation_by_talent on campaign_invitation (talent_profile_id, created_at desc, id desc);

alter table talent_application add constraint talent_application_campaign
    foreign key (campaign_id) references campaign (id);
