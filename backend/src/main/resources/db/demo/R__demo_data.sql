-- Demo organizations matching the demo users of deploy/keycloak/duijie-users-0.json (their `organization`
-- attribute is the id here), plus a few financing requests. Loaded only with the `demo` profile.
-- Safe to rerun: nothing is inserted twice.
insert into organization (id, type, name, credit_code, region, industries, tier, flags, verified_at, verified_by, created_at, created_by)
values
    ('00000000-0000-4000-8000-000000000001', 'government',     '县金融工作办公室',     '11610900MB0000001Y', 'county',    '{}', null, '{}', now(), 'demo', now(), 'demo'),
    ('00000000-0000-4000-8000-000000000002', 'government',     '县人才工作局',         '11610900MB00000022', 'county',    '{}', null, '{}', now(), 'demo', now(), 'demo'),
    ('00000000-0000-4000-8000-000000000101', 'enterprise',     '大木漆器工艺有限公司', '91610900MA0000101A', 'chengguan', '{lacquer-craft,culture-tourism-wellness}', 'small', '{specialized_new}', now(), 'demo', now(), 'demo'),
    ('00000000-0000-4000-8000-000000000102', 'enterprise',     '东河老腊肉食品厂',     '92610900MA0000102A', 'donghe',    '{cured-pork}', 'micro', '{}', null, null, now(), 'demo'),
    ('00000000-0000-4000-8000-000000000201', 'bank',           '县农村商业银行',       '91610900MA00002010', 'county',    '{}', null, '{}', now(), 'demo', now(), 'demo'),
    ('00000000-0000-4000-8000-000000000202', 'bank',           '秦巴村镇银行',         '91610900MA00002023', 'county',    '{}', null, '{}', now(), 'demo', now(), 'demo'),
    ('00000000-0000-4000-8000-000000000301', 'guarantor',      '县融资担保有限公司',   '91610900MA0000301M', 'county',    '{}', null, '{}', now(), 'demo', now(), 'demo'),
    ('00000000-0000-4000-8000-000000000302', 'guarantor',      '市中小企业融资担保公司', '91610900MA0000302Q', 'county',    '{}', null, '{}', now(), 'demo', now(), 'demo'),
    ('00000000-0000-4000-8000-000000000401', 'investor_group', '在外乡贤投资联合会',   '91610900MA0000401B', 'county',    '{}', null, '{}', now(), 'demo', now(), 'demo'),
    ('00000000-0000-4000-8000-000000000402', 'investor_group', '深圳商会乡贤基金',     '91610900MA0000402E', 'county',    '{}', null, '{}', now(), 'demo', now(), 'demo')
on conflict (id) do nothing;

insert into financing_request (id, organization_id, status, title, purpose, description, amount_fen, term_months,
    industry, region, collateral_offered, guarantee_wanted, max_annual_rate_bp, bid_deadline, published_at,
    created_at, updated_at, created_by)
values
    ('00000000-0000-4000-9000-000000000001', '00000000-0000-4000-8000-000000000101', 'open',
     '漆器生产线技术改造贷款', '购置大木漆自动喷涂设备', '专精特新企业，扩大漆器产能，产品销往省内外文旅市场。',
     300000000, 36, 'lacquer-craft', 'chengguan', '{equipment,intellectual_property}', true, 480,
     now() + interval '30 days', now(), now(), now(), 'demo'),
    ('00000000-0000-4000-9000-000000000002', '00000000-0000-4000-8000-000000000101', 'open',
     '春节旺季备货流动资金', '采购生漆和木胎原料', '春节前订单集中，需要短期流动资金备货。',
     50000000, 12, 'lacquer-craft', 'chengguan', '{inventory,receivables}', false, 550,
     now() + interval '20 days', now(), now(), now(), 'demo'),
    ('00000000-0000-4000-9000-000000000003', '00000000-0000-4000-8000-000000000101', 'draft',
     '文旅体验馆建设', '建设漆艺研学体验馆', null,
     800000000, 60, 'culture-tourism-wellness', 'chengguan', '{real_estate}', true, 500,
     null, null, now(), now(), 'demo')
