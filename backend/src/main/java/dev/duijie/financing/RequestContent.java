package dev.duijie.financing;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** What an enterprise writes in a financing request; amounts in fen, rates in basis points. */
public record RequestContent(
        String title,
        String purpose,
        @Nullable String description,
        long amountFen,
        int termMonths,
        String industry,
        String region,
        List<String> collateralOffered,
        boolean guaranteeWanted,
        int maxAnnualRateBp) {}
