package dev.duijie.console.financing;

import dev.duijie.console.backend.model.CollateralType;
import dev.duijie.console.backend.model.FinancingRequest;
import dev.duijie.console.backend.model.FinancingRequestDraft;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What a person typed into the request form, kept as text so a refused form comes back exactly as typed. Amounts
 * are typed in 万元 and rates in percent; they become whole fen and basis points here, exactly (BigDecimal), and
 * a number that cannot be read is said beside its field. Every other rule is the backend's.
 */
public class RequestForm {

    /** Fen in one 万元. */
    private static final int WAN_DIGITS = 6;

    private String title = "";
    private String purpose = "";
    private String description = "";
    private String amountWan = "";
    private String termMonths = "";
    private String industry = "";
    private String region = "";
    private List<String> collateral = new ArrayList<>();
    private String guaranteeWanted = "false";
    private String maxRatePercent = "";
    /** A new form's idempotency key: a double submit creates one request, not two. */
    private String idempotencyKey = UUID.randomUUID().toString();
    /** The ETag read with the request being edited, sent back as If-Match. */
    private String version = "";

    static RequestForm of(FinancingRequest request, @Nullable String etag) {
        RequestForm form = new RequestForm();
        form.title = request.getTitle();
        form.purpose = request.getPurpose();
        form.description = request.getDescription() == null ? "" : request.getDescription();
        form.amountWan = BigDecimal.valueOf(request.getAmountFen())
                .movePointLeft(WAN_DIGITS)
                .stripTrailingZeros()
                .toPlainString();
        form.termMonths = String.valueOf(request.getTermMonths());
        form.industry = request.getIndustry();
        form.region = request.getRegion();
        form.collateral = new ArrayList<>(request.getCollateralOffered().stream()
                .map(CollateralType::getValue)
                .toList());
        form.guaranteeWanted = String.valueOf(request.getGuaranteeWanted());
        form.maxRatePercent = BigDecimal.valueOf(request.getMaxAnnualRateBp(), 2)
                .stripTrailingZeros()
                .toPlainString();
        form.version = etag == null ? "" : etag;
        return form;
    }

    /**
     * The draft to send, and beside it the fields whose text is not a number the console can read (message keys by
     * contract field). A field left out is sent empty, so the backend names it.
     */
    @SuppressWarnings("NullAway") // unreadable or empty fields go out as null, for the backend to name them
    Converted toDraft() {
        Map<String, String> unreadable = new LinkedHashMap<>();
        FinancingRequestDraft draft = new FinancingRequestDraft();
        draft.setTitle(blankToNull(title));
        draft.setPurpose(blankToNull(purpose));
        draft.setDescription(blankToNull(description));
        draft.setAmountFen(fen(amountWan, unreadable));
        draft.setTermMonths(whole(termMonths, "termMonths", unreadable));
        draft.setIndustry(blankToNull(industry));
        draft.setRegion(blankToNull(region));
        Set<CollateralType> offered = new LinkedHashSet<>();
        for (String code : collateral) {
            try {
                offered.add(CollateralType.fromValue(code));
            } catch (IllegalArgumentException unknown) {
                unreadable.put("collateralOffered", "enterprise.form.unreadable.choice");
            }
        }
        draft.setCollateralOffered(offered);
        draft.setGuaranteeWanted(Boolean.parseBoolean(guaranteeWanted));
        draft.setMaxAnnualRateBp(basisPoints(maxRatePercent, unreadable));
        return new Converted(draft, unreadable);
    }

    record Converted(FinancingRequestDraft draft, Map<String, String> unreadable) {}

    private static @Nullable String blankToNull(String text) {
        return text.isBlank() ? null : text.strip();
    }

    private static @Nullable Long fen(String wan, Map<String, String> unreadable) {
        if (wan.isBlank()) {
            return null;
        }
        try {
            BigDecimal fen = new BigDecimal(wan.strip().replace(",", "")).movePointRight(WAN_DIGITS);
            if (fen.stripTrailingZeros().scale() > 0) {
                unreadable.put("amountFen", "enterprise.form.unreadable.amount-precision");
                return null;
            }
            return fen.longValueExact();
        } catch (NumberFormatException | ArithmeticException notANumber) {
            unreadable.put("amountFen", "enterprise.form.unreadable.amount");
            return null;
        }
    }

    private static @Nullable Integer basisPoints(String percent, Map<String, String> unreadable) {
        if (percent.isBlank()) {
            return null;
        }
        try {
            BigDecimal bp = new BigDecimal(percent.strip().replace("%", "")).movePointRight(2);
            if (bp.stripTrailingZeros().scale() > 0) {
                unreadable.put("maxAnnualRateBp", "enterprise.form.unreadable.rate-precision");
                return null;
            }
            return bp.intValueExact();
        } catch (NumberFormatException | ArithmeticException notANumber) {
            unreadable.put("maxAnnualRateBp", "enterprise.form.unreadable.rate");
            return null;
        }
    }

    private static @Nullable Integer whole(String text, String field, Map<String, String> unreadable) {
        if (text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException notANumber) {
            unreadable.put(field, "enterprise.form.unreadable.whole");
            return null;
        }
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(@Nullable String title) {
        this.title = title == null ? "" : title;
    }

    public String getPurpose() {
        return purpose;
    }

    public void setPurpose(@Nullable String purpose) {
        this.purpose = purpose == null ? "" : purpose;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(@Nullable String description) {
        this.description = description == null ? "" : description;
    }

    public String getAmountWan() {
        return amountWan;
    }

    public void setAmountWan(@Nullable String amountWan) {
        this.amountWan = amountWan == null ? "" : amountWan;
    }

    public String getTermMonths() {
        return termMonths;
    }

    public void setTermMonths(@Nullable String termMonths) {
        this.termMonths = termMonths == null ? "" : termMonths;
    }

    public String getIndustry() {
        return industry;
    }

    public void setIndustry(@Nullable String industry) {
        this.industry = industry == null ? "" : industry;
    }

    public String getRegion() {
        return region;
    }

    public void setRegion(@Nullable String region) {
        this.region = region == null ? "" : region;
    }

    public List<String> getCollateral() {
        return collateral;
    }

    public void setCollateral(@Nullable List<String> collateral) {
        this.collateral = collateral == null ? new ArrayList<>() : collateral;
    }

    public String getGuaranteeWanted() {
        return guaranteeWanted;
    }

    public void setGuaranteeWanted(@Nullable String guaranteeWanted) {
        this.guaranteeWanted = guaranteeWanted == null ? "false" : guaranteeWanted;
    }

    public String getMaxRatePercent() {
        return maxRatePercent;
    }

    public void setMaxRatePercent(@Nullable String maxRatePercent) {
        this.maxRatePercent = maxRatePercent == null ? "" : maxRatePercent;
    }

    public String getIdempotencyKey() {
        return idempotencyKey;
    }

    public void setIdempotencyKey(@Nullable String idempotencyKey) {
        this.idempotencyKey = idempotencyKey == null || idempotencyKey.isBlank()
                ? UUID.randomUUID().toString()
                : idempotencyKey;
    }

    public String getVersion() {
        return version;
    }

    public void setVersion(@Nullable String version) {
        this.version = version == null ? "" : version;
    }
}
