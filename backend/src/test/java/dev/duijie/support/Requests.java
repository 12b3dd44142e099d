package dev.duijie.support;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** Request bodies as a client writes them. */
public final class Requests {

    private Requests() {}

    /** A word no other test data contains, to find a test's documents in the shared search index. */
    public static String uniqueWord() {
        StringBuilder word = new StringBuilder("zq");
        for (int i = 0; i < 10; i++) {
            word.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return word.toString();
    }

    /** A valid financing request draft; tests change one field to make it invalid. */
    public static Map<String, Object> financingDraft(String title) {
        Map<String, Object> draft = new LinkedHashMap<>();
        draft.put("title", title);
        draft.put("purpose", "扩建老腊肉熏制车间");
        draft.put("description", "采用传统柴火熏制工艺，年产老腊肉200吨。");
        draft.put("amountFen", 300_000_000L);
        draft.put("termMonths", 36);
        draft.put("industry", "cured-pork");
        draft.put("region", "donghe");
        draft.put("collateralOffered", List.of("real_estate", "equipment"));
        draft.put("guaranteeWanted", true);
        draft.put("maxAnnualRateBp", 480);
        return draft;
    }

    /** A loan product for cured-pork and lacquer firms in the county, 50万–500万元, 12–60 months. */
    public static Map<String, Object> loanProduct(String name) {
        Map<String, Object> product = new LinkedHashMap<>();
        product.put("name", name);
        product.put("description", "面向县内特色产业小微企业的流动资金和技改贷款。");
        product.put("amountMinFen", 50_000_000L);
        product.put("amountMaxFen", 500_000_000L);
        product.put("termMinMonths", 12);
        product.put("termMaxMonths", 60);
        product.put("rateMinBp", 380);
        product.put("rateMaxBp", 550);
        product.put("industries", List.of("cured-pork", "lacquer-craft"));
        product.put("regions", List.of());
        product.put("tiers", List.of("micro", "small"));
        product.put("collateralAccepted", List.of("real_estate", "equipment"));
        product.put("guaranteeRequired", false);
        product.put("policyTags", List.of("first_loan"));
        return product;
    }

    public static Map<String, Object> guaranteeProduct(String name) {
        Map<String, Object> product = new LinkedHashMap<>();
        product.put("name", name);
        product.put("maxAmountFen", 1_000_000_000L);
        product.put("coverageRatioBp", 8000);
        product.put("annualFeeRateBp", 100);
        product.put("industries", List.of());
        product.put("tiers", List.of());
        product.put("counterGuaranteeRequired", false);
        return product;
    }

    /** A bid on a request of 300万元 (see financingDraft): 36 months, no guarantor, bank 50 % / fund 50 %. */
    public static Map<String, Object> bid(int annualRateBp) {
        Map<String, Object> bid = new LinkedHashMap<>();
        bid.put("amountFen", 300_000_000L);
        bid.put("annualRateBp", annualRateBp);
        bid.put("termMonths", 36);
        bid.put("feesFen", 0L);
        bid.put("conditions", "按季付息，到期还本");
        bid.put(
                "validUntil",
                Instant.now()
                        .plus(30, ChronoUnit.DAYS)
                        .truncatedTo(ChronoUnit.SECONDS)
                        .toString());
        bid.put("riskSplit", split(5000, 0, 5000));
        bid.put("policyBasis", List.of());
        return bid;
    }

    public static Map<String, Object> split(int bankShareBp, int guarantorShareBp, int fundShareBp) {
        return Map.of("bankShareBp", bankShareBp, "guarantorShareBp", guarantorShareBp, "fundShareBp", fundShareBp);
    }

    public static Map<String, Object> publication(int daysAhead) {
        return Map.of(
                "bidDeadline",
                Instant.now()
                        .plus(daysAhead, ChronoUnit.DAYS)
                        .truncatedTo(ChronoUnit.SECONDS)
                        .toString());
    }

    /** A talent's profile: cured-pork skills, from 东河镇, working in 深圳, willing to return, public. */
    public static Map<String, Object> talentProfile(String name, String phone) {
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("displayName", name);
        profile.put("skills", List.of("meat-curing", "food-safety"));
        profile.put("tags", List.of("抖音运营"));
        profile.put("education", "associate");
        profile.put("yearsExperience", 8);
        profile.put("currentCity", "深圳");
        profile.put("hometownRegion", "donghe");
        profile.put("willingToReturn", true);
        profile.put("salaryMinFen", 800_000L);
        profile.put("salaryMaxFen", 1_200_000L);
        profile.put("resume", "在深圳食品厂负责腊肉生产线八年。");
        profile.put("phone", phone);
        profile.put("email", "talent@demo.duijie.local");
        profile.put("visibility", "public");
        return profile;
    }

    /** A cured-pork workshop need in 东河镇 asking for meat curing (food safety preferred). */
    public static Map<String, Object> talentNeed(int headcount) {
        Map<String, Object> need = new LinkedHashMap<>();
        need.put("title", "腊肉车间生产主管");
        need.put("description", "负责熏制车间生产与质量管理。");
        need.put("industry", "cured-pork");
        need.put("headcount", headcount);
        need.put("requiredSkills", List.of("meat-curing"));
        need.put("preferredSkills", List.of("food-safety"));
        need.put("minEducation", "secondary");
        need.put("minYearsExperience", 3);
        need.put("salaryMinFen", 700_000L);
        need.put("salaryMaxFen", 1_100_000L);
        need.put("region", "donghe");
        need.put("benefits", "提供人才公寓，安家补贴5万元");
        need.put("policyTags", List.of("housing_subsidy", "settling_allowance"));
        return need;
    }

    /** An equity offer of 100万–800万元 for cured-pork and culture-tourism firms in their growth stage. */
    public static Map<String, Object> investmentOffer(String name) {
        Map<String, Object> offer = new LinkedHashMap<>();
        offer.put("name", name);
        offer.put("kind", "equity");
        offer.put("ticketMinFen", 100_000_000L);
        offer.put("ticketMaxFen", 800_000_000L);
        offer.put("industries", List.of("cured-pork", "culture-tourism-wellness"));
        offer.put("stages", List.of("growth"));
        offer.put("hometownTie", "城关镇人，在深圳经营建材二十年");
        return offer;
    }

    /** A spring campaign for talents from 东河镇 (or willing to return). */
    public static Map<String, Object> campaign(String theme) {
        Map<String, Object> campaign = new LinkedHashMap<>();
        campaign.put("theme", theme);
        campaign.put("startsOn", LocalDate.of(2027, 1, 20).toString());
        campaign.put("endsOn", LocalDate.of(2027, 2, 20).toString());
        campaign.put("targetRegions", List.of("donghe"));
        campaign.put("incentives", "返乡就业一次性补贴1万元");
        return campaign;
    }
}
