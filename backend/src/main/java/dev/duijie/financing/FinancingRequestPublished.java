package dev.duijie.financing;

import java.time.Instant;
import java.util.UUID;

/** A request opened to lenders. Published inside the publishing transaction. */
public record FinancingRequestPublished(UUID requestId, Instant publishedAt) {}
