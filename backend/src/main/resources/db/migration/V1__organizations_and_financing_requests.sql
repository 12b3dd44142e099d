-- Reference data the county's marketplace works on. Codes are stable identifiers used by the API.
create table industry (
    code        text primary key,
    parent_code text references industry (code),
    name_zh     text not null,
    name_en     text not null
);

insert into industry (code, parent_code, name_zh, name_en) values
    ('food-processing',          null,              '食品及农产品加工', 'Food and agricultural processing'),
    ('medicinal-herbs',          'food-processing', '中药材',           'Traditional Chinese medicinal herbs'),
    ('cured-pork',               'food-processing', '老腊肉',           'Cured pork'),
    ('prepared-food',            'food-processing', '预制菜',           'Prepared food'),
    ('green-building-materials', null,              '绿色建材',         'Green building materials'),
    ('new-materials',            null,              '新材料（钡）',     'New materials (barium)'),
    ('modern-chinese-medicine',  null,              '现代中医药',       'Modern Chinese medicine'),
    ('lacquer-craft',            null,              '大木漆工艺',       'Lacquer craft'),
    ('light-textiles',           null,              '轻纺',             'Light textiles'),
    ('waste-recycling',          null,              '废旧资源循环利用', 'Waste-resource recycling'),
    ('future-industries',        null,              '未来产业',         'Future industries'),
    ('big-data',                 'future-industries', '大数据',         'Big data'),
    ('energy-storage',           'future-industries', '新型储能',       'New energy storage'),
    ('culture-tourism-wellness', null,              '文旅康养',         'Culture, tourism and wellness');

create table region (
    code        text primary key,
    parent_code text references region (code),
    name_zh     text not null,
    name_en     text not null
);

insert into region (code, parent_code, name_zh, name_en) values
    ('county',    null,     '全县',   'The county'),
    ('chengguan', 'county', '城关镇', 'Chengguan town'),
    ('donghe',    'county', '东河镇', 'Donghe town'),
    ('xicha',     'county', '西岔镇', 'Xicha town'),
    ('nanshan',   'county', '南山镇', 'Nanshan town'),
    ('beiba',     'county', '北坝镇', 'Beiba town');

create table organization (
    id                uuid primary key,
    type              text not null check (type in ('enterprise', 'bank', 'guarantor', 'investor_group', 'government')),
    name              text not null check (length(name) between 2 and 100),
    credit_code       text not null unique check (length(credit_code) = 18),
    region            text not null references region (code),
    industries        text[] not null default '{}',
    tier              text check (tier in ('individual_business', 'micro', 'small', 'above_designated_size')),
    flags             text[] not null default '{}',
    verified_at       timestamptz,
    verified_by       text,
    verification_note text,
    version           bigint not null default 1,
    created_at        timestamptz not null,
    created_by        text not null
);

create index organization_newest_first on organization (created_at desc, id desc);

create table financing_request (
    id                  uuid primary key,
    organization_id     uuid not null references organization (id),
    status              text not null check (status in ('draft', 'open', 'withdrawn')),
    title               text not null,
    purpose             text not null,
    description         text,
    amount_fen          bigint not null check (amount_fen > 0),
    term_months         integer not null check (term_months between 1 and 360),
    industry            text not null references industry (code),
    region              text not null references region (code),
    collateral_offered  text[] not null,
    guarantee_wanted    boolean not null,
    max_annual_rate_bp  integer not null check (max_annual_rate_bp between 1 and 2400),
    bid_deadline        timestamptz,
    published_at        timestamptz,
    withdrawn_at        timestamptz,
    version             bigint not null default 1,
    created_at          timestamptz not null,
    updated_at          timestamptz not null,
    created_by          text not null,
    check (status <> 'open' or (bid_deadline is not null and published_at is not null))
);

create index financing_request_by_owner on financing_request (organization_id, created_at desc, id desc);

-- A creating POST retried with the same Idempotency-Key returns what the first one created.
create table idempotency_key (
    caller       text not null,
    operation    text not null,
    key          text not null,
    fingerprint  text not null,
    resource_id  uuid not null,
    created_at   timestamptz not null default now(),
    primary key (caller, operation, key)
);

-- Transactional outbox: a row is written in the same transaction as the change it announces;
-- the indexer re-reads the current state from PostgreSQL, so a lost or reordered event cannot leave
-- the index stale.
create table search_outbox (
    id              bigserial primary key,
    document_type   text not null,
    document_id     uuid not null,
    enqueued_at     timestamptz not null default clock_timestamp(),
    attempts        integer not null default 0,
    next_attempt_at timestamptz not null default clock_timestamp(),
    last_error      text
);

create index search_outbox_due on search_outbox (next_attempt_at, id);
