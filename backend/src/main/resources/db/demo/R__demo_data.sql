-- Demo organizations matching the demo users of deploy/keycloak/duijie-realm.json (their `organization`
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
    ('00000000-0000-4000-8000-000000000401', 'investor_group', '在外乡贤投资联合会',   '91610900MA0000401B', 'county',    '{}', null, '{}', now(), 'demo', now(), 'demo')
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

-- announce the demo's open requests to the search index (the indexer skips what is already current)
insert into search_outbox (document_type, document_id)
select 'financing-requests', id from financing_request where status = 'open' and created_by = 'demo';
