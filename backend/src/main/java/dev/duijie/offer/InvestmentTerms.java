package dev.duijie.offer;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** An investment offer's terms; empty lists mean any. Tickets in fen. */
public record InvestmentTerms(
        String name,
        @Nullable String description,
        String kind,
        long ticketMinFen,
        long ticketMaxFen,
        List<String> industries,
        List<String> stages,
        @Nullable String hometownTie) {}
