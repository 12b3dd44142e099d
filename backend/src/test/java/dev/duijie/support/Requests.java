package dev.duijie.support;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Request bodies as a client writes them. */
public final class Requests {

    private Requests() {
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

    public static Map<String, Object> publication(int daysAhead) {
        return Map.of("bidDeadline", Instant.now().plus(daysAhead, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString());
    }
}
