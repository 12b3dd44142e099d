package dev.duijie.matching;

import dev.duijie.financing.RequestContent;
import dev.duijie.offer.GuaranteeProduct;
import dev.duijie.offer.GuaranteeTerms;
import dev.duijie.offer.InvestmentOffer;
import dev.duijie.offer.InvestmentTerms;
import dev.duijie.offer.LoanTerms;
import dev.duijie.organization.CreditCode;
import dev.duijie.shared.SqlArrays;
import dev.duijie.talent.EducationLevel;
import dev.duijie.talent.TalentNeedContent;
import dev.duijie.talent.TalentProfileContent;
import dev.duijie.talent.Visibility;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A seeded, reproducible synthetic county written straight into PostgreSQL (banks, firms, loan products,
 * open requests, banks' response histories), and the exact brute-force scorer and nDCG that judge the
 * matching against it. Used by the benchmark at full size and by {@code MatchingQualityIT} at a small one.
 * Every row it writes is created by {@code synthetic-county}, which is how {@link #retire} finds them.
 */
final class SyntheticCounty {

    static final String[] INDUSTRIES = {
        "cured-pork",
        "medicinal-herbs",
        "prepared-food",
        "lacquer-craft",
        "new-materials",
        "green-building-materials",
        "light-textiles",
        "culture-tourism-wellness"
    };
    static final String[] REGIONS = {"chengguan", "donghe", "xicha", "nanshan", "beiba"};
    static final String[] TIERS = {"micro", "small", "above_designated_size"};
    static final String[] COLLATERAL = {"real_estate", "equipment", "receivables", "inventory", "intellectual_property"
    };
    private static final String CREATOR = "synthetic-county";

    record Product(UUID id, UUID bank, LoanTerms terms) {}

    record Request(UUID id, RequestContent content, String tier) {}

    record Talent(UUID id, TalentProfileContent content) {}

    record Need(UUID id, TalentNeedContent content) {}

    static final String[] SKILLS = {
        "meat-curing",
        "food-safety",
        "cold-chain",
        "herb-cultivation",
        "herb-processing",
        "lacquer-work",
        "product-design",
        "mechanical-engineering",
        "electrical-engineering",
        "materials-science",
        "software-development",
        "data-analysis",
        "e-commerce",
        "live-streaming",
        "finance-accounting",
        "marketing",
        "tourism-hospitality"
    };
    static final String[] SKILL_GROUPS = {
        "food-technology", "herbal-medicine", "crafts", "engineering", "digital", "management"
    };
    private static final String SUBJECT_PREFIX = "synthetic-county-";

    private final JdbcClient jdbc;
    private final Random random;

    SyntheticCounty(JdbcClient jdbc, long seed) {
        this.jdbc = jdbc;
        this.random = new Random(seed);
    }

    List<UUID> organizations(String type, int count) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            UUID id = new UUID(0xbe0c4L, random.nextLong());
            ids.add(id);
            jdbc.sql("""
                    insert into organization (id, type, name, credit_code, region, tier, verified_at, verified_by, created_at,
                        created_by)
                    values (:id, :type, :name, :code, 'county', :tier, now(), :creator, now(), :creator)
                    on conflict (id) do nothing""")
                    .param("id", id)
                    .param("type", type)
                    .param("name", type + " " + i)
                    .param("creator", CREATOR)
                    .param(
                            "code",
                            CreditCode.completing("9" + (type.equals("bank") ? "1" : "2")
                                            + String.format(
                                                    "%015d", Math.floorMod(random.nextLong(), 1_000_000_000_000_000L)))
                                    .value())
                    .param("tier", type.equals("enterprise") ? TIERS[random.nextInt(TIERS.length)] : null)
                    .update();
        }
        return ids;
    }

    /**
     * Loan products. Offers' names carry no numbers: the requests' unique words ("bench" and base 36) segment
     * into digits too, which would give a numbered name a text match the brute force does not model.
     */
    List<Product> loanProducts(List<UUID> banks, int count) {
        List<Product> products = new ArrayList<>();
        Instant now = Instant.now();
        for (int i = 0; i < count; i++) {
            long min = (1 + random.nextInt(200)) * 1_000_000L;
            long max = min * (2 + random.nextInt(20));
            int termMin = 6 * (1 + random.nextInt(6));
            int termMax = termMin + 6 * (1 + random.nextInt(10));
            int rateMin = 300 + random.nextInt(300);
            LoanTerms terms = new LoanTerms(
                    "贷款产品",
                    "适用产业 " + String.join(" ", pick(INDUSTRIES, 0.3)),
                    min,
                    max,
                    termMin,
                    termMax,
                    rateMin,
                    rateMin + random.nextInt(300),
                    pick(INDUSTRIES, 0.3),
                    pick(REGIONS, 0.2),
                    pick(TIERS, 0.4),
                    pick(COLLATERAL, 0.4),
                    random.nextInt(5) == 0,
                    List.of());
            UUID bank = banks.get(random.nextInt(banks.size()));
            Product product = new Product(UUID.randomUUID(), bank, terms);
            products.add(product);
            jdbc.sql("""
                    insert into loan_product (id, organization_id, status, name, description, amount_min_fen, amount_max_fen,
                        term_min_months, term_max_months, rate_min_bp, rate_max_bp, industries, regions, tiers,
                        collateral_accepted, guarantee_required, policy_tags, created_at, updated_at, created_by)
                    values (:id, :bank, 'active', :name, :description, :amountMin, :amountMax, :termMin, :termMax, :rateMin,
                        :rateMax, :industries, :regions, :tiers, :collateral, :guarantee, '{}', :now, :now, :creator)""")
                    .param("id", product.id())
                    .param("bank", bank)
                    .param("creator", CREATOR)
                    .param("name", terms.name())
                    .param("description", terms.description())
                    .param("amountMin", terms.amountMinFen())
                    .param("amountMax", terms.amountMaxFen())
                    .param("termMin", terms.termMinMonths())
                    .param("termMax", terms.termMaxMonths())
                    .param("rateMin", terms.rateMinBp())
                    .param("rateMax", terms.rateMaxBp())
                    .param("industries", terms.industries().toArray(String[]::new))
                    .param("regions", terms.regions().toArray(String[]::new))
                    .param("tiers", terms.tiers().toArray(String[]::new))
                    .param("collateral", terms.collateralAccepted().toArray(String[]::new))
                    .param("guarantee", terms.guaranteeRequired())
                    .param("now", Timestamp.from(now))
                    .update();
        }
        return products;
    }

    record Guarantee(UUID id, UUID guarantor, GuaranteeTerms terms) {}

    record Investment(UUID id, UUID investor, InvestmentTerms terms) {}

    /** Guarantee products: limits from 50万 to 1亿元, fees, coverage, industries and tiers (empty meaning any). */
    List<Guarantee> guaranteeProducts(List<UUID> guarantors, int count) {
        List<Guarantee> products = new ArrayList<>();
        Instant now = Instant.now();
        for (int i = 0; i < count; i++) {
            GuaranteeTerms terms = new GuaranteeTerms(
                    "融资担保产品",
                    null,
                    (50 + random.nextInt(10_000)) * 1_000_000L,
                    1000 * (3 + random.nextInt(8)),
                    50 + random.nextInt(250),
                    pick(INDUSTRIES, 0.3),
                    pick(TIERS, 0.4),
                    random.nextInt(3) == 0);
            Guarantee product =
                    new Guarantee(UUID.randomUUID(), guarantors.get(random.nextInt(guarantors.size())), terms);
            products.add(product);
            jdbc.sql("""
                    insert into guarantee_product (id, organization_id, status, name, description, max_amount_fen,
                        coverage_ratio_bp, annual_fee_rate_bp, industries, tiers, counter_guarantee_required, created_at,
                        updated_at, created_by)
                    values (:id, :owner, 'active', :name, :description, :max, :coverage, :fee, :industries, :tiers,
                        :counter, :now, :now, :creator)""")
                    .param("id", product.id())
                    .param("owner", product.guarantor())
                    .param("name", terms.name())
                    .param("description", terms.description())
                    .param("max", terms.maxAmountFen())
                    .param("coverage", terms.coverageRatioBp())
                    .param("fee", terms.annualFeeRateBp())
                    .param("industries", terms.industries().toArray(String[]::new))
                    .param("tiers", terms.tiers().toArray(String[]::new))
                    .param("counter", terms.counterGuaranteeRequired())
                    .param("now", Timestamp.from(now))
                    .param("creator", CREATOR)
                    .update();
        }
        return products;
    }

    /** Returning-hometown investment offers: tickets from 10万 up to twenty times their minimum, industries. */
    List<Investment> investmentOffers(List<UUID> investors, int count) {
        List<Investment> offers = new ArrayList<>();
        Instant now = Instant.now();
        for (int i = 0; i < count; i++) {
            long min = (10 + random.nextInt(2000)) * 1_000_000L;
            InvestmentTerms terms = new InvestmentTerms(
                    "乡贤返乡投资",
                    null,
                    "equity",
                    min,
                    min * (2 + random.nextInt(19)),
                    pick(INDUSTRIES, 0.3),
                    List.of(),
                    null);
            Investment offer =
                    new Investment(UUID.randomUUID(), investors.get(random.nextInt(investors.size())), terms);
            offers.add(offer);
            jdbc.sql("""
                    insert into investment_offer (id, organization_id, status, name, description, kind, ticket_min_fen,
                        ticket_max_fen, industries, stages, created_at, updated_at, created_by)
                    values (:id, :owner, 'active', :name, :description, :kind, :min, :max, :industries, '{}', :now, :now,
                        :creator)""")
                    .param("id", offer.id())
                    .param("owner", offer.investor())
                    .param("name", terms.name())
                    .param("description", terms.description())
                    .param("kind", terms.kind())
                    .param("min", terms.ticketMinFen())
                    .param("max", terms.ticketMaxFen())
                    .param("industries", terms.industries().toArray(String[]::new))
                    .param("now", Timestamp.from(now))
                    .param("creator", CREATOR)
                    .update();
        }
        return offers;
    }

    /** Open requests whose words are unique, so a match's relevance is its structured score alone. */
    List<Request> openRequests(List<UUID> firms, int count) {
        List<Request> requests = new ArrayList<>();
        Instant now = Instant.now();
        for (int i = 0; i < count; i++) {
            UUID firm = firms.get(random.nextInt(firms.size()));
            String tier = jdbc.sql("select tier from organization where id = :id")
                    .param("id", firm)
                    .query(String.class)
                    .single();
            RequestContent content = new RequestContent(
                    "bench" + Long.toString(Math.abs(random.nextLong()), 36),
                    "bench" + Long.toString(Math.abs(random.nextLong()), 36),
                    null,
                    (5 + random.nextInt(2000)) * 1_000_000L,
                    6 * (1 + random.nextInt(20)),
                    INDUSTRIES[random.nextInt(INDUSTRIES.length)],
                    REGIONS[random.nextInt(REGIONS.length)],
                    List.of(COLLATERAL[random.nextInt(COLLATERAL.length)]),
                    random.nextBoolean(),
                    350 + random.nextInt(400));
            UUID id = UUID.randomUUID();
            requests.add(new Request(id, content, tier));
            jdbc.sql("""
                    insert into financing_request (id, organization_id, status, title, purpose, amount_fen, term_months,
                        industry, region, collateral_offered, guarantee_wanted, max_annual_rate_bp, bid_deadline,
                        published_at, created_at, updated_at, created_by)
                    values (:id, :firm, 'open', :title, :purpose, :amount, :term, :industry, :region, :collateral,
                        :guarantee, :maxRate, :deadline, :now, :now, :now, :creator)""")
                    .param("id", id)
                    .param("firm", firm)
                    .param("title", content.title())
                    .param("purpose", content.purpose())
                    .param("amount", content.amountFen())
                    .param("term", content.termMonths())
                    .param("industry", content.industry())
                    .param("region", content.region())
                    .param("collateral", content.collateralOffered().toArray(String[]::new))
                    .param("guarantee", content.guaranteeWanted())
                    .param("maxRate", content.maxAnnualRateBp())
                    .param("deadline", Timestamp.from(now.plus(30, ChronoUnit.DAYS)))
                    .param("now", Timestamp.from(now))
                    .param("creator", CREATOR)
                    .update();
        }
        return requests;
    }

    /**
     * Each bank answered a few of the requests, some quickly and some after days (a typical time per bank,
     * scattered around it), so the lenders' response-time factor ranks too.
     */
    void responseHistories(List<UUID> banks, List<Request> requests) {
        Instant opened = Instant.now().minus(10, ChronoUnit.DAYS);
        for (UUID bank : banks) {
            double typicalHours = 0.5 + random.nextDouble() * 72;
            List<Request> answered = new ArrayList<>(requests);
            Collections.shuffle(answered, random);
            for (Request request : answered.subList(0, Math.min(answered.size(), 3 + random.nextInt(8)))) {
                Duration after = Duration.ofSeconds((long) (typicalHours * (0.5 + random.nextDouble()) * 3600));
                jdbc.sql("""
                        insert into bank_response (bank_organization_id, financing_request_id, opened_at, responded_at,
                            response)
                        values (:bank, :request, :opened, :responded, 'passed')""")
                        .param("bank", bank)
                        .param("request", request.id())
                        .param("opened", Timestamp.from(opened))
                        .param("responded", Timestamp.from(opened.plus(after)))
                        .update();
            }
        }
    }

    /** Talents: random skills, education, experience, hometown (or none), salary; some anonymous, some hidden. */
    List<Talent> talentProfiles(int count) {
        List<Talent> talents = new ArrayList<>();
        Instant now = Instant.now();
        EducationLevel[] levels = EducationLevel.values();
        for (int i = 0; i < count; i++) {
            long salaryMin = (3 + random.nextInt(20)) * 100_000L;
            double visibilityDraw = random.nextDouble();
            TalentProfileContent content = new TalentProfileContent(
                    "人才" + i,
                    pickSome(SKILLS, 1, 3),
                    List.of(),
                    levels[random.nextInt(levels.length)],
                    random.nextInt(21),
                    "深圳",
                    random.nextDouble() < 0.3 ? null : REGIONS[random.nextInt(REGIONS.length)],
                    random.nextBoolean(),
                    // no résumé: the needs' words must not match anything, so relevance is the structured score alone
                    salaryMin,
                    salaryMin + (1 + random.nextInt(10)) * 100_000L,
                    null,
                    null,
                    null,
                    visibilityDraw < 0.1
                            ? Visibility.HIDDEN
                            : visibilityDraw < 0.2 ? Visibility.ANONYMOUS : Visibility.PUBLIC);
            Talent talent = new Talent(UUID.randomUUID(), content);
            talents.add(talent);
            jdbc.sql("""
                    insert into talent_profile (id, subject, display_name, skills, tags, education, years_experience,
                        current_city, hometown_region, willing_to_return, salary_min_fen, salary_max_fen, resume,
                        visibility, created_at, updated_at)
                    values (:id, :subject, :name, :skills, '{}', :education, :years, :city, :hometown, :willing,
                        :salaryMin, :salaryMax, :resume, :visibility, :now, :now)""")
                    .param("id", talent.id())
                    .param("subject", SUBJECT_PREFIX + talent.id())
                    .param("name", content.displayName())
                    .param("skills", content.skills().toArray(String[]::new))
                    .param("education", content.education().code())
                    .param("years", content.yearsExperience())
                    .param("city", content.currentCity())
                    .param("hometown", content.hometownRegion())
                    .param("willing", content.willingToReturn())
                    .param("salaryMin", content.salaryMinFen())
                    .param("salaryMax", content.salaryMaxFen())
                    .param("resume", content.resume())
                    .param("visibility", content.visibility().name().toLowerCase(Locale.ROOT))
                    .param("now", Timestamp.from(now))
                    .update();
        }
        return talents;
    }

    /** Open needs of the firms: required skills (sometimes a whole group), preferred ones, minimums; unique words. */
    List<Need> talentNeeds(List<UUID> firms, int count) {
        List<Need> needs = new ArrayList<>();
        Instant now = Instant.now();
        EducationLevel[] levels = EducationLevel.values();
        for (int i = 0; i < count; i++) {
            long salaryMin = (3 + random.nextInt(20)) * 100_000L;
            List<String> required = random.nextInt(5) == 0
                    ? List.of(SKILL_GROUPS[random.nextInt(SKILL_GROUPS.length)])
                    : pickSome(SKILLS, 1, 2);
            List<String> preferred = pickSome(SKILLS, 0, 2).stream()
                    .filter(skill -> !required.contains(skill))
                    .toList();
            TalentNeedContent content = new TalentNeedContent(
                    "bench" + Long.toString(Math.abs(random.nextLong()), 36),
                    null,
                    INDUSTRIES[random.nextInt(INDUSTRIES.length)],
                    1 + random.nextInt(3),
                    required,
                    preferred,
                    levels[random.nextInt(4)],
                    random.nextInt(8),
                    salaryMin,
                    salaryMin + (1 + random.nextInt(10)) * 100_000L,
                    REGIONS[random.nextInt(REGIONS.length)],
                    null,
                    List.of());
            Need need = new Need(UUID.randomUUID(), content);
            needs.add(need);
            jdbc.sql("""
                    insert into talent_need (id, organization_id, status, title, industry, headcount, open_headcount,
                        required_skills, preferred_skills, min_education, min_years_experience, salary_min_fen,
                        salary_max_fen, region, policy_tags, published_at, created_at, updated_at, created_by)
                    values (:id, :firm, 'open', :title, :industry, :headcount, :headcount, :required, :preferred,
                        :education, :years, :salaryMin, :salaryMax, :region, '{}', :now, :now, :now, :creator)""")
                    .param("id", need.id())
                    .param("firm", firms.get(random.nextInt(firms.size())))
                    .param("title", content.title())
                    .param("industry", content.industry())
                    .param("headcount", content.headcount())
                    .param("required", required.toArray(String[]::new))
                    .param("preferred", preferred.toArray(String[]::new))
                    .param("education", content.minEducation().code())
                    .param("years", content.minYearsExperience())
                    .param("salaryMin", content.salaryMinFen())
                    .param("salaryMax", content.salaryMaxFen())
                    .param("region", content.region())
                    .param("now", Timestamp.from(now))
                    .param("creator", CREATOR)
                    .update();
        }
        return needs;
    }

    /** Takes the county's talents and needs away again; the caller re-indexes them. */
    List<UUID> removeTalents() {
        return jdbc.sql("delete from talent_profile where subject like :prefix returning id")
                .param("prefix", SUBJECT_PREFIX + "%")
                .query(UUID.class)
                .list();
    }

    List<UUID> closeNeeds() {
        return jdbc.sql("""
                update talent_need set status = 'closed', closed_at = now(), version = version + 1
                where created_by = :creator and status = 'open' returning id""").param("creator", CREATOR).query(UUID.class).list();
    }

    /**
     * Every talent eligible for the need with its exact score from {@link TalentScoring} (the needs' words are
     * unique: no text part); hidden profiles are never candidates.
     */
    static Map<UUID, Double> bruteForce(
            List<Talent> talents,
            TalentNeedContent need,
            Function<TalentProfileContent, Set<String>> skillsWithGroups,
            Set<String> county) {
        Map<UUID, Double> scores = new HashMap<>();
        for (Talent talent : talents) {
            if (talent.content().visibility() == Visibility.HIDDEN) {
                continue;
            }
            Set<String> skills = skillsWithGroups.apply(talent.content());
            if (TalentScoring.eligible(need, talent.content(), skills)) {
                scores.put(
                        talent.id(),
                        TalentScoring.fit(
                                        need,
                                        talent.content(),
                                        skills,
                                        county,
                                        "match.talent.hometown-county",
                                        code -> code,
                                        (key, args) -> key)
                                .score());
            }
        }
        return scores;
    }

    /**
     * Every open need of a verified firm that the talent is eligible for, with its exact score from
     * {@link TalentScoring}: the mirror of {@link #bruteForce(List, TalentNeedContent, Function, Set)}.
     */
    static Map<UUID, Double> bruteForce(
            TalentProfileContent talent, Set<String> skills, List<Need> openNeeds, Set<String> county) {
        Map<UUID, Double> scores = new HashMap<>();
        for (Need need : openNeeds) {
            if (TalentScoring.eligible(need.content(), talent, skills)) {
                scores.put(
                        need.id(),
                        TalentScoring.fit(
                                        need.content(),
                                        talent,
                                        skills,
                                        county,
                                        "match.talent.hometown-county",
                                        code -> code,
                                        (key, args) -> key)
                                .score());
            }
        }
        return scores;
    }

    /** Every open need of a verified firm in PostgreSQL, with what matching reads of it. */
    static List<Need> allOpenNeeds(JdbcClient jdbc) {
        return jdbc.sql("""
                select n.id, n.industry, n.required_skills, n.preferred_skills, n.min_education, n.min_years_experience,
                       n.salary_min_fen, n.salary_max_fen, n.region
                from talent_need n join organization o on o.id = n.organization_id
                where n.status = 'open' and o.verified_at is not null""")
                .query((rs, n) -> new Need(
                        rs.getObject("id", UUID.class),
                        new TalentNeedContent(
                                "",
                                null,
                                rs.getString("industry"),
                                1,
                                SqlArrays.strings(rs.getArray("required_skills")),
                                SqlArrays.strings(rs.getArray("preferred_skills")),
                                EducationLevel.valueOf(
                                        rs.getString("min_education").toUpperCase(Locale.ROOT)),
                                rs.getInt("min_years_experience"),
                                rs.getLong("salary_min_fen"),
                                rs.getLong("salary_max_fen"),
                                rs.getString("region"),
                                null,
                                List.of())))
                .list();
    }

    /** Every talent profile in PostgreSQL (what the brute force must consider), with what matching reads of it. */
    static List<Talent> allTalents(JdbcClient jdbc) {
        return jdbc.sql("""
                select id, skills, education, years_experience, hometown_region, willing_to_return, salary_min_fen,
                       salary_max_fen, visibility
                from talent_profile""")
                .query((rs, n) -> new Talent(
                        rs.getObject("id", UUID.class),
                        new TalentProfileContent(
                                "",
                                SqlArrays.strings(rs.getArray("skills")),
                                List.of(),
                                EducationLevel.valueOf(rs.getString("education").toUpperCase(Locale.ROOT)),
                                rs.getInt("years_experience"),
                                "",
                                rs.getString("hometown_region"),
                                rs.getBoolean("willing_to_return"),
                                rs.getLong("salary_min_fen"),
                                rs.getLong("salary_max_fen"),
                                null,
                                null,
                                null,
                                Visibility.valueOf(rs.getString("visibility").toUpperCase(Locale.ROOT)))))
                .list();
    }

    private List<String> pickSome(String[] values, int least, int most) {
        List<String> shuffled = new ArrayList<>(Arrays.asList(values));
        Collections.shuffle(shuffled, random);
        return List.copyOf(shuffled.subList(0, least + random.nextInt(most - least + 1)));
    }

    /**
     * Takes the county off the market: its offers in {@code offerTable} (loan_product, guarantee_product or
     * investment_offer) retired, its requests withdrawn. The caller re-indexes them.
     */
    List<UUID> retire(String offerTable) {
        return jdbc.sql("update " + offerTable
                        + " set status = 'retired', version = version + 1 where created_by = :creator"
                        + " and status <> 'retired' returning id")
                .param("creator", CREATOR)
                .query(UUID.class)
                .list();
    }

    List<UUID> withdrawRequests() {
        return jdbc.sql("""
                update financing_request set status = 'withdrawn', withdrawn_at = now(), version = version + 1
                where created_by = :creator and status = 'open' returning id""").param("creator", CREATOR).query(UUID.class).list();
    }

    /**
     * Every eligible product with its exact score, computed here in Java from the same rules and weights:
     * amount sweet spot, term, rate against the firm's maximum, and the lender's response time.
     */
    static Map<UUID, Double> bruteForce(
            List<Product> products,
            Request request,
            OffersForRequest.Target target,
            LenderResponseTimes.Snapshot responseTimes) {
        Map<UUID, Double> scores = new HashMap<>();
        RequestContent content = request.content();
        for (Product product : products) {
            LoanTerms terms = product.terms();
            if (!terms.fits(content, request.tier(), target.industries(), target.regions())) {
                continue;
            }
            long middle = LoanProductScoring.middle(terms.amountMinFen(), terms.amountMaxFen());
            double score = LoanProductScoring.AMOUNT_WEIGHT
                            * LoanProductScoring.gauss(
                                    middle, content.amountFen(), LoanProductScoring.amountScale(content.amountFen()))
                    + LoanProductScoring.TERM_WEIGHT
                            * LoanProductScoring.gauss(
                                    (terms.termMinMonths() + terms.termMaxMonths()) / 2,
                                    content.termMonths(),
                                    LoanProductScoring.TERM_SCALE_MONTHS)
                    + LoanProductScoring.RATE_WEIGHT
                            * LoanProductScoring.gauss(
                                    terms.rateMinBp(), 0, LoanProductScoring.rateScale(content.maxAnnualRateBp()))
                    + responseTimes
                            .rankedBy(product.bank())
                            .map(LoanProductScoring::responseFit)
                            .orElse(0.0);
            scores.put(product.id(), score);
        }
        return scores;
    }

    /** Every active guarantee product that fits the request, scored by fee and coverage as the query scores it. */
    static Map<UUID, Double> bruteForceGuarantees(List<GuaranteeProduct> active, OffersForRequest.Target target) {
        Map<UUID, Double> scores = new HashMap<>();
        for (GuaranteeProduct product : active) {
            GuaranteeTerms terms = product.terms();
            if (GuaranteeScoring.fits(terms, target.content(), target.firmTier(), target.industries())) {
                scores.put(
                        product.state().id(),
                        GuaranteeScoring.feeFit(terms.annualFeeRateBp())
                                + GuaranteeScoring.coverageFit(terms.coverageRatioBp()));
            }
        }
        return scores;
    }

    /** Every active investment offer whose ticket and industries fit the request, scored by the ticket's middle. */
    static Map<UUID, Double> bruteForceInvestments(List<InvestmentOffer> active, OffersForRequest.Target target) {
        Map<UUID, Double> scores = new HashMap<>();
        for (InvestmentOffer offer : active) {
            if (InvestmentScoring.fits(offer.terms(), target.content(), target.industries())) {
                scores.put(
                        offer.state().id(),
                        InvestmentScoring.ticketFit(
                                offer.terms(), target.content().amountFen()));
            }
        }
        return scores;
    }

    /** nDCG@10 with the brute-force score as graded relevance (0 for an ineligible product). */
    static double ndcgAt10(List<UUID> ranked, Map<UUID, Double> ideal) {
        double dcg = 0;
        for (int i = 0; i < Math.min(10, ranked.size()); i++) {
            dcg += ideal.getOrDefault(ranked.get(i), 0.0) / log2(i + 2);
        }
        List<Double> best = ideal.values().stream()
                .sorted(Comparator.reverseOrder())
                .limit(10)
                .toList();
        double idcg = 0;
        for (int i = 0; i < best.size(); i++) {
            idcg += best.get(i) / log2(i + 2);
        }
        return idcg == 0 ? 1.0 : dcg / idcg;
    }

    private static double log2(int x) {
        return Math.log(x) / Math.log(2);
    }

    private List<String> pick(String[] values, double chanceOfAny) {
        if (random.nextDouble() < chanceOfAny) {
            return List.of();
        }
        List<String> picked = new ArrayList<>(Arrays.asList(values));
        Collections.shuffle(picked, random);
        return List.copyOf(picked.subList(0, 1 + random.nextInt(Math.min(3, values.length))));
    }
}
