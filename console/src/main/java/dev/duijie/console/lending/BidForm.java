package dev.duijie.console.lending;

import dev.duijie.console.backend.model.BidDraft;
import dev.duijie.console.backend.model.FinancingRequest;
import dev.duijie.console.backend.model.GuaranteeTerms;
import dev.duijie.console.backend.model.PolicyBasis;
import dev.duijie.console.backend.model.RiskSplit;
import dev.duijie.console.web.Formats;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The bid form as typed: amounts in 万元 and 元, rates and shares in percent. {@link #toDraft} makes the contract's
 * BidDraft of it (or names the fields that are not numbers); the backend checks everything else.
 */
public class BidForm {

    /** Form field per contract field, to put the backend's messages beside the right input. */
    static final Map<String, String> FIELDS = new LinkedHashMap<>();

    static {
        FIELDS.put("amountFen", "amount");
        FIELDS.put("annualRateBp", "rate");
        FIELDS.put("termMonths", "term");
        FIELDS.put("feesFen", "fees");
        FIELDS.put("validUntil", "validUntil");
        FIELDS.put("loanProductId", "loanProductId");
        FIELDS.put("guarantee", "guarantee");
        FIELDS.put("riskSplit.bankShareBp", "bankShare");
        FIELDS.put("riskSplit.guarantorShareBp", "guarantorShare");
        FIELDS.put("riskSplit.fundShareBp", "fundShare");
        FIELDS.put("riskSplit", "shares");
        FIELDS.put("policyBasis", "policyBasis");
        FIELDS.put("conditions", "conditions");
    }

    /** The form fields that have a place for a message. */
    public static List<String> fieldNames() {
        return List.copyOf(new LinkedHashSet<>(FIELDS.values()));
    }

    private @Nullable String amount;
    private @Nullable String rate;
    private @Nullable String term;
    private @Nullable String fees = "0";
    private @Nullable String validUntil;
    private @Nullable String loanProductId;
    /** "guarantorOrganizationId/guaranteeProductId", or empty for none. */
    private @Nullable String guarantee;

    private @Nullable String bankShare = "100";
    private @Nullable String guarantorShare = "0";
    private @Nullable String fundShare = "0";
    private boolean firstLoan;
    private boolean ipPledge;
    private @Nullable String conditions;
    private @Nullable String idempotencyKey;

    /** A new form for a request: its amount and term, valid for 30 days, a fresh idempotency key. */
    static BidForm forRequest(FinancingRequest request) {
        BidForm form = new BidForm();
        form.amount = Inputs.wan(request.getAmountFen());
        form.term = String.valueOf(request.getTermMonths());
        form.rate = Inputs.percent(request.getMaxAnnualRateBp());
        form.validUntil = LocalDate.now(Formats.COUNTY_TIME).plusDays(30).toString();
        form.idempotencyKey = UUID.randomUUID().toString();
        return form;
    }

    /** The draft, or null when a field is not a number (its message then in {@code errors}). */
    @Nullable
    BidDraft toDraft(Inputs inputs) {
        Long amountFen = inputs.wanToFen(amount, "amount");
        Integer rateBp = inputs.percentToBp(rate, "rate");
        Integer months = inputs.integer(term, "term");
        Long feesFen = inputs.yuanToFen(fees == null || fees.isBlank() ? "0" : fees, "fees");
        OffsetDateTime until = inputs.endOfDay(validUntil, "validUntil");
        Integer bank = inputs.percentToBp(bankShare, "bankShare");
        Integer guarantor = inputs.percentToBp(blankAsZero(guarantorShare), "guarantorShare");
        Integer fund = inputs.percentToBp(blankAsZero(fundShare), "fundShare");
        UUID product = uuid(loanProductId);
        GuaranteeTerms guaranteeTerms = guaranteeTerms();
        if (amountFen == null
                || rateBp == null
                || months == null
                || feesFen == null
                || until == null
                || bank == null
                || guarantor == null
                || fund == null) {
            return null;
        }
        Set<PolicyBasis> basis = new LinkedHashSet<>();
        if (firstLoan) {
            basis.add(PolicyBasis.FIRST_LOAN);
        }
        if (ipPledge) {
            basis.add(PolicyBasis.IP_PLEDGE);
        }
        return new BidDraft()
                .amountFen(amountFen)
                .annualRateBp(rateBp)
                .termMonths(months)
                .feesFen(feesFen)
                .validUntil(until)
                .conditions(Inputs.blankToNull(conditions))
                .loanProductId(product)
                .guarantee(guaranteeTerms)
                .riskSplit(new RiskSplit()
                        .bankShareBp(bank)
                        .guarantorShareBp(guarantor)
                        .fundShareBp(fund))
                .policyBasis(basis);
    }

    private @Nullable GuaranteeTerms guaranteeTerms() {
        if (guarantee == null || !guarantee.contains("/")) {
            return null;
        }
        String[] ids = guarantee.split("/", 2);
        UUID organization = uuid(ids[0]);
        UUID product = uuid(ids[1]);
        return organization == null || product == null
                ? null
                : new GuaranteeTerms().guarantorOrganizationId(organization).guaranteeProductId(product);
    }

    private static String blankAsZero(@Nullable String text) {
        return text == null || text.isBlank() ? "0" : text;
    }

    private static @Nullable UUID uuid(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(text.trim());
        } catch (IllegalArgumentException | DateTimeParseException notAnId) {
            return null;
        }
    }

    // the typed shares in basis points, for drawing the split bar (null when not a number)
    public int bankBp() {
        return bp(bankShare);
    }

    public int guarantorBp() {
        return bp(guarantorShare);
    }

    public int fundBp() {
        return bp(fundShare);
    }

    private static int bp(@Nullable String percent) {
        try {
            return percent == null || percent.isBlank()
                    ? 0
                    : new java.math.BigDecimal(percent.trim()).movePointRight(2).intValue();
        } catch (NumberFormatException notANumber) {
            return 0;
        }
    }

    public @Nullable String getAmount() {
        return amount;
    }

    public void setAmount(@Nullable String amount) {
        this.amount = amount;
    }

    public @Nullable String getRate() {
        return rate;
    }

    public void setRate(@Nullable String rate) {
        this.rate = rate;
    }

    public @Nullable String getTerm() {
        return term;
    }

    public void setTerm(@Nullable String term) {
        this.term = term;
    }

    public @Nullable String getFees() {
        return fees;
    }

    public void setFees(@Nullable String fees) {
        this.fees = fees;
    }

    public @Nullable String getValidUntil() {
        return validUntil;
    }

    public void setValidUntil(@Nullable String validUntil) {
        this.validUntil = validUntil;
    }

    public @Nullable String getLoanProductId() {
        return loanProductId;
    }

    public void setLoanProductId(@Nullable String loanProductId) {
        this.loanProductId = loanProductId;
    }

    public @Nullable String getGuarantee() {
        return guarantee;
    }

    public void setGuarantee(@Nullable String guarantee) {
        this.guarantee = guarantee;
    }

    public @Nullable String getBankShare() {
        return bankShare;
    }

    public void setBankShare(@Nullable String bankShare) {
        this.bankShare = bankShare;
    }

    public @Nullable String getGuarantorShare() {
        return guarantorShare;
    }

    public void setGuarantorShare(@Nullable String guarantorShare) {
        this.guarantorShare = guarantorShare;
    }

    public @Nullable String getFundShare() {
        return fundShare;
    }

    public void setFundShare(@Nullable String fundShare) {
        this.fundShare = fundShare;
    }

    public boolean isFirstLoan() {
        return firstLoan;
    }

    public void setFirstLoan(boolean firstLoan) {
        this.firstLoan = firstLoan;
    }

    public boolean isIpPledge() {
        return ipPledge;
    }

    public void setIpPledge(boolean ipPledge) {
        this.ipPledge = ipPledge;
    }

    public @Nullable String getConditions() {
        return conditions;
    }

    public void setConditions(@Nullable String conditions) {
        this.conditions = conditions;
    }

    public @Nullable String getIdempotencyKey() {
        return idempotencyKey;
    }

    public void setIdempotencyKey(@Nullable String idempotencyKey) {
        this.idempotencyKey = idempotencyKey;
    }
}