on conflict (id) do nothing;

-- The demo requests' history (GET /financing-requests/{id}/history), as the services would have written it: the
-- firm drafted all three and published the two open ones.
insert into audit_event (id, occurred_at, actor_subject, actor_organization, action, entity_type, entity_id,
    before_state, after_state)
select event.id::uuid, request.created_at + event.after_creation, 'demo', request.organization_id, event.action,
    'financing-request', request.id, event.before_state, event.after_state
from financing_request request
join (values
    ('00000000-0000-4000-f000-000000000001', '00000000-0000-4000-9000-000000000001', 'financing-request.created',
     interval '-1 minute', null::jsonb, '{"status": "DRAFT"}'::jsonb),
    ('00000000-0000-4000-f000-000000000002', '00000000-0000-4000-9000-000000000001', 'financing-request.published',
     interval '0 minutes', '{"status": "DRAFT"}'::jsonb, '{"status": "OPEN"}'::jsonb),
    ('00000000-0000-4000-f000-000000000003', '00000000-0000-4000-9000-000000000002', 'financing-request.created',
     interval '-1 minute', null::jsonb, '{"status": "DRAFT"}'::jsonb),
    ('00000000-0000-4000-f000-000000000004', '00000000-0000-4000-9000-000000000002', 'financing-request.published',
     interval '0 minutes', '{"status": "DRAFT"}'::jsonb, '{"status": "OPEN"}'::jsonb),
    ('00000000-0000-4000-f000-000000000005', '00000000-0000-4000-9000-000000000003', 'financing-request.created',
     interval '-1 minute', null::jsonb, '{"status": "DRAFT"}'::jsonb)
) as event (id, request_id, action, after_creation, before_state, after_state) on request.id = event.request_id::uuid
on conflict (id) do nothing;

insert into loan_product (id, organization_id, status, name, description, amount_min_fen, amount_max_fen,
    term_min_months, term_max_months, rate_min_bp, rate_max_bp, industries, regions, tiers, collateral_accepted,
    guarantee_required, policy_tags, created_at, updated_at, created_by)
values
    ('00000000-0000-4000-b000-000000000001', '00000000-0000-4000-8000-000000000201', 'active',
     '特色产业振兴贷', '支持老腊肉、大木漆等县域特色产业小微企业技改和流动资金。', 50000000, 500000000, 12, 60, 380, 550,
     '{cured-pork,lacquer-craft,prepared-food,medicinal-herbs}', '{}', '{micro,small}', '{real_estate,equipment,inventory}',
     false, '{first_loan}', now(), now(), 'demo'),
    ('00000000-0000-4000-b000-000000000002', '00000000-0000-4000-8000-000000000202', 'active',
     '科创知识产权质押贷', '面向专精特新和科技型企业的知识产权质押贷款。', 100000000, 1000000000, 12, 36, 350, 480,
     '{}', '{}', '{}', '{intellectual_property,equipment}', true, '{ip_pledge,credit_loan}', now(), now(), 'demo')
on conflict (id) do nothing;

insert into guarantee_product (id, organization_id, status, name, description, max_amount_fen, coverage_ratio_bp,
    annual_fee_rate_bp, industries, tiers, counter_guarantee_required, created_at, updated_at, created_by)
values
    ('00000000-0000-4000-b000-000000000101', '00000000-0000-4000-8000-000000000301', 'active',
     '小微企业政策性融资担保', '政府性融资担保，费率不高于1%。', 1000000000, 8000, 100, '{}', '{micro,small}', false,
     now(), now(), 'demo')
on conflict (id) do nothing;

insert into investment_offer (id, organization_id, status, name, description, kind, ticket_min_fen, ticket_max_fen,
    industries, stages, hometown_tie, created_at, updated_at, created_by)
