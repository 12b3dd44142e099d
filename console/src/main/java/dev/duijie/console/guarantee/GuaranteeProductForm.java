package dev.duijie.console.guarantee;

import dev.duijie.console.backend.model.EnterpriseTier;
import dev.duijie.console.backend.model.GuaranteeProduct;
import dev.duijie.console.backend.model.GuaranteeProductDraft;
import dev.duijie.console.offers.NumberInput;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A guarantee product as typed: the maximum in 万元, coverage and fee in percent.
 *
 * @param name the product's name
 * @param description what it is for
 * @param maxAmountWan the largest loan it guarantees, in 万元
 * @param coveragePercent the share of the loan it covers, in percent
 * @param feePercent the annual fee on the guaranteed amount, in percent
 * @param industries industries it serves (none: any)
 * @param tiers enterprise tiers it serves (none: any)
 * @param counterGuaranteeRequired whether it asks for a counter-guarantee
 * @param idempotencyKey made when a new product's form was shown
 * @param etag the version read, for an edit
 */
public record GuaranteeProductForm(
        @Nullable String name,
        @Nullable String description,
        @Nullable String maxAmountWan,
        @Nullable String coveragePercent,
        @Nullable String feePercent,
        @Nullable List<String> industries,
        @Nullable List<String> tiers,
        @Nullable Boolean counterGuaranteeRequired,
        @Nullable String idempotencyKey,
        @Nullable String etag) {

    static final List<String> FIELDS = List.of(
            "name",
            "description",
            "maxAmountFen",
            "coverageRatioBp",
            "annualFeeRateBp",
            "industries",
            "tiers",
            "counterGuaranteeRequired");

    static GuaranteeProductForm empty() {
        return new GuaranteeProductForm(
                null,
                null,
                null,
                null,
                null,
                List.of(),
                List.of(),
                false,
                UUID.randomUUID().toString(),
                null);
    }

    static GuaranteeProductForm of(GuaranteeProduct product, @Nullable String etag) {
        return new GuaranteeProductForm(
                product.getName(),
                product.getDescription(),
                NumberInput.fenToWan(product.getMaxAmountFen()),
                NumberInput.bpToPercent(product.getCoverageRatioBp()),
                NumberInput.bpToPercent(product.getAnnualFeeRateBp()),
                List.copyOf(product.getIndustries()),
                product.getTiers().stream().map(EnterpriseTier::getValue).toList(),
                product.getCounterGuaranteeRequired(),
                null,
                etag);
    }

    public boolean hasIndustry(String code) {
        return industries != null && industries.contains(code);
    }

    public boolean hasTier(String code) {
        return tiers != null && tiers.contains(code);
    }

    /** Field (as the contract names it) → kind of input the console could not read. */
    Map<String, String> unreadable() {
        Map<String, String> unreadable = new LinkedHashMap<>();
        if (NumberInput.wanToFen(maxAmountWan) == null) {
            unreadable.put("maxAmountFen", "wan");
        }
        if (NumberInput.percentToBp(coveragePercent) == null) {
            unreadable.put("coverageRatioBp", "number");
        }
        if (NumberInput.percentToBp(feePercent) == null) {
            unreadable.put("annualFeeRateBp", "number");
        }
        return unreadable;
    }

    /** The draft to send; call only when {@link #unreadable()} is empty. */
    @SuppressWarnings("NullAway") // numbers checked by unreadable()
    GuaranteeProductDraft draft() {
        GuaranteeProductDraft draft = new GuaranteeProductDraft(
                name == null ? "" : name.strip(),
                NumberInput.wanToFen(maxAmountWan),
                NumberInput.percentToBp(coveragePercent),
                NumberInput.percentToBp(feePercent),
                new LinkedHashSet<>(industries == null ? List.of() : industries),
                new LinkedHashSet<>((tiers == null ? List.<String>of() : tiers)
                        .stream().map(EnterpriseTier::fromValue).toList()),
                Boolean.TRUE.equals(counterGuaranteeRequired));
        if (description != null && !description.isBlank()) {
            draft.setDescription(description.strip());
        }
        return draft;
    }
}
