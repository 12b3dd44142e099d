-- The talent marketplace: a skills taxonomy, education levels, talents' profiles, enterprises' needs,
-- and applications (optionally referred by another talent).

create table skill (
    code text primary key, parent_code text references skill (code), position integer not null,
    name_zh text not null, name_en text not null);
insert into skill (code, parent_code, position, name_zh, name_en) values
    ('food-technology',        null,              1, '食品技术',       'Food technology'),
    ('meat-curing',            'food-technology', 1, '腌腊肉制品加工', 'Meat curing'),
    ('food-safety',            'food-technology', 2, '食品安全与质检', 'Food safety and quality'),
    ('cold-chain',             'food-technology', 3, '冷链物流',       'Cold-chain logistics'),
    ('herbal-medicine',        null,              2, '中药材',         'Herbal medicine'),
    ('herb-cultivation',       'herbal-medicine', 1, '中药材种植',     'Herb cultivation'),
    ('herb-processing',        'herbal-medicine', 2, '中药饮片炮制',   'Herb processing'),
    ('crafts',                 null,              3, '传统工艺',       'Traditional crafts'),
    ('lacquer-work',           'crafts',          1, '漆器髹饰',       'Lacquer work'),
    ('product-design',         'crafts',          2, '产品设计',       'Product design'),
    ('engineering',            null,              4, '工程技术',       'Engineering'),
    ('mechanical-engineering', 'engineering',     1, '机械工程',       'Mechanical engineering'),
    ('electrical-engineering', 'engineering',     2, '电气自动化',     'Electrical automation'),
    ('materials-science',      'engineering',     3, '材料科学',       'Materials science'),
    ('digital',                null,              5, '数字化',         'Digital'),
    ('software-development',   'digital',         1, '软件开发',       'Software development'),
    ('data-analysis',          'digital',         2, '数据分析',       'Data analysis'),
    ('e-commerce',             'digital',         3, '电子商务',       'E-commerce'),
    ('live-streaming',         'digital',         4, '直播带货',       'Live-stream selling'),
    ('management',             null,              6, '经营管理',       'Management'),
    ('finance-accounting',     'management',      1, '财务会计',       'Finance and accounting'),
    ('marketing',              'management',      2, '市场营销',       'Marketing'),
    ('tourism-hospitality',    'management',      3, '文旅服务',       'Tourism and hospitality');

-- Ordered: a need's minimum education is met by its rank or any higher one.
create table education_level (
    code text primary key, parent_code text, position integer not null unique,
    name_zh text not null, name_en text not null);
insert into education_level (code, position, name_zh, name_en) values
    ('none',       0, '不限',       'Any'),
    ('secondary',  1, '高中/中专',  'Secondary / vocational school'),
    ('associate',  2, '大专',       'Associate degree'),
    ('bachelor',   3, '本科',       'Bachelor'),
    ('master',     4, '硕士',       'Master'),
    ('doctorate',  5, '博士',       'Doctorate');

-- One profile per talent (the Keycloak user, by token subject). Contact data never leaves PostgreSQL
-- except to the talent and to enterprises the talent applied to.
create table talent_profile (
    id                uuid primary key,
    subject           text not null unique,
    display_name      text not null,
    skills            text[] not null,
    tags              text[] not null,
    education         text not null references education_level (code),
    years_experience  integer not null check (years_experience between 0 and 60),
    current_city      text not null,
    hometown_region   text references region (code),
    willing_to_return boolean not null,
    salary_min_fen    bigint not null check (salary_min_fen > 0),
    salary_max_fen    bigint not null check (salary_max_fen >= salary_min_fen),
    resume            text,
    phone             text,
    email             text,
    visibility        text not null check (visibility in ('public', 'anonymous', 'hidden')),
    version           bigint not null default 1,
    created_at        timestamptz not null,
    updated_at        timestamptz not null
);

create table talent_need (
    id                   uuid primary key,
    organization_id      uuid not null references organization (id),
    status               text not null check (status in ('draft', 'open', 'filled', 'closed')),
    title                text not null,
    description          text,
    industry             text not null references industry (code),
    headcount            integer not null check (headcount between 1 and 1000),
    open_headcount       integer not null check (open_headcount between 0 and headcount),
    required_skills      text[] not null,
    preferred_skills     text[] not null,
    min_education        text not null references education_level (code),
    min_years_experience integer not null check (min_years_experience between 0 and 60),
    salary_min_fen       bigint not null check (salary_min_fen > 0),
    salary_max_fen       bigint not null check (salary_max_fen >= salary_min_fen),
    region               text not null references region (code),
    benefits             text,
    policy_tags          text[] not null,
    published_at         timestamptz,
    closed_at            timestamptz,
    version              bigint not null default 1,
    created_at           timestamptz not null,
    updated_at           timestamptz not null,
    created_by           text not null,
    check ((status = 'filled') = (open_headcount = 0))
);
create index talent_need_by_owner on talent_need (organization_id, created_at desc, id desc);
create index talent_need_open on talent_need (published_at desc, id desc) where status = 'open';

-- One application per talent per need. The campaign it came through is linked when campaigns land.
create table talent_application (
    id                  uuid primary key,
    need_id             uuid not null references talent_need (id),
    talent_profile_id   uuid not null references talent_profile (id),
    campaign_id         uuid,
    referrer_profile_id uuid references talent_profile (id),
    status              text not null check (status in
                            ('applied', 'shortlisted', 'interview', 'offered', 'hired', 'rejected', 'withdrawn')),
    cover_letter        text,
    version             bigint not null default 1,
    created_at          timestamptz not null,
    updated_at          timestamptz not null,
    decided_at          timestamptz,
    unique (need_id, talent_profile_id),
    check (referrer_profile_id is null or referrer_profile_id <> talent_profile_id)
);
create index talent_application_by_talent on talent_application (talent_profile_id, created_at desc, id desc);
create index talent_application_by_need on talent_application (need_id, created_at desc, id desc);
create index talent_application_by_referrer on talent_application (referrer_profile_id) where referrer_profile_id is not null;
