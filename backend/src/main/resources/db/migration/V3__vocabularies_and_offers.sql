-- The fixed vocabularies, with names for display, served by GET /reference-data.
alter table industry add column position integer not null default 0;
alter table region add column position integer not null default 0;
update region set position = case code when 'county' then 0 else 1 end;

create table collateral_type (
    code text primary key, parent_code text, position integer not null, name_zh text not null, name_en text not null);
insert into collateral_type (code, position, name_zh, name_en) values
    ('real_estate',           1, '不动产抵押',     'Real estate mortgage'),
    ('equipment',             2, '机器设备抵押',   'Equipment mortgage'),
    ('receivables',           3, '应收账款质押',   'Receivables pledge'),
    ('inventory',             4, '存货质押',       'Inventory pledge'),
    ('intellectual_property', 5, '知识产权质押',   'Intellectual-property pledge'),
    ('equity',                6, '股权质押',       'Equity pledge'),
    ('none',                  7, '无抵押（信用）', 'None (credit)');

create table enterprise_tier (
    code text primary key, parent_code text, position integer not null, name_zh text not null, name_en text not null);
insert into enterprise_tier (code, position, name_zh, name_en) values
    ('individual_business',   1, '个体工商户',     'Individual business'),
    ('micro',                 2, '微型企业',       'Micro enterprise'),
    ('small',                 3, '小型企业',       'Small enterprise'),
    ('above_designated_size', 4, '规模以上企业',   'Above designated size');

create table enterprise_flag (
    code text primary key, parent_code text, position integer not null, name_zh text not null, name_en text not null);
insert into enterprise_flag (code, position, name_zh, name_en) values
    ('specialized_new', 1, '专精特新',         'Specialized and new'),
    ('high_tech',       2, '高新技术企业',     'High-tech enterprise'),
    ('tech_based',      3, '科技型中小企业',   'Tech-based SME'),
    ('little_giant',    4, '小巨人企业',       'Little giant');

-- Offers. An empty list of industries, regions, tiers or collateral means "any".
create table loan_product (
    id                  uuid primary key,
    organization_id     uuid not null references organization (id),
    status              text not null check (status in ('draft', 'active', 'paused', 'retired')),
    name                text not null,
    description         text,
    amount_min_fen      bigint not null check (amount_min_fen > 0),
    amount_max_fen      bigint not null check (amount_max_fen >= amount_min_fen),
    term_min_months     integer not null check (term_min_months between 1 and 360),
    term_max_months     integer not null check (term_max_months between term_min_months and 360),
    rate_min_bp         integer not null check (rate_min_bp between 1 and 2400),
    rate_max_bp         integer not null check (rate_max_bp between rate_min_bp and 2400),
    industries          text[] not null,
    regions             text[] not null,
    tiers               text[] not null,
    collateral_accepted text[] not null,
    guarantee_required  boolean not null,
    policy_tags         text[] not null,
    version             bigint not null default 1,
    created_at          timestamptz not null,
    updated_at          timestamptz not null,
    created_by          text not null
);
create index loan_product_by_owner on loan_product (organization_id, created_at desc, id desc);
create index loan_product_active on loan_product (status) where status = 'active';

create table guarantee_product (
    id                         uuid primary key,
    organization_id            uuid not null references organization (id),
    status                     text not null check (status in ('draft', 'active', 'paused', 'retired')),
    name                       text not null,
    description                text,
    max_amount_fen             bigint not null check (max_amount_fen > 0),
    coverage_ratio_bp          integer not null check (coverage_ratio_bp between 1 and 10000),
    annual_fee_rate_bp         integer not null check (annual_fee_rate_bp between 0 and 1000),
    industries                 text[] not null,
    tiers                      text[] not null,
    counter_guarantee_required boolean not null,
    version                    bigint not null default 1,
    created_at                 timestamptz not null,
    updated_at                 timestamptz not null,
    created_by                 text not null
);
create index guarantee_product_by_owner on guarantee_product (organization_id, created_at desc, id desc);
