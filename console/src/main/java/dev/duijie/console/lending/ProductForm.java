package dev.duijie.console.lending;

import dev.duijie.console.backend.model.CollateralType;
import dev.duijie.console.backend.model.EnterpriseTier;
import dev.duijie.console.backend.model.LoanProduct;
import dev.duijie.console.backend.model.LoanProductDraft;
import dev.duijie.console.backend.model.PolicyTag;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A loan product's form as typed: amounts in 万元, rates in percent, the vocabularies as checked boxes. */
public class ProductForm {

    static final Map<String, String> FIELDS = new LinkedHashMap<>();

    static {
        FIELDS.put("name", "name");
        FIELDS.put("description", "description");
        FIELDS.put("amountMinFen", "amountMin");
        FIELDS.put("amountMaxFen", "amountMax");
        FIELDS.put("termMinMonths", "termMin");
        FIELDS.put("termMaxMonths", "termMax");
        FIELDS.put("rateMinBp", "rateMin");
        FIELDS.put("rateMaxBp", "rateMax");
        FIELDS.put("industries", "industries");
        FIELDS.put("regions", "regions");
        FIELDS.put("tiers", "tiers");
        FIELDS.put("collateralAccepted", "collateralAccepted");
        FIELDS.put("guaranteeRequired", "guaranteeRequired");
        FIELDS.put("policyTags", "policyTags");
    }

    private @Nullable String name;
    private @Nullable String description;
    private @Nullable String amountMin;
    private @Nullable String amountMax;
    private @Nullable String termMin;
    private @Nullable String termMax;
    private @Nullable String rateMin;
    private @Nullable String rateMax;
    private List<String> industries = new ArrayList<>();
    private List<String> regions = new ArrayList<>();
    private List<String> tiers = new ArrayList<>();
    private List<String> collateralAccepted = new ArrayList<>();
    private boolean guaranteeRequired;
    private List<String> policyTags = new ArrayList<>();
    private @Nullable String idempotencyKey = UUID.randomUUID().toString();
    private @Nullable String etag;

    static ProductForm of(LoanProduct product, @Nullable String etag) {
        ProductForm form = new ProductForm();
        form.name = product.getName();
        form.description = product.getDescription();
        form.amountMin = Inputs.wan(product.getAmountMinFen());
        form.amountMax = Inputs.wan(product.getAmountMaxFen());
        form.termMin = String.valueOf(product.getTermMinMonths());
        form.termMax = String.valueOf(product.getTermMaxMonths());
        form.rateMin = Inputs.percent(product.getRateMinBp());
        form.rateMax = Inputs.percent(product.getRateMaxBp());
        form.industries = new ArrayList<>(product.getIndustries());
        form.regions = new ArrayList<>(product.getRegions());
        form.tiers = product.getTiers().stream().map(EnterpriseTier::getValue).toList();
        form.collateralAccepted = product.getCollateralAccepted().stream()
                .map(CollateralType::getValue)
                .toList();
        form.guaranteeRequired = Boolean.TRUE.equals(product.getGuaranteeRequired());
        form.policyTags =
                product.getPolicyTags().stream().map(PolicyTag::getValue).toList();
        form.etag = etag;
        return form;
    }

    @Nullable
    LoanProductDraft toDraft(Inputs inputs) {
        Long min = inputs.wanToFen(amountMin, "amountMin");
        Long max = inputs.wanToFen(amountMax, "amountMax");
        Integer tMin = inputs.integer(termMin, "termMin");
        Integer tMax = inputs.integer(termMax, "termMax");
        Integer rMin = inputs.percentToBp(rateMin, "rateMin");
        Integer rMax = inputs.percentToBp(rateMax, "rateMax");
        if (min == null || max == null || tMin == null || tMax == null || rMin == null || rMax == null) {
            return null;
        }
        return new LoanProductDraft()
                .name(name == null ? "" : name.trim())
                .description(Inputs.blankToNull(description))
                .amountMinFen(min)
                .amountMaxFen(max)
                .termMinMonths(tMin)
                .termMaxMonths(tMax)
                .rateMinBp(rMin)
                .rateMaxBp(rMax)
                .industries(new LinkedHashSet<>(industries))
                .regions(new LinkedHashSet<>(regions))
                .tiers(new LinkedHashSet<>(
                        tiers.stream().map(EnterpriseTier::fromValue).toList()))
                .collateralAccepted(new LinkedHashSet<>(collateralAccepted.stream()
                        .map(CollateralType::fromValue)
                        .toList()))
                .guaranteeRequired(guaranteeRequired)
                .policyTags(new LinkedHashSet<>(
                        policyTags.stream().map(PolicyTag::fromValue).toList()));
    }

    public @Nullable String getName() {
        return name;
    }

    public void setName(@Nullable String name) {
        this.name = name;
    }

    public @Nullable String getDescription() {
        return description;
    }

    public void setDescription(@Nullable String description) {
        this.description = description;
    }

    public @Nullable String getAmountMin() {
        return amountMin;
    }

    public void setAmountMin(@Nullable String amountMin) {
        this.amountMin = amountMin;
    }

    public @Nullable String getAmountMax() {
        return amountMax;
    }

    public void setAmountMax(@Nullable String amountMax) {
        this.amountMax = amountMax;
    }

    public @Nullable String getTermMin() {
        return termMin;
    }

    public void setTermMin(@Nullable String termMin) {
        this.termMin = termMin;
    }

    public @Nullable String getTermMax() {
        return termMax;
    }

    public void setTermMax(@Nullable String termMax) {
        this.termMax = termMax;
    }

    public @Nullable String getRateMin() {
        return rateMin;
    }

    public void setRateMin(@Nullable String rateMin) {
        this.rateMin = rateMin;
    }

    public @Nullable String getRateMax() {
        return rateMax;
    }

    public void setRateMax(@Nullable String rateMax) {
        this.rateMax = rateMax;
    }

    public List<String> getIndustries() {
        return industries;
    }

    public void setIndustries(List<String> industries) {
        this.industries = industries;
    }

    public List<String> getRegions() {
        return regions;
    }

    public void setRegions(List<String> regions) {
        this.regions = regions;
    }

    public List<String> getTiers() {
        return tiers;
    }

    public void setTiers(List<String> tiers) {
        this.tiers = tiers;
    }

    public List<String> getCollateralAccepted() {
        return collateralAccepted;
    }

    public void setCollateralAccepted(List<String> collateralAccepted) {
        this.collateralAccepted = collateralAccepted;
    }

    public boolean isGuaranteeRequired() {
        return guaranteeRequired;
    }

    public void setGuaranteeRequired(boolean guaranteeRequired) {
        this.guaranteeRequired = guaranteeRequired;
    }

    public List<String> getPolicyTags() {
        return policyTags;
    }

    public void setPolicyTags(List<String> policyTags) {
        this.policyTags = policyTags;
    }

    public @Nullable String getIdempotencyKey() {
        return idempotencyKey;
    }

    public void setIdempotencyKey(@Nullable String idempotencyKey) {
        this.idempotencyKey = idempotencyKey;
    }

    public @Nullable String getEtag() {
        return etag;
    }

    public void setEtag(@Nullable String etag) {
        this.etag = etag;
    }
}