values
    ('00000000-0000-4000-b000-000000000201', '00000000-0000-4000-8000-000000000401', 'active',
     '乡贤回归产业基金', '在外乡贤联合出资，投向家乡特色产业和文旅项目。', 'equity', 100000000, 2000000000,
     '{cured-pork,lacquer-craft,culture-tourism-wellness}', '{early,growth}', '县籍在外企业家联合会', now(), now(), 'demo')
on conflict (id) do nothing;

-- announce the demo's open requests to the search index (the indexer skips what is already current)
-- Talents: the subjects are the fixed Keycloak user ids of the demo users talent, talent-b and talent-c.
insert into talent_profile (id, subject, display_name, skills, tags, education, years_experience, current_city,
    hometown_region, willing_to_return, salary_min_fen, salary_max_fen, resume, phone, email, visibility,
    created_at, updated_at)
values
    ('00000000-0000-4000-c000-000000000001', '00000000-0000-4000-a000-000000000001', '王小明',
     '{meat-curing,food-safety,e-commerce}', '{抖音运营}', 'associate', 8, '深圳', 'donghe', true, 800000, 1200000,
     '在深圳食品厂负责腊肉生产线八年，熟悉食品安全体系和电商运营。', '13800000001', 'talent@demo.duijie.local',
     'public', now(), now()),
    ('00000000-0000-4000-c000-000000000002', '00000000-0000-4000-a000-000000000002', '李娟',
     '{lacquer-work,product-design}', '{非遗传承}', 'bachelor', 5, '西安', 'chengguan', true, 700000, 1000000,
     '美术学院漆艺专业毕业，从事漆器设计五年。', '13900000002', 'talent-b@demo.duijie.local', 'anonymous', now(), now()),
    ('00000000-0000-4000-c000-000000000003', '00000000-0000-4000-a000-000000000003', '赵强',
     '{software-development,data-analysis}', '{}', 'master', 3, '成都', null, false, 1500000, 2500000,
     null, '13700000003', 'talent-c@demo.duijie.local', 'hidden', now(), now())
on conflict do nothing;

insert into talent_need (id, organization_id, status, title, description, industry, headcount, open_headcount,
    required_skills, preferred_skills, min_education, min_years_experience, salary_min_fen, salary_max_fen, region,
    benefits, policy_tags, published_at, created_at, updated_at, created_by)
values
    ('00000000-0000-4000-d000-000000000001', '00000000-0000-4000-8000-000000000101', 'open', '漆器髹饰技师',
     '负责大木漆器髹饰工艺和新品打样。', 'lacquer-craft', 2, 2, '{lacquer-work}', '{product-design}', 'secondary', 3, 600000, 1000000,
     'chengguan', '提供人才公寓，返乡人才安家补贴5万元。', '{housing_subsidy,settling_allowance}', now(), now(), now(),
     'demo'),
    ('00000000-0000-4000-d000-000000000002', '00000000-0000-4000-8000-000000000101', 'open', '电商运营主管',
     '负责天猫、抖音店铺运营和直播带货。', 'lacquer-craft', 1, 1, '{e-commerce}', '{live-streaming,marketing}', 'associate', 2, 700000,
     1200000, 'chengguan', '绩效奖金，子女就近入学。', '{children_schooling}', now(), now(), now(), 'demo')
on conflict (id) do nothing;

insert into campaign (id, status, theme, starts_on, ends_on, target_regions, incentives, created_at, updated_at,
    created_by)
values
    ('00000000-0000-4000-e000-000000000001', 'active', '2027春节返乡人才对接会', date '2027-01-20', date '2027-02-20',
     '{county}', '返乡就业人才一次性补贴1万元，三年内提供人才公寓。', now(), now(), 'demo')
on conflict (id) do nothing;
insert into campaign_need (campaign_id, need_id, added_at)
values
    ('00000000-0000-4000-e000-000000000001', '00000000-0000-4000-d000-000000000001', now()),
    ('00000000-0000-4000-e000-000000000001', '00000000-0000-4000-d000-000000000002', now())
on conflict do nothing;

insert into search_outbox (document_type, document_id)
select 'financing-requests', id from financing_request where status = 'open' and created_by = 'demo';
